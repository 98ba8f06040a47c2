package org.vomcase.desk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vomcase.kernel.Appointment;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseProcess;
import org.vomcase.kernel.CaseVariables;

/**
 * A mediator's calendar (README "The mediator's desk"): the sessions of her running cases still to come (or begun within
 * the last day), a direct meeting once, in indirect mediation each party's own appointment; for coordinators and
 * supervisors those of every case. Read from the running {@code mediation-session} instances of the cases (the case
 * register says which cases are hers), never written.
 *
 * <p>The calendar file ({@code .ics}) carries what a synced phone may hold: the case number, the kind of meeting, the
 * person's id in indirect mediation, the time and the place; never a name, an address of a person, or the offence.
 * Each entry has a UID of its own (a hash of the case number and the person; the title names the case anyway), stable
 * across moves, and the session's sequence,
 * so a subscribed calendar updates the entry in place.
 */
@Service
public class SessionCalendar {

  /** How long a session is booked for (as the invitations' calendar files). */
  public static final Duration LENGTH = Duration.ofHours(2);
  /** How far back the calendar reaches: a session that began within the last day is still shown. */
  private static final Duration PAST = Duration.ofDays(1);
  private static final int MAX_EVENTS = 1000;
  /** The step of {@code mediation-session} where the session is (again) to be scheduled. */
  private static final String SCHEDULING = "Task_ScheduleSession";

  /** One meeting of the calendar. */
  public record Meeting(String caseNumber, String kind, String personId, OffsetDateTime start, String place, int sequence) {

    public Map<String, Object> view() {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("caseNumber", caseNumber);
      view.put("kind", kind);
      view.put("personId", personId);
      view.put("start", start.toString());
      view.put("end", start.plus(LENGTH).toString());
      view.put("place", place);
      view.put("summary", summary());
      return view;
    }

    /** "Mediation session VOM-2026-00001", "Indirect mediation VOM-2026-00001: appointment with V1". */
    public String summary() {
      return "appointment".equals(kind) ? "Indirect mediation " + caseNumber + ": appointment with " + personId
          : "Mediation session " + caseNumber;
    }
  }

  private final RuntimeService runtime;
  private final JdbcTemplate jdbc;

  public SessionCalendar(RuntimeService runtime, JdbcTemplate jdbc) {
    this.runtime = runtime;
    this.jdbc = jdbc;
  }

  /** The meetings to come, earliest first: of the mediator's cases, or of every case when {@code mediator} is null. */
  public List<Meeting> upcoming(String mediator) {
    java.util.Set<String> cases = null;
    if (mediator != null) {
      cases = new java.util.HashSet<>(jdbc.queryForList("SELECT m.case_number FROM vom_case_mediator m JOIN vom_case c"
          + " ON c.case_number = m.case_number WHERE m.user_id = ? AND c.deleted_at IS NULL", String.class, mediator));
      if (cases.isEmpty()) {
        return List.of();
      }
    }
    // The running sessions (only cases in their session phase have one), then the mediator's among them.
    java.util.Set<String> hers = cases;
    // A session waiting to be scheduled (again: after a cancellation, a no-show, a safety review) has no date that holds.
    java.util.Set<String> unscheduled = new java.util.HashSet<>();
    runtime.createExecutionQuery().processDefinitionKey(CaseProcess.SESSION_KEY).activityId(SCHEDULING).list()
        .forEach(execution -> unscheduled.add(execution.getProcessInstanceId()));
    List<ProcessInstance> sessions = runtime.createProcessInstanceQuery().processDefinitionKey(CaseProcess.SESSION_KEY).active()
        .list().stream().filter(session -> hers == null || hers.contains(session.getBusinessKey()))
        .filter(session -> !unscheduled.contains(session.getId())).toList();
    if (sessions.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (VariableInstance variable : runtime.createVariableInstanceQuery()
        .processInstanceIdIn(sessions.stream().map(ProcessInstance::getId).toArray(String[]::new))
        .variableNameIn(CaseVariables.SESSION_START.name(), CaseVariables.SESSION_PLACE.name(), CaseVariables.MEETING_TYPE.name(),
            CaseVariables.APPOINTMENTS.name(), CaseVariables.SESSION_SEQUENCE.name(), CaseVariables.RESCHEDULES.name())
        .list()) {
      if (variable.getExecutionId().equals(variable.getProcessInstanceId())) {
        variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(), variable.getValue());
      }
    }
    Instant from = CaseClock.now().toInstant().minus(PAST);
    List<Meeting> meetings = new ArrayList<>();
    for (ProcessInstance session : sessions) {
      Map<String, Object> values = variables.getOrDefault(session.getId(), Map.of());
      Map<String, Appointment> appointments = CaseVariables.APPOINTMENTS.from(values::get);
      if ("indirect".equals(values.get(CaseVariables.MEETING_TYPE.name())) && !appointments.isEmpty()) {
        for (Appointment appointment : appointments.values()) {
          if (!appointment.cancelled() && !appointment.startAt().toInstant().isBefore(from)) {
            meetings.add(new Meeting(session.getBusinessKey(), "appointment", appointment.personId(), appointment.startAt(),
                appointment.place(), appointment.sequence()));
          }
        }
        continue;
      }
      OffsetDateTime start = CaseVariables.SESSION_START.from(values::get);
      if (start != null && !start.toInstant().isBefore(from) && values.get(CaseVariables.SESSION_PLACE.name()) != null) {
        Integer sequence = CaseVariables.SESSION_SEQUENCE.from(values::get);
        Integer reschedules = CaseVariables.RESCHEDULES.from(values::get);
        meetings.add(new Meeting(session.getBusinessKey(), "session", null, start,
            CaseVariables.SESSION_PLACE.from(values::get), sequence != null ? sequence : reschedules == null ? 0 : reschedules));
      }
    }
    meetings.sort(Comparator.comparing(Meeting::start).thenComparing(Meeting::caseNumber));
    return meetings.size() > MAX_EVENTS ? meetings.subList(0, MAX_EVENTS) : meetings;
  }

  /** The meetings as a calendar file to subscribe to (one VEVENT each, in the programme's time zone). */
  public byte[] ics(List<Meeting> meetings, String calendarName, ZoneId zone) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//VOM Case//Mediator calendar//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.PUBLISH);
    calendar.add(new XProperty("X-WR-CALNAME", calendarName));
    calendar.add(TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(zone.getId()).getVTimeZone());
    for (Meeting meeting : meetings) {
      ZonedDateTime begin = meeting.start().atZoneSameInstant(zone);
      VEvent event = new VEvent(begin, begin.plus(LENGTH), meeting.summary());
      event.add(new Uid(uid(meeting)));
      event.add(new Sequence(meeting.sequence()));
      if (meeting.place() != null && !meeting.place().isBlank()) {
        event.add(new Location(meeting.place()));
      }
      calendar.add(event);
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      new CalendarOutputter(true).output(calendar, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("The calendar could not be written", e);
    }
  }

  /** Stable for every move of the same session or appointment; different from the parties' invitations' UIDs. */
  private static String uid(Meeting meeting) {
    String key = "mediator-calendar:" + meeting.caseNumber() + ":" + (meeting.personId() == null ? "session" : meeting.personId());
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16) + "@vom-case";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
