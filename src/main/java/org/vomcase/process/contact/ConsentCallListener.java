package org.vomcase.process.contact;

import static org.vomcase.kernel.CaseVariables.CALL_OUTCOME;
import static org.vomcase.kernel.CaseVariables.NEXT_CALL_DATE;
import static org.vomcase.kernel.CaseVariables.UNREACHED_CALLS;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;

/**
 * "Call the person for consent": checks the outcome; "call again" needs the day of the next call
 * (after today); a call that did not reach the person counts, and the next try is two days later.
 */
@Component("consentCallListener")
public class ConsentCallListener implements TaskListener {

  /** Days between calls that did not reach the person. */
  public static final int DAYS_BETWEEN_UNANSWERED_CALLS = 2;

  @Override
  public void notify(DelegateTask task) {
    String outcome = TaskInput.required(task, CALL_OUTCOME, Vocabulary.CALL_OUTCOMES);
    LocalDate today = TaskInput.today();
    switch (outcome) {
      case "call_again" -> {
        LocalDate next = TaskInput.date(task, NEXT_CALL_DATE);
        if (!next.isAfter(today)) {
          throw new CaseInputException(NEXT_CALL_DATE, "the next call must be on a later day than today");
        }
        Object deadline = task.getVariable(org.vomcase.kernel.CaseVariables.CONTACT_DEADLINE);
        if (deadline != null && !next.isBefore(java.time.OffsetDateTime.parse(deadline.toString()).toLocalDate())) {
          throw new CaseInputException(NEXT_CALL_DATE, "the next call must be before "
              + java.time.OffsetDateTime.parse(deadline.toString()).toLocalDate()
              + ", when the person would count as not reachable");
        }
        task.getExecution().setVariable(NEXT_CALL_DATE, next.toString());
      }
      case "not_reachable" -> {
        Object calls = task.getVariable(UNREACHED_CALLS);
        task.getExecution().setVariable(UNREACHED_CALLS, (calls instanceof Integer n ? n : 0) + 1);
        task.getExecution().setVariable(NEXT_CALL_DATE, today.plusDays(DAYS_BETWEEN_UNANSWERED_CALLS).toString());
      }
      default -> task.getExecution().removeVariable(NEXT_CALL_DATE);
    }
  }
}
