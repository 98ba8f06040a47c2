package org.vomcase.process.referral;

import org.vomcase.kernel.FieldError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.support.Referrals;

/** What each bad referral gets: the field and the message, and nothing else goes through. */
class ReferralIntakeTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @ParameterizedTest(name = "{0} = ''{1}'' -> {2}: {3}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      referralSource           | NULL          | referralSource           | is required
      referralSource           | neighbour     | referralSource           | 'neighbour' is not one of police, prosecutor,
      proceduralStage          | appeal        | proceduralStage          | 'appeal' is not one of diversion,
      offenceCategory          | NULL          | offenceCategory          | is required
      responsibilityAdmission  | partly        | responsibilityAdmission  | 'partly' is not one of none, does_not_deny,
      offenceDate              | 23.11.2026    | offenceDate              | '23.11.2026' is not a date (YYYY-MM-DD)
      offenceDate              | 2026-11-24    | offenceDate              | must not be in the future
      offenceDate              | 1899-12-31    | offenceDate              | must not be before 1900
      offenceSummary           | Fight.        | offenceSummary           | must have at least 10 characters
      referrerName             | NULL          | referrerName             | is required
      referrerEmail            | not-an-email  | referrerEmail            | 'not-an-email' is not an email address
      """)
  void badReferralFieldIsNamedWithItsProblem(String key, String value, String field, String message) {
    Map<String, Object> referral = Referrals.referral();
    referral.put(key, value);

    assertThatThrownBy(() -> ReferralIntake.prepare(referral, TODAY))
        .isInstanceOfSatisfying(ReferralRejectedException.class, rejected -> assertThat(rejected.getErrors())
            .singleElement()
            .satisfies(error -> {
              assertThat(error.field()).isEqualTo(field);
              assertThat(error.message()).startsWith(message);
            }));
  }

  @ParameterizedTest(name = "person {0} = ''{1}'' -> {2}: {3}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      name              | NULL        | victims[0].name              | is required
      name              | A           | victims[0].name              | must have at least 2 characters
      dateOfBirth       | NULL        | victims[0].dateOfBirth       | is required
      dateOfBirth       | 2030-01-01  | victims[0].dateOfBirth       | must not be in the future
      preferredLanguage | klingon     | victims[0].preferredLanguage | 'klingon' is not one of en, de,
      email             | ana@        | victims[0].email             | 'ana@' is not an email address
      phone             | call me     | victims[0].phone             | is not a phone number
      """)
  void badPersonFieldIsNamedWithItsPosition(String key, String value, String field, String message) {
    Map<String, Object> referral = Referrals.referral();
    Map<String, Object> victim = Referrals.person("Ana Roth", "1980-04-02");
    victim.put(key, value);
    referral.put(CaseVariables.VICTIMS.name(), List.of(victim));

    assertThatThrownBy(() -> ReferralIntake.prepare(referral, TODAY))
        .isInstanceOfSatisfying(ReferralRejectedException.class, rejected -> assertThat(rejected.getErrors())
            .extracting(FieldError::toString)
            .anySatisfy(error -> assertThat(error).startsWith(field + ": " + message)));
  }

  @Test
  void personWithoutAnyWayToReachThemIsRejected() {
    Map<String, Object> referral = Referrals.referral();
    Map<String, Object> offender = Referrals.person("Carl Vogt", "1990-01-15");
    offender.remove("email");
    referral.put(CaseVariables.OFFENDERS.name(), List.of(offender));

    assertThatThrownBy(() -> ReferralIntake.prepare(referral, TODAY))
        .hasMessage("Referral rejected: offenders[0].contact: give at least one way to reach the offender (email, phone or postal address)");
  }

  @Test
  void referralWithoutVictimsOrOffendersOrWithUnreadableListsIsRejected() {
    Map<String, Object> referral = Referrals.referral();
    referral.remove(CaseVariables.VICTIMS.name());
    referral.put(CaseVariables.OFFENDERS.name(), "not json");

    assertThatThrownBy(() -> ReferralIntake.prepare(referral, TODAY))
        .hasMessage("Referral rejected: offenders: must be a list of persons (name, dateOfBirth, ...)");
    referral.put(CaseVariables.OFFENDERS.name(), new ArrayList<>());
    assertThatThrownBy(() -> ReferralIntake.prepare(referral, TODAY))
        .hasMessage("Referral rejected: victims: at least one victim is required; offenders: at least one offender is required");
  }

  @Test
  void startFormGroupsBecomeThePersonListsAndSwitchedOffGroupsAreIgnored() {
    Map<String, Object> referral = Referrals.referral();
    referral.remove(CaseVariables.VICTIMS.name());
    referral.remove(CaseVariables.OFFENDERS.name());
    referral.put("victim1", Referrals.person("Ana Roth", "1980-04-02"));
    referral.put("hasVictim2", true);
    referral.put("victim2", Spin.JSON("{\"name\":\"Ben Roth\",\"dateOfBirth\":\"2015-06-30\",\"preferredLanguage\":\"de\","
        + "\"phone\":\"+49 30 1\"}"));
    referral.put("victim3", Referrals.person("Not Wanted", "1970-01-01"));
    referral.put("offender1", Referrals.person("Carl Vogt", "1990-01-15"));
    referral.put("hasOffender3", true);
    referral.put("offender3", Referrals.person("Also Not Wanted", "1970-01-01"));

    Map<String, Object> variables = ReferralIntake.prepare(referral, TODAY);

    assertThat(json(variables.get(CaseVariables.VICTIMS.name()))).contains("Ana Roth").contains("Ben Roth").doesNotContain("Not Wanted");
    assertThat(json(variables.get(CaseVariables.OFFENDERS.name()))).contains("Carl Vogt").doesNotContain("Also Not Wanted");
    assertThat(ReferralIntake.formGroupVariables()).contains("victim1", "hasVictim2", "offender3", "hasOffender3");
  }

  @Test
  void startFormGuardiansAndSafeContactBecomeThePersonsOwn() {
    Map<String, Object> referral = Referrals.referral();
    referral.remove(CaseVariables.VICTIMS.name());
    referral.remove(CaseVariables.OFFENDERS.name());
    referral.put("victim1", Spin.JSON("{\"name\":\"Emma Skov\",\"dateOfBirth\":\"2013-05-02\",\"preferredLanguage\":\"da\","
        + "\"postalAddress\":\"Vestergade 1, 1456 København\","
        + "\"safeContact\":{\"preferredChannel\":\"letter\",\"doNotWrite\":false,\"noMessages\":true,\"safeTimeToCall\":\"\"},"
        + "\"guardian1\":{\"name\":\"Lis Skov\",\"relation\":\"parent\",\"phone\":\"+45 20 12 34 56\",\"email\":\"\"},"
        + "\"hasGuardian2\":true,\"guardian2\":{\"name\":\"Ole Skov\",\"relation\":\"parent\",\"email\":\"ole@example.dk\","
        + "\"postalAddress\":\"Nørregade 2, 1165 København\"}}"));
    referral.put("offender1", Spin.JSON("{\"name\":\"Carl Vogt\",\"dateOfBirth\":\"1990-01-15\",\"preferredLanguage\":\"de\","
        + "\"phone\":\"+49 30 1234567\",\"safeContact\":{\"doNotWrite\":false,\"noMessages\":false},"
        + "\"guardian1\":{\"name\":\"\",\"phone\":\"\"},\"hasGuardian2\":false}"));

    Map<String, Object> variables = ReferralIntake.prepare(referral, TODAY, 25, true);

    List<org.vomcase.kernel.Person> victims = CaseVariables.VICTIMS.in(variables);
    assertThat(victims.get(0).guardians()).extracting(org.vomcase.kernel.Guardian::name).containsExactly("Lis Skov", "Ole Skov");
    assertThat(victims.get(0).guardians().get(1).postalAddress()).isEqualTo("Nørregade 2, 1165 København");
    assertThat(victims.get(0).safety().noMessages()).isTrue();
    assertThat(victims.get(0).safety().preferredChannel()).isEqualTo("letter");
    org.vomcase.kernel.Person offender = CaseVariables.OFFENDERS.in(variables).get(0);
    assertThat(offender.guardians()).as("a blank guardian group of an adult is no guardian").isEmpty();
    assertThat(offender.safeContact()).as("a safe contact without an answer is none").isNull();
  }

  @Test
  void konfliktraadMinorWithoutParentsIsRefusedAtTheFormsGuardianGroup() {
    Map<String, Object> referral = Referrals.referral();
    referral.remove(CaseVariables.VICTIMS.name());
    referral.put("victim1", Spin.JSON("{\"name\":\"Emma Skov\",\"dateOfBirth\":\"2013-05-02\",\"preferredLanguage\":\"da\","
        + "\"postalAddress\":\"Vestergade 1, 1456 København\",\"guardian1\":{\"name\":\"\",\"phone\":\"\"}}"));

    assertThatThrownBy(() -> ReferralIntake.prepare(referral, TODAY, 25, true))
        .hasMessageContaining("victims[0].guardians: give the parents or guardians of a victim under 18");
    assertThat(ReferralIntake.prepare(referral, TODAY, 25, false)).as("other profiles reach the parents after the minor")
        .containsKey(CaseVariables.VICTIMS.name());
  }

  private static String json(Object value) {
    return ((JsonValue) value).getValueSerialized();
  }

  @Test
  void startFormWithoutAnOffenderGroupIsRejected() {
    Map<String, Object> referral = Referrals.referral();
    referral.remove(CaseVariables.OFFENDERS.name());
    referral.remove(CaseVariables.VICTIMS.name());
    referral.put("victim1", Referrals.person("Ana Roth", "1980-04-02"));

    assertThatThrownBy(() -> ReferralIntake.prepare(referral, TODAY))
        .hasMessage("Referral rejected: offenders: at least one offender is required");
  }

  @Test
  void validReferralIsTrimmedAndGetsTheDefaultsOfTheEligibilityFacts() {
    Map<String, Object> referral = Referrals.referral();
    referral.put(CaseVariables.OFFENCE_SUMMARY.name(), "  A fight outside a bar.  ");
    referral.put(CaseVariables.OFFENCE_DATE.name(), "2026-01-03T00:00:00");
    referral.put("unrelated", "dropped");

    Map<String, Object> variables = ReferralIntake.prepare(referral, TODAY);

    // The facts are one record of the case (one variable, not one for each), each read by its own declaration.
    assertThat(variables).containsOnlyKeys(CaseVariables.REFERRAL.name(), CaseVariables.VICTIMS.name(),
        CaseVariables.OFFENDERS.name());
    assertThat(CaseVariables.OFFENCE_SUMMARY.in(variables)).isEqualTo("A fight outside a bar.");
    assertThat(CaseVariables.OFFENCE_DATE.in(variables)).isEqualTo(java.time.LocalDate.of(2026, 1, 3));
    assertThat(CaseVariables.REFERRAL.in(variables))
        .containsEntry(CaseVariables.OFFENCE_SUMMARY.name(), "A fight outside a bar.")
        .containsEntry(CaseVariables.OFFENCE_DATE.name(), "2026-01-03")
        .containsEntry(CaseVariables.VICTIM_IS_NATURAL_PERSON.name(), true)
        .containsEntry(CaseVariables.APPEAL_PENDING.name(), false)
        .containsEntry(CaseVariables.VICTIM_REFUSED.name(), false)
        .doesNotContainKey("unrelated");
  }

  /**
   * The start takes the record of the referral as the API hands it over (made by {@link ReferralIntake#prepare}) and
   * checks its facts again: the same record comes out; a fact no referral may have is refused with the field's name.
   */
  @Test
  void theReferralsRecordIsTakenBackAtTheStartAndCheckedAgain() {
    Map<String, Object> prepared = ReferralIntake.prepare(Referrals.referral(), TODAY);

    Map<String, Object> again = ReferralIntake.prepare(new java.util.LinkedHashMap<>(prepared), TODAY, 25, false,
        org.vomcase.kernel.Vocabularies.builtIn(), true);

    assertThat(org.vomcase.kernel.CaseJson.sameJson(again.get(CaseVariables.REFERRAL.name()),
        prepared.get(CaseVariables.REFERRAL.name()))).isTrue();
    Map<String, Object> facts = new java.util.LinkedHashMap<>(CaseVariables.REFERRAL.in(prepared));
    facts.put(CaseVariables.OFFENCE_CATEGORY.name(), "arson");
    facts.put("closureReason", "agreement_fulfilled");
    Map<String, Object> forged = new java.util.LinkedHashMap<>(prepared);
    forged.put(CaseVariables.REFERRAL.name(), CaseVariables.REFERRAL.value(facts));
    assertThatThrownBy(() -> ReferralIntake.prepare(forged, TODAY, 25, false, org.vomcase.kernel.Vocabularies.builtIn(), true))
        .isInstanceOf(ReferralRejectedException.class).hasMessageContaining(CaseVariables.OFFENCE_CATEGORY.name());
    facts.put(CaseVariables.OFFENCE_CATEGORY.name(), "assault");
    forged.put(CaseVariables.REFERRAL.name(), CaseVariables.REFERRAL.value(facts));
    assertThat(CaseVariables.REFERRAL.in(ReferralIntake.prepare(forged, TODAY, 25, false,
        org.vomcase.kernel.Vocabularies.builtIn(), true))).as("what no referral has is not kept").doesNotContainKey("closureReason");
    forged.put(CaseVariables.REFERRAL.name(), "[1, 2]");
    assertThatThrownBy(() -> ReferralIntake.prepare(forged, TODAY, 25, false, org.vomcase.kernel.Vocabularies.builtIn(), true))
        .isInstanceOf(ReferralRejectedException.class).hasMessageContaining(CaseVariables.REFERRAL.name());
    assertThatThrownBy(() -> ReferralIntake.prepare(new java.util.LinkedHashMap<>(prepared), TODAY))
        .as("a referral as its sender sends it has no record").isInstanceOf(ReferralRejectedException.class);
  }

  /**
   * Every variable a registration writes is one of {@code CaseVariables.REGISTRATION} (whose first values the register
   * keeps and the history does not write again), and every one of them is written.
   */
  @Test
  void theRegistrationsVariablesAreThoseWhoseFirstValuesTheRegisterKeeps() {
    java.util.Set<String> written = new java.util.HashSet<>(ReferralIntake.prepare(Referrals.referral(), TODAY).keySet());
    written.addAll(java.util.List.of(CaseVariables.REFERRED_BY.name(), CaseVariables.CASE_NUMBER.name(),
        CaseVariables.PROGRAMME_PROFILE.name(), CaseVariables.REGISTERED_AT.name()));
    // The facts one by one: what the Tasklist start form sets before the start takes them into the record.
    CaseVariables.REFERRAL_FACTS.forEach(fact -> written.add(fact.name()));

    assertThat(written).isEqualTo(CaseVariables.REGISTRATION);
  }

  @Test
  void theReferralAsRegisteredIsOneDocumentWithThePersonsAsTheCaseKeepsThem() throws Exception {
    Map<String, Object> registered = new java.util.LinkedHashMap<>(ReferralIntake.prepare(Referrals.referral(), TODAY));
    registered.put(CaseVariables.CASE_NUMBER.name(), "VOM-2026-00001");

    var document = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ReferralIntakeListener.registeredReferral(registered));

    assertThat(document.path(CaseVariables.CASE_NUMBER.name()).asText()).isEqualTo("VOM-2026-00001");
    assertThat(document.path(CaseVariables.VICTIMS.name()).path(0).path("personId").asText()).isEqualTo("V1");
    assertThat(document.path(CaseVariables.OFFENDERS.name()).path(0).path("role").asText()).isEqualTo("offender");
    assertThat(document.path(CaseVariables.REFERRAL.name()).path(CaseVariables.VICTIM_REFUSED.name()).asBoolean(true)).isFalse();
  }

  /**
   * The referral API starts the case with the persons' lists as the case keeps them (ids, sides): the start's own check
   * takes them back as they are and writes the same lists, so nothing is written twice; an id or a side that is not the
   * one the case works out is still refused.
   */
  @Test
  void thePersonsAsTheCaseKeepsThemAreTakenBackAndGiveTheSameLists() {
    Map<String, Object> prepared = ReferralIntake.prepare(Referrals.referral(), TODAY);
    Map<String, Object> again = new java.util.LinkedHashMap<>(Referrals.referral());
    again.put(CaseVariables.VICTIMS.name(), prepared.get(CaseVariables.VICTIMS.name()));
    again.put(CaseVariables.OFFENDERS.name(), prepared.get(CaseVariables.OFFENDERS.name()));

    assertThatThrownBy(() -> ReferralIntake.prepare(again, TODAY)).as("a referral as sent has no ids")
        .hasMessageContaining("victims[0].personId");
    Map<String, Object> twice = ReferralIntake.prepare(again, TODAY, 25, false, org.vomcase.kernel.Vocabularies.builtIn(), true);

    for (String persons : List.of(CaseVariables.VICTIMS.name(), CaseVariables.OFFENDERS.name())) {
      String kept = org.vomcase.kernel.CaseJson.text(org.vomcase.kernel.CaseJson.plain(prepared.get(persons)));
      assertThat(org.vomcase.kernel.CaseJson.text(org.vomcase.kernel.CaseJson.plain(twice.get(persons)))).as(persons)
          .isEqualTo(kept).contains("\"personId\"");
      assertThat(org.vomcase.kernel.CaseJson.sameJson(Spin.JSON(kept), twice.get(persons))).as("as the listener compares")
          .isTrue();
      assertThat(org.vomcase.kernel.CaseJson.sameJson(Spin.JSON(kept.replace("\"minor\":false", "\"minor\":true")), twice.get(persons)))
          .isFalse();
    }
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', textBlock = """
      personId | V2
      personId | O1
      role     | offender
      minor    | yes
      """)
  void anIdOrSideTheCaseWouldNotGiveIsRefused(String field, String value) {
    Map<String, Object> referral = Referrals.referral();
    List<Map<String, Object>> victims = new ArrayList<>();
    for (Object victim : (List<?>) referral.get(CaseVariables.VICTIMS.name())) {
      victims.add(new java.util.LinkedHashMap<>((Map<String, Object>) victim));
    }
    victims.get(0).put(field, value);
    referral.put(CaseVariables.VICTIMS.name(), victims);

    assertThatThrownBy(() -> ReferralIntake.prepare(referral, TODAY, 25, false, org.vomcase.kernel.Vocabularies.builtIn(), true))
        .isInstanceOf(ReferralRejectedException.class)
        .hasMessageContaining("victims[0]." + field);
  }
}
