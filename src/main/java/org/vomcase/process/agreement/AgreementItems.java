package org.vomcase.process.agreement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.vomcase.kernel.AgreementItem;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.CaseJson;
import org.vomcase.kernel.InputCheck;
import org.vomcase.kernel.ItemKind;
import org.vomcase.kernel.Obligation;
import org.vomcase.kernel.Vocabularies;
import org.vomcase.kernel.Vocabulary;
import org.vomcase.kernel.Words;

/**
 * The items of an agreement (R13) as the form "Record the agreement" submits them (groups {@code
 * item1} ... {@code item6}, each with the fields of an {@link AgreementItem}), checked and turned into the
 * case's list of items and the obligations that are monitored.
 */
public final class AgreementItems {

  public static final int MAX_ITEMS = 6;

  private AgreementItems() {}

  /** The form's group of item {@code n} (1-based). */
  public static String group(int n) {
    return "item" + n;
  }

  /**
   * Reads and checks the items; every problem names its field ({@code item2.amount}). {@code
   * offenders} and {@code creditors} are the ids an item may name; {@code today} bounds the due dates.
   */
  public static List<AgreementItem> parse(Function<String, Object> variables, Set<String> offenders, Set<String> creditors,
      LocalDate today) {
    return parse(variables, offenders, creditors, today, Vocabularies.builtIn());
  }

  /** Reads and checks the items, their kinds those of the installation's {@code vocabularies}. */
  public static List<AgreementItem> parse(Function<String, Object> variables, Set<String> offenders, Set<String> creditors,
      LocalDate today, Vocabularies vocabularies) {
    List<AgreementItem> items = new ArrayList<>();
    for (int n = 1; n <= MAX_ITEMS; n++) {
      Map<?, ?> group = CaseJson.read(variables.apply(group(n)), Map.class);
      if (group == null || !InputCheck.present(group.get(AgreementItem.KIND))) {
        continue;
      }
      items.add(item(group(n), items.size() + 1, group, offenders, creditors, today, vocabularies));
    }
    if (items.isEmpty()) {
      throw CaseInputException.of(group(1) + "." + AgreementItem.KIND, "error.agreement.noItem");
    }
    return items;
  }

  private static AgreementItem item(String field, int number, Map<?, ?> group, Set<String> offenders, Set<String> creditors,
      LocalDate today, Vocabularies vocabularies) {
    InputCheck check = InputCheck.failFirst();
    ItemKind kind = new ItemKind(check.oneOf(field + "." + AgreementItem.KIND, text(group, AgreementItem.KIND),
        vocabularies.itemKinds().labels(Vocabularies.FALLBACK_LANGUAGE), true));
    String offender = check.oneOf(field + "." + AgreementItem.OFFENDER, text(group, AgreementItem.OFFENDER), offenders, true);
    String creditor = check.oneOf(field + "." + AgreementItem.CREDITOR, text(group, AgreementItem.CREDITOR), creditors, true);
    String description = text(group, AgreementItem.DESCRIPTION) == null ? "" : text(group, AgreementItem.DESCRIPTION).trim();
    if (description.length() > 500) {
      throw CaseInputException.of(field + "." + AgreementItem.DESCRIPTION, "error.tooLong", 500);
    }
    String status = check.oneOf(field + "." + AgreementItem.STATUS, InputCheck.present(text(group, AgreementItem.STATUS))
        ? text(group, AgreementItem.STATUS) : AgreementItem.OPEN, Vocabulary.AGREEMENT_ITEM_STATUSES, true);
    BigDecimal amount = null;
    if (kind.withAmount()) {
      amount = check.number(field + "." + AgreementItem.AMOUNT, group.get(AgreementItem.AMOUNT), new BigDecimal("0.01"),
          new BigDecimal("1000000"), false).setScale(2, RoundingMode.HALF_UP);
    }
    Integer instalments = null;
    if (kind.equals(ItemKind.PAYMENT)) {
      instalments = InputCheck.present(group.get(AgreementItem.INSTALMENTS))
          ? check.number(field + "." + AgreementItem.INSTALMENTS, group.get(AgreementItem.INSTALMENTS), BigDecimal.ONE,
              new BigDecimal("60"), true).intValueExact() : 1;
    }
    BigDecimal hours = null;
    if (kind.withHours()) {
      hours = check.number(field + "." + AgreementItem.HOURS, group.get(AgreementItem.HOURS), BigDecimal.ONE,
          new BigDecimal("1000"), false).stripTrailingZeros();
    }
    LocalDate due = check.date(field + "." + AgreementItem.DUE_DATE, group.get(AgreementItem.DUE_DATE), true);
    if (AgreementItem.OPEN.equals(status) && due.isBefore(today)) {
      throw CaseInputException.of(field + "." + AgreementItem.DUE_DATE, "error.agreement.dueInThePast");
    }
    if (due.isAfter(today.plusYears(5))) {
      throw CaseInputException.of(field + "." + AgreementItem.DUE_DATE, "error.agreement.dueWithinFiveYears");
    }
    return new AgreementItem("I" + number, kind, offender, creditor, description, status, amount, instalments, hours, due);
  }

  /** What is monitored (R17): each open item, a payment in instalments once per monthly instalment. */
  public static List<Obligation> obligations(List<AgreementItem> items) {
    return items.stream().flatMap(item -> item.obligations().stream()).toList();
  }

  /** The agreement in words, one item per line. */
  public static String summary(List<AgreementItem> items, Map<String, String> names) {
    return summary(items, names, Words.ENGLISH);
  }

  /** The same in {@code words} (the staff language's). */
  public static String summary(List<AgreementItem> items, Map<String, String> names, Words words) {
    return String.join("\n", items.stream().map(item -> item.describe(names, true, words)).toList());
  }

  private static String text(Map<?, ?> group, String field) {
    Object value = group.get(field);
    return value == null ? null : value.toString();
  }
}
