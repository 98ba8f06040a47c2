package org.vomcase.figures;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * What became of one agreement item, from its anonymous figures: done at the session ({@code status
 * fulfilled}), or by its checks (one per due date or instalment: fulfilled, partly with the amount or
 * hours done, not fulfilled). Money counts payment and donation amounts; hours count work and
 * community service.
 */
record ItemOutcome(String kind, boolean fulfilled, boolean partly, BigDecimal amountAgreed, BigDecimal amountPaid,
    BigDecimal hoursAgreed, BigDecimal hoursDone) {

  static ItemOutcome of(JsonNode item) {
    BigDecimal amount = number(item.path("amount"));
    BigDecimal hours = number(item.path("hours"));
    if ("fulfilled".equals(item.path("status").asText())) {
      return new ItemOutcome(item.path("kind").asText(), true, false, amount, amount, hours, hours);
    }
    JsonNode checks = item.path("checks");
    boolean all = checks.size() > 0;
    boolean any = false;
    BigDecimal paid = BigDecimal.ZERO;
    BigDecimal done = BigDecimal.ZERO;
    for (JsonNode check : checks) {
      String status = check.path("status").asText();
      BigDecimal checkAmount = check.has("amount") ? number(check.path("amount")) : amount;
      BigDecimal checkHours = check.has("hours") ? number(check.path("hours")) : hours;
      if ("fulfilled".equals(status)) {
        any = true;
        paid = paid.add(checkAmount);
        done = done.add(checkHours);
      } else {
        all = false;
        if ("partly_fulfilled".equals(status)) {
          any = true;
          paid = paid.add(number(check.path("fulfilledAmount")));
          done = done.add(number(check.path("fulfilledHours")));
        }
      }
    }
    return new ItemOutcome(item.path("kind").asText(), all, any && !all, amount, paid, hours, done);
  }

  private static BigDecimal number(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull() || value.asText().isBlank()) {
      return BigDecimal.ZERO;
    }
    try {
      return new BigDecimal(value.asText().trim());
    } catch (NumberFormatException e) {
      return BigDecimal.ZERO;
    }
  }
}
