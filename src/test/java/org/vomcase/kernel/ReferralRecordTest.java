package org.vomcase.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstanceQuery;
import org.junit.jupiter.api.Test;

/**
 * The referral's facts are one record of the case ({@code referral}), each fact declared with its type: read from the
 * record, from a variable of its own name where a later step set one (or an earlier version kept the facts one by one),
 * and written as a variable of its own, the record staying as registered.
 */
class ReferralRecordTest {

  private static Map<String, Object> caseWithRecord() {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put(CaseVariables.OFFENCE_CATEGORY.name(), "assault");
    facts.put(CaseVariables.OFFENCE_DATE.name(), "2026-01-03");
    facts.put(CaseVariables.APPEAL_PENDING.name(), true);
    Map<String, Object> variables = new HashMap<>();
    variables.put(CaseVariables.REFERRAL.name(), CaseVariables.REFERRAL.value(facts));
    return variables;
  }

  @Test
  void aFactIsReadFromTheRecordTyped() {
    Map<String, Object> variables = caseWithRecord();

    assertThat(CaseVariables.OFFENCE_CATEGORY.in(variables)).isEqualTo("assault");
    assertThat(CaseVariables.OFFENCE_DATE.in(variables)).isEqualTo(LocalDate.of(2026, 1, 3));
    assertThat(CaseVariables.APPEAL_PENDING.from(variables::get)).isTrue();
    assertThat(CaseVariables.REFERRER_EMAIL.in(variables)).as("a fact the referral did not give").isNull();
    assertThat(CaseVariables.OFFENCE_CATEGORY.holder()).isEqualTo(CaseVariables.REFERRAL.name());
    assertThat(CaseVariables.CASE_NUMBER.holder()).isNull();
  }

  @Test
  void aLaterValueOfItsOwnCountsOverTheRecord() {
    Map<String, Object> variables = caseWithRecord();
    variables.put(CaseVariables.APPEAL_PENDING.name(), false);

    assertThat(CaseVariables.APPEAL_PENDING.in(variables)).isFalse();
    assertThat(CaseVariables.OFFENCE_CATEGORY.in(variables)).isEqualTo("assault");
  }

  @Test
  void aCaseOfAnEarlierVersionReadsItsFactsOneByOne() {
    Map<String, Object> earlier = Map.of(CaseVariables.OFFENCE_CATEGORY.name(), "theft",
        CaseVariables.OFFENCE_DATE.name(), "2025-11-30");

    assertThat(CaseVariables.OFFENCE_CATEGORY.in(earlier)).isEqualTo("theft");
    assertThat(CaseVariables.OFFENCE_DATE.in(earlier)).isEqualTo(LocalDate.of(2025, 11, 30));
    assertThat(CaseVariables.PROCEDURAL_STAGE.in(earlier)).isNull();
  }

  @Test
  void everyFactOfTheReferralIsKeptInTheRecordAndNothingElseIs() {
    assertThat(CaseVariables.REFERRAL_FACTS).allSatisfy(fact -> assertThat(fact.holder()).isEqualTo("referral"));
    assertThat(CaseVariables.REFERRAL_FACTS).extracting(CaseVariable::name).doesNotHaveDuplicates()
        .doesNotContain(CaseVariables.CASE_NUMBER.name(), CaseVariables.VICTIMS.name(), CaseVariables.PROGRAMME_PROFILE.name());
  }

  @Test
  void aClosedCasesRecordIsQueriedWithTheRecordOfItsFacts() {
    HistoryService history = mock(HistoryService.class, RETURNS_DEEP_STUBS);
    HistoricVariableInstanceQuery query = history.createHistoricVariableInstanceQuery().processInstanceId("case-1");

    CaseRecord.of("case-1", history, CaseVariables.VICTIMS, CaseVariables.REFERRER_REFERENCE, CaseVariables.OFFENCE_CATEGORY);

    verify(query).variableNameIn("victims", "referrerReference", "referral", "offenceCategory");
  }

  @Test
  void aCaseSeenThroughAMapReadsTheRecord() {
    Case theCase = Case.of(caseWithRecord());

    assertThat(theCase.get(CaseVariables.OFFENCE_CATEGORY)).isEqualTo("assault");
    assertThat(List.of(theCase.get(CaseVariables.APPEAL_PENDING))).containsExactly(true);
  }
}
