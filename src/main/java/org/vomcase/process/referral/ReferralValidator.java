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
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.vomcase.confidential.ConfidentialField;
import org.vomcase.kernel.CaseVariable;
import org.vomcase.kernel.FieldError;
import org.vomcase.kernel.InputCheck;
import org.vomcase.kernel.Guardian;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.SafeContact;
import org.vomcase.kernel.Side;
import org.vomcase.kernel.Vocabularies;
import org.vomcase.kernel.Vocabulary;

/**
 * Checks a referral (R1) as the start form or the referral API delivers it, field by field, and
 * reports every problem at once with the field's name (a collect-all {@link InputCheck}). Pure: no
 * engine, no database.
 */
public final class ReferralValidator {

  /** Parents or guardians a referral may name per minor. */
  public static final int MAX_GUARDIANS = 2;
  private static final String GUARDIAN_NAME = Guardian.NAME;
  private static final String GUARDIAN_RELATION = Guardian.RELATION;
  private static final java.util.Set<String> GUARDIAN_FIELDS = java.util.Set.of(GUARDIAN_NAME, GUARDIAN_RELATION, Person.PHONE,
      Person.EMAIL, Person.POSTAL_ADDRESS);
  private static final java.util.Set<String> SAFE_CONTACT_FIELDS = java.util.Set.of(SafeContact.PREFERRED_CHANNEL,
      SafeContact.DO_NOT_WRITE, SafeContact.NO_MESSAGES, SafeContact.SAFE_TIME_TO_CALL);

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
    return validate(referral, victims, offenders, today, maxPersons, false);
  }

  /**
   * Every problem of the referral; {@code guardiansFirst}: the programme reaches minors through their parents or
   * guardians ({@link org.vomcase.kernel.ProgrammeProfile#guardiansFirst()}), so a minor needs at least one.
   */
  public static List<FieldError> validate(Map<String, Object> referral, List<Map<String, Object>> victims,
      List<Map<String, Object>> offenders, LocalDate today, int maxPersons, boolean guardiansFirst) {
    return validate(referral, victims, offenders, today, maxPersons, guardiansFirst, Vocabularies.builtIn());
  }

  /** Every problem of the referral, its referral source and offence category one of the installation's {@code vocabularies}. */
  public static List<FieldError> validate(Map<String, Object> referral, List<Map<String, Object>> victims,
      List<Map<String, Object>> offenders, LocalDate today, int maxPersons, boolean guardiansFirst, Vocabularies vocabularies) {
    InputCheck check = InputCheck.collectAll();
    oneOf(check, referral, REFERRAL_SOURCE, vocabularies.referralSources().labels(Vocabularies.FALLBACK_LANGUAGE));
    oneOf(check, referral, PROCEDURAL_STAGE, Vocabulary.PROCEDURAL_STAGES);
    oneOf(check, referral, OFFENCE_CATEGORY, vocabularies.offenceCategories().labels(Vocabularies.FALLBACK_LANGUAGE));
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
    persons(check, VICTIMS, Side.VICTIM, victims, today, maxPersons, guardiansFirst);
    persons(check, OFFENDERS, Side.OFFENDER, offenders, today, maxPersons, guardiansFirst);
    if (Boolean.FALSE.equals(referral.get(VICTIM_IS_NATURAL_PERSON.name())) && victims != null) {
      legalPersonVictims(check, victims);
    }
    return check.errors();
  }

  private static void persons(InputCheck check, CaseVariable<List<Person>> list, Side side, List<Map<String, Object>> persons,
      LocalDate today, int maxPersons, boolean guardiansFirst) {
    boolean victim = side == Side.VICTIM;
    if (persons == null || persons.isEmpty()) {
      check.refuse(list.name(), victim ? "error.referral.victimRequired" : "error.referral.offenderRequired");
      return;
    }
    if (persons.size() > maxPersons) {
      check.refuse(list.name(), victim ? "error.referral.tooManyVictims" : "error.referral.tooManyOffenders", maxPersons);
      return;
    }
    for (int i = 0; i < persons.size(); i++) {
      Map<String, Object> person = persons.get(i);
      String prefix = list.name() + "[" + i + "].";
      if (person == null) {
        check.refuse(list.name() + "[" + i + "]", victim ? "error.referral.notAVictim" : "error.referral.notAnOffender");
        continue;
      }
      for (String key : person.keySet()) {
        if (!Person.REFERRAL_FIELDS.contains(key)) {
          check.refuse(prefix + key, victim ? "error.referral.notAVictimField" : "error.referral.notAnOffenderField");
        }
      }
      check.text(prefix + Person.NAME, person.get(Person.NAME), 2, 200, true);
      String representative = check.text(prefix + Person.REPRESENTATIVE, person.get(Person.REPRESENTATIVE), 2, 200, false);
      if (representative != null && side != Side.VICTIM) {
        check.refuse(prefix + Person.REPRESENTATIVE, "error.referral.representativeOfALegalPerson");
      }
      // A legal person (a victim with a representative) has no date of birth; everyone else must give it.
      boolean legalPerson = side == Side.VICTIM && InputCheck.present(person.get(Person.REPRESENTATIVE));
      LocalDate born = check.pastDate(prefix + Person.DATE_OF_BIRTH, person.get(Person.DATE_OF_BIRTH), today, !legalPerson);
      boolean minor = born != null && Period.between(born, today).getYears() < 18;
      guardians(check, prefix, side, person.get(Person.GUARDIANS), minor, guardiansFirst);
      safeContact(check, prefix, person);
      check.email(prefix + Person.EMAIL, person.get(Person.EMAIL), false);
      check.phone(prefix + Person.PHONE, person.get(Person.PHONE), false);
      check.text(prefix + Person.POSTAL_ADDRESS, person.get(Person.POSTAL_ADDRESS), 0, 500, false);
      check.oneOf(prefix + Person.PREFERRED_LANGUAGE, person.get(Person.PREFERRED_LANGUAGE), Vocabulary.LANGUAGES, true);
      check.flag(prefix + Person.INTERPRETER_NEEDED, person.get(Person.INTERPRETER_NEEDED));
      if (!InputCheck.present(person.get(Person.EMAIL)) && !InputCheck.present(person.get(Person.PHONE))
          && !InputCheck.present(person.get(Person.POSTAL_ADDRESS))) {
        check.refuse(prefix + "contact", victim ? "error.referral.victimContact" : "error.referral.offenderContact");
      }
    }
  }

  /**
   * A referral whose victims are not natural persons ({@code victimIsNaturalPerson} false): each victim is a legal person (a
   * shop, a company, a school) and names the individual who represents it, the one the programme writes to and calls.
   */
  private static void legalPersonVictims(InputCheck check, List<Map<String, Object>> victims) {
    for (int i = 0; i < victims.size(); i++) {
      Map<String, Object> victim = victims.get(i);
      if (victim != null && !InputCheck.present(victim.get(Person.REPRESENTATIVE))) {
        check.refuse(VICTIMS.name() + "[" + i + "]." + Person.REPRESENTATIVE, "error.referral.representativeMissing");
      }
    }
  }

  /** The parents or guardians of a minor: one or two, each with a name, the relation and a way to reach them. */
  private static void guardians(InputCheck check, String prefix, Side side, Object value, boolean minor,
      boolean guardiansFirst) {
    String field = prefix + Person.GUARDIANS;
    if (value == null || value instanceof List<?> list && list.isEmpty()) {
      if (minor && guardiansFirst) {
        check.refuse(field, side == Side.VICTIM ? "error.referral.victimGuardians" : "error.referral.offenderGuardians");
      }
      return;
    }
    if (!(value instanceof List<?> guardians)) {
      check.refuse(field, "error.guardians.notAList");
      return;
    }
    if (!minor) {
      check.refuse(field, "error.guardians.onlyMinors");
      return;
    }
    if (guardians.size() > MAX_GUARDIANS) {
      check.refuse(field, "error.guardians.tooMany", MAX_GUARDIANS);
      return;
    }
    for (int g = 0; g < guardians.size(); g++) {
      String at = field + "[" + g + "].";
      if (!(guardians.get(g) instanceof Map<?, ?> guardian)) {
        check.refuse(field + "[" + g + "]", "error.guardians.notAGuardian");
        continue;
      }
      for (Object key : guardian.keySet()) {
        if (!GUARDIAN_FIELDS.contains(String.valueOf(key))) {
          check.refuse(at + key, "error.guardians.notAField");
        }
      }
      check.text(at + GUARDIAN_NAME, guardian.get(GUARDIAN_NAME), 2, 200, true);
      check.oneOf(at + GUARDIAN_RELATION, guardian.get(GUARDIAN_RELATION), Vocabulary.GUARDIAN_RELATIONS, true);
      check.phone(at + Person.PHONE, guardian.get(Person.PHONE), false);
      check.email(at + Person.EMAIL, guardian.get(Person.EMAIL), false);
      check.text(at + Person.POSTAL_ADDRESS, guardian.get(Person.POSTAL_ADDRESS), 0, 500, false);
      if (!InputCheck.present(guardian.get(Person.EMAIL)) && !InputCheck.present(guardian.get(Person.PHONE))
          && !InputCheck.present(guardian.get(Person.POSTAL_ADDRESS))) {
        check.refuse(at + "contact", "error.guardians.contact");
      }
    }
  }

  /** How the person may be reached safely: a known channel, the switches, and no contradiction with the contact data. */
  private static void safeContact(InputCheck check, String prefix, Map<String, Object> person) {
    Object value = person.get(Person.SAFE_CONTACT);
    if (value == null) {
      return;
    }
    String field = prefix + Person.SAFE_CONTACT;
    if (!(value instanceof Map<?, ?> contact)) {
      check.refuse(field, "error.safeContact.notAnObject");
      return;
    }
    for (Object key : contact.keySet()) {
      if (!SAFE_CONTACT_FIELDS.contains(String.valueOf(key))) {
        check.refuse(field + "." + key, "error.safeContact.notAField");
      }
    }
    String channel = check.oneOf(field + "." + SafeContact.PREFERRED_CHANNEL, contact.get(SafeContact.PREFERRED_CHANNEL),
        SafeContact.CHANNELS.keySet(), false);
    Boolean doNotWrite = check.flag(field + "." + SafeContact.DO_NOT_WRITE, contact.get(SafeContact.DO_NOT_WRITE));
    check.flag(field + "." + SafeContact.NO_MESSAGES, contact.get(SafeContact.NO_MESSAGES));
    check.text(field + "." + SafeContact.SAFE_TIME_TO_CALL, contact.get(SafeContact.SAFE_TIME_TO_CALL), 0, 200, false);
    if ("letter".equals(channel) && Boolean.TRUE.equals(doNotWrite)) {
      check.refuse(field + "." + SafeContact.DO_NOT_WRITE, "error.safeContact.letterContradicted");
    }
    if ("email".equals(channel) && !InputCheck.present(person.get(Person.EMAIL))) {
      check.refuse(field + "." + SafeContact.PREFERRED_CHANNEL, "error.safeContact.noEmail");
    }
    if ("phone".equals(channel) && !InputCheck.present(person.get(Person.PHONE))) {
      check.refuse(field + "." + SafeContact.PREFERRED_CHANNEL, "error.safeContact.noPhone");
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
