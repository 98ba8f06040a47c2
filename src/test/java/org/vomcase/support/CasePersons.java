package org.vomcase.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * The persons of a registered case as the referral intake stores them (Json lists {@code victims} and
 * {@code offenders} with person id, role and the minor flag), and the consent book the contact phase
 * fills in, for the tests of the processes a case calls after the referral.
 */
public final class CasePersons {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CasePersons() {}

  /** V1, an adult victim. */
  public static Map<String, Object> anaRoth() {
    return person("V1", "victim", "Ana Roth", "1980-04-02", false);
  }

  /** V2, a second adult victim. */
  public static Map<String, Object> benRoth() {
    return person("V2", "victim", "Ben Roth", "1985-06-30", false);
  }

  /** O1, an offender who is a minor (his guardian signs with him, R7). */
  public static Map<String, Object> carlVogt() {
    return person("O1", "offender", "Carl Vogt", "2010-01-15", true);
  }

  /** One person, with the fields and in the order {@code ReferralIntake} normalises them to. */
  public static Map<String, Object> person(String personId, String role, String name, String dateOfBirth, boolean minor) {
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("personId", personId);
    person.put("role", role);
    person.put("name", name);
    person.put("email", name.toLowerCase().replace(' ', '.') + "@example.org");
    person.put("preferredLanguage", "de");
    person.put("dateOfBirth", dateOfBirth);
    person.put("interpreterNeeded", false);
    person.put("minor", minor);
    return person;
  }

  /** A Json list of persons, as the case stores {@code victims} and {@code offenders}. */
  @SafeVarargs
  public static JsonValue persons(Map<String, Object>... persons) {
    return json(List.of(persons));
  }

  /** Any value as a Json variable (as Tasklist submits objects and lists, and the case stores them). */
  public static JsonValue json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** JSON text as a Json variable. */
  public static JsonValue json(String text) {
    return SpinValues.jsonValue(text).create();
  }
}
