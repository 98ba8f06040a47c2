package org.vomcase.kernel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one way the case checks what a person or a system submitted (the referral API and start form, the
 * task forms, the case events): field by field, each problem named by its field in the form's words.
 * {@link #failFirst()} refuses at the first problem (a task form: {@link CaseInputException}); {@link
 * #collectAll()} gathers every problem and refuses them together ({@link #done}: a referral lists them all).
 * A check returns the value it accepted, or null when it refused it (collect-all) or there is none.
 */
public final class InputCheck {

  /** An email address: something@domain.tld, no spaces. */
  public static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  /** A phone number: at least three digits, and only digits, spaces and + ( ) / - (the forms' pattern, at most 40). */
  public static final Pattern PHONE = Pattern.compile("^(?=(?:[^0-9]*[0-9]){3})[+0-9 ()/-]{3,40}$");
  /** The earliest date a form takes (birth dates, offence dates). */
  public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

  private final boolean collectAll;
  private final List<FieldError> errors = new ArrayList<>();

  private InputCheck(boolean collectAll) {
    this.collectAll = collectAll;
  }

  /** Refuses at the first problem. */
  public static InputCheck failFirst() {
    return new InputCheck(false);
  }

  /** Gathers every problem; {@link #done} refuses them together. */
  public static InputCheck collectAll() {
    return new InputCheck(true);
  }

  /**
   * A problem with a field, the sentence {@code key} ({@code error.*} of {@code vom-templates/labels/en.properties})
   * naming {@code arguments}: thrown at once (fail-first) or kept (collect-all).
   */
  public void refuse(String field, String key, Object... arguments) {
    refuse(field, ErrorText.of(key, arguments));
  }

  private void refuse(String field, ErrorText text) {
    if (!collectAll) {
      throw new CaseInputException(field, text);
    }
    errors.add(new FieldError(field, text));
  }

  /** The problems found so far (collect-all). */
  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  /** Refuses every problem found, as the exception {@code refusal} makes of them; nothing when there is none. */
  public void done(Function<List<FieldError>, ? extends CaseInputException> refusal) {
    if (!errors.isEmpty()) {
      throw refusal.apply(List.copyOf(errors));
    }
  }

  /**
   * Text as a letter, a mail or a calendar file prints it: no control characters (line breaks only where {@code lines},
   * an address; made {@code \n}) and no characters that turn the direction of the text around (they can make an address
   * read as another one). Null stays null.
   */
  public String plain(String field, String text, boolean lines) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineBreak = c == '\n' || c == '\r';
      if (Character.isISOControl(c) && !(lines && lineBreak) || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
        refuse(field, lineBreak ? "error.oneLine" : "error.controlCharacter");
        return null;
      }
    }
    return lines ? text.replace("\r\n", "\n").replace('\r', '\n') : text;
  }

  /** Whether a value was given (not null, not blank). */
  public static boolean present(Object value) {
    return value != null && !value.toString().isBlank();
  }

  /** A required value of any kind. */
  public Object required(String field, Object value) {
    if (!present(value)) {
      refuse(field, "error.required");
      return null;
    }
    return value;
  }

  /** A code of a vocabulary (value → label). */
  public String oneOf(String field, Object value, Map<String, String> vocabulary, boolean required) {
    return oneOf(field, value, vocabulary.keySet(), required);
  }

  /** The text given for a field; null when none is (refused if required) or when it is not text (refused). */
  private String given(String field, Object value, boolean required) {
    if (!present(value)) {
      if (required) {
        refuse(field, "error.required");
      }
      return null;
    }
    if (!(value instanceof String text)) {
      refuse(field, "error.notText");
      return null;
    }
    return text;
  }

  /** One of the allowed values. */
  public String oneOf(String field, Object value, Set<String> allowed, boolean required) {
    String text = given(field, value, required);
    if (text == null) {
      return null;
    }
    if (!allowed.contains(text)) {
      refuse(field, "error.notOneOf", value, String.join(", ", allowed));
      return null;
    }
    return text;
  }

  /** Text of {@code min} to {@code max} characters (trimmed); blank counts as none. */
  public String text(String field, Object value, int min, int max, boolean required) {
    String text = given(field, value, required);
    if (text == null) {
      return null;
    }
    String trimmed = text.trim();
    if (trimmed.length() < min) {
      refuse(field, "error.tooShort", min);
      return null;
    }
    if (trimmed.length() > max) {
      refuse(field, "error.tooLong", max);
      return null;
    }
    return trimmed;
  }

  /** A date as text ({@link Dates#FORMAT}, or a date-time's date part), from 1900 on. */
  public LocalDate date(String field, Object value, boolean required) {
    if (!present(value)) {
      if (required) {
        refuse(field, "error.required");
      }
      return null;
    }
    if (!(value instanceof String) && !(value instanceof LocalDate)) {
      refuse(field, "error.dateAsText", Dates.FORMAT);
      return null;
    }
    LocalDate date = Dates.orNull(value);
    if (date == null) {
      refuse(field, "error.notADate", value, Dates.FORMAT);
      return null;
    }
    if (date.isBefore(EARLIEST_DATE)) {
      refuse(field, "error.before1900");
      return null;
    }
    return date;
  }

  /** A date that is not after {@code today}. */
  public LocalDate pastDate(String field, Object value, LocalDate today, boolean required) {
    LocalDate date = date(field, value, required);
    if (date != null && date.isAfter(today)) {
      refuse(field, "error.inTheFuture");
      return null;
    }
    return date;
  }

  /** The longest email address a mail system takes (RFC 5321 path limit); longer text is no address. */
  public static final int EMAIL_MAX = 254;

  /** An email address, where one is given: at most {@link #EMAIL_MAX} characters. */
  public String email(String field, Object value, boolean required) {
    if (value instanceof String text && text.trim().length() > EMAIL_MAX) {
      refuse(field, "error.emailTooLong", EMAIL_MAX);
      return null;
    }
    return matching(field, value, required, EMAIL, ErrorText.of("error.notAnEmail", value));
  }

  /** A phone number, where one is given. */
  public String phone(String field, Object value, boolean required) {
    return matching(field, value, required, PHONE, ErrorText.of("error.notAPhone"));
  }

  private String matching(String field, Object value, boolean required, Pattern pattern, ErrorText refusal) {
    if (value != null && !(value instanceof String)) {
      refuse(field, "error.notText");
      return null;
    }
    if (!present(value)) {
      if (required) {
        refuse(field, "error.required");
      }
      return null;
    }
    if (!pattern.matcher(value.toString().trim()).matches()) {
      refuse(field, refusal);
      return null;
    }
    return value.toString().trim();
  }

  /** True or false, where given. */
  public Boolean flag(String field, Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Boolean flag)) {
      refuse(field, "error.notTrueOrFalse");
      return null;
    }
    return flag;
  }

  /** A number between {@code min} and {@code max}; {@code whole} refuses fractions. */
  public BigDecimal number(String field, Object value, BigDecimal min, BigDecimal max, boolean whole) {
    if (!present(value)) {
      refuse(field, "error.required");
      return null;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      refuse(field, "error.notANumber", value);
      return null;
    }
    if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
      refuse(field, "error.notBetween", min.toPlainString(), max.toPlainString());
      return null;
    }
    if (whole && number.stripTrailingZeros().scale() > 0) {
      refuse(field, "error.notWhole");
      return null;
    }
    return number;
  }
}
