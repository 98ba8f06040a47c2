package org.vomcase.process.agreement;

import static org.vomcase.kernel.JsonVariables.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.JsonVariables;
import org.vomcase.kernel.Vocabulary;

/**
 * The items of an agreement (R13) as the form "Record the agreement" submits them (groups {@code
 * item1} ... {@code item6}), checked and turned into the case's list of items and the obligations
 * that are monitored: each open item once, a payment in instalments once per monthly instalment.
 */
public final class AgreementItems {

  public static final int MAX_ITEMS = 6;
  public static final String ITEM_ID = "itemId";
  public static final String KIND = "kind";
  public static final String OFFENDER = "offender";
  public static final String CREDITOR = "creditor";
  public static final String DESCRIPTION = "description";
  public static final String AMOUNT = "amount";
  public static final String INSTALMENTS = "instalments";
  public static final String HOURS = "hours";
  public static final String DUE_DATE = "dueDate";
  public static final String STATUS = "status";
  public static final String INSTALMENT = "instalment";
  public static final String COMMUNITY = "community";

  public static final Set<String> WITH_AMOUNT = Set.of("payment", "donation");
  public static final Set<String> WITH_HOURS = Set.of("work_for_victim", "community_service");

  private AgreementItems() {}

  /** The form's group of item {@code n} (1-based). */
  public static String group(int n) {
    return "item" + n;
  }

  /**
   * Reads and checks the items; every problem names its field ({@code item2.amount}). {@code
   * offenders} and {@code creditors} are the ids an item may name; {@code today} bounds the due dates.
   */
  public static SpinJsonNode parse(Function<String, Object> variables, Set<String> offenders, Set<String> creditors,
      LocalDate today) {
    SpinJsonNode items = Spin.JSON("[]");
    for (int n = 1; n <= MAX_ITEMS; n++) {
      Object value = variables.apply(group(n));
      SpinJsonNode group = value == null ? null : JsonVariables.node(value);
      if (group == null || text(group, KIND).isBlank()) {
        continue;
      }
      items.append(item(group(n), items.elements().size() + 1, group, offenders, creditors, today));
    }
    if (items.elements().isEmpty()) {
      throw new CaseInputException(group(1) + "." + KIND, "record at least one item of the agreement");
    }
    return items;
  }

  private static SpinJsonNode item(String field, int number, SpinJsonNode group, Set<String> offenders,
      Set<String> creditors, LocalDate today) {
    String kind = oneOf(field + "." + KIND, text(group, KIND), Vocabulary.AGREEMENT_ITEM_KINDS.keySet());
    SpinJsonNode item = Spin.JSON("{}");
    item.prop(ITEM_ID, "I" + number);
    item.prop(KIND, kind);
    item.prop(OFFENDER, oneOf(field + "." + OFFENDER, text(group, OFFENDER), offenders));
    item.prop(CREDITOR, oneOf(field + "." + CREDITOR, text(group, CREDITOR), creditors));
    String description = text(group, DESCRIPTION).trim();
    if (description.length() > 500) {
      throw new CaseInputException(field + "." + DESCRIPTION, "must have at most 500 characters");
    }
    item.prop(DESCRIPTION, description);
    String status = oneOf(field + "." + STATUS, text(group, STATUS).isBlank() ? "open" : text(group, STATUS),
        Vocabulary.AGREEMENT_ITEM_STATUSES.keySet());
    item.prop(STATUS, status);
    if (WITH_AMOUNT.contains(kind)) {
      BigDecimal amount = number(field + "." + AMOUNT, text(group, AMOUNT), new BigDecimal("0.01"), new BigDecimal("1000000"));
      item.prop(AMOUNT, amount.setScale(2, RoundingMode.HALF_UP).toPlainString());
    }
    int instalments = 1;
    if ("payment".equals(kind) && !text(group, INSTALMENTS).isBlank()) {
      instalments = number(field + "." + INSTALMENTS, text(group, INSTALMENTS), BigDecimal.ONE, new BigDecimal("60")).intValueExact();
    }
    if ("payment".equals(kind)) {
      item.prop(INSTALMENTS, instalments);
    }
    if (WITH_HOURS.contains(kind)) {
      item.prop(HOURS, number(field + "." + HOURS, text(group, HOURS), BigDecimal.ONE, new BigDecimal("1000")).stripTrailingZeros().toPlainString());
    }
    LocalDate due = date(field + "." + DUE_DATE, text(group, DUE_DATE));
    if ("open".equals(status) && due.isBefore(today)) {
      throw new CaseInputException(field + "." + DUE_DATE, "an item still to be done cannot be due in the past");
    }
    if (due.isAfter(today.plusYears(5))) {
      throw new CaseInputException(field + "." + DUE_DATE, "must be within five years");
    }
    item.prop(DUE_DATE, due.toString());
    return item;
  }

