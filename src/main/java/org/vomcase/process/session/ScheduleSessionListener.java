package org.vomcase.process.session;

import static org.vomcase.kernel.CaseVariables.*;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.vomcase.settings.StaffLanguage;
import org.vomcase.kernel.Appointment;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.CaseVariable;
import org.vomcase.kernel.InputCheck;
import org.vomcase.kernel.Guardian;
import org.vomcase.kernel.Option;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.Preparation;
import org.vomcase.kernel.Side;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;

/**
 * "Schedule the session" (R11). On create (mediation-session 1.6.0 on) the form starts from the victims' choices in
 * the preparation: the meeting type (indirect when any victim chose it) and, for a direct meeting, the victim's
 * preferred place, unless the session was scheduled before (then its own values stand); it offers the persons who
 * take part (the parties and the guardians of minors, "Ana Roth (V1, victim)") as the list of who attends, all checked.
 * On complete, who attends must be persons offered, at least one party of each side in a direct meeting; their names
 * become {@code sessionAttendees}. A task created by an earlier version (no list) takes who attends as text, as then.
 * A direct meeting: a date and time in the future, a place, who attends; sets the
 * times the invitation's reminder (two days before, or at once when the session is sooner) and the session itself
 * wait for. Indirect (shuttle) mediation: the victims' and the offenders' appointment (date, time, place each, in
 * the future, never at the same place at overlapping times), from which every person taking part gets an
 * appointment of their own ({@code appointments}); a person who had one already (the session is scheduled again)
 * keeps its calendar entry, moved (a higher sequence).
 */
@Component("scheduleSessionListener")
public class ScheduleSessionListener implements TaskListener {

  private final StaffLanguage language;

  /** Options in English (diagram tests). */
  public ScheduleSessionListener() {
    this(StaffLanguage.of(StaffLanguage.SOURCE));
  }

  /** Options in the staff language. */
  @Autowired
  public ScheduleSessionListener(StaffLanguage language) {
    this.language = language;
  }

  public static final int REMINDER_DAYS_BEFORE = 2;

  /** How long an appointment is booked for (the calendar files' two hours). */
  static final int APPOINTMENT_HOURS = 2;

  /** The victim's choice binds the scheduling (R10): any victim who chose indirect mediation. */
  static boolean aVictimChoseIndirect(Map<String, Preparation> preparations) {
    return preparations.values().stream().anyMatch(p -> p.role() == Side.VICTIM && "indirect".equals(p.meetingType()));
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
    Map<String, Preparation> preparations = PREPARATIONS.from(task);
    if (!MEETING_TYPE.isSet(task)) {
      victimsChoice(preparations, Preparation::meetingType, aVictimChoseIndirect(preparations) ? SessionPlan.INDIRECT : null)
          .ifPresent(type -> MEETING_TYPE.on(task.getExecution()).set(type));
    }
    if (!SESSION_PLACE.isSet(task)) {
      victimsChoice(preparations, Preparation::preferredPlace, null).ifPresent(place -> SESSION_PLACE.on(task.getExecution()).set(place));
    }
    List<Option> offered = attendeeOptions(Case.seenFrom(task.getExecution()), language);
    ATTENDEE_OPTIONS.on(task).setLocal(offered);
    List<String> ids = offered.stream().map(Option::value).toList();
    List<String> checked = SESSION_ATTENDEE_IDS.from(task).stream().filter(ids::contains).toList();
    SESSION_ATTENDEE_IDS.on(task.getExecution()).set(checked.isEmpty() ? ids : checked);
  }

  /** The first victim's choice (in the case's order of preparations) of one kind; {@code preferred} wins when given. */
  private static Optional<String> victimsChoice(Map<String, Preparation> preparations, Function<Preparation, String> choice,
      String preferred) {
    if (preferred != null) {
      return Optional.of(preferred);
    }
    return preparations.values().stream().filter(p -> p.role() == Side.VICTIM).map(choice)
        .filter(value -> value != null && !value.isBlank()).findFirst();
  }

