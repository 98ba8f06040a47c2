package org.vomcase.kernel;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One item of an agreement (R13; entries of {@code agreementItems}): {@code I1}, {@code I2} ..., its kind,
 * who owes it to whom, the free-text details, whether it is still to be done ({@code open}) or was done at
 * the session ({@code fulfilled}), the amount (and monthly instalments of a payment), hours, and the due date.
 */
public record AgreementItem(String itemId, ItemKind kind, String offender, String creditor, String description, String status,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, Integer instalments,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal hours, LocalDate dueDate) implements Owed {

  /** The JSON keys of an item: also the fields of each item group of the form "Record the agreement". */
  public static final String KIND = "kind";
  public static final String OFFENDER = "offender";
  public static final String CREDITOR = "creditor";
  public static final String DESCRIPTION = "description";
  public static final String STATUS = "status";
  public static final String AMOUNT = "amount";
  public static final String INSTALMENTS = "instalments";
  public static final String HOURS = "hours";
  public static final String DUE_DATE = "dueDate";

  public static final String OPEN = "open";
  public static final String DONE_AT_SESSION = "fulfilled";

  /** Whether the item is still to be done (and so monitored). */
  public boolean open() {
    return OPEN.equals(status);
  }

  /**
   * What is monitored of the item (R17): an open item once, a payment in instalments once per monthly
   * instalment ({@code I2-1}, {@code I2-2} ...: equal shares, the last one takes the rest); nothing for an
   * item done at the session.
   */
  public List<Obligation> obligations() {
    List<Obligation> obligations = new ArrayList<>();
    if (!open()) {
      return obligations;
    }
    int count = instalments == null ? 1 : instalments;
    if (count <= 1) {
      obligations.add(new Obligation(itemId, kind, offender, creditor, description, amount, instalments, hours, dueDate,
          itemId, null));
      return obligations;
    }
    BigDecimal share = amount.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
    for (int i = 1; i <= count; i++) {
      BigDecimal thisShare = i < count ? share : amount.subtract(share.multiply(BigDecimal.valueOf(count - 1L)));
      obligations.add(new Obligation(itemId, kind, offender, creditor, description, thisShare, instalments, hours,
          dueDate.plusMonths(i - 1L), itemId + "-" + i, i));
    }
    return obligations;
  }
}
