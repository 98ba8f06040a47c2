package org.vomcase.notification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The calendar file of a session invitation (R11): an iCalendar {@code VEVENT} made with ical4j, in
 * the programme's time zone (with its {@code VTIMEZONE}), two hours long. One UID per case and
 * session, so a rescheduled session (a higher sequence) replaces the earlier entry in calendars.
 *
 * <p>In indirect (shuttle) mediation each party has an appointment of their own ({@link #appointment}): its own
 * UID (case and person), its own sequence, and a cancellation ({@code METHOD:CANCEL}, {@code STATUS:CANCELLED},
 * the same UID and a higher sequence) that removes that party's entry only.
 */
public final class CalendarInvitation {

  public static final String FILE_NAME = "session.ics";
  public static final String MEDIA_TYPE = "text/calendar; charset=UTF-8; method=REQUEST";
  /** The calendar file of one party's own appointment (indirect mediation). */
  public static final String APPOINTMENT_FILE_NAME = "appointment.ics";
  public static final String CANCEL_MEDIA_TYPE = "text/calendar; charset=UTF-8; method=CANCEL";
  public static final Duration LENGTH = Duration.ofHours(2);

  private CalendarInvitation() {}

  public static byte[] create(String caseNumber, int sequence, OffsetDateTime start, ZoneId zone, String summary,
      String place, String description) {
    return write(caseNumber, uid(caseNumber), sequence, start, zone, summary, place, description, false);
  }

  /**
   * The direct meeting's entry, the same UID for every invitation of the case's session; {@code cancelled} makes it
   * the cancellation that removes the entry ({@code METHOD:CANCEL}, {@code STATUS:CANCELLED}).
   */
  public static byte[] session(String caseNumber, int sequence, OffsetDateTime start, ZoneId zone, String summary,
      String place, boolean cancelled) {
    return write(caseNumber, uid(caseNumber), sequence, start, zone, summary, place, null, cancelled);
  }

  /**
   * One party's appointment (indirect mediation): the UID of that person's appointment in the case, stable
   * across reschedules; {@code cancelled} makes it the cancellation of the entry ({@code METHOD:CANCEL}).
   */
  public static byte[] appointment(String caseNumber, String personId, int sequence, OffsetDateTime start, ZoneId zone,
      String summary, String place, boolean cancelled) {
    return write(caseNumber, appointmentUid(caseNumber, personId), sequence, start, zone, summary, place, null, cancelled);
  }

  private static byte[] write(String caseNumber, String uid, int sequence, OffsetDateTime start, ZoneId zone, String summary,
      String place, String description, boolean cancelled) {
    ZonedDateTime begin = start.atZoneSameInstant(zone);
    VEvent event = new VEvent(begin, begin.plus(LENGTH), summary);
    event.add(new Uid(uid));
    event.add(new Sequence(sequence));
    if (cancelled) {
      event.add(ImmutableStatus.VEVENT_CANCELLED);
    }
    if (place != null && !place.isBlank()) {
      event.add(new Location(place));
    }
    if (description != null && !description.isBlank()) {
      event.add(new Description(description));
    }
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//VOM Case//Mediation session//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
    calendar.add(TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(zone.getId()).getVTimeZone());
    calendar.add(event);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      new CalendarOutputter(true).output(calendar, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("The calendar file of case " + caseNumber + " could not be written", e);
    }
  }

  /**
   * The session's UID: the same for every invitation of a case's session. A hash of the case number: it keeps the number
   * out of sight, but whoever tries every case number finds it (the mail's {@code X-VOM-Case} header names it anyway).
   */
  static String uid(String caseNumber) {
    return hashed("session:" + caseNumber);
  }

  /** One person's appointment's UID: the same for every update and the cancellation, different for every person. */
  static String appointmentUid(String caseNumber, String personId) {
    return hashed("appointment:" + caseNumber + ":" + personId);
  }

  private static String hashed(String key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16) + "@vom-case";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
