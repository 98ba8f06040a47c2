package org.vomcase.process.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vomcase.process.Vocabulary;

/**
 * The eligibility decision table ({@code processes/eligibility.dmn}, R3, R26), evaluated with the
 * standalone DMN engine: every rule, the FIRST hit-policy order, and its agreement with {@link
 * Vocabulary}.
 */
class EligibilityDecisionTest {

  private static final String RESOURCE = "/processes/eligibility.dmn";
  private static final String DECISION_KEY = "eligibility";

  private static DmnEngine engine;
  private static DmnDecision decision;
  private static DmnModelInstance model;

  /** The rules the last evaluation matched (the engine evaluates synchronously on this thread). */
  private static List<String> matchedRuleIds = List.of();

  /** A referral's inputs to the decision table. */
  record Referral(
      String programmeProfile,
      String offenceCategory,
      String responsibilityAdmission,
      boolean victimIsNaturalPerson,
      boolean appealPending,
      boolean victimRefused) {

    /** The ordinary case: assault, essential confession, natural-person victim, no appeal, no refusal. */
    static Referral typical(String programmeProfile) {
      return new Referral(programmeProfile, "assault", "essential_confession", true, false, false);
    }

    Referral withAppealPending() {
      return new Referral(
          programmeProfile, offenceCategory, responsibilityAdmission, victimIsNaturalPerson, true, victimRefused);
    }
  }

  /** What the decision returned and which rule produced it. */
  record Result(String outcome, String reason, String ruleId) {}

