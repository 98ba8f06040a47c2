package org.vomcase.figures;

import java.math.BigDecimal;
import org.vomcase.kernel.FigureRow;
import org.vomcase.kernel.FulfilmentStatus;

/**
 * What became of one agreement item, from its anonymous figures: done at the session ({@code status
 * fulfilled}), or by its checks (one per due date or instalment: fulfilled, partly with the amount or
 * hours done, not fulfilled). Money counts payment and donation amounts; hours count work and
 * community service.
 */
record ItemOutcome(String kind, boolean fulfilled, boolean partly, BigDecimal amountAgreed, BigDecimal amountPaid,
    BigDecimal hoursAgreed, BigDecimal hoursDone) {

  static ItemOutcome of(FigureRow.ItemFigure item) {
    return of(item, false);
  }

  /**
   * What became of the item; checks that stopped when a party withdrew after the agreement are not expected, unless
   * {@code stoppedCountsAsNotDone} (the offender who withdrew: what stopped was not done).
   */
  static ItemOutcome of(FigureRow.ItemFigure item, boolean stoppedCountsAsNotDone) {
    BigDecimal amount = orZero(item.amount());
    BigDecimal hours = orZero(item.hours());
    String kind = item.kind() == null ? "" : item.kind().code();
    if (FulfilmentStatus.FULFILLED.code().equals(item.status())) {
      return new ItemOutcome(kind, true, false, amount, amount, hours, hours);
    }
    // One check per instalment (or one for the item): an item whose monitoring stopped before every check (its party
    // withdrew after the agreement) was not fulfilled as a whole.
    int expected = item.checksDue() - (stoppedCountsAsNotDone ? 0 : item.stoppedChecks());
    boolean all = !item.checks().isEmpty() && item.checks().size() >= expected;
    boolean any = false;
    BigDecimal paid = BigDecimal.ZERO;
    BigDecimal done = BigDecimal.ZERO;
    for (FigureRow.Check check : item.checks()) {
      BigDecimal checkAmount = check.amount() != null ? check.amount() : amount;
      BigDecimal checkHours = check.hours() != null ? check.hours() : hours;
      if (check.status() == FulfilmentStatus.FULFILLED) {
        any = true;
        paid = paid.add(checkAmount);
        done = done.add(checkHours);
      } else {
        all = false;
        if (check.status() == FulfilmentStatus.PARTLY_FULFILLED) {
          any = true;
          paid = paid.add(orZero(check.fulfilledAmount()));
          done = done.add(orZero(check.fulfilledHours()));
        }
      }
    }
    return new ItemOutcome(kind, all, any && !all, amount, paid, hours, done);
  }

  private static BigDecimal orZero(BigDecimal number) {
    return number == null ? BigDecimal.ZERO : number;
  }
}
