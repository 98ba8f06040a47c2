package org.vomcase.process.referral;

import org.vomcase.kernel.FieldError;
import static org.vomcase.kernel.CaseVariables.APPEAL_PENDING;
import static org.vomcase.kernel.CaseVariables.OFFENDERS;
import static org.vomcase.kernel.CaseVariables.VICTIMS;
import static org.vomcase.kernel.CaseVariables.VICTIM_IS_NATURAL_PERSON;
import static org.vomcase.kernel.CaseVariables.VICTIM_REFUSED;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.vomcase.kernel.CaseVariables;

/**
 * Turns the variables of a submitted referral into the case's variables: checks them ({@link
 * ReferralValidator}), fills the defaults of the eligibility facts, and gives each person an id
 * ({@code V1}, {@code O1}, ...), a role and whether they are a minor (R7).
 */
public final class ReferralIntake {

  public static final String PERSON_ID = "personId";
  public static final String ROLE = "role";
  public static final String MINOR = "minor";

  /** The fields a referral may have (start form and API); everything else a caller sends is dropped or refused. */
  public static final java.util.Set<String> FIELDS = java.util.Set.of(CaseVariables.REFERRAL_SOURCE, CaseVariables.PROCEDURAL_STAGE,
      CaseVariables.OFFENCE_CATEGORY, CaseVariables.OFFENCE_DATE, CaseVariables.OFFENCE_SUMMARY,
      CaseVariables.REFERRER_NAME, CaseVariables.REFERRER_EMAIL, CaseVariables.REFERRER_REFERENCE,
      CaseVariables.RESPONSIBILITY_ADMISSION, CaseVariables.VICTIM_IS_NATURAL_PERSON, CaseVariables.APPEAL_PENDING,
      CaseVariables.VICTIM_REFUSED, CaseVariables.VICTIMS, CaseVariables.OFFENDERS,
      org.vomcase.confidential.ConfidentialField.POLICE_FILE.variable());

  /** Persons per side the Tasklist start form offers (groups victim1..3, offender1..3). */
  public static final int FORM_PERSONS_PER_SIDE = 3;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> PERSON = new TypeReference<>() {};
  private static final TypeReference<List<Map<String, Object>>> PERSON_LIST = new TypeReference<>() {};

  private ReferralIntake() {}

  /** The case variables of a valid referral; throws {@link ReferralRejectedException} listing every problem. */
  public static Map<String, Object> prepare(Map<String, Object> submitted, LocalDate today) {
    return prepare(submitted, today, ReferralValidator.DEFAULT_MAX_PERSONS_PER_SIDE);
  }

