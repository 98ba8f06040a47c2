package org.vomcase.process.contact;

import static org.vomcase.kernel.CaseVariables.CALL_ATTEMPTS;
import static org.vomcase.kernel.CaseVariables.CALL_OUTCOME;
import static org.vomcase.kernel.CaseVariables.CONTACT_DEADLINE;
import static org.vomcase.kernel.CaseVariables.NEXT_CALL_DATE;
import static org.vomcase.kernel.CaseVariables.UNREACHED_CALLS;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CallAttempt;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;
import org.vomcase.process.PersonVariables;

/**
 * "Call the person for consent": checks the outcome; "call again" needs the day of the next call
 * (after today); a call that did not reach the person counts, and the next try is two days later. Every
 * accepted call is added to the person's {@code callAttempts} (day, outcome, next call, who called), which
 * the next call's form shows ({@link ContactPlan#startCallAfresh}).
 */
@Component("consentCallListener")
public class ConsentCallListener implements TaskListener {

  /** Days between calls that did not reach the person. */
  public static final int DAYS_BETWEEN_UNANSWERED_CALLS = 2;

  @Override
  public void notify(DelegateTask task) {
    String outcome = TaskInput.required(task, CALL_OUTCOME, Vocabulary.CALL_OUTCOMES);
    PersonVariables.recordSafeContact(task);
    LocalDate today = TaskInput.today();
    switch (outcome) {
      case "call_again" -> {
        LocalDate next = TaskInput.date(task, NEXT_CALL_DATE);
        if (!next.isAfter(today)) {
          throw CaseInputException.of(NEXT_CALL_DATE, "error.call.notLater");
        }
        OffsetDateTime deadline = CONTACT_DEADLINE.from(task);
        if (deadline != null && !next.isBefore(deadline.toLocalDate())) {
          throw CaseInputException.of(NEXT_CALL_DATE, "error.call.afterDeadline", deadline.toLocalDate());
        }
        NEXT_CALL_DATE.on(task.getExecution()).set(next);
      }
      case "not_reachable" -> {
        Integer calls = UNREACHED_CALLS.from(task);
        UNREACHED_CALLS.on(task.getExecution()).set((calls == null ? 0 : calls) + 1);
        NEXT_CALL_DATE.on(task.getExecution()).set(today.plusDays(DAYS_BETWEEN_UNANSWERED_CALLS));
      }
      default -> NEXT_CALL_DATE.on(task.getExecution()).remove();
    }
    List<CallAttempt> attempts = new ArrayList<>(CALL_ATTEMPTS.from(task));
    attempts.add(new CallAttempt(today, outcome, "call_again".equals(outcome) || "not_reachable".equals(outcome)
        ? NEXT_CALL_DATE.from(task) : null, caller(task)));
    CALL_ATTEMPTS.on(task.getExecution()).set(attempts);
  }

  /** The user completing the call (the assignee when the engine is driven without a login, as in a migration). */
  private static String caller(DelegateTask task) {
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : task.getAssignee();
  }
}
