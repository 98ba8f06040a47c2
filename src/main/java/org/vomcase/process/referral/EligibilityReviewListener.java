package org.vomcase.process.referral;

import static org.vomcase.kernel.CaseVariables.REVIEW_DECISION;
import static org.vomcase.kernel.CaseVariables.REVIEW_REASON;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;

/** "Review eligibility": a rejection carries the reason the referrer will read. */
@Component("eligibilityReviewListener")
public class EligibilityReviewListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String decision = TaskInput.required(task, REVIEW_DECISION, Vocabulary.REVIEW_DECISIONS);
    String reason = REVIEW_REASON.from(task);
    if ("reject".equals(decision) && (reason == null || reason.trim().length() < 10)) {
      throw CaseInputException.of(REVIEW_REASON, "error.review.reason");
    }
  }
}
