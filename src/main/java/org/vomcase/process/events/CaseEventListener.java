package org.vomcase.process.events;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.CaseVariables;

/**
 * Start of "Record a case event": applies the event to the case before the record exists; an event
 * the case cannot take (no such open case, unknown person, not allowed) rolls the start back and
 * Tasklist shows the message.
 */
@Component("caseEventListener")
public class CaseEventListener implements ExecutionListener {

  private final CaseEvents caseEvents;

  public CaseEventListener(CaseEvents caseEvents) {
    this.caseEvents = caseEvents;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** The start form's contact fields (the event "contact details changed"). */
  private static ContactCorrection.ContactChange contactChange(DelegateExecution execution) {
    return new ContactCorrection.ContactChange(CaseVariables.CONTACT_NAME.from(execution),
        CaseVariables.CONTACT_RELATION.from(execution), CaseVariables.CONTACT_PHONE.from(execution),
        CaseVariables.CONTACT_EMAIL.from(execution), CaseVariables.CONTACT_POSTAL_ADDRESS.from(execution),
        CaseVariables.CONTACT_LANGUAGE.from(execution), CaseVariables.CONTACT_INTERPRETER_NEEDED.from(execution),
        CaseVariables.CONTACT_REMOVE.from(execution));
  }

  @Override
  public void notify(DelegateExecution execution) {
    // Who records is the logged-in user, never a value the caller sent along with the form.
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw CaseInputException.of(CaseVariables.RECORDED_BY, "error.event.loggedIn");
    }
    String recordedBy = authentication.getUserId();
    CaseVariables.RECORDED_BY.on(execution).set(recordedBy);
    String caseNumber = CaseVariables.EVENT_CASE_NUMBER.from(execution);
    CaseEvents.Result result = caseEvents.record(new CaseEvents.CaseEvent(caseNumber,
        CaseVariables.EVENT_TYPE.from(execution), CaseVariables.EVENT_PERSON_ID.from(execution),
        CaseVariables.EVENT_REASON.from(execution), recordedBy,
        // As given: the event checks it and names the field when it is not a date.
        text(execution.getVariable(CaseVariables.PROCEEDINGS_ENDED_ON.name())),
        CaseVariables.PROCEEDINGS_OUTCOME.from(execution), contactChange(execution)));
    execution.setProcessBusinessKey(caseNumber.trim());
    CaseVariables.CASE_EVENT_RESULT.on(execution).set(result.name().toLowerCase(java.util.Locale.ROOT));
  }
}
