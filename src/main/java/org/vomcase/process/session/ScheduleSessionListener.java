package org.vomcase.process.session;

import static org.vomcase.kernel.CaseVariables.*;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.Preparation;
import org.vomcase.kernel.Side;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;

/**
 * "Schedule the session" (R11): a date and time in the future, a place, who attends; sets the times
 * the invitation's reminder (two days before, or at once when the session is sooner) and the session
 * itself wait for.
 */
@Component("scheduleSessionListener")
public class ScheduleSessionListener implements TaskListener {

  public static final int REMINDER_DAYS_BEFORE = 2;

  /** The victim's choice binds the scheduling (R10): any victim who chose indirect mediation. */
  static boolean aVictimChoseIndirect(Map<String, Preparation> preparations) {
    return preparations.values().stream().anyMatch(p -> p.role() == Side.VICTIM && "indirect".equals(p.meetingType()));
  }

  @Override
  public void notify(DelegateTask task) {
    String meetingType = TaskInput.required(task, MEETING_TYPE, Vocabulary.MEETING_TYPES);
    if ("direct".equals(meetingType) && SessionPlan.CONTINUE_INDIRECT.equals(SAFETY_REVIEW_DECISION.from(task))) {
      throw new CaseInputException(MEETING_TYPE, "the session was stopped for safety and the coordinators decided to continue as"
          + " indirect mediation only: no joint meeting");
    }
    if ("direct".equals(meetingType) && aVictimChoseIndirect(PREPARATIONS.from(task))) {
      throw new CaseInputException(MEETING_TYPE, "a victim chose indirect mediation in the preparation; a direct meeting"
          + " needs the victim's new choice first");
    }
    LocalTime time;
    try {
      time = LocalTime.parse(TaskInput.text(task, SESSION_TIME, 4, 5));
    } catch (DateTimeParseException e) {
      throw new CaseInputException(SESSION_TIME, "'" + SESSION_TIME.from(task) + "' is not a time (HH:MM)");
    }
    ZonedDateTime now = CaseClock.now();
    ZonedDateTime start = LocalDateTime.of(TaskInput.date(task, SESSION_DATE), time).atZone(ZoneId.systemDefault());
    if (!start.isAfter(now)) {
      throw new CaseInputException(SESSION_DATE, "the session must be in the future");
    }
    TaskInput.text(task, SESSION_PLACE, 3, 300);
    TaskInput.text(task, SESSION_ATTENDEES, 3, 1000);
    ZonedDateTime reminder = start.minusDays(REMINDER_DAYS_BEFORE);
    SESSION_START.on(task.getExecution()).set(start.toOffsetDateTime());
    SESSION_REMINDER_AT.on(task.getExecution()).set((reminder.isAfter(now) ? reminder : now).toOffsetDateTime());
  }
}
