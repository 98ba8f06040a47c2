package org.vomcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.spin.Spin;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseVariable;
import org.vomcase.kernel.CaseVariables;

/**
 * The report to the referrer (R15, R16) is an allow-list: whatever a mediator or coordinator wrote
 * in any form (every case variable not on the list, and the free-text details of agreement items)
 * never reaches it, for every occasion; the agreement goes only with everyone's consent.
 */
class ReferrerReportTest {

  private static final String NOTE = "CONFIDENTIAL-NOTE";

  /** The variables the report may read; everything else a case holds is filled with a confidential note. */
  private static final Set<String> ALLOWED = Set.of(CaseVariables.CASE_NUMBER.name(), CaseVariables.REFERRER_NAME.name(),
      CaseVariables.REFERRER_EMAIL.name(), CaseVariables.REFERRER_REFERENCE.name(), CaseVariables.SESSION_HELD.name(), CaseVariables.SESSION_OUTCOME.name(),
      CaseVariables.SIGNATURE_OUTCOME.name(), CaseVariables.SHARE_AGREEMENT_WITH_REFERRER.name(), CaseVariables.AGREEMENT_ITEMS.name(),
      CaseVariables.OBLIGATION.name(), CaseVariables.VICTIMS.name(), CaseVariables.OFFENDERS.name(), CaseVariables.CLOSURE_REASON.name(),
      CaseVariables.AGREEMENT_FULFILMENT.name());

