package org.vomcase.kernel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What an offender owes under an agreement: an {@link AgreementItem} as agreed, or an {@link Obligation}
 * (one item, or one instalment of a payment) as monitored. Puts itself into words for the case file, the
 * referrer and the messages.
 */
public interface Owed {

  /** The creditor of items for the community (community service, donation). */
  String COMMUNITY = "community";

  String itemId();

  ItemKind kind();

  /** The offender's person id. */
  String offender();

  /** A victim's person id, or {@link #COMMUNITY}. */
  String creditor();

  String description();

  BigDecimal amount();

  /** The monthly instalments of a payment (1 when paid at once); null for other kinds. */
  Integer instalments();

  BigDecimal hours();

  LocalDate dueDate();

  /** The instalment this is (1, 2, ...) of a payment in instalments; null otherwise. */
  default Integer instalment() {
    return null;
  }

  /** The item's status when the agreement was recorded (open, fulfilled); null for an obligation. */
  default String status() {
    return null;
  }

  /** The id the case file shows: the item's, or the obligation's ({@code I2-3}). */
  default String reference() {
    return itemId();
  }

  /** Whether this is a payment in more than one instalment, as a whole (not one instalment of it). */
  default boolean inInstalments() {
    return instalment() == null && instalments() != null && instalments() > 1;
  }

  /**
   * In words: "I2 Payment: 600.00 in 6 monthly instalments (details), owed by Ana Roth (O1) to Ben Berg (V1),
   * due 2027-01-01 [to be done]". Without the case file's parts ({@code withCaseFile} false: no id, no
   * free-text details, no status) it is what the referrer may read of an agreement (R16).
   */
  default String describe(Map<String, String> names, boolean withCaseFile) {
    return describe(names, withCaseFile, Words.ENGLISH);
  }

  /** The same in {@code words} (the staff language's). */
  default String describe(Map<String, String> names, boolean withCaseFile, Words words) {
    StringBuilder line = new StringBuilder();
    if (withCaseFile) {
      line.append(reference()).append(' ');
    }
    line.append(words.kind(kind()));
    if (instalment() != null) {
      line.append(", ").append(words.word("staff.task.instalment", String.valueOf(instalment()), String.valueOf(instalments())));
    }
    if (amount() != null) {
      line.append(": ").append(words.amount(amount()));
      if (inInstalments()) {
        line.append(' ').append(words.word("staff.item.monthlyInstalments", String.valueOf(instalments())));
      }
    }
    if (hours() != null) {
      line.append(": ").append(words.word("staff.item.hours", hours().toPlainString()));
    }
    if (withCaseFile && description() != null && !description().isBlank()) {
      line.append(" (").append(description()).append(')');
    }
    line.append(", ").append(words.word("staff.item.owed", names.getOrDefault(offender(), offender()),
        names.getOrDefault(creditor(), creditor()), words.date(dueDate())));
    if (withCaseFile && status() != null) {
      line.append(" [").append(words.status(status())).append(']');
    }
    return line.toString();
  }

  /**
   * As a message or document shows it, in codes and numbers the templates put into words (kind, amount,
   * instalments, instalment, hours, dueDate) and the plain names of debtor and creditor ({@code community}
   * for the community: the templates' word). Never the free-text details.
   */
  default Map<String, Object> words(Map<String, String> plainNames) {
    Map<String, Object> words = new LinkedHashMap<>();
    words.put("kind", kind().code());
    if (amount() != null) {
      words.put("amount", amount().toPlainString());
    }
    if (instalment() != null) {
      words.put("instalment", instalment().toString());
    }
    if (hours() != null) {
      words.put("hours", hours().toPlainString());
    }
    if (dueDate() != null) {
      words.put("dueDate", dueDate().toString());
    }
    if (inInstalments()) {
      words.put("instalments", instalments().toString());
    }
    words.put("debtor", plainNames.getOrDefault(offender(), offender()));
    words.put("creditor", COMMUNITY.equals(creditor()) ? COMMUNITY : plainNames.getOrDefault(creditor(), creditor()));
    return words;
  }
}