  /** Who may attend: every party ("Ana Roth (V1, victim)"), each followed by the guardians of a minor ("G-V1"). */
  static List<Option> attendeeOptions(Case theCase, StaffLanguage language) {
    List<Option> options = new ArrayList<>();
    for (Person party : theCase.parties()) {
      options.add(new Option(party.name() + " (" + party.personId() + ", "
          + language.text("staff.person.role." + party.role().code()) + ")", party.personId()));
      List<Guardian> guardians = theCase.guardiansOf(party);
      for (int n = 1; n <= guardians.size(); n++) {
        String id = Guardian.idOf(party.personId(), n);
        options.add(new Option(guardians.get(n - 1).name() + " (" + id + ", "
            + language.text("staff.person.guardianOf", party.personId()) + ")", id));
      }
    }
    return options;
  }

  private void completed(DelegateTask task) {
    String meetingType = TaskInput.required(task, MEETING_TYPE, Vocabulary.MEETING_TYPES);
    if ("direct".equals(meetingType) && SessionPlan.CONTINUE_INDIRECT.equals(SAFETY_REVIEW_DECISION.from(task))) {
      throw CaseInputException.of(MEETING_TYPE, "error.session.indirectOnlyAfterSafetyStop");
    }
    if ("direct".equals(meetingType) && aVictimChoseIndirect(PREPARATIONS.from(task))) {
      throw CaseInputException.of(MEETING_TYPE, "error.session.victimChoseIndirect");
    }
    ZonedDateTime now = CaseClock.now();
    if ("indirect".equals(meetingType) && perPartyAppointments(task)) {
      scheduleIndirect(task, now);
      return;
    }
    ZonedDateTime start = start(task, SESSION_DATE, SESSION_TIME, now, "error.session.notInTheFuture");
    SESSION_PLACE.on(task.getExecution()).set(place(task, SESSION_PLACE));
    SESSION_CANCELLED.on(task.getExecution()).remove();
    recordAttendees(task, true);
    ZonedDateTime reminder = start.minusDays(REMINDER_DAYS_BEFORE);
    SESSION_START.on(task.getExecution()).set(start.toOffsetDateTime());
    SESSION_REMINDER_AT.on(task.getExecution()).set((reminder.isAfter(now) ? reminder : now).toOffsetDateTime());
    // The same calendar entry when the session is scheduled again (after a no-show or a cancellation): a higher sequence.
    SESSION_SEQUENCE.on(task.getExecution()).set(SESSION_SEQUENCE.isSet(task.getExecution())
        ? SESSION_SEQUENCE.from(task) + 1 : SessionPlan.sequenceOf(task.getExecution()));
  }

  /**
   * Whether the task's diagram has one appointment per party (mediation-session 1.3.0 on). A case that was already
   * waiting at this task on an earlier version keeps that version's form (one date, time and place) and is
   * scheduled as that version did (one joint invitation): per-party appointments begin with the cases that reach
   * scheduling on 1.3.0.
   */
  static boolean perPartyAppointments(DelegateTask task) {
    return task.getExecution().getBpmnModelInstance().getModelElementById(PARTY_APPOINTMENT) != null;
  }

  /** The diagram element that runs each party's own appointment. */
  static final String PARTY_APPOINTMENT = "SubProcess_PartyAppointment";

  /** One appointment per person taking part: the victims' or the offenders' date, time and place. */
  private void scheduleIndirect(DelegateTask task, ZonedDateTime now) {
    ZonedDateTime victims = start(task, VICTIM_APPOINTMENT_DATE, VICTIM_APPOINTMENT_TIME, now,
        "error.session.victimsAppointmentNotInTheFuture");
    String victimPlace = place(task, VICTIM_APPOINTMENT_PLACE);
    ZonedDateTime offenders = start(task, OFFENDER_APPOINTMENT_DATE, OFFENDER_APPOINTMENT_TIME, now,
        "error.session.offendersAppointmentNotInTheFuture");
    String offenderPlace = place(task, OFFENDER_APPOINTMENT_PLACE);
    if (victimPlace.equalsIgnoreCase(offenderPlace) && overlap(victims, offenders)) {
      throw CaseInputException.of(OFFENDER_APPOINTMENT_TIME, "error.session.appointmentsMeet", APPOINTMENT_HOURS);
    }
    recordAttendees(task, false);
    Map<String, Appointment> before = APPOINTMENTS.from(task);
    Map<String, Appointment> appointments = new LinkedHashMap<>();
    for (Person party : Case.seenFrom(task.getExecution()).parties()) {
      boolean victim = party.role() == Side.VICTIM;
      ZonedDateTime start = victim ? victims : offenders;
      String place = victim ? victimPlace : offenderPlace;
      Appointment earlier = before.get(party.personId());
      appointments.put(party.personId(), earlier == null
          ? new Appointment(party.personId(), party.role(), start.toOffsetDateTime().toString(), place, 0, false)
          : earlier.movedTo(start.toOffsetDateTime(), place));
    }
    APPOINTMENTS.on(task.getExecution()).set(appointments);
    // The session's day for the case's figures: the first appointment. No joint place exists in indirect mediation.
    SESSION_START.on(task.getExecution()).set((victims.isBefore(offenders) ? victims : offenders).toOffsetDateTime());
    for (CaseVariable<?> joint : new CaseVariable<?>[] {SESSION_PLACE, SESSION_DATE, SESSION_TIME, SESSION_REMINDER_AT}) {
      joint.on(task.getExecution()).remove();
    }
  }