  private static Map<String, Object> caseWithNotesEverywhere(boolean everyoneConsented) throws IllegalAccessException {
    Map<String, Object> variables = new HashMap<>();
    for (Field field : CaseVariables.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == CaseVariable.class) {
        variables.put(((CaseVariable<?>) field.get(null)).name(), NOTE + "-" + field.getName());
      }
    }
        variables.put(CaseVariables.CASE_NUMBER.name(), "VOM-2026-00042");
    variables.put(CaseVariables.REFERRER_NAME.name(), "Staatsanwaltschaft Musterstadt");
    variables.put(CaseVariables.REFERRER_EMAIL.name(), "toa@sta.example");
    variables.put(CaseVariables.REFERRER_REFERENCE.name(), "StA 99/26");
    variables.put(CaseVariables.SESSION_HELD.name(), "held");
    variables.put(CaseVariables.SESSION_OUTCOME.name(), "agreement");
    variables.put(CaseVariables.SIGNATURE_OUTCOME.name(), "all_signed");
    variables.put(CaseVariables.SHARE_AGREEMENT_WITH_REFERRER.name(), everyoneConsented);
    variables.put(CaseVariables.VICTIMS.name(), Spin.JSON("[{\"personId\":\"V1\",\"role\":\"victim\",\"name\":\"Ana Roth\",\"phone\":\"" + NOTE + "\"}]"));
    variables.put(CaseVariables.OFFENDERS.name(), Spin.JSON("[{\"personId\":\"O1\",\"role\":\"offender\",\"name\":\"Carl Vogt\"}]"));
    variables.put(CaseVariables.AGREEMENT_ITEMS.name(), Spin.JSON("[{\"itemId\":\"I1\",\"kind\":\"payment\",\"offender\":\"O1\",\"creditor\":\"V1\","
        + "\"amount\":\"600.00\",\"instalments\":6,\"dueDate\":\"2027-01-01\",\"status\":\"open\",\"description\":\"" + NOTE + "\"}]"));
    variables.put(CaseVariables.OBLIGATION.name(), Spin.JSON("{\"obligationId\":\"I1-2\",\"itemId\":\"I1\",\"kind\":\"payment\",\"offender\":\"O1\","
        + "\"creditor\":\"V1\",\"amount\":\"100.00\",\"instalments\":6,\"instalment\":2,\"dueDate\":\"2027-02-01\",\"description\":\"" + NOTE + "\"}"));
    variables.put(CaseVariables.CLOSURE_REASON.name(), "agreement_partly_fulfilled");
    variables.put(CaseVariables.AGREEMENT_FULFILMENT.name(), "partly_fulfilled");
    // A part that ended carries the mediator's words: never in a report.
    variables.put(CaseVariables.PARTS_ENDED.name(), Spin.JSON("[{\"personId\":\"V9\",\"role\":\"victim\",\"reason\":"
        + "\"not_signed\",\"note\":\"" + NOTE + "\"}]"));
    return variables;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"session", "agreement", "item_unfulfilled", "closure"})
  void noNoteWrittenInAnyFormReachesAReport(String occasion) throws IllegalAccessException {
    for (boolean consented : new boolean[] {true, false}) {
      Map<String, Object> variables = caseWithNotesEverywhere(consented);
      assertThat(variables.keySet()).containsAll(ALLOWED);

      Map<String, Object> report = ReferrerReport.build(occasion, Case.of(variables));

      assertThat(report.toString()).doesNotContain("CONFIDENTIAL");
      assertThat(report).containsEntry("caseNumber", "VOM-2026-00042").containsEntry("referrerReference", "StA 99/26")
          .containsEntry("mediationTookPlace", true).containsEntry("agreementReached", true);
    }
  }

  @Test
  void theAgreementGoesOnlyWithEveryonesConsent() throws IllegalAccessException {
    Map<String, Object> shared = ReferrerReport.build("agreement", Case.of(caseWithNotesEverywhere(true)));
    Map<String, Object> withheld = ReferrerReport.build("agreement", Case.of(caseWithNotesEverywhere(false)));

    assertThat(shared.get("agreement").toString())
        .isEqualTo("[Payment: 600.00 in 6 monthly instalments, owed by Carl Vogt (O1) to Ana Roth (V1), due 2027-01-01]");
    assertThat(withheld).containsEntry("agreementShared", false).doesNotContainKey("agreement");
    assertThat(withheld.toString()).doesNotContain("600.00");
  }

  @Test
  void unfulfilledItemIsNamedOnlyWithConsentAndTheClosureSaysWhy() throws IllegalAccessException {
    assertThat(ReferrerReport.build("item_unfulfilled", Case.of(caseWithNotesEverywhere(true))).get("itemText"))
        .isEqualTo("Payment, instalment 2 of 6: 100.00, owed by Carl Vogt (O1) to Ana Roth (V1), due 2027-02-01");
    assertThat(ReferrerReport.build("item_unfulfilled", Case.of(caseWithNotesEverywhere(false)))).containsEntry("itemUnfulfilled", true)
        .doesNotContainKey("item").doesNotContainKey("itemText");
    assertThat(ReferrerReport.build("closure", Case.of(caseWithNotesEverywhere(false))))
        .containsEntry("closure", "The agreement was partly fulfilled").containsEntry("agreementFulfilment", "partly_fulfilled");
  }

  @Test
  void caseThatNeverMetReportsWhyNotAndNothingElse() {
    Map<String, Object> variables = Map.of(CaseVariables.CASE_NUMBER.name(), "VOM-2026-00043", CaseVariables.CLOSURE_REASON.name(), "victim_declined",
        CaseVariables.CLOSURE_NOTE.name(), NOTE);
    Map<String, Object> report = ReferrerReport.build("closure", Case.of(variables));
    assertThat(report).containsEntry("mediationTookPlace", false).containsEntry("agreementReached", false)
        .containsEntry("closure", "The victim declined to take part").doesNotContainKey("agreement");
    assertThat(report.toString()).doesNotContain("CONFIDENTIAL");
    assertThatThrownBy(() -> ReferrerReport.build("gossip", Case.of(variables))).hasMessageContaining("Unknown report 'gossip'");
  }

  /**
   * O2 did not sign: the agreement stands for O1. O2's report says O2 did not sign and that no agreement was reached with
   * them, without the mediator's words; O1's report has O1's agreement.
   */
  @Test
  void anAccusedWhoDidNotSignIsReportedAsSuchAndTheOthersAgreementStands() throws IllegalAccessException {
    Map<String, Object> variables = caseWithNotesEverywhere(true);
    variables.put(CaseVariables.OFFENDERS.name(), Spin.JSON("[{\"personId\":\"O1\",\"role\":\"offender\",\"name\":\"Carl Vogt\"},"
        + "{\"personId\":\"O2\",\"role\":\"offender\",\"name\":\"Dana Berg\"}]"));
    variables.put(CaseVariables.CONSENTS.name(), Spin.JSON("{\"V1\":{\"role\":\"victim\",\"outcome\":\"agreed\"},"
        + "\"O1\":{\"role\":\"offender\",\"outcome\":\"agreed\"},\"O2\":{\"role\":\"offender\",\"outcome\":\"agreed\"}}"));
    variables.put(CaseVariables.SIGNATURE_OUTCOME.name(), "some_signed");
    variables.put(CaseVariables.PARTS_ENDED.name(), Spin.JSON("[{\"personId\":\"O2\",\"role\":\"offender\",\"reason\":"
        + "\"not_signed\",\"note\":\"" + NOTE + "\",\"itemsEnded\":[\"I2\"]}]"));
    Case theCase = Case.of(variables);

    Map<String, Object> carl = ReferrerReport.build("agreement", theCase, theCase.offenders().get(0));
    Map<String, Object> dana = ReferrerReport.build("agreement", theCase, theCase.offenders().get(1));
    assertThat(carl).containsEntry("agreementReached", true).containsEntry("accusedTookPart", true)
        .doesNotContainKey("accusedDidNotSign");
    assertThat(carl.get("agreement").toString()).contains("Payment");
    assertThat(dana).containsEntry("accusedTookPart", true).containsEntry("accusedDidNotSign", true)
        .containsEntry("agreementReached", false).containsEntry("agreementShared", false).doesNotContainKey("agreement");
    assertThat(dana.toString()).doesNotContain("CONFIDENTIAL", "Carl Vogt");
    assertThat(theCase.parties()).extracting(org.vomcase.kernel.Person::personId).containsExactly("V1", "O1");
  }

  /**
   * V1 withdrew after the agreement before anything was checked: what O1 owed V1 stopped. O1's closure report gives no
   * verdict on it (O1 did not fail it); the accused who withdrew is judged on everything they owed.
   */
  @Test
  void anAccusedWhoseItemsStoppedWithTheVictimGetsNoVerdictAndOneWhoWithdrewIsJudgedOnAll() throws IllegalAccessException {
    Map<String, Object> variables = caseWithNotesEverywhere(true);
    variables.put(CaseVariables.CLOSURE_REASON.name(), "agreement_fulfilled");
    variables.put(CaseVariables.AGREEMENT_FULFILMENT.name(), "fulfilled");
    variables.put(CaseVariables.OFFENDERS.name(), Spin.JSON("[{\"personId\":\"O1\",\"role\":\"offender\",\"name\":\"Carl Vogt\"},"
        + "{\"personId\":\"O2\",\"role\":\"offender\",\"name\":\"Dana Berg\"}]"));
    variables.put(CaseVariables.AGREEMENT_ITEMS.name(), Spin.JSON("[{\"itemId\":\"I1\",\"kind\":\"payment\",\"offender\":\"O1\","
        + "\"creditor\":\"V1\",\"amount\":\"100.00\",\"instalments\":1,\"dueDate\":\"2027-01-01\",\"status\":\"open\"},"
        + "{\"itemId\":\"I2\",\"kind\":\"payment\",\"offender\":\"O2\",\"creditor\":\"V1\",\"amount\":\"50.00\","
        + "\"instalments\":1,\"dueDate\":\"2027-01-01\",\"status\":\"open\"}]"));
    variables.put(CaseVariables.OBLIGATIONS.name(), Spin.JSON("[{\"obligationId\":\"I1\",\"itemId\":\"I1\",\"kind\":\"payment\","
        + "\"offender\":\"O1\",\"creditor\":\"V1\",\"amount\":\"100.00\",\"dueDate\":\"2027-01-01\"},"
        + "{\"obligationId\":\"I2\",\"itemId\":\"I2\",\"kind\":\"payment\",\"offender\":\"O2\",\"creditor\":\"V1\","
        + "\"amount\":\"50.00\",\"dueDate\":\"2027-01-01\"}]"));
    variables.put(CaseVariables.FULFILMENTS.name(), Spin.JSON("{}"));
    variables.put(CaseVariables.CONSENTS.name(), Spin.JSON("{\"V1\":{\"role\":\"victim\",\"outcome\":\"withdrawn\"},"
        + "\"O1\":{\"role\":\"offender\",\"outcome\":\"agreed\"},\"O2\":{\"role\":\"offender\",\"outcome\":\"withdrawn\"}}"));
    variables.put(CaseVariables.PARTS_ENDED.name(), Spin.JSON("[{\"personId\":\"V1\",\"role\":\"victim\",\"reason\":"
        + "\"withdrew_after_agreement\",\"itemsEnded\":[\"I1\"]},{\"personId\":\"O2\",\"role\":\"offender\",\"reason\":"
        + "\"withdrew_after_agreement\",\"itemsEnded\":[\"I2\"]}]"));
    Case theCase = Case.of(variables);

    Map<String, Object> carl = ReferrerReport.build("closure", theCase, theCase.offenders().get(0));
    Map<String, Object> dana = ReferrerReport.build("closure", theCase, theCase.offenders().get(1));
    assertThat(carl).doesNotContainKey("agreementFulfilment");
    assertThat(dana).containsEntry("agreementFulfilment", "not_fulfilled").containsEntry("accusedWithdrewAfterAgreement", true);
  }

  @Test
  void eachAccusedGetsAReportOfTheirOwnWithOnlyTheirPartOfTheAgreement() throws IllegalAccessException {
    Map<String, Object> variables = caseWithNotesEverywhere(true);
    variables.put(CaseVariables.OFFENDERS.name(), Spin.JSON("[{\"personId\":\"O1\",\"role\":\"offender\",\"name\":\"Carl Vogt\"},"
        + "{\"personId\":\"O2\",\"role\":\"offender\",\"name\":\"Dana Berg\"}]"));
    variables.put(CaseVariables.AGREEMENT_ITEMS.name(), Spin.JSON("[{\"itemId\":\"I1\",\"kind\":\"payment\",\"offender\":\"O1\","
        + "\"creditor\":\"V1\",\"amount\":\"600.00\",\"instalments\":1,\"dueDate\":\"2027-01-01\",\"status\":\"open\"},"
        + "{\"itemId\":\"I2\",\"kind\":\"community_service\",\"offender\":\"O2\",\"creditor\":\"V1\",\"hours\":\"10\","
        + "\"dueDate\":\"2027-02-01\",\"status\":\"open\"}]"));
    variables.put(CaseVariables.OBLIGATIONS.name(), Spin.JSON("[{\"obligationId\":\"I1\",\"itemId\":\"I1\",\"kind\":\"payment\","
        + "\"offender\":\"O1\",\"creditor\":\"V1\",\"amount\":\"600.00\",\"dueDate\":\"2027-01-01\"},"
        + "{\"obligationId\":\"I2\",\"itemId\":\"I2\",\"kind\":\"community_service\",\"offender\":\"O2\",\"creditor\":\"V1\","
        + "\"hours\":\"10\",\"dueDate\":\"2027-02-01\"}]"));
    variables.put(CaseVariables.FULFILMENTS.name(), Spin.JSON("{\"I1\":{\"status\":\"fulfilled\"},\"I2\":{\"status\":\"not_fulfilled\"}}"));
    variables.put(CaseVariables.CONSENTS.name(), Spin.JSON("{\"O1\":{\"role\":\"offender\",\"outcome\":\"agreed\"},"
        + "\"O2\":{\"role\":\"offender\",\"outcome\":\"declined\"}}"));
    Case theCase = Case.of(variables);

    for (String occasion : java.util.List.of("agreement", "closure")) {
      Map<String, Object> carl = ReferrerReport.build(occasion, theCase, theCase.offenders().get(0));
      Map<String, Object> dana = ReferrerReport.build(occasion, theCase, theCase.offenders().get(1));
      assertThat(carl).containsEntry("accusedName", "Carl Vogt").containsEntry("accusedTookPart", true);
      assertThat(dana).containsEntry("accusedName", "Dana Berg").containsEntry("accusedTookPart", false);
      assertThat(carl.get("agreement").toString()).contains("Payment").doesNotContain("Community");
      assertThat(carl.toString()).as("Carl's report").doesNotContain("Dana Berg", "O2", "CONFIDENTIAL");
      assertThat(dana.toString()).as("Dana's report").doesNotContain("Carl Vogt", "O1", "CONFIDENTIAL");
      if (occasion.equals("closure")) {
        assertThat(carl).containsEntry("agreementFulfilment", "fulfilled");
        assertThat(dana).containsEntry("agreementFulfilment", "not_fulfilled");
      }
    }
  }
}
