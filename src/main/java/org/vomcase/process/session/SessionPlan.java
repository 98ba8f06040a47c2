package org.vomcase.process.session;

import static org.vomcase.kernel.CaseVariables.APPOINTMENTS;
import static org.vomcase.kernel.CaseVariables.INVITED_PERSON_IDS;
import static org.vomcase.kernel.CaseVariables.MEETING_TYPE;
import static org.vomcase.kernel.CaseVariables.PERSON_ID;
import static org.vomcase.kernel.CaseVariables.RESCHEDULES;
import static org.vomcase.kernel.CaseVariables.SESSION_PLACE;
import static org.vomcase.kernel.CaseVariables.SESSION_SEQUENCE;
import static org.vomcase.kernel.CaseVariables.SESSION_SHOWN;
import static org.vomcase.kernel.CaseVariables.SESSION_START;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.Appointment;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.ClosureReason;
import org.vomcase.kernel.Dates;
import org.vomcase.kernel.SessionOutcome;
import org.vomcase.kernel.Side;

/**
 * The session phase of a case (expressions of {@code vom-case} and {@code mediation-session}); in indirect
 * mediation, each party's own appointment as the diagram's timers and messages need it (the appointment of the
 * person {@code personId} of the multi-instance "Each party's appointment").
 */
@Component("sessionPlan")
public class SessionPlan {

  /** The safety review's decision to go on with separate conversations only, and the meeting type it requires. */
  public static final String CONTINUE_INDIRECT = "continue_indirect";
  public static final String INDIRECT = "indirect";

  /** How often a session may be rescheduled after a no-show (R11). */
  public static final int MAX_RESCHEDULES = 2;

  public int maxReschedules() {
    return MAX_RESCHEDULES;
  }

  /** The closure reason when the session did not take place after the last reschedule. */
  public String noShowClosure(String noShowParty) {
    if (Side.VICTIM.code().equals(noShowParty)) {
      return ClosureReason.VICTIM_DECLINED.code();
    }
    if (Side.OFFENDER.code().equals(noShowParty)) {
      return ClosureReason.OFFENDER_DECLINED.code();
    }
    return ClosureReason.NO_AGREEMENT.code(); // both stayed away
  }

  /**
   * The closure reason of a session outcome that ends the case (every outcome but an agreement). A session stopped for
   * safety closes as {@code no_agreement} only on diagrams before the safety review (mediation-session 1.3.0); since then
   * the review closes it as {@code stopped_for_safety}.
   */
  public String outcomeClosure(String sessionOutcome) {
    SessionOutcome outcome = SessionOutcome.of(sessionOutcome);
    if (outcome == SessionOutcome.AGREEMENT) {
      throw new IllegalArgumentException("Outcome '" + sessionOutcome + "' does not close the case");
    }
    return ClosureReason.afterSession(outcome, null).code();
  }

  /**
   * A direct meeting's calendar SEQUENCE (the session messages' {@code occurrence} too, so that each invitation,
   * reminder and cancellation of a moved session is a sending of its own): 0 for the first invitation, one more for
   * every new scheduling, move and cancellation.
   */
  public int sessionSequence(VariableScope execution) {
    return sequenceOf(execution);
  }

  /** Whether the session's invitation replaces an earlier one (the session was moved or scheduled again). */
  public boolean sessionChanged(VariableScope execution) {
    return sequenceOf(execution) > 0;
  }

  /**
   * The session's sequence; a case scheduled on a diagram before "Change the session" (mediation-session 1.5.0) has
   * none and counts its reschedules, as those versions did.
   */
  static int sequenceOf(VariableScope execution) {
    if (SESSION_SEQUENCE.isSet(execution)) {
      return SESSION_SEQUENCE.from(execution);
    }
    Integer reschedules = RESCHEDULES.from(execution);
    return reschedules == null ? 0 : reschedules;
  }

