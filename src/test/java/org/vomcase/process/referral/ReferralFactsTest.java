package org.vomcase.process.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vomcase.kernel.CaseJson;

/** The decision tables' facts from the persons, whichever way the persons are stored. */
class ReferralFactsTest {

  private final ReferralFacts facts = new ReferralFacts();

  private static Map<String, Object> person(String name, boolean minor, String representative) {
    return representative == null ? Map.of("personId", "V1", "role", "victim", "name", name, "minor", minor)
        : Map.of("personId", "V1", "role", "victim", "name", name, "minor", minor, "representative", representative);
  }

  @Test
  void aMinorOrALegalPersonAmongThePersonsIsFound() {
    Object adults = CaseJson.json(List.of(person("Ana Roth", false, null)));
    Object withMinor = CaseJson.json(List.of(person("Ana Roth", false, null), person("Ben Roth", true, null)));
    Object shop = CaseJson.json(List.of(person("Corner Shop Ltd", false, "Mette Hansen, store manager")));

    assertThat(facts.anyMinor(adults)).isFalse();
    assertThat(facts.anyMinor(withMinor)).isTrue();
    assertThat(facts.anyLegalPerson(adults)).isFalse();
    assertThat(facts.anyLegalPerson(shop)).isTrue();
  }

  /**
   * A decision step's input parameter reads a fact of the referral by the name its table uses: from the case's record,
   * a later value of its own over it, a date as text, and a name that is no fact an error naming the facts.
   */
  @Test
  void aFactIsLaidOutForADecisionByItsName() {
    Map<String, Object> record = new java.util.LinkedHashMap<>();
    record.put("offenceCategory", "assault");
    record.put("offenceDate", "2026-01-03");
    record.put("appealPending", true);
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("referral", org.vomcase.kernel.CaseVariables.REFERRAL.value(record));
    org.camunda.bpm.engine.delegate.VariableScope execution = org.mockito.Mockito.mock(
        org.camunda.bpm.engine.delegate.VariableScope.class);
    org.mockito.Mockito.when(execution.getVariable(org.mockito.ArgumentMatchers.anyString()))
        .thenAnswer(call -> variables.get(call.<String>getArgument(0)));

    assertThat(facts.fact(execution, "offenceCategory")).isEqualTo("assault");
    assertThat(facts.fact(execution, "offenceDate")).isEqualTo("2026-01-03");
    assertThat(facts.fact(execution, "appealPending")).isEqualTo(true);
    assertThat(facts.fact(execution, "victimRefused")).isNull();
    variables.put("appealPending", false);
    assertThat(facts.fact(execution, "appealPending")).as("the appeal was decided since").isEqualTo(false);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> facts.fact(execution, "closureReason"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offenceCategory");
  }

  @Test
  void noPersonsAreNeitherMinorsNorLegalPersons() {
    assertThat(facts.anyMinor(null)).isFalse();
    assertThat(facts.anyLegalPerson(null)).isFalse();
    assertThat(facts.anyMinor(CaseJson.json(List.of()))).isFalse();
  }
}
