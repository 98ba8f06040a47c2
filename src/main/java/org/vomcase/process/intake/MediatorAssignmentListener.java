package org.vomcase.process.intake;

import static org.vomcase.kernel.CaseVariables.CO_MEDIATOR;
import static org.vomcase.kernel.CaseVariables.LEAD_MEDIATOR;
import static org.vomcase.kernel.CaseVariables.MEDIATORS;
import static org.vomcase.kernel.CaseVariables.MEDIATOR_OPTIONS;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vomcase.access.CaseAccess;
import org.vomcase.access.CaseRegistry;
import org.vomcase.identity.MediatorDirectory;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.Option;

/**
 * "Assign mediators" and "Reassign the case's mediators": offers the current mediators in the form when
 * the task is created, and on completion checks the choice (a mediator, and a different second one for
 * co-mediation) before recording the case's mediators in the case register ({@link CaseRegistry}, which
 * access and delivery read) and giving them the case ({@link CaseAccess}); a reassignment moves the case
 * from the mediators before to the new ones. The variables it sets drive the diagrams' task assignment.
 */
@Component("mediatorAssignmentListener")
public class MediatorAssignmentListener implements TaskListener {

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
    MEDIATOR_OPTIONS.on(task).setLocal(directory.mediators().stream().map(m -> new Option(m.displayName(), m.userId())).toList());
  }

  private void recordMediators(DelegateTask task) {
    String lead = blankToNull(LEAD_MEDIATOR.from(task));
    String co = blankToNull(CO_MEDIATOR.from(task));
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
    LEAD_MEDIATOR.on(task.getExecution()).set(lead);
    CO_MEDIATOR.on(task.getExecution()).set(co);
    MEDIATORS.on(task.getExecution()).set(mediators);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