  /**
   * The session in words on a form that shows it (task-local {@code sessionShown}, on create of "Record the session
   * outcome" and "Review the session stopped for safety"): a direct meeting's day and time in the programme's words and
   * its place; in indirect mediation each person's appointment ("V1: ..., place; O1: ..., place"), cancelled ones
   * marked.
   */
  public void showSession(DelegateTask task) {
    Map<String, Appointment> appointments = APPOINTMENTS.from(task);
    String shown;
    if (INDIRECT.equals(MEETING_TYPE.from(task)) && !appointments.isEmpty()) {
      shown = appointments.values().stream().map(a -> a.personId() + ": " + inWords(task, a.startAt()) + ", " + a.place()
          + (a.cancelled() ? " (cancelled)" : "")).collect(Collectors.joining("; "));
    } else {
      OffsetDateTime start = SESSION_START.from(task);
      String place = SESSION_PLACE.from(task);
      shown = (start == null ? "" : inWords(task, start)) + (place == null ? "" : ", " + place);
    }
    SESSION_SHOWN.on(task).setLocal(shown);
  }

  /** A moment of the session as the case's forms show it: the programme's words, in the programme's time zone. */
  static String inWords(DelegateTask task, OffsetDateTime when) {
    return Dates.inWords(when, CaseClock.now().getZone(), Case.seenFrom(task.getExecution()).locale());
  }

  /** The wait state of a direct meeting while its invitations are out, until it begins. */
  public static final String TASK_CHANGE_SESSION = "Task_ChangeSession";
  /** The invitations (or a moved session's update) about to go out. */
  public static final String TASK_SEND_INVITATIONS = "Task_SendInvitations";

  /**
   * Gateway "What was the person who withdrew invited to?": a direct meeting whose invitations are out or about to go
   * out (a moved session's update) and that has not begun ({@code Task_ChangeSession} or {@code Task_SendInvitations}
   * waits), the person no longer taking part. Their calendar entry is withdrawn.
   */
  public boolean invitedToTheComingSession(DelegateExecution execution, String personId) {
    return !INDIRECT.equals(MEETING_TYPE.from(execution)) && withdrew(execution, personId)
        && SESSION_START.isSet(execution) && execution.getProcessEngineServices().getRuntimeService().createExecutionQuery()
            .processInstanceId(execution.getProcessInstanceId()).activityId(TASK_CHANGE_SESSION).count()
            // A moved session's update not yet sent: the person has the earlier invitation in their calendar.
            + (sequenceOf(execution) > 0 ? execution.getProcessEngineServices().getRuntimeService().createExecutionQuery()
            .processInstanceId(execution.getProcessInstanceId()).activityId(TASK_SEND_INVITATIONS).count() : 0) > 0;
  }

  /** Indirect mediation: the person who withdrew has an appointment of their own still to come, not cancelled. */
  public boolean hasComingAppointment(DelegateExecution execution, String personId) {
    Appointment appointment = APPOINTMENTS.from(execution).get(personId);
    return appointment != null && !appointment.cancelled() && withdrew(execution, personId)
        && appointment.startAt().isAfter(CaseClock.now().toOffsetDateTime());
  }

  /**
   * The appointment of a person who withdrew, as its cancellation names it: the same UID (case and person) and a higher
   * sequence, once the appointment is marked cancelled ({@link #markAppointmentCancelled}).
   */
  public Appointment withdrawnAppointment(VariableScope execution, String personId) {
    Appointment appointment = APPOINTMENTS.from(execution).get(personId);
    if (appointment == null) {
      throw new IllegalStateException("No appointment for '" + personId + "' in case " + execution.getVariable("caseNumber"));
    }
    return appointment.cancelled() ? appointment : appointment.cancel();
  }

  /** When the withdrawn person's appointment was to begin (ISO), as its cancellation names it. */
  public String withdrawnAppointmentStart(VariableScope execution, String personId) {
    return withdrawnAppointment(execution, personId).start();
  }

  /** Where the withdrawn person's appointment was to be, as its cancellation names it. */
  public String withdrawnAppointmentPlace(VariableScope execution, String personId) {
    return withdrawnAppointment(execution, personId).place();
  }

  /** The calendar sequence of the withdrawn person's cancellation: one more than their last invitation. */
  public int withdrawnAppointmentSequence(VariableScope execution, String personId) {
    return withdrawnAppointment(execution, personId).sequence();
  }

  /** The appointment of a person who withdrew is cancelled: the session's summary shows it so, no reminder names it. */
  public void markAppointmentCancelled(VariableScope execution, String personId) {
    Map<String, Appointment> appointments = APPOINTMENTS.from(execution);
    Appointment appointment = appointments.get(personId);
    if (appointment != null && !appointment.cancelled()) {
      appointments.put(personId, appointment.cancel());
      APPOINTMENTS.on(execution).set(appointments);
    }
  }

