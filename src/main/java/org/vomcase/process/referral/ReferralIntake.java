package org.vomcase.process.referral;

import static org.vomcase.kernel.CaseVariables.APPEAL_PENDING;
import static org.vomcase.kernel.CaseVariables.OFFENDERS;
import static org.vomcase.kernel.CaseVariables.VICTIMS;
import static org.vomcase.kernel.CaseVariables.VICTIM_IS_NATURAL_PERSON;
import static org.vomcase.kernel.CaseVariables.VICTIM_REFUSED;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vomcase.confidential.ConfidentialField;
import org.vomcase.kernel.CaseJson;
import org.vomcase.kernel.CaseVariable;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.kernel.Dates;
import org.vomcase.kernel.FieldError;
import org.vomcase.kernel.Guardian;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.SafeContact;
import org.vomcase.kernel.Side;

/**
 * Turns the variables of a submitted referral into the case's variables: checks them ({@link
 * ReferralValidator}), fills the defaults of the eligibility facts, and gives each person an id
 * ({@code V1}, {@code O1}, ...), a role and whether they are a minor (R7).
 */
public final class ReferralIntake {

  /** The referral's own facts, copied (trimmed) into the case's record of the referral ({@link CaseVariables#REFERRAL}). */
  private static final List<CaseVariable<?>> FACTS = CaseVariables.REFERRAL_FACTS;

  /** The fields a referral may have (start form and API); everything else a caller sends is dropped or refused. */
  public static final Set<String> FIELDS = fields();

  private static Set<String> fields() {
    Set<String> fields = new java.util.HashSet<>();
    FACTS.forEach(fact -> fields.add(fact.name()));
    fields.add(VICTIMS.name());
    fields.add(OFFENDERS.name());
    fields.add(ConfidentialField.POLICE_FILE.variable());
    return Set.copyOf(fields);
  }

  /** Persons per side the Tasklist start form offers (groups victim1..3, offender1..3). */
  public static final int FORM_PERSONS_PER_SIDE = 3;
  /** The start form's sub-groups of a person's parents or guardians ({@code guardian1}, {@code guardian2}). */
  static final String FORM_GUARDIAN = "guardian";
  /** The start form's switch for a second parent or guardian. */
  static final String FORM_SECOND_GUARDIAN = "hasGuardian2";

  private ReferralIntake() {}

  /** The case variables of a valid referral; throws {@link ReferralRejectedException} listing every problem. */
  public static Map<String, Object> prepare(Map<String, Object> submitted, LocalDate today) {
    return prepare(submitted, today, ReferralValidator.DEFAULT_MAX_PERSONS_PER_SIDE);
  }

  /** The case variables of a valid referral naming at most {@code maxPersons} persons per side. */
  public static Map<String, Object> prepare(Map<String, Object> submitted, LocalDate today, int maxPersons) {
    return prepare(submitted, today, maxPersons, false);
  }

  /**
   * The case variables of a valid referral; {@code guardiansFirst}: the programme reaches minors through their
   * parents or guardians, so the referral must name them.
   */
  public static Map<String, Object> prepare(Map<String, Object> submitted, LocalDate today, int maxPersons,
      boolean guardiansFirst) {
    return prepare(submitted, today, maxPersons, guardiansFirst, org.vomcase.kernel.Vocabularies.builtIn());
  }

  /** The case variables of a valid referral, its codes those of the installation's {@code vocabularies}. */
  public static Map<String, Object> prepare(Map<String, Object> submitted, LocalDate today, int maxPersons,
      boolean guardiansFirst, org.vomcase.kernel.Vocabularies vocabularies) {
    return prepare(submitted, today, maxPersons, guardiansFirst, vocabularies, false);
  }

