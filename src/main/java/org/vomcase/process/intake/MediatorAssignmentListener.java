package org.vomcase.process.intake;

import static org.vomcase.kernel.CaseVariables.CO_MEDIATOR;
import static org.vomcase.kernel.CaseVariables.LEAD_MEDIATOR;
import static org.vomcase.kernel.CaseVariables.MEDIATORS;
import static org.vomcase.kernel.CaseVariables.MEDIATOR_OPTIONS;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.vomcase.access.CaseAccess;
import org.vomcase.access.CaseRegistry;
import org.vomcase.identity.MediatorDirectory;
import org.vomcase.kernel.CaseInputException;

/**
 * "Assign mediators" and "Reassign the case's mediators": offers the current mediators in the form when
 * the task is created, and on completion checks the choice (a mediator, and a different second one for
 * co-mediation) before recording the case's mediators in the case register ({@link CaseRegistry}, which
 * access and delivery read) and giving them the case ({@link CaseAccess}); a reassignment moves the case
 * from the mediators before to the new ones. The variables it sets drive the diagrams' task assignment.
 */
@Component("mediatorAssignmentListener")
public class MediatorAssignmentListener implements TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MediatorDirectory directory;
  private final CaseAccess caseAccess;
  private final CaseRegistry registry;

  public MediatorAssignmentListener(MediatorDirectory directory, CaseAccess caseAccess, CaseRegistry registry) {
    this.directory = directory;
    this.caseAccess = caseAccess;
    this.registry = registry;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> offerMediators(task);
      case EVENTNAME_COMPLETE -> recordMediators(task);
      default -> throw new IllegalStateException("Not bound to task event " + task.getEventName());
    }
  }

  private void offerMediators(DelegateTask task) {
    ArrayNode options = JSON.createArrayNode();
    directory.mediators().forEach(m -> options.addObject().put("label", m.displayName()).put("value", m.userId()));
    task.setVariableLocal(MEDIATOR_OPTIONS, SpinValues.jsonValue(options.toString()).create());
  }

  private void recordMediators(DelegateTask task) {
    String lead = blankToNull((String) task.getVariable(LEAD_MEDIATOR));
    String co = blankToNull((String) task.getVariable(CO_MEDIATOR));
    if (lead == null) {
      throw new CaseInputException(LEAD_MEDIATOR, "choose the mediator for this case");
    }
    if (!directory.isMediator(lead)) {
      throw new CaseInputException(LEAD_MEDIATOR, "'" + lead + "' is not a member of the mediators group");
    }
    if (co != null && co.equals(lead)) {
      throw new CaseInputException(CO_MEDIATOR, "the co-mediator must be a different person from the mediator");
    }
    if (co != null && !directory.isMediator(co)) {
      throw new CaseInputException(CO_MEDIATOR, "'" + co + "' is not a member of the mediators group");
    }
    List<String> mediators = new ArrayList<>(List.of(lead));
    if (co != null) {
      mediators.add(co);
    }
    String caseNumber = task.getExecution().getProcessBusinessKey();
    List<String> before = registry.mediators(caseNumber);
    if (before.isEmpty()) {
      caseAccess.grantCase(task.getProcessInstanceId(), mediators);
    } else {
      // The same mediators in the same roles (a swap of lead and co-mediator is a change).
      if (before.equals(mediators)) {
        throw new CaseInputException(LEAD_MEDIATOR, "these are the case's mediators already; choose who takes over");
      }
      caseAccess.reassign(caseNumber, task.getProcessInstanceId(), before, lead, mediators);
    }
    registry.setMediators(caseNumber, mediators);
    task.getExecution().setVariable(LEAD_MEDIATOR, lead);
    task.getExecution().setVariable(CO_MEDIATOR, co);
    task.getExecution().setVariable(MEDIATORS, Variables.objectValue(mediators).serializationDataFormat("application/json").create());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
