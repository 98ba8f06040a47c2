package org.vomcase.process.referral;

import static org.vomcase.kernel.CaseVariables.MANDATE_DATE;
import static org.vomcase.kernel.CaseVariables.MANDATE_ISSUER;
import static org.vomcase.kernel.CaseVariables.MANDATE_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;

/** "Record the mandate": a granted or refused mandate names who decided and when (R2). */
@Component("mandateListener")
public class MandateListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String outcome = TaskInput.required(task, MANDATE_OUTCOME, Vocabulary.MANDATE_OUTCOMES);
    if (!"referral_withdrawn".equals(outcome)) {
      TaskInput.required(task, MANDATE_ISSUER, Vocabulary.MANDATE_ISSUERS);
      TaskInput.pastDate(task, MANDATE_DATE);
    }
  }
}