  /** The case variables of a valid referral naming at most {@code maxPersons} persons per side. */
  public static Map<String, Object> prepare(Map<String, Object> submitted, LocalDate today, int maxPersons) {
    List<FieldError> errors = new ArrayList<>();
    List<Map<String, Object>> victims = submitted.containsKey(VICTIMS) ? persons(submitted.get(VICTIMS), VICTIMS, errors)
        : formGroups(submitted, "victim", VICTIMS, errors);
    List<Map<String, Object>> offenders = submitted.containsKey(OFFENDERS) ? persons(submitted.get(OFFENDERS), OFFENDERS, errors)
        : formGroups(submitted, "offender", OFFENDERS, errors);
    Map<String, Object> referral = new HashMap<>(submitted);
    referral.putIfAbsent(VICTIM_IS_NATURAL_PERSON, Boolean.TRUE);
    referral.putIfAbsent(APPEAL_PENDING, Boolean.FALSE);
    referral.putIfAbsent(VICTIM_REFUSED, Boolean.FALSE);
    if (errors.isEmpty()) {
      errors.addAll(ReferralValidator.validate(referral, victims, offenders, today, maxPersons));
    }
    if (!errors.isEmpty()) {
      throw new ReferralRejectedException(errors);
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    for (String key : List.of(CaseVariables.REFERRAL_SOURCE, CaseVariables.PROCEDURAL_STAGE,
        CaseVariables.OFFENCE_CATEGORY, CaseVariables.OFFENCE_DATE, CaseVariables.OFFENCE_SUMMARY,
        CaseVariables.REFERRER_NAME, CaseVariables.REFERRER_EMAIL, CaseVariables.REFERRER_REFERENCE,
        CaseVariables.RESPONSIBILITY_ADMISSION, VICTIM_IS_NATURAL_PERSON, APPEAL_PENDING, VICTIM_REFUSED)) {
      Object value = referral.get(key);
      variables.put(key, value instanceof String text ? blankToNull(text.trim()) : value);
    }
    variables.put(CaseVariables.OFFENCE_DATE, isoDate(referral.get(CaseVariables.OFFENCE_DATE)));
    List<Map<String, Object>> normalisedVictims = normalise(victims, "victim", "V", today);
    variables.put(VICTIMS, SpinValues.jsonValue(json(normalisedVictims)).create());
    variables.put(CaseVariables.VICTIM_IS_MINOR, normalisedVictims.stream().anyMatch(v -> Boolean.TRUE.equals(v.get(MINOR))));
    variables.put(OFFENDERS, SpinValues.jsonValue(json(normalise(offenders, "offender", "O", today))).create());
    return variables;
  }

  /** The variables the start form submits for persons (groups victim1..3 and their switches), replaced by the lists. */
  public static List<String> formGroupVariables() {
    List<String> names = new ArrayList<>();
    for (String role : List.of("victim", "offender")) {
      for (int n = 1; n <= FORM_PERSONS_PER_SIDE; n++) {
        names.add(role + n);
        names.add("has" + Character.toUpperCase(role.charAt(0)) + role.substring(1) + n);
      }
    }
    return names;
  }

  /** The persons of one side as the start form's groups give them: role1, and role2/role3 where switched on. */
  static List<Map<String, Object>> formGroups(Map<String, Object> submitted, String role, String field, List<FieldError> errors) {
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
        persons.add(value instanceof SpinJsonNode node ? JSON.readValue(node.toString(), PERSON)
            : value instanceof String text ? JSON.readValue(text, PERSON) : JSON.convertValue(value, PERSON));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        errors.add(new FieldError(role + n, "is not a person (name, dateOfBirth, ...)"));
      }
    }
    return persons;
  }

  /** The persons of a list variable as the form (Json), the API (list) or a caller (JSON text) gives them. */
  static List<Map<String, Object>> persons(Object value, String field, List<FieldError> errors) {
    if (value == null) {
      return List.of();
    }
    try {
      if (value instanceof SpinJsonNode node) {
        return JSON.readValue(node.toString(), PERSON_LIST);
      }
      if (value instanceof String text) {
        return text.isBlank() ? List.of() : JSON.readValue(text, PERSON_LIST);
      }
      return JSON.convertValue(value, PERSON_LIST);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      errors.add(new FieldError(field, "must be a list of persons (name, dateOfBirth, ...)"));
      return List.of();
    }
  }

  private static List<Map<String, Object>> normalise(List<Map<String, Object>> persons, String role, String prefix,
      LocalDate today) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (int i = 0; i < persons.size(); i++) {
      Map<String, Object> in = persons.get(i);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put(PERSON_ID, prefix + (i + 1));
      out.put(ROLE, role);
      for (String key : List.of(ReferralValidator.NAME, ReferralValidator.EMAIL, ReferralValidator.PHONE,
          ReferralValidator.POSTAL_ADDRESS, ReferralValidator.PREFERRED_LANGUAGE)) {
        Object value = in.get(key);
        if (value != null && !value.toString().isBlank()) {
          out.put(key, value.toString().trim());
        }
      }
      String dateOfBirth = isoDate(in.get(ReferralValidator.DATE_OF_BIRTH));
      out.put(ReferralValidator.DATE_OF_BIRTH, dateOfBirth);
      out.put(ReferralValidator.INTERPRETER_NEEDED, Boolean.TRUE.equals(in.get(ReferralValidator.INTERPRETER_NEEDED)));
      out.put(MINOR, Period.between(LocalDate.parse(dateOfBirth), today).getYears() < 18);
      result.add(out);
    }
    return result;
  }

  private static String isoDate(Object value) {
    String text = value.toString().trim();
    return text.substring(0, Math.min(10, text.length()));
  }

  private static String blankToNull(String text) {
    return text.isEmpty() ? null : text;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
