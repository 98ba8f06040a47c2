package org.vomcase.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Set;

/**
 * The kind of an agreement item (R13): a code of the programme's vocabulary ({@link
 * Vocabulary#AGREEMENT_ITEM_KINDS}), which administrators extend there and in the agreement form, not a Java
 * enum. Money is counted for payments and donations, hours for work and community service.
 */
public record ItemKind(String code) {

  private static final Set<String> WITH_AMOUNT = Set.of("payment", "donation");
  private static final Set<String> WITH_HOURS = Set.of("work_for_victim", "community_service");

  public static final ItemKind PAYMENT = new ItemKind("payment");

  /** What a partial fulfilment is measured in ({@link #unit()}). */
  public static final String UNIT_AMOUNT = "amount";
  public static final String UNIT_HOURS = "hours";
  public static final String UNIT_NONE = "none";

  @JsonCreator
  public ItemKind {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("An agreement item needs a kind");
    }
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  /** Whether an amount of money is agreed (payment, donation). */
  public boolean withAmount() {
    return WITH_AMOUNT.contains(code);
  }

  /** Whether hours of work are agreed (work for the victim, community service). */
  public boolean withHours() {
    return WITH_HOURS.contains(code);
  }

  /** What a partial fulfilment is measured in: amount, hours or none. */
  public String unit() {
    return withAmount() ? UNIT_AMOUNT : withHours() ? UNIT_HOURS : UNIT_NONE;
  }

  /** The kind in words; the code itself for a code the vocabulary does not (or no longer) have. */
  public String label() {
    return Vocabulary.AGREEMENT_ITEM_KINDS.getOrDefault(code, code);
  }

  @Override
  public String toString() {
    return code;
  }
}
