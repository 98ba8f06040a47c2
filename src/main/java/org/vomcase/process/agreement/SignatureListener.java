package org.vomcase.process.agreement;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;

/**
 * "Record signatures and consent to share" (R14, R15, R7): an agreement is concluded only when every
 * party and the guardian of each minor signed; the referrer receives it only when every party
 * consented ({@code shareAgreementWithReferrer}). An agreement not concluded needs the reason.
 */
@Component("signatureListener")
public class SignatureListener implements TaskListener {

  private final AgreementPlan plan;

  public SignatureListener(AgreementPlan plan) {
    this.plan = plan;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    if ("not_signed".equals(TaskInput.required(task, SIGNATURE_OUTCOME, Vocabulary.SIGNATURE_OUTCOMES))) {
      TaskInput.text(task, NOT_SIGNED_REASON, 10, 1000);
      SHARE_AGREEMENT_WITH_REFERRER.on(execution).set(false);
      return;
    }
    Set<String> signatories = plan.signatories(execution).keySet();
    List<String> signed = SIGNED_BY.from(task);
    List<String> missing = new ArrayList<>(signatories);
    missing.removeAll(signed);
    if (!missing.isEmpty()) {
      throw new CaseInputException(SIGNED_BY, "everyone must sign for the agreement to be concluded; missing: "
          + String.join(", ", missing) + " (otherwise choose 'Not everyone signed')");
    }
    Set<String> parties = new LinkedHashSet<>(plan.parties(execution).stream().map(Person::personId).toList());
    List<String> consenting = SHARE_CONSENT_BY.from(task);
    for (String id : consenting) {
      if (!parties.contains(id)) {
        throw new CaseInputException(SHARE_CONSENT_BY, "'" + id + "' is not a party of this agreement");
      }
    }
    SHARE_AGREEMENT_WITH_REFERRER.on(execution).set(consenting.containsAll(parties));
    AGREEMENT_SIGNED_AT.on(execution).set(CaseClock.now().toOffsetDateTime());
  }
}
