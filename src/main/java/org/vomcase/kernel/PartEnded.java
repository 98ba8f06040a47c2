package org.vomcase.kernel;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The end of one person's part of a case while the case goes on for the others (entries of {@code partsEnded}): a party
 * who did not sign the agreement, a party left without any item when the others did not sign, or a party who withdrew
 * consent after the agreement. Who, why (a code and the mediator's or event's words), the items that ended with the part
 * (dropped before they came into force, or stopped while they were monitored: obligation ids), by whom and when. A person
 * whose part ended is no longer a party ({@link Case#parties()}): no copy, no invitation, no follow-up, no item.
 */
public record PartEnded(String personId, Side role, String reason, String note,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> itemsEnded, String recordedBy, String recordedAt) {

  /** The party did not sign the agreement (their items were dropped before it came into force). */
  public static final String NOT_SIGNED = "not_signed";
  /** The party signed, but every item they owed or were owed ended with a party who did not sign. */
  public static final String NOTHING_LEFT = "nothing_left";
  /** The party withdrew consent after the agreement: what they owed or were owed and was not yet checked stopped. */
  public static final String WITHDREW = "withdrew_after_agreement";

  public PartEnded {
    itemsEnded = itemsEnded == null ? List.of() : List.copyOf(itemsEnded);
  }

  /** The reason in words, as the closure note and the case file say it. */
  public String describe() {
    return switch (reason) {
      case NOT_SIGNED -> "did not sign the agreement";
      case NOTHING_LEFT -> "signed, but nothing of the agreement was left for them once the others had not signed";
      case WITHDREW -> "withdrew consent after the agreement" + (itemsEnded.isEmpty() ? ""
          : "; stopped: " + String.join(", ", itemsEnded));
      default -> reason;
    };
  }
}
