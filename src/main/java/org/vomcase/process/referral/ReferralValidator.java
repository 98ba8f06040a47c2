package org.vomcase.process.referral;

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
import java.util.List;
import java.util.Map;
import org.vomcase.confidential.ConfidentialField;
import org.vomcase.kernel.CaseVariable;
import org.vomcase.kernel.FieldError;
import org.vomcase.kernel.InputCheck;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.Side;
import org.vomcase.kernel.Vocabulary;

/**
 * Checks a referral (R1) as the start form or the referral API delivers it, field by field, and
 * reports every problem at once with the field's name (a collect-all {@link InputCheck}). Pure: no
 * engine, no database.
 */
public final class ReferralValidator {

  /** The persons a referral may name per side, unless the programme configures another bound. */
  public static final int DEFAULT_MAX_PERSONS_PER_SIDE = 20;

  private ReferralValidator() {}

  /** Every problem of the referral; empty when it can become a case. */
  public static List<FieldError> validate(Map<String, Object> referral, List<Map<String, Object>> victims,
      List<Map<String, Object>> offenders, LocalDate today) {
    return validate(referral, victims, offenders, today, DEFAULT_MAX_PERSONS_PER_SIDE);
  }

  /** Every problem of the referral, with at most {@code maxPersons} victims and as many offenders. */
  public static List<FieldError> validate(Map<String, Object> referral, List<Map<String, Object>> victims,
      List<Map<String, Object>> offenders, LocalDate today, int maxPersons) {
    InputCheck check = InputCheck.collectAll();
    oneOf(check, referral, REFERRAL_SOURCE, Vocabulary.REFERRAL_SOURCES);
    oneOf(check, referral, PROCEDURAL_STAGE, Vocabulary.PROCEDURAL_STAGES);
    oneOf(check, referral, OFFENCE_CATEGORY, Vocabulary.OFFENCE_CATEGORIES);
    oneOf(check, referral, RESPONSIBILITY_ADMISSION, Vocabulary.RESPONSIBILITY_ADMISSIONS);
    check.pastDate(OFFENCE_DATE.name(), referral.get(OFFENCE_DATE.name()), today, true);
    text(check, referral, OFFENCE_SUMMARY, 10, 2000, true);
    text(check, referral, REFERRER_NAME, 2, 200, true);
    check.email(REFERRER_EMAIL.name(), referral.get(REFERRER_EMAIL.name()), false);
    text(check, referral, REFERRER_REFERENCE, 0, 100, false);
    String policeFile = ConfidentialField.POLICE_FILE.variable();
    check.text(policeFile, referral.get(policeFile), 0, ConfidentialField.MAX_LENGTH, false);
    for (CaseVariable<Boolean> fact : List.of(VICTIM_IS_NATURAL_PERSON, APPEAL_PENDING, VICTIM_REFUSED)) {
      check.flag(fact.name(), referral.get(fact.name()));
    }
    persons(check, VICTIMS, Side.VICTIM, victims, today, maxPersons);
    persons(check, OFFENDERS, Side.OFFENDER, offenders, today, maxPersons);
    return check.errors();
  }

  private static void persons(InputCheck check, CaseVariable<List<Person>> list, Side side, List<Map<String, Object>> persons,
      LocalDate today, int maxPersons) {
    String kind = side.code();
    if (persons == null || persons.isEmpty()) {
      check.refuse(list.name(), "at least one " + kind + " is required");
      return;
    }
    if (persons.size() > maxPersons) {
      check.refuse(list.name(), "at most " + maxPersons + " " + kind + "s per referral; register a group case with"
          + " the coordinator");
      return;
    }
    for (int i = 0; i < persons.size(); i++) {
      Map<String, Object> person = persons.get(i);
      String prefix = list.name() + "[" + i + "].";
      if (person == null) {
        check.refuse(list.name() + "[" + i + "]", "must be a " + kind + " (name, dateOfBirth, ...)");
        continue;
      }
      for (String key : person.keySet()) {
        if (!Person.REFERRAL_FIELDS.contains(key)) {
          check.refuse(prefix + key, "is not a field of a " + kind);
        }
      }
      check.text(prefix + Person.NAME, person.get(Person.NAME), 2, 200, true);
      check.pastDate(prefix + Person.DATE_OF_BIRTH, person.get(Person.DATE_OF_BIRTH), today, true);
      check.email(prefix + Person.EMAIL, person.get(Person.EMAIL), false);
      check.phone(prefix + Person.PHONE, person.get(Person.PHONE), false);
      check.text(prefix + Person.POSTAL_ADDRESS, person.get(Person.POSTAL_ADDRESS), 0, 500, false);
      check.oneOf(prefix + Person.PREFERRED_LANGUAGE, person.get(Person.PREFERRED_LANGUAGE), Vocabulary.LANGUAGES, true);
      check.flag(prefix + Person.INTERPRETER_NEEDED, person.get(Person.INTERPRETER_NEEDED));
      if (!InputCheck.present(person.get(Person.EMAIL)) && !InputCheck.present(person.get(Person.PHONE))
          && !InputCheck.present(person.get(Person.POSTAL_ADDRESS))) {
        check.refuse(prefix + "contact", "give at least one way to reach the " + kind + " (email, phone or postal address)");
      }
    }
  }

  private static void oneOf(InputCheck check, Map<String, Object> values, CaseVariable<String> field, Map<String, String> allowed) {
    check.oneOf(field.name(), values.get(field.name()), allowed, true);
  }

  private static void text(InputCheck check, Map<String, Object> values, CaseVariable<String> field, int min, int max,
      boolean required) {
    check.text(field.name(), values.get(field.name()), min, max, required);
  }
}
