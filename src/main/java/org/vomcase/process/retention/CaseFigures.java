package org.vomcase.process.retention;

import static org.vomcase.kernel.CaseVariables.*;
import static org.vomcase.kernel.JsonVariables.text;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseRecord;
import org.vomcase.kernel.JsonVariables;
import org.vomcase.process.agreement.AgreementItems;
import org.vomcase.process.contact.ContactPlan;
import org.vomcase.process.referral.ReferralValidator;

/**
 * "Keep the anonymous figures" (R20, R25): when a case closes, its figures are written to {@code
 * vom_case_figures} without anything that identifies a person or the case: counts, classes (age
 * class at the offence, not the date of birth), vocabulary values, amounts, hours, dates of
 * registration and closure. They survive the deletion of the case. The row's id is derived from the
 * retention instance, so a retried job writes it once.
 */
@Component("keepCaseFiguresDelegate")
public class CaseFigures implements JavaDelegate {

  private final JdbcTemplate jdbc;
  private final CaseRecord caseRecord;

  public CaseFigures(JdbcTemplate jdbc, CaseRecord caseRecord) {
    this.jdbc = jdbc;
    this.caseRecord = caseRecord;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = UUID.nameUUIDFromBytes(execution.getProcessInstanceId().getBytes(StandardCharsets.UTF_8)).toString();
    Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM vom_case_figures WHERE id = ?", Integer.class, id);
    if (existing != null && existing > 0) {
      return;
    }
    Function<String, Object> record = caseRecord.of((String) execution.getVariable(CASE_INSTANCE_ID),
        execution.getProcessEngineServices().getHistoryService());
    List<SpinJsonNode> victims = JsonVariables.elements(record.apply(VICTIMS));
    List<SpinJsonNode> offenders = JsonVariables.elements(record.apply(OFFENDERS));
    jdbc.update("INSERT INTO vom_case_figures (id, programme_profile, referral_source, procedural_stage, offence_category,"
            + " registered_on, closed_on, closure_reason, victims, offenders, session_outcome, meeting_type, agreement_fulfilment,"
            + " details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, execution.getVariable(PROGRAMME_PROFILE), record.apply(REFERRAL_SOURCE), record.apply(PROCEDURAL_STAGE),
        record.apply(OFFENCE_CATEGORY), sqlDate(date(record.apply(REGISTERED_AT))), sqlDate(date(execution.getVariable(CLOSED_AT))),
        execution.getVariable(CLOSURE_REASON), victims.size(), offenders.size(),
        "held".equals(record.apply(SESSION_HELD)) ? record.apply(SESSION_OUTCOME) : null, record.apply(MEETING_TYPE),
        record.apply(AGREEMENT_FULFILMENT), withFirstContact(details(record, victims, offenders),
            execution.getProcessEngineServices().getHistoryService(), (String) execution.getVariable(CASE_NUMBER)).toString());
  }

  /** When the first consent call of the case was made (the phase "referral to first contact", R25). */
  static SpinJsonNode withFirstContact(SpinJsonNode details, org.camunda.bpm.engine.HistoryService history, String caseNumber) {
    if (caseNumber == null) {
      return details;
    }
    history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_CallForConsent")
        .finished().orderByHistoricTaskInstanceEndTime().asc().listPage(0, 1)
        .forEach(call -> details.prop("firstContactOn", call.getEndTime().toInstant()
            .atZone(java.time.ZoneId.systemDefault()).toLocalDate().toString()));
    return details;
  }

