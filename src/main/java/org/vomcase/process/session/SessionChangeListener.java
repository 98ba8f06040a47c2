package org.vomcase.process.session;

import static org.vomcase.kernel.CaseVariables.*;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;

/**
 * "Change the session if needed" (a direct meeting, open until the session begins): on create, the task shows the
 * session as it stands and its form starts without a choice; on complete, the mediator's change is checked (a new
 * date and time in the future and a place that differ from the session's, or a cancellation) and written to the
 * session (its start, the reminder's time, a higher calendar sequence); the diagram then sends everyone the update
 * or the cancellation.
 */
@Component("sessionChangeListener")
public class SessionChangeListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      created(task);
    } else {
      completed(task);
    }
  }

  private static void created(DelegateTask task) {
    // The last change's choice belongs to that change: the form of the next one starts without a choice.
    SESSION_CHANGE.on(task.getExecution()).remove();
    OffsetDateTime start = SESSION_START.from(task);
    int changes = SessionPlan.sequenceOf(task.getExecution());
    SESSION_SHOWN.on(task).setLocal(SessionPlan.inWords(task, start) + ", "
        + SESSION_PLACE.from(task) + (changes > 0 ? " (invitation " + (changes + 1) + ")" : ""));
  }

  private static void completed(DelegateTask task) {
    String change = TaskInput.required(task, SESSION_CHANGE, Vocabulary.APPOINTMENT_CHANGES);
    OffsetDateTime before = SESSION_START.from(task);
    ZonedDateTime now = CaseClock.now();
    if (!before.isAfter(now.toOffsetDateTime())) {
      throw new CaseInputException(SESSION_CHANGE, "the session has begun; record its outcome instead");
    }
    int sequence = SessionPlan.sequenceOf(task.getExecution()) + 1;
    if ("cancel".equals(change)) {
      SESSION_SEQUENCE.on(task.getExecution()).set(sequence);
      return;
    }
    String placeBefore = SESSION_PLACE.from(task);
    ZonedDateTime start = ScheduleSessionListener.start(task, SESSION_DATE, SESSION_TIME, now, "the session must be in the future");
    String place = TaskInput.text(task, SESSION_PLACE, 3, 300);
    if (start.toOffsetDateTime().isEqual(before) && place.equals(placeBefore)) {
      throw new CaseInputException(SESSION_DATE, "this is the session's date, time and place already; change one of them");
    }
    ZonedDateTime reminder = start.minusDays(ScheduleSessionListener.REMINDER_DAYS_BEFORE);
    SESSION_START.on(task.getExecution()).set(start.toOffsetDateTime());
    SESSION_REMINDER_AT.on(task.getExecution()).set((reminder.isAfter(now) ? reminder : now).toOffsetDateTime());
    SESSION_SEQUENCE.on(task.getExecution()).set(sequence);
  }
}
