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

  @Override
  public void notify(DelegateExecution execution) {
    // Who records is the logged-in user, never a value the caller sent along with the form.
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new CaseInputException(CaseVariables.RECORDED_BY, "case events are recorded by a logged-in user");
    }
    String recordedBy = authentication.getUserId();
    execution.setVariable(CaseVariables.RECORDED_BY, recordedBy);
    CaseEvents.Result result = caseEvents.record(new CaseEvents.CaseEvent(
        (String) execution.getVariable(CaseVariables.EVENT_CASE_NUMBER),
        (String) execution.getVariable(CaseVariables.EVENT_TYPE),
        (String) execution.getVariable(CaseVariables.EVENT_PERSON_ID),
        (String) execution.getVariable(CaseVariables.EVENT_REASON),
        recordedBy,
        text(execution.getVariable(CaseVariables.PROCEEDINGS_ENDED_ON)),
        text(execution.getVariable(CaseVariables.PROCEEDINGS_OUTCOME))));
    execution.setProcessBusinessKey(((String) execution.getVariable(CaseVariables.EVENT_CASE_NUMBER)).trim());
    execution.setVariable("caseEventResult", result.name().toLowerCase(java.util.Locale.ROOT));
  }
}
