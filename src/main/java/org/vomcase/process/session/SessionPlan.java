package org.vomcase.process.session;

import static org.vomcase.kernel.CaseVariables.APPOINTMENTS;
import static org.vomcase.kernel.CaseVariables.PERSON_ID;
import static org.vomcase.kernel.CaseVariables.RESCHEDULES;
import static org.vomcase.kernel.CaseVariables.SESSION_SEQUENCE;

import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.Appointment;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.ClosureReason;
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
    return switch (SessionOutcome.of(sessionOutcome)) {
      case DIALOGUE_WITHOUT_AGREEMENT -> ClosureReason.DIALOGUE_WITHOUT_AGREEMENT.code();
      case INDIRECT_COMPLETED -> ClosureReason.INDIRECT_MEDIATION_COMPLETED.code();
      case NO_AGREEMENT, STOPPED_FOR_SAFETY -> ClosureReason.NO_AGREEMENT.code();
      case AGREEMENT -> throw new IllegalArgumentException("Outcome '" + sessionOutcome + "' does not close the case");
    };
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
