package org.vomcase.process.agreement;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.AgreementItem;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.Owed;
import org.vomcase.kernel.Side;

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
    Set<String> offenders = ids(execution, Side.OFFENDER);
    Set<String> creditors = ids(execution, Side.VICTIM);
    creditors.add(Owed.COMMUNITY);
    List<AgreementItem> items = AgreementItems.parse(task::getVariable, offenders, creditors, CaseClock.today());
    for (int n = 1; n <= AgreementItems.MAX_ITEMS; n++) {
      execution.removeVariable(AgreementItems.group(n));
    }
    AGREEMENT_ITEMS.on(execution).set(items);
    OBLIGATIONS.on(execution).set(AgreementItems.obligations(items));
    AGREEMENT_SUMMARY.on(execution).set(AgreementItems.summary(items, plan.names(execution)));
  }

  private Set<String> ids(DelegateExecution execution, Side side) {
    return plan.parties(execution).stream().filter(p -> p.role() == side).map(p -> p.personId())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