  /**
   * Who attends: the checked persons must be among those offered (persons of the case taking part), with a party of
   * each side in a direct meeting; their names are kept as {@code sessionAttendees}. A task without the list (created
   * by a diagram before 1.6.0, whose form asks for text) keeps the text, unless ids are submitted to it (a task moved
   * onto 1.6.0 by a migration shows the new form): those are checked against the persons taking part now.
   */
  private void recordAttendees(DelegateTask task, boolean direct) {
    boolean listed = task.hasVariableLocal(ATTENDEE_OPTIONS.name());
    List<String> checked = SESSION_ATTENDEE_IDS.from(task);
    if (!listed && checked.isEmpty()) {
      TaskInput.text(task, SESSION_ATTENDEES, 3, 1000);
      return;
    }
    List<Option> offered = listed ? ATTENDEE_OPTIONS.fromLocal(task) : attendeeOptions(Case.seenFrom(task.getExecution()), language);
    if (checked.isEmpty()) {
      throw CaseInputException.of(SESSION_ATTENDEE_IDS, "error.session.attendeesRequired");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    offered.forEach(option -> labels.put(option.value(), option.label()));
    for (String id : checked) {
      if (!labels.containsKey(id)) {
        throw CaseInputException.of(SESSION_ATTENDEE_IDS, "error.session.notAnAttendee", id);
      }
    }
    List<Person> parties = Case.seenFrom(task.getExecution()).parties();
    if (direct && !(attends(parties, checked, Side.VICTIM) && attends(parties, checked, Side.OFFENDER))) {
      throw CaseInputException.of(SESSION_ATTENDEE_IDS, "error.session.directNeedsBothSides");
    }
    SESSION_ATTENDEES.on(task.getExecution()).set(String.join(", ", labels.entrySet().stream()
        .filter(entry -> checked.contains(entry.getKey())).map(Map.Entry::getValue).toList()));
  }

  private static boolean attends(List<Person> parties, List<String> checked, Side side) {
    return parties.stream().anyMatch(party -> party.role() == side && checked.contains(party.personId()));
  }

  private static boolean overlap(ZonedDateTime one, ZonedDateTime other) {
    return one.isBefore(other.plusHours(APPOINTMENT_HOURS)) && other.isBefore(one.plusHours(APPOINTMENT_HOURS));
  }

  /**
   * A place as the invitations and calendar files print it: 3 to 300 characters on one line, without control or
   * direction characters (trimmed).
   */
  static String place(DelegateTask task, CaseVariable<String> field) {
    return InputCheck.failFirst().plain(field.name(), TaskInput.text(task, field, 3, 300), false);
  }

  /** A date and a time (HH:MM) in the future, in the programme's time zone; else refused with the sentence of the key. */
  static ZonedDateTime start(DelegateTask task, CaseVariable<?> dateField, CaseVariable<?> timeField, ZonedDateTime now,
      String notInTheFutureKey) {
    LocalTime time;
    try {
      time = LocalTime.parse(TaskInput.text(task, timeField, 4, 5));
    } catch (DateTimeParseException e) {
      throw CaseInputException.of(timeField, "error.notATime", timeField.from(task));
    }
    ZonedDateTime start = LocalDateTime.of(TaskInput.date(task, dateField), time).atZone(ZoneId.systemDefault());
    if (!start.isAfter(now)) {
      throw CaseInputException.of(dateField, notInTheFutureKey);
    }
    return start;
  }
}
