package org.vomcase.process.monitoring;

import static org.vomcase.kernel.CaseVariables.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.CaseVariable;
import org.vomcase.kernel.FulfilmentStatus;
import org.vomcase.kernel.ItemKind;
import org.vomcase.kernel.Obligation;
import org.vomcase.settings.Programme;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;

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
    Obligation obligation = OBLIGATION.from(task);
    if ("partly".equals(fulfilment)) {
      String unit = OBLIGATION_UNIT.from(task);
      if (ItemKind.UNIT_AMOUNT.equals(unit)) {
        done(task, FULFILLED_AMOUNT, obligation.amount());
      } else if (ItemKind.UNIT_HOURS.equals(unit)) {
        done(task, FULFILLED_HOURS, obligation.hours());
      }
    }
    FulfilmentStatus status = switch (fulfilment) {
      case "fulfilled" -> FulfilmentStatus.FULFILLED;
      case "partly" -> FulfilmentStatus.PARTLY_FULFILLED;
      default -> FulfilmentStatus.NOT_FULFILLED;
    };
    OBLIGATION_STATUS.on(task.getExecution()).set(status);
    Integer round = CHECK_ROUND.from(task);
    if (status != FulfilmentStatus.FULFILLED && round != null && round == 1) {
      GRACE_UNTIL.on(task.getExecution()).set(CaseClock.now().plus(rules.of(PROGRAMME_PROFILE.from(task)).gracePeriod())
          .toOffsetDateTime());
    }
  }

  /** What was done of a partly fulfilled item: more than nothing and less than what was owed. */
  private static void done(DelegateTask task, CaseVariable<BigDecimal> field, BigDecimal owed) {
    Object value = task.getVariable(field.name());
    if (value == null || value.toString().isBlank()) {
      throw CaseInputException.of(field, "error.fulfilment.partlyRequired");
    }
    BigDecimal done;
    try {
      done = new BigDecimal(value.toString());
    } catch (NumberFormatException e) {
      throw CaseInputException.of(field, "error.notANumber", value);
    }
    if (done.signum() <= 0 || done.compareTo(owed) >= 0) {
      throw CaseInputException.of(field, "error.fulfilment.partlyBetween", owed.toPlainString());
    }
  }
}