  /**
   * The case closes because its last victim or offender withdrew (vom-case, {@code Gateway_SessionToCallOff}): was a
   * session or an appointment still to come arranged, whose invited persons are to get the cancellation?
   */
  public boolean sessionToCallOff(DelegateExecution execution) {
    return INVITED_PERSON_IDS.isSet(execution) && !INVITED_PERSON_IDS.from(execution).isEmpty();
  }

  /** Who is to get the cancellation (the multi-instance collection): everyone invited, the person who withdrew too. */
  public List<String> invitedToCallOff(DelegateExecution execution) {
    return INVITED_PERSON_IDS.from(execution);
  }

  /** The cancellation a called-off session sends: the session's, or in indirect mediation each person's appointment's. */
  public String callOffMessage(VariableScope execution) {
    return INDIRECT.equals(MEETING_TYPE.from(execution)) ? "appointment-cancellation" : "session-cancellation";
  }

  /** The calendar sequence of a called-off session's cancellation: one more than the last invitation (or appointment). */
  public int callOffSequence(VariableScope execution, String personId) {
    return INDIRECT.equals(MEETING_TYPE.from(execution)) ? withdrawnAppointmentSequence(execution, personId)
        : sequenceOf(execution) + 1;
  }

  /** The person's own appointment a called-off indirect mediation cancels (null for a direct session). */
  public String callOffAppointmentFor(VariableScope execution, String personId) {
    return INDIRECT.equals(MEETING_TYPE.from(execution)) ? personId : null;
  }

  public String callOffAppointmentStart(VariableScope execution, String personId) {
    return INDIRECT.equals(MEETING_TYPE.from(execution)) ? withdrawnAppointmentStart(execution, personId) : null;
  }

  public String callOffAppointmentPlace(VariableScope execution, String personId) {
    return INDIRECT.equals(MEETING_TYPE.from(execution)) ? withdrawnAppointmentPlace(execution, personId) : null;
  }

  /** Whether the person no longer takes part: withdrawn, as the case's consent book says. */
  private static boolean withdrew(DelegateExecution execution, String personId) {
    Case theCase = Case.seenFrom(execution);
    return theCase.person(personId).isPresent() && theCase.parties().stream().noneMatch(p -> p.personId().equals(personId));
  }

  /** Indirect mediation: the persons whose appointment is still to come (not cancelled), in the case's order. */
  public List<String> appointmentIds(VariableScope execution) {
    return APPOINTMENTS.from(execution).values().stream().filter(a -> !a.cancelled()).map(Appointment::personId).toList();
  }

  /** The appointment of the person the execution is about ({@code personId}). */
  public static Appointment appointment(VariableScope execution) {
    String personId = PERSON_ID.from(execution);
    Appointment appointment = APPOINTMENTS.from(execution).get(personId);
    if (appointment == null) {
      throw new IllegalStateException("No appointment for '" + personId + "' in case " + execution.getVariable("caseNumber"));
    }
    return appointment;
  }

  /** When the person's appointment begins (ISO, what the timer waits for and the messages name). */
  public String appointmentStart(VariableScope execution) {
    return appointment(execution).start();
  }

  public String appointmentPlace(VariableScope execution) {
    return appointment(execution).place();
  }

  /** The calendar file's SEQUENCE: 0 for the first invitation, one more for every change and the cancellation. */
  public int appointmentSequence(VariableScope execution) {
    return appointment(execution).sequence();
  }

  /** Whether the invitation is an update of an earlier appointment of the person. */
  public boolean appointmentChanged(VariableScope execution) {
    return appointment(execution).sequence() > 0;
  }

  /** Two days before the person's appointment, or now when it is sooner (ISO). */
  public String appointmentReminderAt(VariableScope execution) {
    OffsetDateTime reminder = appointment(execution).startAt().minusDays(ScheduleSessionListener.REMINDER_DAYS_BEFORE);
    OffsetDateTime now = CaseClock.now().toOffsetDateTime();
    return (reminder.isAfter(now) ? reminder : now).toString();
  }
}
