package org.vomcase.process.contact;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.kernel.JsonVariables;
import org.vomcase.kernel.ClosureReason;
import org.vomcase.process.referral.ReferralIntake;

/**
 * The contact phase of a case (expressions of {@code vom-case}): which side is contacted first, who
 * is on a side, and the consent book {@code consents} (person id → role, outcome, guardian) that the
 * per-person contacts fill in.
 */
@Component("contactPlan")
public class ContactPlan {

  public static final String CONSENTS = "consents";
  public static final String VICTIM = "victim";
  public static final String OFFENDER = "offender";

  /** The sides in the order of contact (decision table contact-order). */
  public List<String> sides(String firstContact) {
    return VICTIM.equals(firstContact) ? List.of(VICTIM, OFFENDER) : List.of(OFFENDER, VICTIM);
  }

  /**
   * The persons of one side to contact, each a Json person of the case: everyone except those who
   * already withdrew or declined (a withdrawal recorded before their side's turn is never followed
   * by a letter or a call).
   */
  public List<SpinJsonNode> persons(DelegateExecution execution, String side) {
    SpinJsonNode list = JsonVariables.node(execution.getVariable(VICTIM.equals(side) ? CaseVariables.VICTIMS : CaseVariables.OFFENDERS));
    SpinJsonNode book = consentBook(execution);
    List<SpinJsonNode> persons = new ArrayList<>();
    for (SpinJsonNode person : list.elements()) {
      SpinJsonNode entry = entry(book, person.prop(ReferralIntake.PERSON_ID).stringValue());
      if (entry == null || !List.of("withdrawn", "declined").contains(entry.prop("outcome").stringValue())) {
        persons.add(person);
      }
    }
    return persons;
  }

  /**
   * Records the outcome of one person's contact (end of the call activity) in the consent book. Every
   * end of contact-person sets the outcome; a contact cancelled because the case closed has none.
   */
  public void recordConsent(DelegateExecution execution) {
    SpinJsonNode person = JsonVariables.node(execution.getVariableLocal(CaseVariables.PERSON));
    Object outcome = execution.getVariableLocal(CaseVariables.CONSENT_OUTCOME);
    if (outcome == null) {
      return; // the contact was cancelled (the case closed meanwhile): nothing happened to record
    }
    SpinJsonNode entry = Spin.JSON("{}");
    entry.prop(ReferralIntake.ROLE, person.prop(ReferralIntake.ROLE).stringValue());
    entry.prop("outcome", outcome.toString());
    for (String guardianField : List.of(CaseVariables.GUARDIAN_NAME, CaseVariables.GUARDIAN_RELATION,
        CaseVariables.GUARDIAN_PHONE, CaseVariables.GUARDIAN_EMAIL, CaseVariables.GUARDIAN_CONSENT)) {
      Object value = execution.getVariableLocal(guardianField);
      if (value != null) {
        entry.prop(guardianField, value.toString());
      }
    }
    SpinJsonNode book = consentBook(execution);
    String personId = person.prop(ReferralIntake.PERSON_ID).stringValue();
    SpinJsonNode earlier = entry(book, personId);
    if (earlier != null && "withdrawn".equals(earlier.prop("outcome").stringValue())) {
      return; // a withdrawal recorded meanwhile stands
    }
    book.prop(personId, entry);
    execution.getProcessInstance().setVariable(CONSENTS, SpinValues.jsonValue(book.toString()).create());
  }

  /** The consent book's entry of one person; null before the person's contact ended or was withdrawn. */
  public static SpinJsonNode entry(SpinJsonNode book, String personId) {
    return book.hasProp(personId) ? book.prop(personId) : null;
  }

  /** Has at least one person of the side agreed? */
  public boolean anyAgreed(DelegateExecution execution, String side) {
    return outcomes(execution, side).contains("agreed");
  }

  /**
   * Why a case without consent on one side closes (R19): the first side in the order of contact
   * where nobody agreed; declined if anyone of it declined, otherwise not reachable.
   */
  public String closureReason(DelegateExecution execution) {
    for (String side : sides((String) execution.getVariable(CaseVariables.FIRST_CONTACT))) {
      List<String> outcomes = outcomes(execution, side);
      if (!outcomes.isEmpty() && !outcomes.contains("agreed")) {
        if (outcomes.contains("withdrawn")) {
          return ClosureReason.CONSENT_WITHDRAWN.value();
        }
        if (outcomes.contains("declined")) {
          return (VICTIM.equals(side) ? ClosureReason.VICTIM_DECLINED : ClosureReason.OFFENDER_DECLINED).value();
        }
        return ClosureReason.NOT_REACHABLE.value();
      }
    }
    throw new IllegalStateException("Case " + execution.getProcessBusinessKey() + " has consent on both sides");
  }

  private List<String> outcomes(DelegateExecution execution, String side) {
    List<String> outcomes = new ArrayList<>();
    SpinJsonNode book = consentBook(execution);
    for (String personId : book.fieldNames()) {
      SpinJsonNode entry = book.prop(personId);
      if (side.equals(entry.prop(ReferralIntake.ROLE).stringValue())) {
        outcomes.add(entry.prop("outcome").stringValue());
      }
    }
    return outcomes;
  }

  private static SpinJsonNode consentBook(DelegateExecution execution) {
    return consentBook(execution.getVariable(CONSENTS));
  }

  /** The consent book held in the variable {@code consents} (empty when there is none yet). */
  public static SpinJsonNode consentBook(Object variable) {
    return JsonVariables.objectOrEmpty(variable);
  }
}
