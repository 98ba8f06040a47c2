package org.vomcase.process.session;

import static org.vomcase.kernel.CaseVariables.MEETING_TYPE;
import static org.vomcase.kernel.CaseVariables.SAFETY_REVIEW_ACCOUNT;
import static org.vomcase.kernel.CaseVariables.SAFETY_REVIEW_DECISION;
import static org.vomcase.kernel.CaseVariables.SAFETY_REVIEW_NOTE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.InputCheck;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;

/**
 * "Review the session stopped for safety" (issue 16): the coordinator writes down what happened (a confidential note of the
 * coordinators, see {@code ConfidentialField.SAFETY_REVIEW}) and decides: continue as indirect mediation, refer the victim
 * to support services and close, or close. A case that continues is scheduled again as indirect mediation only.
 */
@Component("safetyReviewListener")
public class SafetyReviewListener implements TaskListener {

  /** The longest account and note the form takes. */
  public static final int MAX_ACCOUNT = 4000;
  public static final int MAX_NOTE = 1000;

  @Override
  public void notify(DelegateTask task) {
    TaskInput.text(task, SAFETY_REVIEW_ACCOUNT, 10, MAX_ACCOUNT);
    String decision = TaskInput.required(task, SAFETY_REVIEW_DECISION, Vocabulary.SAFETY_REVIEW_DECISIONS);
    InputCheck.failFirst().text(SAFETY_REVIEW_NOTE.name(), SAFETY_REVIEW_NOTE.from(task), 0, MAX_NOTE, false);
    if (SessionPlan.CONTINUE_INDIRECT.equals(decision)) {
      // The schedule form opens with indirect mediation chosen; ScheduleSessionListener refuses a joint meeting.
      MEETING_TYPE.on(task.getExecution()).set(SessionPlan.INDIRECT);
    }
  }
}