  @BeforeAll
  static void parseDecision() throws Exception {
    DmnDecisionEvaluationListener recordMatchedRules =
        event -> {
          DmnDecisionTableEvaluationEvent table = (DmnDecisionTableEvaluationEvent) event.getDecisionResult();
          matchedRuleIds = table.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
        };
    engine =
        DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
            .customPostDecisionEvaluationListeners(List.of(recordMatchedRules))
            .buildEngine();
    try (InputStream dmn = resource()) {
      decision = engine.parseDecision(DECISION_KEY, dmn);
    }
    try (InputStream dmn = resource()) {
      model = Dmn.readModelFromStream(dmn);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          # rule                        | profile         | offence           | admission            | natural | appeal | refused | outcome      | reason
          Rule_VictimRefused            | de_toa          | assault           | full                 | true    | false  | true    | not_eligible | The victim has expressly refused mediation; a case never proceeds against the victim's will.
          Rule_NoNaturalPersonVictim    | de_toa          | theft             | full                 | false   | false  | false   | not_eligible | There is no identifiable natural-person victim.
          Rule_DomesticViolence         | de_toa          | domestic_violence | full                 | true    | false  | false   | needs_review | Domestic or intimate-partner violence: specialised screening by a coordinator instead of the ordinary route.
          Rule_SexualOffence            | us_vom          | sexual_offence    | full                 | true    | false  | false   | needs_review | Sexual offence: specialised screening by a coordinator.
          Rule_KonfliktraadNoConfession | dk_konfliktraad | assault           | none                 | true    | false  | false   | not_eligible | Konfliktråd requires that the offender has essentially confessed.
          Rule_KonfliktraadNoConfession | dk_konfliktraad | assault           | does_not_deny        | true    | false  | false   | not_eligible | Konfliktråd requires that the offender has essentially confessed.
          Rule_ToaDenial                | de_toa          | assault           | none                 | true    | false  | false   | needs_review | The accused denies involvement; a coordinator checks whether the facts are clear enough for a TOA.
          Rule_UsVomDenial              | us_vom          | assault           | none                 | true    | false  | false   | not_eligible | The offender denies responsibility; the programme requires that the offender admits or does not deny it.
          Rule_UsVomAppealPending       | us_vom          | assault           | does_not_deny        | true    | true   | false   | not_eligible | An appeal is pending; the programme takes the case once the appeal is decided.
          Rule_OffenceNotInCatalogue    | dk_konfliktraad | other             | essential_confession | true    | false  | false   | needs_review | The offence category is not in the programme's catalogue; a coordinator decides.
          Rule_Eligible                 | us_vom          | burglary          | does_not_deny        | true    | false  | false   | eligible     | The referral meets the programme's criteria.
          """)
  void eachRuleDecidesItsCase(
      String ruleId,
      String profile,
      String offence,
      String admission,
      boolean naturalPerson,
      boolean appealPending,
      boolean victimRefused,
      String outcome,
      String reason) {
    Result result = evaluate(new Referral(profile, offence, admission, naturalPerson, appealPending, victimRefused));

    assertThat(result).isEqualTo(new Result(outcome, reason, ruleId));
  }

  @ParameterizedTest
  @ValueSource(strings = {"de_toa", "dk_konfliktraad", "us_vom"})
  void victimRefusalWinsOverEverything(String profile) {
    // Every other rule would also match: no natural person, DV, denial, appeal.
    Result result = evaluate(new Referral(profile, "domestic_violence", "none", false, true, true));

    assertThat(result.ruleId()).isEqualTo("Rule_VictimRefused");
    assertThat(result.outcome()).isEqualTo("not_eligible");
  }

  @Test
  void domesticViolenceIsScreenedEvenWhenKonfliktraadWouldRejectTheDenial() {
    Result result = evaluate(new Referral("dk_konfliktraad", "domestic_violence", "none", true, false, false));

    assertThat(result.ruleId()).isEqualTo("Rule_DomesticViolence");
    assertThat(result.outcome()).isEqualTo("needs_review");
  }

  @Test
  void usVomDenialIsReportedBeforeAPendingAppeal() {
    Result result = evaluate(new Referral("us_vom", "assault", "none", true, true, false));

    assertThat(result.ruleId()).isEqualTo("Rule_UsVomDenial");
    assertThat(result.reason()).contains("denies responsibility");
  }

  @Test
  void everyProgrammeProfileAcceptsATypicalCase() {
    for (String profile : Vocabulary.PROGRAMME_PROFILES.keySet()) {
      assertThat(evaluate(Referral.typical(profile)).outcome()).as(profile).isEqualTo("eligible");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"de_toa", "dk_konfliktraad"})
  void onlyUsVomExcludesAPendingAppeal(String profile) {
    assertThat(evaluate(Referral.typical(profile).withAppealPending()).outcome()).isEqualTo("eligible");
  }

  @Test
  void everyCombinationOfTheVocabularyGetsAKnownOutcomeAndAReason() {
    boolean[] flags = {false, true};
    int evaluated = 0;
    for (String profile : Vocabulary.PROGRAMME_PROFILES.keySet()) {
      for (String offence : Vocabulary.OFFENCE_CATEGORIES.keySet()) {
        for (String admission : Vocabulary.RESPONSIBILITY_ADMISSIONS.keySet()) {
          for (boolean naturalPerson : flags) {
            for (boolean appealPending : flags) {
              for (boolean victimRefused : flags) {
                Referral referral =
                    new Referral(profile, offence, admission, naturalPerson, appealPending, victimRefused);
                Result result = evaluate(referral);
                assertThat(result.outcome()).as(referral.toString()).isIn(Vocabulary.ELIGIBILITY_OUTCOMES);
                assertThat(result.reason()).as(referral.toString()).isNotBlank();
                evaluated++;
              }
            }
          }
        }
      }
    }
    assertThat(evaluated).isEqualTo(3 * 13 * 4 * 8);
  }

  @Test
  void inputAndOutputValuesMatchTheVocabulary() {
    assertThat(allowedValues("Input_ProgrammeProfile"))
        .containsExactlyElementsOf(Vocabulary.PROGRAMME_PROFILES.keySet());
    assertThat(allowedValues("Input_OffenceCategory"))
        .containsExactlyElementsOf(Vocabulary.OFFENCE_CATEGORIES.keySet());
    assertThat(allowedValues("Input_ResponsibilityAdmission"))
        .containsExactlyElementsOf(Vocabulary.RESPONSIBILITY_ADMISSIONS.keySet());
    Output outcome = model.getModelElementById("Output_Outcome");
    assertThat(quotedStrings(outcome.getOutputValues().getText().getTextContent()))
        .containsExactlyInAnyOrderElementsOf(Vocabulary.ELIGIBILITY_OUTCOMES);
  }

  @Test
  void decisionHasHistoryTimeToLiveAndVersionTag() {
    Decision element = model.getModelElementById(DECISION_KEY);

    assertThat(element.getCamundaHistoryTimeToLiveString()).isEqualTo("P365D");
    assertThat(element.getVersionTag()).isEqualTo("1.0.0");
  }

  private static Result evaluate(Referral referral) {
    matchedRuleIds = List.of();
    Map<String, Object> variables =
        Variables.createVariables()
            .putValue("programmeProfile", referral.programmeProfile())
            .putValue("offenceCategory", referral.offenceCategory())
            .putValue("responsibilityAdmission", referral.responsibilityAdmission())
            .putValue("victimIsNaturalPerson", referral.victimIsNaturalPerson())
            .putValue("appealPending", referral.appealPending())
            .putValue("victimRefused", referral.victimRefused());
    DmnDecisionResultEntries result = engine.evaluateDecision(decision, variables).getSingleResult();
    assertThat(matchedRuleIds).as("matched rule (FIRST reports only the first match)").hasSize(1);
    return new Result(result.getEntry("outcome"), result.getEntry("reason"), matchedRuleIds.get(0));
  }

  /** The values of an input's {@code <inputValues>}, in order ({@code "a","b"} → [a, b]). */
  private static List<String> allowedValues(String inputId) {
    Input input = model.getModelElementById(inputId);
    return quotedStrings(input.getInputValues().getText().getTextContent());
  }

  private static List<String> quotedStrings(String unaryTests) {
    List<String> values = new ArrayList<>();
    Matcher matcher = Pattern.compile("\"([^\"]*)\"").matcher(unaryTests);
    while (matcher.find()) {
      values.add(matcher.group(1));
    }
    return values;
  }

  private static InputStream resource() {
    InputStream stream = EligibilityDecisionTest.class.getResourceAsStream(RESOURCE);
    assertThat(stream).as(RESOURCE + " on the classpath").isNotNull();
    return stream;
  }
}
