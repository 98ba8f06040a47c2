package org.vomcase.kernel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Date;
import java.util.Locale;

/**
 * The one way a date of the case is read: an ISO date ({@code 2026-03-01}), or the date part of an ISO
 * date-time as Tasklist's date picker and the time stamps give it ({@code 2026-03-01T00:00:00+01:00});
 * anything else is not a date.
 */
public final class Dates {

  /** How a date is written in every form, API and message of the case. */
  public static final String FORMAT = "YYYY-MM-DD";

  private Dates() {}

  /** The date of a value, or null when it holds none (absent, blank, not a date): for reading what the case stored. */
  public static LocalDate orNull(Object value) {
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
    }
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    if (text.length() < 10 || (text.length() > 10 && text.charAt(10) != 'T')) {
      return null;
    }
    try {
      return LocalDate.parse(text.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * A date as the programme's letters and forms show it to people: the language's long form ("10. Dezember 2026",
   * "December 10, 2026").
   */
  public static String inWords(LocalDate date, Locale locale) {
    return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
  }

  /**
   * A moment as the programme's letters and forms show it to people, in the zone: the day in the language's full form
   * and the time on the 24-hour clock ("Donnerstag, 10. Dezember 2026, 16:30").
   */
  public static String inWords(OffsetDateTime when, ZoneId zone, Locale locale) {
    return when.atZoneSameInstant(zone).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale))
        + ", " + when.atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern("HH:mm"));
  }

  /** The date a user gave in {@code field}; refused with the field's name when it is not a date. */
  public static LocalDate parse(String field, Object value) {
    LocalDate date = orNull(value);
    if (date == null) {
      throw CaseInputException.of(field, "error.notADate", value, FORMAT);
    }
    return date;
  }
}
