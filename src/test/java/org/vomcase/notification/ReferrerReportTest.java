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
import org.vomcase.kernel.CaseVariables;
import org.vomcase.process.contact.ContactPlan;

/**
 * The report to the referrer (R15, R16) is an allow-list: whatever a mediator or coordinator wrote
 * in any form (every case variable not on the list, and the free-text details of agreement items)
 * never reaches it, for every occasion; the agreement goes only with everyone's consent.
 */
class ReferrerReportTest {

  private static final String NOTE = "CONFIDENTIAL-NOTE";

  /** The variables the report may read; everything else a case holds is filled with a confidential note. */
  private static final Set<String> ALLOWED = Set.of(CaseVariables.CASE_NUMBER, CaseVariables.REFERRER_NAME,
      CaseVariables.REFERRER_EMAIL, CaseVariables.REFERRER_REFERENCE, CaseVariables.SESSION_HELD, CaseVariables.SESSION_OUTCOME,
      CaseVariables.SIGNATURE_OUTCOME, CaseVariables.SHARE_AGREEMENT_WITH_REFERRER, CaseVariables.AGREEMENT_ITEMS,
      CaseVariables.OBLIGATION, CaseVariables.VICTIMS, CaseVariables.OFFENDERS, CaseVariables.CLOSURE_REASON,
      CaseVariables.AGREEMENT_FULFILMENT);

  private static Map<String, Object> caseWithNotesEverywhere(boolean everyoneConsented) throws IllegalAccessException {
    Map<String, Object> variables = new HashMap<>();
    for (Field field : CaseVariables.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        variables.put((String) field.get(null), NOTE + "-" + field.getName());
      }
    }
    variables.put(ContactPlan.CONSENTS, NOTE);
    variables.put(CaseVariables.CASE_NUMBER, "VOM-2026-00042");
    variables.put(CaseVariables.REFERRER_NAME, "Staatsanwaltschaft Musterstadt");
    variables.put(CaseVariables.REFERRER_EMAIL, "toa@sta.example");
    variables.put(CaseVariables.REFERRER_REFERENCE, "StA 99/26");
    variables.put(CaseVariables.SESSION_HELD, "held");
    variables.put(CaseVariables.SESSION_OUTCOME, "agreement");
    variables.put(CaseVariables.SIGNATURE_OUTCOME, "all_signed");
    variables.put(CaseVariables.SHARE_AGREEMENT_WITH_REFERRER, everyoneConsented);
    variables.put(CaseVariables.VICTIMS, Spin.JSON("[{\"personId\":\"V1\",\"role\":\"victim\",\"name\":\"Ana Roth\",\"phone\":\"" + NOTE + "\"}]"));
    variables.put(CaseVariables.OFFENDERS, Spin.JSON("[{\"personId\":\"O1\",\"role\":\"offender\",\"name\":\"Carl Vogt\"}]"));
    variables.put(CaseVariables.AGREEMENT_ITEMS, Spin.JSON("[{\"itemId\":\"I1\",\"kind\":\"payment\",\"offender\":\"O1\",\"creditor\":\"V1\","
        + "\"amount\":\"600.00\",\"instalments\":6,\"dueDate\":\"2027-01-01\",\"status\":\"open\",\"description\":\"" + NOTE + "\"}]"));
    variables.put(CaseVariables.OBLIGATION, Spin.JSON("{\"obligationId\":\"I1-2\",\"itemId\":\"I1\",\"kind\":\"payment\",\"offender\":\"O1\","
        + "\"creditor\":\"V1\",\"amount\":\"100.00\",\"instalments\":6,\"instalment\":2,\"dueDate\":\"2027-02-01\",\"description\":\"" + NOTE + "\"}"));
    variables.put(CaseVariables.CLOSURE_REASON, "agreement_partly_fulfilled");
    variables.put(CaseVariables.AGREEMENT_FULFILMENT, "partly_fulfilled");
    return variables;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"session", "agreement", "item_unfulfilled", "closure"})
  void noNoteWrittenInAnyFormReachesAReport(String occasion) throws IllegalAccessException {
    for (boolean consented : new boolean[] {true, false}) {
      Map<String, Object> variables = caseWithNotesEverywhere(consented);
      assertThat(variables.keySet()).containsAll(ALLOWED);

      Map<String, Object> report = ReferrerReport.build(occasion, variables::get);

      assertThat(report.toString()).doesNotContain("CONFIDENTIAL");
      assertThat(report).containsEntry("caseNumber", "VOM-2026-00042").containsEntry("referrerReference", "StA 99/26")
          .containsEntry("mediationTookPlace", true).containsEntry("agreementReached", true);
    }
  }

  @Test
  void theAgreementGoesOnlyWithEveryonesConsent() throws IllegalAccessException {
    Map<String, Object> shared = ReferrerReport.build("agreement", caseWithNotesEverywhere(true)::get);
    Map<String, Object> withheld = ReferrerReport.build("agreement", caseWithNotesEverywhere(false)::get);

    assertThat(shared.get("agreement").toString())
        .isEqualTo("[Payment: 600.00 in 6 monthly instalments, owed by Carl Vogt (O1) to Ana Roth (V1), due 2027-01-01]");
    assertThat(withheld).containsEntry("agreementShared", false).doesNotContainKey("agreement");
    assertThat(withheld.toString()).doesNotContain("600.00");
  }

  @Test
  void unfulfilledItemIsNamedOnlyWithConsentAndTheClosureSaysWhy() throws IllegalAccessException {
    assertThat(ReferrerReport.build("item_unfulfilled", caseWithNotesEverywhere(true)::get).get("itemText"))
        .isEqualTo("Payment, instalment 2 of 6: 100.00, owed by Carl Vogt (O1) to Ana Roth (V1), due 2027-02-01");
    assertThat(ReferrerReport.build("item_unfulfilled", caseWithNotesEverywhere(false)::get)).containsEntry("itemUnfulfilled", true)
        .doesNotContainKey("item").doesNotContainKey("itemText");
    assertThat(ReferrerReport.build("closure", caseWithNotesEverywhere(false)::get))
        .containsEntry("closure", "The agreement was partly fulfilled").containsEntry("agreementFulfilment", "partly_fulfilled");
  }

  @Test
  void caseThatNeverMetReportsWhyNotAndNothingElse() {
    Map<String, Object> variables = Map.of(CaseVariables.CASE_NUMBER, "VOM-2026-00043", CaseVariables.CLOSURE_REASON, "victim_declined",
        CaseVariables.CLOSURE_NOTE, NOTE);
    Map<String, Object> report = ReferrerReport.build("closure", variables::get);
    assertThat(report).containsEntry("mediationTookPlace", false).containsEntry("agreementReached", false)
        .containsEntry("closure", "The victim declined to take part").doesNotContainKey("agreement");
    assertThat(report.toString()).doesNotContain("CONFIDENTIAL");
    assertThatThrownBy(() -> ReferrerReport.build("gossip", variables::get)).hasMessageContaining("Unknown report 'gossip'");
  }
}
