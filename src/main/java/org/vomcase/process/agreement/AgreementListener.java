package org.vomcase.process.agreement;

import static org.vomcase.kernel.CaseVariables.*;
import static org.vomcase.kernel.JsonVariables.text;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.JsonVariables;
import org.vomcase.process.referral.ReferralIntake;

/**
 * "Record the agreement" (R13): checks every item (an offender who took part owes it to a victim who
 * took part or to the community; amounts, instalments, hours and due dates in range) and stores the
 * agreement as the case's list of items, the obligations to monitor and the agreement in words. The
 * form's groups are removed again so that the agreement exists once.
 */
@Component("agreementListener")
public class AgreementListener implements TaskListener {

  private final AgreementPlan plan;

  public AgreementListener(AgreementPlan plan) {
    this.plan = plan;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    Set<String> offenders = ids(execution, "offender");
    Set<String> creditors = ids(execution, "victim");
    creditors.add(AgreementItems.COMMUNITY);
    SpinJsonNode items = AgreementItems.parse(task::getVariable, offenders, creditors, CaseClock.today());
    for (int n = 1; n <= AgreementItems.MAX_ITEMS; n++) {
      execution.removeVariable(AgreementItems.group(n));
    }
    execution.setVariable(AGREEMENT_ITEMS, JsonVariables.json(items));
    execution.setVariable(OBLIGATIONS, JsonVariables.json(AgreementItems.obligations(items)));
    execution.setVariable(AGREEMENT_SUMMARY, AgreementItems.summary(items, plan.names(execution)));
  }

  private Set<String> ids(DelegateExecution execution, String role) {
    return plan.parties(execution).stream().filter(p -> role.equals(text(p, ReferralIntake.ROLE)))
        .map(p -> text(p, ReferralIntake.PERSON_ID)).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }
}
