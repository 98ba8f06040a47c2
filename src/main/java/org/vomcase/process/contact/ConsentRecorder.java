package org.vomcase.process.contact;

import static org.vomcase.kernel.CaseVariables.CONSENT_OUTCOME;
import static org.vomcase.kernel.CaseVariables.CONSENT_RECORDED_AT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.ConsentOutcome;

/**
 * Records how a person's contact ended (end events of contact-person: {@code
 * ${consentOutcome.record(execution, 'agreed')}}): agreed, declined, not reachable or withdrawn.
 */
@Component("consentOutcome")
public class ConsentRecorder {

  public void record(DelegateExecution execution, String outcome) {
    CONSENT_OUTCOME.on(execution).set(ConsentOutcome.of(outcome));
    CONSENT_RECORDED_AT.on(execution).set(CaseClock.now().toOffsetDateTime());
  }
}
