package org.vomcase.audit;

import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.VARIABLE_INSTANCE_CREATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.VARIABLE_INSTANCE_DELETE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.VARIABLE_INSTANCE_UPDATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.vomcase.kernel.CaseVariables;

/**
 * The history the engine keeps of a case: level full (every activity, task and decision, every variable with its last
 * value, every form submission with who and when, the user operation log) without the rows nobody reads, which were
 * half of a closed case's history (README "Performance at scale"):
 * <ul>
 *   <li><b>working values</b> ({@link CaseVariables#WORKING_VALUES}: texts and options a form shows, a person's fields
 *       laid out for a form, whole decision results whose fields have their own variables, the engine's multi-instance
 *       counters), the referral's facts a decision step lays out for its table (the case keeps them in its record of the
 *       referral, the decision's history keeps them as its inputs) and the copy of the case number each task carries for Tasklist's column are not in the history at
 *       all;</li>
 *   <li><b>past values</b> (the engine's variable-update details, {@code ACT_HI_DETAIL}) are kept for the variables of a
 *       case's own process instance, the case's record, where a changed phone number or consent shows each value it had
 *       with its time; the first value of a variable the registration writes ({@link CaseVariables#REGISTRATION}) is the
 *       referral as registered, which the case register keeps in one document, so it has no row of its own, and the first value of
 *       what a decision step writes from its result ({@link CaseVariables#DECISION_RESULTS}) is in the decision's
 *       history. A called process's or a step's own working copies (the person a consent call works on, a send
 *       task's parameters) keep their last value ({@code ACT_HI_VARINST}) but not every value before it. Each form
 *       submission still records its text fields (the form-field details) and who submitted it when (the user operation
 *       log); what the process keeps of it reaches the case's own variables.</li>
 * </ul>
 * Its id is level full's (3), so an installation's database needs no change and an installation can go back to
 * {@code full} by removing {@link CaseHistoryPlugin}.
 */
public class CaseHistoryLevel extends HistoryLevelFull {

  public static final String NAME = "vom-case";

  private static final Set<HistoryEventType> VARIABLE_EVENTS = Set.of(VARIABLE_INSTANCE_CREATE, VARIABLE_INSTANCE_UPDATE,
      VARIABLE_INSTANCE_MIGRATE, VARIABLE_INSTANCE_DELETE, VARIABLE_INSTANCE_UPDATE_DETAIL);

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    String name = variableName(entity);
    if (name != null && VARIABLE_EVENTS.contains(eventType)
        && (CaseVariables.WORKING_VALUES.contains(name) || isATasksCaseNumber(name, entity) || isAStepsFact(name, entity))) {
      return false;
    }
    if (eventType == VARIABLE_INSTANCE_UPDATE_DETAIL && entity instanceof HistoricVariableUpdateEventEntity variable) {
      return isOfTheCaseInstanceItself(variable) && !isTheRegisteredReferral(variable) && !isADecisionsFirstResult(variable);
    }
    return super.isHistoryEventProduced(eventType, entity);
  }

  /** A variable of a process instance's own scope (not a step's, a task's or a called process's), in a root instance. */
  static boolean isOfTheCaseInstanceItself(HistoricVariableUpdateEventEntity variable) {
    String instance = variable.getProcessInstanceId();
    return instance != null && variable.getTaskId() == null && instance.equals(variable.getExecutionId())
        && (variable.getRootProcessInstanceId() == null || instance.equals(variable.getRootProcessInstanceId()));
  }

  /**
   * The first value of a variable the registration writes, in a case's own instance (not a retention or another process
   * that copies the case number): the register keeps the referral as registered, the variable's
   * last value is in {@code ACT_HI_VARINST}, and every later value gets its past-value row.
   */
  static boolean isTheRegisteredReferral(HistoricVariableUpdateEventEntity variable) {
    return VARIABLE_INSTANCE_CREATE.getEventName().equals(variable.getEventType())
        && org.vomcase.kernel.CaseProcess.KEY.equals(variable.getProcessDefinitionKey())
        && CaseVariables.REGISTRATION.contains(variable.getVariableName());
  }

  /**
   * The first value of what a decision step writes from its result ({@link CaseVariables#DECISION_RESULTS}): the
   * decision's history keeps it (its outputs, with the inputs that gave them); a later value gets its past-value row.
   */
  static boolean isADecisionsFirstResult(HistoricVariableUpdateEventEntity variable) {
    return VARIABLE_INSTANCE_CREATE.getEventName().equals(variable.getEventType())
        && org.vomcase.kernel.CaseProcess.KEY.equals(variable.getProcessDefinitionKey())
        && CaseVariables.DECISION_RESULTS.contains(variable.getVariableName());
  }

  /**
   * The case number every user task carries as a task variable for Tasklist's "Case number" column ({@code
   * TaskCaseNumberPlugin}): a copy of its case's business key, which the history keeps with every instance and task.
   */
  static boolean isATasksCaseNumber(String name, Object entity) {
    if (!CaseVariables.CASE_NUMBER.name().equals(name)) {
      return false;
    }
    if (entity instanceof VariableInstance variable) {
      return variable.getTaskId() != null;
    }
    return entity instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null;
  }

  /**
   * A fact of the referral laid out for one step (a decision step's input parameter, {@code ReferralFacts}): the case
   * keeps the facts in its record of the referral, and the decision's history keeps each input it read.
   */
  static boolean isAStepsFact(String name, Object entity) {
    if (!REFERRAL_FACTS.contains(name)) {
      return false;
    }
    if (entity instanceof VariableInstance variable) {
      return isAStepsOwn(variable.getTaskId(), variable.getExecutionId(), variable.getProcessInstanceId());
    }
    return entity instanceof HistoricVariableUpdateEventEntity variable
        && isAStepsOwn(variable.getTaskId(), variable.getExecutionId(), variable.getProcessInstanceId());
  }

  private static boolean isAStepsOwn(String taskId, String executionId, String processInstanceId) {
    return taskId == null && executionId != null && processInstanceId != null && !executionId.equals(processInstanceId);
  }

  private static final Set<String> REFERRAL_FACTS = Set.copyOf(CaseVariables.REFERRAL_FACTS.stream()
      .map(org.vomcase.kernel.CaseVariable::name).toList());

  private static String variableName(Object entity) {
    if (entity instanceof VariableInstance variable) {
      return variable.getName();
    }
    if (entity instanceof HistoricVariableUpdateEventEntity variable) {
      return variable.getVariableName();
    }
    return null;
  }
}
