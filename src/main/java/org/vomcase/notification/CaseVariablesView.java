package org.vomcase.notification;

import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.vomcase.kernel.CaseRecord;
import org.vomcase.kernel.CaseVariables;

/**
 * The case's variables as a message needs them, from any diagram: the execution's own first (the
 * person of a contact, the obligation of a check), then the case instance's (the persons, the consent
 * book, the referrer), found by walking up the call activities; a closed case's retention process reads
 * the case's record in the history ({@code caseInstanceId}), since it keeps no personal data itself.
 */
public final class CaseVariablesView {

  private static final CaseRecord CASE_RECORD = new CaseRecord();

  private CaseVariablesView() {}

  public static Function<String, Object> of(DelegateExecution execution) {
    DelegateExecution root = execution.getProcessInstance();
    while (root.getSuperExecution() != null) {
      root = root.getSuperExecution().getProcessInstance();
    }
    Object caseInstanceId = root.getVariable(CaseVariables.CASE_INSTANCE_ID);
    Function<String, Object> caseScope = caseInstanceId == null ? root::getVariable
        : CASE_RECORD.of(caseInstanceId.toString(), execution.getProcessEngineServices().getHistoryService());
    return name -> {
      Object own = execution.getVariable(name);
      return own != null ? own : caseScope.apply(name);
    };
  }
}
