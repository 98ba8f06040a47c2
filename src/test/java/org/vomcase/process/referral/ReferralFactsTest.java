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

  @Test
  void noPersonsAreNeitherMinorsNorLegalPersons() {
    assertThat(facts.anyMinor(null)).isFalse();
    assertThat(facts.anyLegalPerson(null)).isFalse();
    assertThat(facts.anyMinor(CaseJson.json(List.of()))).isFalse();
  }
}