  /** What is monitored (R17): each open item, a payment in instalments once per monthly instalment. */
  public static SpinJsonNode obligations(SpinJsonNode items) {
    SpinJsonNode obligations = Spin.JSON("[]");
    for (SpinJsonNode item : items.elements()) {
      if (!"open".equals(text(item, STATUS))) {
        continue;
      }
      int instalments = item.hasProp(INSTALMENTS) ? item.prop(INSTALMENTS).numberValue().intValue() : 1;
      LocalDate due = LocalDate.parse(text(item, DUE_DATE));
      BigDecimal amount = item.hasProp(AMOUNT) ? new BigDecimal(text(item, AMOUNT)) : null;
      BigDecimal share = amount == null ? null : amount.divide(BigDecimal.valueOf(instalments), 2, RoundingMode.DOWN);
      for (int i = 1; i <= instalments; i++) {
        SpinJsonNode obligation = Spin.JSON(item.toString());
        obligation.deleteProp(STATUS);
        obligation.prop("obligationId", instalments == 1 ? text(item, ITEM_ID) : text(item, ITEM_ID) + "-" + i);
        obligation.prop(DUE_DATE, due.plusMonths(i - 1L).toString());
        if (instalments > 1) {
          obligation.prop(INSTALMENT, i);
          BigDecimal thisShare = i < instalments ? share : amount.subtract(share.multiply(BigDecimal.valueOf(instalments - 1L)));
          obligation.prop(AMOUNT, thisShare.toPlainString());
        }
        obligations.append(obligation);
      }
    }
    return obligations;
  }

  /** One item or obligation in words: "I2 Payment: 600.00 in 6 monthly instalments (details), owed by ... due 2027-01-01 [to be done]". */
  public static String describe(SpinJsonNode item, Map<String, String> names) {
    return describe(item, names, true);
  }

  /**
   * One item in words; without the case file's parts ({@code withCaseFile} false: no id, no free-text
   * details, no status) it is what the referrer may read of an agreement (R16).
   */
  public static String describe(SpinJsonNode item, Map<String, String> names, boolean withCaseFile) {
    StringBuilder line = new StringBuilder();
    if (withCaseFile) {
      line.append(item.hasProp("obligationId") ? text(item, "obligationId") : text(item, ITEM_ID)).append(' ');
    }
    line.append(Vocabulary.AGREEMENT_ITEM_KINDS.get(text(item, KIND)));
    if (item.hasProp(INSTALMENT)) {
      line.append(", instalment ").append(text(item, INSTALMENT)).append(" of ").append(text(item, INSTALMENTS));
    }
    if (item.hasProp(AMOUNT)) {
      line.append(": ").append(text(item, AMOUNT));
      if (!item.hasProp(INSTALMENT) && item.hasProp(INSTALMENTS) && item.prop(INSTALMENTS).numberValue().intValue() > 1) {
        line.append(" in ").append(text(item, INSTALMENTS)).append(" monthly instalments");
      }
    }
    if (item.hasProp(HOURS)) {
      line.append(": ").append(text(item, HOURS)).append(" hours");
    }
    if (withCaseFile && !text(item, DESCRIPTION).isBlank()) {
      line.append(" (").append(text(item, DESCRIPTION)).append(')');
    }
    line.append(", owed by ").append(names.getOrDefault(text(item, OFFENDER), text(item, OFFENDER)))
        .append(" to ").append(names.getOrDefault(text(item, CREDITOR), text(item, CREDITOR)))
        .append(", due ").append(text(item, DUE_DATE));
    if (withCaseFile && item.hasProp(STATUS)) {
      line.append(" [").append(Vocabulary.AGREEMENT_ITEM_STATUSES.get(text(item, STATUS)).toLowerCase(java.util.Locale.ROOT)).append(']');
    }
    return line.toString();
  }

