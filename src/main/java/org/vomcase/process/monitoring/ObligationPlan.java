package org.vomcase.process.monitoring;

import static org.vomcase.kernel.CaseVariables.*;
import static org.vomcase.kernel.JsonVariables.text;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.JsonVariables;
import org.vomcase.process.agreement.AgreementItems;
import org.vomcase.process.referral.ReferralValidator;

/**
 * Monitoring of the agreement (R17): what each called {@code monitor-obligation} watches, the book
 * of fulfilments of the case (obligation id -> status, what was done, when checked, escalated) and
 * the agreement's fulfilment as a whole, which decides the closure reason (R19).
 */
@Component("obligationPlan")
public class ObligationPlan {

  /** Due dates fall due at nine in the morning in the programme's time zone. */
  public static final LocalTime DUE_TIME = LocalTime.of(9, 0);

  public static final String FULFILLED = "fulfilled";
  public static final String PARTLY_FULFILLED = "partly_fulfilled";
  public static final String NOT_FULFILLED = "not_fulfilled";

  /** The obligations to monitor (the multi-instance collection). */
  public List<SpinJsonNode> obligations(DelegateExecution execution) {
    return JsonVariables.elements(execution.getVariable(OBLIGATIONS));
  }

  /** Start of {@code monitor-obligation}: the obligation laid out for its timer, form and reminder. */
  public void prepare(DelegateExecution execution) {
    SpinJsonNode obligation = JsonVariables.node(execution.getVariable(OBLIGATION));
    execution.setVariable(OBLIGATION_ID, text(obligation, "obligationId"));
    LocalDate due = LocalDate.parse(text(obligation, AgreementItems.DUE_DATE));
    execution.setVariable(OBLIGATION_DUE_AT, due.atTime(DUE_TIME).atZone(ZoneId.systemDefault()).toOffsetDateTime().toString());
    List<SpinJsonNode> persons = new ArrayList<>(JsonVariables.elements(execution.getVariable(VICTIMS)));
    persons.addAll(JsonVariables.elements(execution.getVariable(OFFENDERS)));
    execution.setVariable(OBLIGATION_SUMMARY, AgreementItems.describe(obligation, AgreementItems.names(execution::getVariable)));
    String kind = text(obligation, AgreementItems.KIND);
    execution.setVariable(OBLIGATION_UNIT, AgreementItems.WITH_AMOUNT.contains(kind) ? "amount"
        : AgreementItems.WITH_HOURS.contains(kind) ? "hours" : "none");
    execution.setVariable(CHECK_ROUND, 1);
    // The reminder goes to the offender who owes the item.
    for (SpinJsonNode person : persons) {
      if (text(person, "personId").equals(text(obligation, AgreementItems.OFFENDER))) {
        execution.setVariable(PERSON_ID, text(person, "personId"));
        execution.setVariable(PERSON_NAME, text(person, ReferralValidator.NAME));
        execution.setVariable(PERSON_EMAIL, text(person, ReferralValidator.EMAIL));
        execution.setVariable(PERSON_LANGUAGE, text(person, ReferralValidator.PREFERRED_LANGUAGE));
      }
    }
  }

  /** End of one monitoring (vom-case): records how the obligation ended; a cancelled one records nothing. */
  public void record(DelegateExecution execution) {
    Object status = execution.getVariable(OBLIGATION_STATUS);
    if (status == null) {
      return;
    }
    SpinJsonNode entry = Spin.JSON("{}");
    entry.prop("status", status.toString());
    SpinJsonNode obligation = JsonVariables.node(execution.getVariable(OBLIGATION));
    entry.prop(AgreementItems.KIND, text(obligation, AgreementItems.KIND));
    copy(obligation, entry, AgreementItems.AMOUNT);
    copy(obligation, entry, AgreementItems.HOURS);
    Object amount = execution.getVariable(FULFILLED_AMOUNT);
    Object hours = execution.getVariable(FULFILLED_HOURS);
    if (PARTLY_FULFILLED.equals(status) && amount != null) {
      entry.prop(FULFILLED_AMOUNT, amount.toString());
    }
    if (PARTLY_FULFILLED.equals(status) && hours != null) {
      entry.prop(FULFILLED_HOURS, hours.toString());
    }
    // checkRound is 2 after the grace period: a Long, as the diagram's expression sets it.
    entry.prop("escalated", execution.getVariable(CHECK_ROUND) instanceof Number round && round.intValue() == 2
        && !FULFILLED.equals(status));
    entry.prop("checkedAt", CaseClock.timestamp());
    SpinJsonNode book = JsonVariables.objectOrEmpty(execution.getProcessInstance().getVariable(FULFILMENTS));
    book.prop(text(obligation, "obligationId"), entry);
    execution.getProcessInstance().setVariable(FULFILMENTS, JsonVariables.json(book));
  }

  /**
   * Start of "How did the case end?": the fulfilment of the whole agreement. Fulfilled when every
   * item (and instalment) was fulfilled, items done at the session included; not fulfilled when none
   * was even partly; otherwise partly fulfilled.
   */
  public void summarise(DelegateExecution execution) {
    if (!"agreement".equals(execution.getVariable(SESSION_OUTCOME)) || execution.getVariable(AGREEMENT_ITEMS) == null) {
      return;
    }
    int units = 0;
    int fulfilled = 0;
    int partly = 0;
    for (SpinJsonNode item : JsonVariables.elements(execution.getVariable(AGREEMENT_ITEMS))) {
      if (FULFILLED.equals(text(item, AgreementItems.STATUS))) {
        units++;
        fulfilled++;
      }
    }
    SpinJsonNode book = JsonVariables.objectOrEmpty(execution.getVariable(FULFILMENTS));
    for (SpinJsonNode obligation : obligations(execution)) {
      units++;
      SpinJsonNode entry = book.hasProp(text(obligation, "obligationId")) ? book.prop(text(obligation, "obligationId")) : null;
      String status = entry == null ? NOT_FULFILLED : text(entry, "status");
      fulfilled += FULFILLED.equals(status) ? 1 : 0;
      partly += PARTLY_FULFILLED.equals(status) ? 1 : 0;
    }
    String fulfilment = fulfilled == units ? FULFILLED : fulfilled + partly == 0 ? NOT_FULFILLED : PARTLY_FULFILLED;
    execution.setVariable(AGREEMENT_FULFILMENT, fulfilment);
  }

  private static void copy(SpinJsonNode from, SpinJsonNode to, String field) {
    if (from.hasProp(field)) {
      to.prop(field, text(from, field));
    }
  }
}
