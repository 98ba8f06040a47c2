package org.vomcase.process.referral;

import org.vomcase.kernel.FieldError;
import static org.vomcase.kernel.CaseVariables.APPEAL_PENDING;
import static org.vomcase.kernel.CaseVariables.OFFENCE_CATEGORY;
import static org.vomcase.kernel.CaseVariables.OFFENCE_DATE;
import static org.vomcase.kernel.CaseVariables.OFFENCE_SUMMARY;
import static org.vomcase.kernel.CaseVariables.OFFENDERS;
import static org.vomcase.kernel.CaseVariables.PROCEDURAL_STAGE;
import static org.vomcase.kernel.CaseVariables.REFERRAL_SOURCE;
import static org.vomcase.kernel.CaseVariables.REFERRER_EMAIL;
import static org.vomcase.kernel.CaseVariables.REFERRER_NAME;
import static org.vomcase.kernel.CaseVariables.REFERRER_REFERENCE;
import static org.vomcase.kernel.CaseVariables.RESPONSIBILITY_ADMISSION;
import static org.vomcase.kernel.CaseVariables.VICTIMS;
import static org.vomcase.kernel.CaseVariables.VICTIM_IS_NATURAL_PERSON;
import static org.vomcase.kernel.CaseVariables.VICTIM_REFUSED;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.vomcase.kernel.Vocabulary;

/**
 * Checks a referral (R1) as the start form or the referral API delivers it, field by field, and
 * reports every problem at once with the field's name. Pure: no engine, no database.
 */
public final class ReferralValidator {

  /** Person fields (the keys of each entry of victims / offenders). */
  public static final String NAME = "name";
  public static final String DATE_OF_BIRTH = "dateOfBirth";
  public static final String EMAIL = "email";
  public static final String PHONE = "phone";
  public static final String POSTAL_ADDRESS = "postalAddress";
  public static final String PREFERRED_LANGUAGE = "preferredLanguage";
  public static final String INTERPRETER_NEEDED = "interpreterNeeded";

  private static final Pattern EMAIL_PATTERN = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  /** A phone number: at least three digits, and only digits, spaces and + ( ) / - (the forms' pattern, at most 40). */
  public static final Pattern PHONE_PATTERN = Pattern.compile("^(?=(?:[^0-9]*[0-9]){3})[+0-9 ()/-]{3,40}$");
  private static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

  /** The persons a referral may name per side, unless the programme configures another bound. */
  public static final int DEFAULT_MAX_PERSONS_PER_SIDE = 20;

  /** The fields of a person (everything else a caller sends is refused as a misspelt field). */
  public static final java.util.Set<String> PERSON_FIELDS = java.util.Set.of(NAME, DATE_OF_BIRTH, EMAIL, PHONE, POSTAL_ADDRESS,
      PREFERRED_LANGUAGE, INTERPRETER_NEEDED);

  private ReferralValidator() {}

  /** Every problem of the referral; empty when it can become a case. */
  public static List<FieldError> validate(Map<String, Object> referral, List<Map<String, Object>> victims,
      List<Map<String, Object>> offenders, LocalDate today) {
    return validate(referral, victims, offenders, today, DEFAULT_MAX_PERSONS_PER_SIDE);
  }

  /** Every problem of the referral, with at most {@code maxPersons} victims and as many offenders. */
  public static List<FieldError> validate(Map<String, Object> referral, List<Map<String, Object>> victims,
      List<Map<String, Object>> offenders, LocalDate today, int maxPersons) {
    List<FieldError> errors = new ArrayList<>();
    oneOf(referral, REFERRAL_SOURCE, Vocabulary.REFERRAL_SOURCES, true, errors);
    oneOf(referral, PROCEDURAL_STAGE, Vocabulary.PROCEDURAL_STAGES, true, errors);
    oneOf(referral, OFFENCE_CATEGORY, Vocabulary.OFFENCE_CATEGORIES, true, errors);
    oneOf(referral, RESPONSIBILITY_ADMISSION, Vocabulary.RESPONSIBILITY_ADMISSIONS, true, errors);
    date(referral, OFFENCE_DATE, OFFENCE_DATE, today, true, errors);
    text(referral, OFFENCE_SUMMARY, OFFENCE_SUMMARY, 10, 2000, true, errors);
    text(referral, REFERRER_NAME, REFERRER_NAME, 2, 200, true, errors);
    email(referral, REFERRER_EMAIL, REFERRER_EMAIL, errors);
    text(referral, REFERRER_REFERENCE, REFERRER_REFERENCE, 0, 100, false, errors);
    String policeFile = org.vomcase.confidential.ConfidentialField.POLICE_FILE.variable();
    text(referral, policeFile, policeFile, 0, org.vomcase.confidential.ConfidentialField.MAX_LENGTH, false, errors);
    bool(referral, VICTIM_IS_NATURAL_PERSON, errors);
    bool(referral, APPEAL_PENDING, errors);
    bool(referral, VICTIM_REFUSED, errors);
    persons(VICTIMS, "victim", victims, today, maxPersons, errors);
    persons(OFFENDERS, "offender", offenders, today, maxPersons, errors);
    return errors;
  }

