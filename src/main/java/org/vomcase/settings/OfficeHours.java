package org.vomcase.settings;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the programme answers the phone ({@code vom.programme.office.hours}, {@code VOM_PROGRAMME_OFFICE_HOURS}),
 * written once in a fixed form and printed in each letter's own language: {@code Mon-Thu 09:00-15:00, Fri
 * 09:00-12:00} is "Mo.–Do. 09:00–15:00, Fr. 09:00–12:00" in a German letter, "man.–tor. 09.00–15.00, fre.
 * 09.00–12.00" in a Danish one and "Mon–Thu 9:00 AM–3:00 PM, Fri 9:00 AM–12:00 PM" in an English one.
 *
 * @param spans the days and hours, in the order given
 */
public record OfficeHours(List<Span> spans) {

  /** The form of the setting, for the error message. */
  public static final String FORM = "days and hours such as \"Mon-Thu 09:00-15:00, Fri 09:00-12:00\""
      + " (days Mon Tue Wed Thu Fri Sat Sun, 24-hour times, spans separated by commas)";

  private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
      "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
      "sun", DayOfWeek.SUNDAY);
  private static final Pattern SPAN = Pattern.compile(
      "(?i)([a-z]{3})(?:\\s*-\\s*([a-z]{3}))?\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
  private static final String DASH = "\u2013";

  /** From one day to another (the same for a single day), from one time to a later one. */
  public record Span(DayOfWeek from, DayOfWeek to, LocalTime opens, LocalTime closes) {}

  public OfficeHours {
    spans = List.copyOf(spans);
  }

  /** Reads the setting; anything but the fixed form is refused with the setting's name and the form. */
  public static OfficeHours parse(String text) {
    List<Span> spans = new ArrayList<>();
    for (String part : text.split("[,;]", -1)) {
      Matcher span = SPAN.matcher(part.strip());
      if (!span.matches()) {
        throw refused(text, "'" + part.strip() + "' is not a span of " + FORM);
      }
      DayOfWeek from = day(text, span.group(1));
      DayOfWeek to = span.group(2) == null ? from : day(text, span.group(2));
      LocalTime opens = time(text, span.group(3));
      LocalTime closes = time(text, span.group(4));
      if (!closes.isAfter(opens)) {
        throw refused(text, "in '" + part.strip() + "' the office closes before it opens");
      }
      if (to.compareTo(from) < 0) {
        throw refused(text, "in '" + part.strip() + "' the days run backwards (write Mon-Fri, not Fri-Mon)");
      }
      spans.add(new Span(from, to, opens, closes));
    }
    return new OfficeHours(spans);
  }

  /** The hours in a language's words: its short day names and its way of writing a time. */
  public String text(Locale locale) {
    DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
    List<String> parts = new ArrayList<>();
    for (Span span : spans) {
      String days = span.from().getDisplayName(TextStyle.SHORT, locale)
          + (span.to() == span.from() ? "" : DASH + span.to().getDisplayName(TextStyle.SHORT, locale));
      // A narrow no-break space (newer JDKs, before AM/PM) is not in every PDF font.
      parts.add((days + " " + span.opens().format(time) + DASH + span.closes().format(time)).replace('\u202f', ' '));
    }
    return String.join(", ", parts);
  }

  private static DayOfWeek day(String text, String name) {
    DayOfWeek day = DAYS.get(name.toLowerCase(Locale.ROOT));
    if (day == null) {
      throw refused(text, "'" + name + "' is not a day (Mon Tue Wed Thu Fri Sat Sun)");
    }
    return day;
  }

  private static LocalTime time(String text, String value) {
    try {
      return LocalTime.parse(value.length() == 4 ? "0" + value : value);
    } catch (java.time.format.DateTimeParseException e) {
      throw refused(text, "'" + value + "' is not a time of day (00:00 to 23:59)");
    }
  }

  private static IllegalArgumentException refused(String text, String why) {
    return new IllegalArgumentException("vom.programme.office.hours (VOM_PROGRAMME_OFFICE_HOURS) '" + text + "': " + why);
  }
}
