package org.vomcase.process.preparation;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.Preparation;

/**
 * The preparation phase of a case (expressions of {@code vom-case}): who is prepared (everyone who
 * agreed), the book of preparations (person id → readiness, wishes, the victim's choices), and the
 * summary the mediator's suitability decision reads.
 */
@Component("preparationPlan")
public class PreparationPlan {

  /** The persons who agreed to take part, in the case's order (victims, then offenders): the multi-instance collection. */
  public List<Object> agreedPersons(DelegateExecution execution) {
    return Case.of(execution).parties().stream().map(PERSON::value).toList();
  }

  /** Records one person's preparation (end of the call activity); a cancelled preparation has nothing to record. */
  public void record(DelegateExecution execution) {
    String readiness = READINESS.from(execution);
    if (readiness == null) {
      return;
    }
    Person person = PERSON.from(execution);
    Preparation preparation = new Preparation(person.role(), person.name(), MEETING_DATE.from(execution),
        blankToNull(MEETING_FORMAT.from(execution)), readiness, blankToNull(SUPPORT_PERSONS.from(execution)),
        SAFETY_CONCERNS_RECORDED.from(execution), blankToNull(MEETING_TYPE.from(execution)),
        blankToNull(PREFERRED_PLACE.from(execution)), blankToNull(PREFERRED_TIMES.from(execution)),
        blankToNull(FIRST_SPEAKER.from(execution)), blankToNull(SEATING.from(execution)),
        String.join(", ", WISHES.from(execution)));
    Map<String, Preparation> book = PREPARATIONS.from(execution);
    book.put(person.personId(), preparation);
    PREPARATIONS.on(execution.getProcessInstance()).set(book);
  }

  /** Task listener (create) of the suitability decision: the preparations in words. */
  public void summarise(DelegateTask task) {
    StringBuilder summary = new StringBuilder();
    PREPARATIONS.from(task).forEach((personId, entry) -> {
      summary.append(personId).append(' ').append(text(entry.name())).append(" (")
          .append(entry.role() == null ? "" : entry.role().code()).append("): ").append(text(entry.readiness()).replace('_', ' '));
      append(summary, "wants", entry.wishes());
      append(summary, "meeting", entry.meetingType());
      append(summary, "place", entry.preferredPlace());
      append(summary, "times", entry.preferredTimes());
      append(summary, "speaks first", text(entry.firstSpeaker()).replace('_', ' '));
      append(summary, "support", entry.supportPersons());
      append(summary, "safety", entry.concerns()
          ? "concerns recorded (in the confidential notes of the case file)" : "no concerns recorded");
      summary.append('\n');
    });
    PREPARATION_SUMMARY.on(task).set(summary.toString().trim());
  }

  private static void append(StringBuilder summary, String label, String value) {
    if (value != null && !value.isEmpty()) {
      summary.append("; ").append(label).append(": ").append(value);
    }
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