  /** The agreement in words, one item per line. */
  public static String summary(SpinJsonNode items, Map<String, String> names) {
    List<String> lines = new ArrayList<>();
    for (SpinJsonNode item : items.elements()) {
      lines.add(describe(item, names));
    }
    return String.join("\n", lines);
  }

  /** Person id -> "Ana Roth (V1)" of every victim and offender of the case's variables, and the community. */
  public static Map<String, String> names(Function<String, Object> variables) {
    List<SpinJsonNode> persons = new ArrayList<>(JsonVariables.elements(variables.apply(org.vomcase.kernel.CaseVariables.VICTIMS)));
    persons.addAll(JsonVariables.elements(variables.apply(org.vomcase.kernel.CaseVariables.OFFENDERS)));
    return names(persons);
  }

  /** Person id -> "Ana Roth (V1)", and "community" -> "the community". */
  public static Map<String, String> names(List<SpinJsonNode> persons) {
    Map<String, String> names = new LinkedHashMap<>();
    for (SpinJsonNode person : persons) {
      names.put(text(person, "personId"), text(person, "name") + " (" + text(person, "personId") + ")");
    }
    names.put(COMMUNITY, "the community");
    return names;
  }

  /**
   * One item as a message or document shows it, in codes and numbers the templates put into words
   * (kind, amount, instalments, instalment, hours, dueDate) and the plain names of debtor and
   * creditor ({@code community} for the community: the templates' word). Never the free-text details.
   */
  public static Map<String, Object> forMessage(SpinJsonNode item, Function<String, Object> variables) {
    Map<String, String> plainNames = new LinkedHashMap<>();
    for (String list : List.of(org.vomcase.kernel.CaseVariables.VICTIMS, org.vomcase.kernel.CaseVariables.OFFENDERS)) {
      JsonVariables.elements(variables.apply(list)).forEach(p -> plainNames.put(text(p, "personId"), text(p, "name")));
    }
    Map<String, Object> words = new LinkedHashMap<>();
    words.put(KIND, text(item, KIND));
    for (String field : List.of(AMOUNT, INSTALMENT, HOURS, DUE_DATE)) {
      if (item.hasProp(field) && !item.prop(field).isNull()) {
        words.put(field, text(item, field));
      }
    }
    if (!item.hasProp(INSTALMENT) && item.hasProp(INSTALMENTS) && item.prop(INSTALMENTS).numberValue().intValue() > 1) {
      words.put(INSTALMENTS, text(item, INSTALMENTS));
    }
    words.put("debtor", plainNames.getOrDefault(text(item, OFFENDER), text(item, OFFENDER)));
    String creditor = text(item, CREDITOR);
    words.put("creditor", COMMUNITY.equals(creditor) ? COMMUNITY : plainNames.getOrDefault(creditor, creditor));
    return words;
  }

  private static String oneOf(String field, String value, Set<String> allowed) {
    if (value == null || value.isBlank()) {
      throw new CaseInputException(field, "is required");
    }
    if (!allowed.contains(value)) {
      throw new CaseInputException(field, "'" + value + "' is not one of " + String.join(", ", allowed));
    }
    return value;
  }

  private static BigDecimal number(String field, String value, BigDecimal min, BigDecimal max) {
    if (value == null || value.isBlank()) {
      throw new CaseInputException(field, "is required");
    }
    BigDecimal number;
    try {
      number = new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      throw new CaseInputException(field, "'" + value + "' is not a number");
    }
    if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
      throw new CaseInputException(field, "must be between " + min.toPlainString() + " and " + max.toPlainString());
    }
    if (INSTALMENTS.equals(field.substring(field.indexOf('.') + 1)) && number.stripTrailingZeros().scale() > 0) {
      throw new CaseInputException(field, "must be a whole number");
    }
    return number;
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new CaseInputException(field, "is required");
    }
    try {
      return LocalDate.parse(value.trim().substring(0, Math.min(10, value.trim().length())));
    } catch (DateTimeParseException e) {
      throw new CaseInputException(field, "'" + value + "' is not a date (YYYY-MM-DD)");
    }
  }
}