  private static void persons(String list, String kind, List<Map<String, Object>> persons, LocalDate today, int maxPersons,
      List<FieldError> errors) {
    if (persons == null || persons.isEmpty()) {
      errors.add(new FieldError(list, "at least one " + kind + " is required"));
      return;
    }
    if (persons.size() > maxPersons) {
      errors.add(new FieldError(list, "at most " + maxPersons + " " + kind + "s per referral; register a group case with"
          + " the coordinator"));
      return;
    }
    for (int i = 0; i < persons.size(); i++) {
      Map<String, Object> person = persons.get(i);
      String prefix = list + "[" + i + "].";
      if (person == null) {
        errors.add(new FieldError(list + "[" + i + "]", "must be a " + kind + " (name, dateOfBirth, ...)"));
        continue;
      }
      for (String key : person.keySet()) {
        if (!PERSON_FIELDS.contains(key)) {
          errors.add(new FieldError(prefix + key, "is not a field of a " + kind));
        }
      }
      text(person, NAME, prefix + NAME, 2, 200, true, errors);
      date(person, DATE_OF_BIRTH, prefix + DATE_OF_BIRTH, today, true, errors);
      email(person, EMAIL, prefix + EMAIL, errors);
      Object phone = person.get(PHONE);
      if (phone != null && !(phone instanceof String)) {
        errors.add(new FieldError(prefix + PHONE, "must be text"));
      } else if (isPresent(phone) && !PHONE_PATTERN.matcher(phone.toString().trim()).matches()) {
        errors.add(new FieldError(prefix + PHONE, "is not a phone number (at least three digits; digits, spaces, + ( ) / -)"));
      }
      text(person, POSTAL_ADDRESS, prefix + POSTAL_ADDRESS, 0, 500, false, errors);
      oneOf(person, PREFERRED_LANGUAGE, prefix + PREFERRED_LANGUAGE, Vocabulary.LANGUAGES, true, errors);
      Object interpreter = person.get(INTERPRETER_NEEDED);
      if (interpreter != null && !(interpreter instanceof Boolean)) {
        errors.add(new FieldError(prefix + INTERPRETER_NEEDED, "must be true or false"));
      }
      if (!isPresent(person.get(EMAIL)) && !isPresent(phone) && !isPresent(person.get(POSTAL_ADDRESS))) {
        errors.add(new FieldError(prefix + "contact", "give at least one way to reach the " + kind
            + " (email, phone or postal address)"));
      }
    }
  }

  private static void oneOf(Map<String, Object> values, String key, Map<String, String> allowed, boolean required,
      List<FieldError> errors) {
    oneOf(values, key, key, allowed, required, errors);
  }

  private static void oneOf(Map<String, Object> values, String key, String field, Map<String, String> allowed,
      boolean required, List<FieldError> errors) {
    Object value = values.get(key);
    if (!isPresent(value)) {
      if (required) {
        errors.add(new FieldError(field, "is required"));
      }
    } else if (!(value instanceof String)) {
      errors.add(new FieldError(field, "must be text"));
    } else if (!allowed.containsKey(value.toString())) {
      errors.add(new FieldError(field, "'" + value + "' is not one of " + String.join(", ", allowed.keySet())));
    }
  }

  private static void date(Map<String, Object> values, String key, String field, LocalDate today, boolean required,
      List<FieldError> errors) {
    Object value = values.get(key);
    if (!isPresent(value)) {
      if (required) {
        errors.add(new FieldError(field, "is required"));
      }
      return;
    }
    if (!(value instanceof String)) {
      errors.add(new FieldError(field, "must be a date as text (YYYY-MM-DD)"));
      return;
    }
    try {
      LocalDate date = LocalDate.parse(value.toString().trim().substring(0, Math.min(10, value.toString().trim().length())));
      if (date.isAfter(today)) {
        errors.add(new FieldError(field, "must not be in the future"));
      } else if (date.isBefore(EARLIEST_DATE)) {
        errors.add(new FieldError(field, "must not be before 1900"));
      }
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "'" + value + "' is not a date (YYYY-MM-DD)"));
    }
  }

  private static void text(Map<String, Object> values, String key, String field, int min, int max, boolean required,
      List<FieldError> errors) {
    Object value = values.get(key);
    if (!isPresent(value)) {
      if (required) {
        errors.add(new FieldError(field, "is required"));
      }
      return;
    }
    if (!(value instanceof String)) {
      errors.add(new FieldError(field, "must be text"));
      return;
    }
    int length = value.toString().trim().length();
    if (length < min) {
      errors.add(new FieldError(field, "must have at least " + min + " characters"));
    } else if (length > max) {
      errors.add(new FieldError(field, "must have at most " + max + " characters"));
    }
  }

  private static void email(Map<String, Object> values, String key, String field, List<FieldError> errors) {
    Object value = values.get(key);
    if (value != null && !(value instanceof String)) {
      errors.add(new FieldError(field, "must be text"));
    } else if (isPresent(value) && !EMAIL_PATTERN.matcher(value.toString().trim()).matches()) {
      errors.add(new FieldError(field, "'" + value + "' is not an email address"));
    }
  }

  private static void bool(Map<String, Object> values, String key, List<FieldError> errors) {
    Object value = values.get(key);
    if (value != null && !(value instanceof Boolean)) {
      errors.add(new FieldError(key, "must be true or false"));
    }
  }

  static boolean isPresent(Object value) {
    return value != null && !value.toString().isBlank();
  }
}
