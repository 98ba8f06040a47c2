package org.vomcase.process.agreement;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.JsonVariables;
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
      execution.setVariable(SHARE_AGREEMENT_WITH_REFERRER, false);
      return;
    }
    Set<String> signatories = plan.signatories(execution).keySet();
    List<String> signed = ids(task.getVariable(SIGNED_BY));
    List<String> missing = new ArrayList<>(signatories);
    missing.removeAll(signed);
    if (!missing.isEmpty()) {
      throw new CaseInputException(SIGNED_BY, "everyone must sign for the agreement to be concluded; missing: "
          + String.join(", ", missing) + " (otherwise choose 'Not everyone signed')");
    }
    Set<String> parties = new LinkedHashSet<>(plan.parties(execution).stream()
        .map(p -> JsonVariables.text(p, "personId")).toList());
    List<String> consenting = ids(task.getVariable(SHARE_CONSENT_BY));
    for (String id : consenting) {
      if (!parties.contains(id)) {
        throw new CaseInputException(SHARE_CONSENT_BY, "'" + id + "' is not a party of this agreement");
      }
    }
    execution.setVariable(SHARE_AGREEMENT_WITH_REFERRER, consenting.containsAll(parties));
    execution.setVariable(AGREEMENT_SIGNED_AT, CaseClock.timestamp());
  }

  private static List<String> ids(Object value) {
    List<String> ids = new ArrayList<>();
    for (SpinJsonNode id : JsonVariables.elements(value)) {
      ids.add(id.stringValue());
    }
    return ids;
  }
}