  /**
   * The same; {@code listsAsKept}: the start of a case, whose persons' lists the referral API hands over as {@link
   * #prepare} made them ({@link #asSent}). A referral as its sender sends it never carries what the case works out.
   */
  public static Map<String, Object> prepare(Map<String, Object> submitted, LocalDate today, int maxPersons,
      boolean guardiansFirst, org.vomcase.kernel.Vocabularies vocabularies, boolean listsAsKept) {
    List<FieldError> errors = new ArrayList<>();
    List<Map<String, Object>> victims = submitted.containsKey(VICTIMS.name())
        ? asSent(persons(submitted.get(VICTIMS.name()), VICTIMS.name(), errors), Side.VICTIM, listsAsKept)
        : formGroups(submitted, Side.VICTIM, errors);
    List<Map<String, Object>> offenders = submitted.containsKey(OFFENDERS.name())
        ? asSent(persons(submitted.get(OFFENDERS.name()), OFFENDERS.name(), errors), Side.OFFENDER, listsAsKept)
        : formGroups(submitted, Side.OFFENDER, errors);
    Map<String, Object> referral = new HashMap<>(submitted);
    if (listsAsKept) {
      unfold(referral);
    }
    referral.putIfAbsent(VICTIM_IS_NATURAL_PERSON.name(), Boolean.TRUE);
    referral.putIfAbsent(APPEAL_PENDING.name(), Boolean.FALSE);
    referral.putIfAbsent(VICTIM_REFUSED.name(), Boolean.FALSE);
    if (errors.isEmpty()) {
      errors.addAll(ReferralValidator.validate(referral, victims, offenders, today, maxPersons, guardiansFirst, vocabularies));
    }
    if (!errors.isEmpty()) {
      throw new ReferralRejectedException(errors);
    }
    // The facts as one record (absent ones left out): one variable of the case, not one for each fact.
    Map<String, Object> facts = new LinkedHashMap<>();
    for (CaseVariable<?> fact : FACTS) {
      Object value = referral.get(fact.name());
      value = value instanceof String text ? blankToNull(text.trim()) : value;
      if (value != null) {
        facts.put(fact.name(), value);
      }
    }
    Object offenceDate = CaseVariables.OFFENCE_DATE.value(Dates.orNull(referral.get(CaseVariables.OFFENCE_DATE.name())));
    if (offenceDate != null) {
      facts.put(CaseVariables.OFFENCE_DATE.name(), offenceDate);
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(CaseVariables.REFERRAL.name(), CaseVariables.REFERRAL.value(facts));
    List<Person> victimsOfCase = normalise(victims, Side.VICTIM, today);
    variables.put(VICTIMS.name(), VICTIMS.value(victimsOfCase));
    variables.put(OFFENDERS.name(), OFFENDERS.value(normalise(offenders, Side.OFFENDER, today)));
    return variables;
  }

  /**
   * At the start of a case, the facts as the case keeps them (the referral API starts the case with the record {@link
   * CaseVariables#REFERRAL} that {@link #prepare} made from the referral as sent): its fields are the referral's facts,
   * checked again like the fields of a referral as sent (a field no referral has is dropped: the record is made anew
   * from the facts). A fact sent on its own as well is the one that counts.
   */
  static void unfold(Map<String, Object> referral) {
    Object record = referral.remove(CaseVariables.REFERRAL.name());
    Map<String, Object> facts;
    try {
      facts = CaseJson.object(record);
    } catch (IllegalStateException e) {
      throw new ReferralRejectedException(List.of(FieldError.of(CaseVariables.REFERRAL.name(), "error.referral.notAReferral")));
    }
    if (facts != null) {
      FACTS.forEach(fact -> {
        if (facts.containsKey(fact.name())) {
          referral.putIfAbsent(fact.name(), facts.get(fact.name()));
        }
      });
    }
  }

  /**
   * The persons of one side as their sender gave them: at the start of a case ({@code listsAsKept}), a list the case
   * already keeps (the referral API starts the case with the lists as {@link #prepare} made them from the referral as
   * sent, so that the start writes each list once) carries what the case works
   * out for each person (id, side, minor), which is dropped where the id and side are the ones the case works out again
   * (and the minor flag a flag: it is worked out again from the date of birth); where they are not, they stay, and the
   * check refuses them as fields no referral has.
   */
  static List<Map<String, Object>> asSent(List<Map<String, Object>> persons, Side side, boolean listsAsKept) {
    if (!listsAsKept) {
      return persons;
    }
    List<Map<String, Object>> sent = new ArrayList<>();
    for (int i = 0; i < persons.size(); i++) {
      Map<String, Object> person = persons.get(i);
      if (person == null || !(person.containsKey(Person.PERSON_ID) || person.containsKey(Person.ROLE)
          || person.containsKey(Person.MINOR))) {
        sent.add(person);
        continue;
      }
      // The id and the side must be the ones the person's place in the list gives; whether a minor is worked out from the
      // date of birth again in any case (a flag sent by the API the day before a birthday is not refused the day after).
      boolean asKept = java.util.Objects.equals(person.getOrDefault(Person.PERSON_ID, side.idPrefix() + (i + 1)),
          side.idPrefix() + (i + 1))
          && java.util.Objects.equals(person.getOrDefault(Person.ROLE, side.code()), side.code())
          && person.getOrDefault(Person.MINOR, Boolean.FALSE) instanceof Boolean;
      if (asKept) {
        Map<String, Object> given = new LinkedHashMap<>(person);
        given.remove(Person.PERSON_ID);
        given.remove(Person.ROLE);
        given.remove(Person.MINOR);
        sent.add(given);
      } else {
        sent.add(person);
      }
    }
    return sent;
  }

  /** The variables the start form submits for persons (groups victim1..3 and their switches), replaced by the lists. */
  public static List<String> formGroupVariables() {
    List<String> names = new ArrayList<>();
    for (String role : List.of(Side.VICTIM.code(), Side.OFFENDER.code())) {
      for (int n = 1; n <= FORM_PERSONS_PER_SIDE; n++) {
        names.add(role + n);
        names.add("has" + Character.toUpperCase(role.charAt(0)) + role.substring(1) + n);
      }
    }
    return names;
  }

  /** The persons of one side as the start form's groups give them: role1, and role2/role3 where switched on. */
  static List<Map<String, Object>> formGroups(Map<String, Object> submitted, Side side, List<FieldError> errors) {
    String role = side.code();
    List<Map<String, Object>> persons = new ArrayList<>();
    String switchPrefix = "has" + Character.toUpperCase(role.charAt(0)) + role.substring(1);
    for (int n = 1; n <= FORM_PERSONS_PER_SIDE; n++) {
      boolean wanted = n == 1 || (Boolean.TRUE.equals(submitted.get(switchPrefix + n))
          && (n == 2 || Boolean.TRUE.equals(submitted.get(switchPrefix + (n - 1)))));
      Object value = submitted.get(role + n);
      if (!wanted || value == null) {
        continue;
      }
      try {
        Map<String, Object> person = CaseJson.object(value);
        if (person != null) {
          persons.add(fromFormGroup(person));
        }
      } catch (IllegalStateException e) {
        errors.add(FieldError.of(role + n, "error.referral.notAPerson"));
      }
    }
    return persons;
  }

  /**
   * A person as the API names it, from the start form's group: its sub-groups {@code guardian1} and (switched on by
   * {@code hasGuardian2}) {@code guardian2} become the list {@code guardians}, left-blank ones dropped (form-js submits
   * the fields of a shown group even when nobody filled them); a safe contact without an answer is none.
   */
  static Map<String, Object> fromFormGroup(Map<String, Object> group) {
    Map<String, Object> person = new LinkedHashMap<>(group);
    List<Object> guardians = new ArrayList<>();
    for (int n = 1; n <= ReferralValidator.MAX_GUARDIANS; n++) {
      Object guardian = person.remove(FORM_GUARDIAN + n);
      boolean wanted = n == 1 || Boolean.TRUE.equals(group.get(FORM_SECOND_GUARDIAN));
      if (wanted && guardian != null && !blank(guardian)) {
        guardians.add(guardian);
      }
    }
    person.remove(FORM_SECOND_GUARDIAN);
    if (!guardians.isEmpty()) {
      person.put(Person.GUARDIANS, guardians);
    }
    Object safe = person.get(Person.SAFE_CONTACT);
    if (safe != null && blank(safe)) {
      person.remove(Person.SAFE_CONTACT);
    } else if (safe instanceof Map<?, ?> answers) {
      Map<Object, Object> given = new LinkedHashMap<>(answers);
      given.values().removeIf(ReferralIntake::blank);
      person.put(Person.SAFE_CONTACT, given);
    }
    return person;
  }

  /** Nothing given: null, blank text, an unticked box, or a group of such. */
  private static boolean blank(Object value) {
    if (value instanceof Map<?, ?> group) {
      return group.values().stream().allMatch(ReferralIntake::blank);
    }
    return value == null || Boolean.FALSE.equals(value) || value instanceof String text && text.isBlank();
  }

  /** The persons of a list variable as the form (Json), the API (list) or a caller (JSON text) gives them. */
  static List<Map<String, Object>> persons(Object value, String field, List<FieldError> errors) {
    if (value == null) {
      return List.of();
    }
    try {
      List<Map<String, Object>> persons = CaseJson.objects(value);
      return persons == null ? List.of() : persons;
    } catch (IllegalStateException e) {
      errors.add(FieldError.of(field, "error.referral.notAListOfPersons"));
      return List.of();
    }
  }

  private static List<Person> normalise(List<Map<String, Object>> persons, Side side, LocalDate today) {
    List<Person> result = new ArrayList<>();
    for (int i = 0; i < persons.size(); i++) {
      Map<String, Object> in = persons.get(i);
      result.add(Person.referred(side, i + 1, trimmed(in.get(Person.NAME)), trimmed(in.get(Person.EMAIL)),
          trimmed(in.get(Person.PHONE)), trimmed(in.get(Person.POSTAL_ADDRESS)), trimmed(in.get(Person.PREFERRED_LANGUAGE)),
          Dates.orNull(in.get(Person.DATE_OF_BIRTH)), Boolean.TRUE.equals(in.get(Person.INTERPRETER_NEEDED)), today,
          guardians(in.get(Person.GUARDIANS)), safeContact(in.get(Person.SAFE_CONTACT)), trimmed(in.get(Person.REPRESENTATIVE))));
    }
    return result;
  }

  /** The parents or guardians a (checked) referral names for a minor. */
  private static List<Guardian> guardians(Object value) {
    List<Guardian> guardians = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object entry : list) {
        Map<?, ?> guardian = (Map<?, ?>) entry;
        guardians.add(new Guardian(trimmed(guardian.get(Guardian.NAME)), trimmed(guardian.get(Guardian.RELATION)),
            trimmed(guardian.get(Person.PHONE)), trimmed(guardian.get(Person.EMAIL)), trimmed(guardian.get(Person.POSTAL_ADDRESS))));
      }
    }
    return guardians;
  }

  /** How the person may be reached safely, as the (checked) referral says; null when it says nothing. */
  private static SafeContact safeContact(Object value) {
    if (!(value instanceof Map<?, ?> contact) || contact.isEmpty()) {
      return null;
    }
    SafeContact safe = new SafeContact(trimmed(contact.get(SafeContact.PREFERRED_CHANNEL)),
        Boolean.TRUE.equals(contact.get(SafeContact.DO_NOT_WRITE)) ? Boolean.TRUE : null,
        Boolean.TRUE.equals(contact.get(SafeContact.NO_MESSAGES)) ? Boolean.TRUE : null,
        trimmed(contact.get(SafeContact.SAFE_TIME_TO_CALL)));
    return safe.equals(SafeContact.NONE) ? null : safe;
  }

  private static String trimmed(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  private static String blankToNull(String text) {
    return text.isEmpty() ? null : text;
  }
}
