package org.vomcase.process.contact;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.kernel.Vocabulary;

/** Records how a person's contact ended (end events of contact-person): agreed, declined or not_reachable. */
@Component("consentOutcome")
public class ConsentOutcome {

  public void record(DelegateExecution execution, String outcome) {
    if (!Vocabulary.CONSENT_OUTCOMES.contains(outcome)) {
      throw new IllegalArgumentException("'" + outcome + "' is not one of " + Vocabulary.CONSENT_OUTCOMES);
    }
    execution.setVariable(CaseVariables.CONSENT_OUTCOME, outcome);
    execution.setVariable(CaseVariables.CONSENT_RECORDED_AT,
        CaseClock.timestamp());
  }
}
