package org.vomcase.process.session;

import static org.vomcase.kernel.CaseVariables.*;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;
import org.vomcase.settings.StaffLanguage;

/**
 * "Change the session if needed" (a direct meeting, open until the session begins): on create, the task shows the
 * session as it stands and its form starts without a choice; on complete, the mediator's change is checked (a new
 * date and time in the future and a place, one line, that differ from the session's, or a cancellation) and only then
 * written to the session (its start, date, time and place, the reminder's time, a higher calendar sequence; a
 * cancellation marks the session cancelled and changes nothing else); the form's own fields ({@code newSessionDate},
 * {@code newSessionTime}, {@code newSessionPlace}) are removed either way. The diagram then sends everyone the update
 * or the cancellation.
 */
@Component("sessionChangeListener")
public class SessionChangeListener implements TaskListener {

  private final StaffLanguage language;

  /** In English (diagram tests). */
  public SessionChangeListener() {
    this(StaffLanguage.of(StaffLanguage.SOURCE));
  }

  /** What the form shows, in the staff language. */
  @Autowired
  public SessionChangeListener(StaffLanguage language) {
    this.language = language;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      created(task);
    } else {
      completed(task);
    }
  }

  private void created(DelegateTask task) {
    // The last change's choice belongs to that change: the form of the next one starts without a choice.
    SESSION_CHANGE.on(task.getExecution()).remove();
    OffsetDateTime start = SESSION_START.from(task);
    int changes = SessionPlan.sequenceOf(task.getExecution());
    SESSION_SHOWN.on(task).setLocal(SessionPlan.inWords(task, start) + ", "
        + SESSION_PLACE.from(task) + (changes > 0
        ? " (" + language.text("staff.session.invitation", String.valueOf(changes + 1)) + ")" : ""));
  }

  private static void completed(DelegateTask task) {
    try {
      change(task);
    } finally {
      // The form's values belong to this change only: the next change starts empty, and a cancellation keeps none.
      NEW_SESSION_DATE.on(task.getExecution()).remove();
      NEW_SESSION_TIME.on(task.getExecution()).remove();
      NEW_SESSION_PLACE.on(task.getExecution()).remove();
    }
  }

  private static void change(DelegateTask task) {
    String change = TaskInput.required(task, SESSION_CHANGE, Vocabulary.APPOINTMENT_CHANGES);
    OffsetDateTime before = SESSION_START.from(task);
    ZonedDateTime now = CaseClock.now();
    if (!before.isAfter(now.toOffsetDateTime())) {
      throw CaseInputException.of(SESSION_CHANGE, "error.session.begun");
    }
    int sequence = SessionPlan.sequenceOf(task.getExecution()) + 1;
    if ("cancel".equals(change)) {
      SESSION_SEQUENCE.on(task.getExecution()).set(sequence);
      SESSION_CANCELLED.on(task.getExecution()).set(true);
      return;
    }
    ZonedDateTime start = ScheduleSessionListener.start(task, NEW_SESSION_DATE, NEW_SESSION_TIME, now,
        "error.session.notInTheFuture");
    String place = ScheduleSessionListener.place(task, NEW_SESSION_PLACE);
    if (start.toOffsetDateTime().isEqual(before) && place.equals(SESSION_PLACE.from(task))) {
      throw CaseInputException.of(NEW_SESSION_DATE, "error.session.unchanged");
    }
    ZonedDateTime reminder = start.minusDays(ScheduleSessionListener.REMINDER_DAYS_BEFORE);
    SESSION_START.on(task.getExecution()).set(start.toOffsetDateTime());
    SESSION_REMINDER_AT.on(task.getExecution()).set((reminder.isAfter(now) ? reminder : now).toOffsetDateTime());
    SESSION_DATE.on(task.getExecution()).set(start.toLocalDate());
    SESSION_TIME.on(task.getExecution()).set(NEW_SESSION_TIME.from(task).trim());
    SESSION_PLACE.on(task.getExecution()).set(place);
    SESSION_SEQUENCE.on(task.getExecution()).set(sequence);
  }
}