  /** Persons (role, age class, consent), items (kind, amount, hours, status) and follow-up answers: no identities. */
  static SpinJsonNode details(Function<String, Object> record, List<SpinJsonNode> victims, List<SpinJsonNode> offenders) {
    SpinJsonNode details = Spin.JSON("{}");
    SpinJsonNode persons = Spin.JSON("[]");
    SpinJsonNode book = ContactPlan.consentBook(record.apply(ContactPlan.CONSENTS));
    LocalDate offenceDate = date(record.apply(OFFENCE_DATE));
    for (SpinJsonNode person : concat(victims, offenders)) {
      SpinJsonNode figure = Spin.JSON("{}");
      figure.prop("role", text(person, "role"));
      figure.prop("ageClass", ageClass(date(text(person, ReferralValidator.DATE_OF_BIRTH)), offenceDate));
      SpinJsonNode entry = ContactPlan.entry(book, text(person, "personId"));
      figure.prop("consent", entry == null ? "not_asked" : text(entry, "outcome"));
      persons.append(figure);
    }
    details.prop("persons", persons);
    SpinJsonNode items = Spin.JSON("[]");
    SpinJsonNode fulfilments = JsonVariables.objectOrEmpty(record.apply(FULFILMENTS));
    for (SpinJsonNode item : JsonVariables.elements(record.apply(AGREEMENT_ITEMS))) {
      SpinJsonNode figure = Spin.JSON("{}");
      for (String field : List.of(AgreementItems.KIND, AgreementItems.AMOUNT, AgreementItems.HOURS, AgreementItems.INSTALMENTS,
          AgreementItems.STATUS)) {
        if (item.hasProp(field)) {
          figure.prop(field, text(item, field));
        }
      }
      figure.prop("offenderIndex", offenders.stream().map(o -> text(o, "personId")).toList().indexOf(text(item, AgreementItems.OFFENDER)));
      SpinJsonNode checks = Spin.JSON("[]");
      for (String obligationId : fulfilments.fieldNames()) {
        if (obligationId.equals(text(item, AgreementItems.ITEM_ID)) || obligationId.startsWith(text(item, AgreementItems.ITEM_ID) + "-")) {
          SpinJsonNode check = fulfilments.prop(obligationId);
          SpinJsonNode copy = Spin.JSON("{}");
          for (String field : List.of("status", FULFILLED_AMOUNT, FULFILLED_HOURS, AgreementItems.AMOUNT, AgreementItems.HOURS, "escalated")) {
            if (check.hasProp(field)) {
              copy.prop(field, check.prop(field).isBoolean() ? String.valueOf(check.prop(field).boolValue()) : text(check, field));
            }
          }
          checks.append(copy);
        }
      }
      figure.prop("checks", checks);
      items.append(figure);
    }
    details.prop("items", items);
    SpinJsonNode followUps = Spin.JSON("[]");
    SpinJsonNode answers = JsonVariables.objectOrEmpty(record.apply(FOLLOW_UPS));
    for (String personId : answers.fieldNames()) {
      SpinJsonNode entry = answers.prop(personId);
      SpinJsonNode copy = Spin.JSON("{}");
      for (String field : List.of("role", "outcome", SATISFACTION, FAIR, HEARD, RECOMMEND, FEAR_CHANGE)) {
        if (entry.hasProp(field)) {
          copy.prop(field, text(entry, field));
        }
      }
      followUps.append(copy);
    }
    details.prop("followUps", followUps);
    LocalDate session = date(record.apply(SESSION_START));
    if (session != null) {
      details.prop("sessionOn", session.toString());
    }
    return details;
  }

  /** child (under 14), juvenile (14-17), young_adult (18-20) or adult, at the offence date. */
  static String ageClass(LocalDate born, LocalDate at) {
    if (born == null) {
      return "unknown";
    }
    int age = Period.between(born, at == null ? LocalDate.now() : at).getYears();
    return age < 14 ? "child" : age < 18 ? "juvenile" : age < 21 ? "young_adult" : "adult";
  }

  private static List<SpinJsonNode> concat(List<SpinJsonNode> a, List<SpinJsonNode> b) {
    List<SpinJsonNode> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** The date at the start of an ISO date or date-time value; null when there is none. */
  public static LocalDate dateOf(Object value) {
    return date(value);
  }

  private static LocalDate date(Object value) {
    if (value == null || value.toString().length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(value.toString().substring(0, 10));
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  static Date sqlDate(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }
}
