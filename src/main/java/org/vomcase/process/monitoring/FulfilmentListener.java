package org.vomcase.process.monitoring;

import static org.vomcase.kernel.CaseVariables.*;
import static org.vomcase.kernel.JsonVariables.text;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.JsonVariables;
import org.vomcase.settings.Programme;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;
import org.vomcase.process.agreement.AgreementItems;

/**
 * "Check that the item was fulfilled" (R17): the mediator's answer, what was done of a partly
 * fulfilled item (at most what was owed), how it was confirmed, and, when it is not (fully)
 * fulfilled at the first check, the end of the grace period the reminder gives the offender.
 */
@Component("fulfilmentListener")
public class FulfilmentListener implements TaskListener {

  private final Programme rules;

  public FulfilmentListener(Programme rules) {
    this.rules = rules;
  }

  @Override
  public void notify(DelegateTask task) {
    String fulfilment = TaskInput.required(task, FULFILMENT, Vocabulary.FULFILMENT);
    if (!"not_fulfilled".equals(fulfilment)) {
      TaskInput.required(task, FULFILMENT_CONFIRMATION, Vocabulary.FULFILMENT_CONFIRMATIONS);
    }
    SpinJsonNode obligation = JsonVariables.node(task.getVariable(OBLIGATION));
    if ("partly".equals(fulfilment)) {
      String unit = (String) task.getVariable(OBLIGATION_UNIT);
      if ("amount".equals(unit)) {
        done(task, FULFILLED_AMOUNT, new BigDecimal(text(obligation, AgreementItems.AMOUNT)));
      } else if ("hours".equals(unit)) {
        done(task, FULFILLED_HOURS, new BigDecimal(text(obligation, AgreementItems.HOURS)));
      }
    }
    String status = switch (fulfilment) {
      case "fulfilled" -> ObligationPlan.FULFILLED;
      case "partly" -> ObligationPlan.PARTLY_FULFILLED;
      default -> ObligationPlan.NOT_FULFILLED;
    };
    task.getExecution().setVariable(OBLIGATION_STATUS, status);
    if (!"fulfilled".equals(fulfilment) && Integer.valueOf(1).equals(task.getVariable(CHECK_ROUND))) {
      task.getExecution().setVariable(GRACE_UNTIL, CaseClock.now()
          .plus(rules.of(task.getVariable(PROGRAMME_PROFILE)).gracePeriod()).toOffsetDateTime().toString());
    }
  }

  /** What was done of a partly fulfilled item: more than nothing and less than what was owed. */
  private static void done(DelegateTask task, String field, BigDecimal owed) {
    Object value = task.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      throw new CaseInputException(field, "is required for a partly fulfilled item");
    }
    BigDecimal done;
    try {
      done = new BigDecimal(value.toString());
    } catch (NumberFormatException e) {
      throw new CaseInputException(field, "'" + value + "' is not a number");
    }
    if (done.signum() <= 0 || done.compareTo(owed) >= 0) {
      throw new CaseInputException(field, "must be more than 0 and less than " + owed.toPlainString()
          + " (otherwise the item is not or fully fulfilled)");
    }
  }
}
