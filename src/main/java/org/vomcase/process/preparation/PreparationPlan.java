package org.vomcase.process.preparation;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.JsonVariables;
import org.vomcase.process.contact.ContactPlan;
import org.vomcase.process.referral.ReferralIntake;
import org.vomcase.process.referral.ReferralValidator;

/**
 * The preparation phase of a case (expressions of {@code vom-case}): who is prepared (everyone who
 * agreed), the book of preparations (person id → readiness, wishes, the victim's choices), and the
 * summary the mediator's suitability decision reads.
 */
@Component("preparationPlan")
public class PreparationPlan {

  private static final List<String> RECORDED = List.of(MEETING_DATE, MEETING_FORMAT, READINESS, SUPPORT_PERSONS,
      SAFETY_CONCERNS_RECORDED, MEETING_TYPE, PREFERRED_PLACE, PREFERRED_TIMES, FIRST_SPEAKER, SEATING);

  /** The persons who agreed to take part, in the case's order (victims, then offenders). */
  public List<SpinJsonNode> agreedPersons(DelegateExecution execution) {
    return agreedPersons(execution::getVariable);
  }

  /** The persons who agreed, from any view of the case's variables (a running case or its record). */
  public static List<SpinJsonNode> agreedPersons(java.util.function.Function<String, Object> variables) {
    SpinJsonNode book = ContactPlan.consentBook(variables.apply(ContactPlan.CONSENTS));
    List<SpinJsonNode> agreed = new ArrayList<>();
    for (String list : List.of(VICTIMS, OFFENDERS)) {
      for (SpinJsonNode person : org.vomcase.kernel.JsonVariables.elements(variables.apply(list))) {
        SpinJsonNode entry = ContactPlan.entry(book, person.prop(ReferralIntake.PERSON_ID).stringValue());
        if (entry != null && "agreed".equals(entry.prop("outcome").stringValue())) {
          agreed.add(person);
        }
      }
    }
    return agreed;
  }

  /** Records one person's preparation (end of the call activity); a cancelled preparation has nothing to record. */
  public void record(DelegateExecution execution) {
    Object readiness = execution.getVariable(READINESS);
    if (readiness == null) {
      return;
    }
    SpinJsonNode person = (SpinJsonNode) execution.getVariable(PERSON);
    SpinJsonNode entry = Spin.JSON("{}");
    entry.prop(ReferralIntake.ROLE, person.prop(ReferralIntake.ROLE).stringValue());
    entry.prop(ReferralValidator.NAME, person.prop(ReferralValidator.NAME).stringValue());
    for (String field : RECORDED) {
      Object value = execution.getVariable(field);
      if (value != null && !value.toString().isBlank()) {
        entry.prop(field, value.toString());
      }
    }
    List<String> wishes = PreparationMeetingListener.values(execution.getVariable(WISHES));
    entry.prop(WISHES, String.join(", ", wishes));
    SpinJsonNode book = JsonVariables.objectOrEmpty(execution.getVariable(PREPARATIONS));
    book.prop(person.prop(ReferralIntake.PERSON_ID).stringValue(), entry);
    execution.getProcessInstance().setVariable(PREPARATIONS, SpinValues.jsonValue(book.toString()).create());
  }

  /** Task listener (create) of the suitability decision: the preparations in words. */
  public void summarise(DelegateTask task) {
    SpinJsonNode book = JsonVariables.objectOrEmpty(task.getVariable(PREPARATIONS));
    StringBuilder summary = new StringBuilder();
    for (String personId : book.fieldNames()) {
      SpinJsonNode entry = book.prop(personId);
      summary.append(personId).append(' ').append(text(entry, ReferralValidator.NAME)).append(" (")
          .append(text(entry, ReferralIntake.ROLE)).append("): ").append(text(entry, READINESS).replace('_', ' '));
      append(summary, "wants", text(entry, WISHES));
      append(summary, "meeting", text(entry, MEETING_TYPE));
      append(summary, "place", text(entry, PREFERRED_PLACE));
      append(summary, "times", text(entry, PREFERRED_TIMES));
      append(summary, "speaks first", text(entry, FIRST_SPEAKER).replace('_', ' '));
      append(summary, "support", text(entry, SUPPORT_PERSONS));
      append(summary, "safety", "true".equals(text(entry, SAFETY_CONCERNS_RECORDED))
          ? "concerns recorded (in the confidential notes of the case file)" : "no concerns recorded");
      summary.append('\n');
    }
    task.setVariable(PREPARATION_SUMMARY, summary.toString().trim());
  }

  private static void append(StringBuilder summary, String label, String value) {
    if (!value.isEmpty()) {
      summary.append("; ").append(label).append(": ").append(value);
    }
  }

  private static String text(SpinJsonNode entry, String field) {
    return entry.hasProp(field) ? entry.prop(field).stringValue() : "";
  }
}
