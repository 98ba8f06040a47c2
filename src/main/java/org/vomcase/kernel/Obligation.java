package org.vomcase.kernel;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What is monitored (R17; entries of {@code obligations}, the variable {@code obligation} of {@code
 * monitor-obligation}): an open agreement item, or one monthly instalment of a payment ({@code obligationId}
 * {@code I2-3}, {@code instalment} 3 of {@code instalments}, its share as {@code amount}).
 */
public record Obligation(String itemId, ItemKind kind, String offender, String creditor, String description,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, Integer instalments,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal hours, LocalDate dueDate, String obligationId,
    Integer instalment) implements Owed {

  @Override
  public String reference() {
    return obligationId;
  }

  /** Whether this obligation belongs to an item (the item itself or one of its instalments). */
  public boolean of(String itemId) {
    return obligationId.equals(itemId) || obligationId.startsWith(itemId + "-");
  }
}
