package org.vomcase.process.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vomcase.kernel.Vocabulary;
import org.vomcase.support.DecisionTableUnderTest;

/**
 * The eligibility decision table ({@code processes/eligibility.dmn}, R3, R26), evaluated with the
 * standalone DMN engine: every rule, the FIRST hit-policy order, and its agreement with {@link
 * Vocabulary}.
 */
class EligibilityDecisionTest {

  private static final String RESOURCE = "/processes/eligibility.dmn";
  private static final String DECISION_KEY = "eligibility";

  private static final DecisionTableUnderTest TABLE = DecisionTableUnderTest.load(RESOURCE, DECISION_KEY);

  /** A referral's inputs to the decision table. */
  record Referral(
      String programmeProfile,
      String offenceCategory,
      String responsibilityAdmission,
      boolean victimIsNaturalPerson,
      Boolean victimIsLegalPerson,
      boolean appealPending,
      boolean victimRefused) {

    /** The ordinary case: assault, essential confession, natural-person victim, no appeal, no refusal. */
    static Referral typical(String programmeProfile) {
      return new Referral(programmeProfile, "assault", "essential_confession", true, false, false, false);
    }

    /** Shop-lifting: the victim is the shop, represented by its manager; the offender fully admits. */
    static Referral shopLifting(String programmeProfile) {
      return new Referral(programmeProfile, "theft", "full", false, true, false, false);
    }

    Referral withoutLegalPersonInput() {
      return new Referral(programmeProfile, offenceCategory, responsibilityAdmission, victimIsNaturalPerson, null,
          appealPending, victimRefused);
    }

    Referral withAppealPending() {
      return new Referral(programmeProfile, offenceCategory, responsibilityAdmission, victimIsNaturalPerson,
          victimIsLegalPerson, true, victimRefused);
    }
  }

  /** What the decision returned and which rule produced it. */
  record Result(String outcome, String reason, String ruleId) {}

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          # rule                        | profile         | offence           | admission            | natural | legal | appeal | refused | outcome      | reason
          Rule_VictimRefused            | de_toa          | assault           | full                 | true    | false | false  | true    | not_eligible | The victim has expressly refused mediation; a case never proceeds against the victim's will.
          Rule_LegalPersonVictimNotTaken | de_toa         | theft             | full                 | false   | true  | false  | false   | not_eligible | The victim is a legal person (a shop, a company, a school); the programme takes only natural-person victims.
          Rule_NoNaturalPersonVictim    | de_toa          | theft             | full                 | false   | false | false  | false   | not_eligible | There is no identifiable victim: no natural person, and no legal person with a named representative.
          Rule_NoNaturalPersonVictim    | dk_konfliktraad | theft             | full                 | false   | false | false  | false   | not_eligible | There is no identifiable victim: no natural person, and no legal person with a named representative.
          Rule_NoNaturalPersonVictim    | us_vom          | theft             | full                 | false   | false | false  | false   | not_eligible | There is no identifiable victim: no natural person, and no legal person with a named representative.
          Rule_DomesticViolence         | de_toa          | domestic_violence | full                 | true    | false | false  | false   | needs_review | Domestic or intimate-partner violence: specialised screening by a coordinator instead of the ordinary route.
          Rule_SexualOffence            | us_vom          | sexual_offence    | full                 | true    | false | false  | false   | needs_review | Sexual offence: specialised screening by a coordinator.
          Rule_KonfliktraadNoConfession | dk_konfliktraad | assault           | none                 | true    | false | false  | false   | not_eligible | Konfliktråd requires that the offender has essentially confessed.
          Rule_KonfliktraadNoConfession | dk_konfliktraad | assault           | does_not_deny        | true    | false | false  | false   | not_eligible | Konfliktråd requires that the offender has essentially confessed.
          Rule_ToaDenial                | de_toa          | assault           | none                 | true    | false | false  | false   | needs_review | The accused denies involvement; a coordinator checks whether the facts are clear enough for a TOA.
          Rule_UsVomDenial              | us_vom          | assault           | none                 | true    | false | false  | false   | not_eligible | The offender denies responsibility; the programme requires that the offender admits or does not deny it.
          Rule_UsVomAppealPending       | us_vom          | assault           | does_not_deny        | true    | false | true   | false   | wait         | An appeal is pending; the programme takes the case once the appeal is decided (case event: appeal decided).
          Rule_OffenceNotInCatalogue    | dk_konfliktraad | other             | essential_confession | true    | false | false  | false   | needs_review | The offence category is not in the programme's catalogue; a coordinator decides.
          Rule_Eligible                 | us_vom          | burglary          | does_not_deny        | true    | false | false  | false   | eligible     | The referral meets the programme's criteria.
          """)
  void eachRuleDecidesItsCase(
      String ruleId,
      String profile,
      String offence,
      String admission,
      boolean naturalPerson,
      boolean legalPerson,
      boolean appealPending,
      boolean victimRefused,
      String outcome,
      String reason) {
    Result result = evaluate(new Referral(profile, offence, admission, naturalPerson, legalPerson, appealPending, victimRefused));

    assertThat(result).isEqualTo(new Result(outcome, reason, ruleId));
  }

  @ParameterizedTest
  @ValueSource(strings = {"de_toa", "dk_konfliktraad", "us_vom"})
  void victimRefusalWinsOverEverything(String profile) {
    // Every other rule would also match: no natural person, DV, denial, appeal.
    Result result = evaluate(new Referral(profile, "domestic_violence", "none", false, false, true, true));

    assertThat(result.ruleId()).isEqualTo("Rule_VictimRefused");
    assertThat(result.outcome()).isEqualTo("not_eligible");
  }

  @Test
  void domesticViolenceIsScreenedEvenWhenKonfliktraadWouldRejectTheDenial() {
    Result result = evaluate(new Referral("dk_konfliktraad", "domestic_violence", "none", true, false, false, false));

    assertThat(result.ruleId()).isEqualTo("Rule_DomesticViolence");
    assertThat(result.outcome()).isEqualTo("needs_review");
  }

  @Test
  void usVomDenialIsReportedBeforeAPendingAppeal() {
    Result result = evaluate(new Referral("us_vom", "assault", "none", true, false, true, false));

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
  void onlyUsVomWaitsForAPendingAppeal(String profile) {
    assertThat(evaluate(Referral.typical(profile).withAppealPending()).outcome()).isEqualTo("eligible");
    assertThat(evaluate(Referral.typical("us_vom").withAppealPending()))
        .isEqualTo(new Result("wait", "An appeal is pending; the programme takes the case once the appeal is decided (case event:"
            + " appeal decided).", "Rule_UsVomAppealPending"));
  }

  @Test
  void anAdministratorCanSayViolentOffencesOnlyAfterConviction() throws java.io.IOException {
    // The rule an administrator adds in the Modeler: assault and robbery wait for the conviction in the US profile.
    String xml = java.nio.file.Files.readString(java.nio.file.Path.of("processes/eligibility.dmn"));
    String rule = """
          <rule id="Rule_UsVomViolentAfterConviction">
            <inputEntry id="A1"><text>"us_vom"</text></inputEntry>
            <inputEntry id="A2"><text>"assault","robbery"</text></inputEntry>
            <inputEntry id="A3"><text>-</text></inputEntry>
            <inputEntry id="A4"><text>-</text></inputEntry>
            <inputEntry id="A5"><text>-</text></inputEntry>
            <inputEntry id="A6"><text>-</text></inputEntry>
            <inputEntry id="A7"><text>"diversion","after_charge","at_trial"</text></inputEntry>
            <inputEntry id="A8"><text>-</text></inputEntry>
            <outputEntry id="A9"><text>"wait"</text></outputEntry>
            <outputEntry id="A10"><text>"Violent offences are taken after the conviction (case event: convicted)."</text></outputEntry>
          </rule>
          <rule id="Rule_OffenceNotInCatalogue">""";
    DecisionTableUnderTest changed = DecisionTableUnderTest.ofXml(xml.replace("<rule id=\"Rule_OffenceNotInCatalogue\">", rule),
        DECISION_KEY);

    assertThat(evaluate(changed, Referral.typical("us_vom"), "at_trial").outcome()).isEqualTo("wait");
    assertThat(evaluate(changed, Referral.typical("us_vom"), "post_sentence").outcome()).isEqualTo("eligible");
    assertThat(evaluate(changed, Referral.typical("de_toa"), "at_trial").outcome()).isEqualTo("eligible");
    // Referred at trial, convicted since (the case event "convicted"): the stage reached wins over the referral's.
    assertThat(evaluate(changed, Referral.typical("us_vom"), "at_trial", "post_sentence").outcome()).isEqualTo("eligible");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dk_konfliktraad", "us_vom"})
  void aShopWithARepresentativeIsEligibleInDenmarkAndTheUs(String profile) {
    Result result = evaluate(Referral.shopLifting(profile));

    assertThat(result).isEqualTo(new Result("eligible", "The referral meets the programme's criteria.", "Rule_Eligible"));
  }

  @Test
  void aShopWithARepresentativeIsNotEligibleInGermanyUnlessTheTableIsChanged() {
    Result result = evaluate(Referral.shopLifting("de_toa"));

    assertThat(result.ruleId()).isEqualTo("Rule_LegalPersonVictimNotTaken");
    assertThat(result.outcome()).isEqualTo("not_eligible");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dk_konfliktraad", "us_vom"})
  void aShopVictimStillMeetsTheProgrammesOtherRules(String profile) {
    Referral denied = new Referral(profile, "theft", "none", false, true, false, false);

    assertThat(evaluate(denied).outcome()).isEqualTo("not_eligible");
  }

  @ParameterizedTest
  @ValueSource(strings = {"de_toa", "dk_konfliktraad", "us_vom"})
  void aCaseRegisteredBeforeTheLegalPersonInputIsDecidedAsBefore(String profile) {
    // Cases registered by an earlier version have no victimIsLegalPerson; without a natural-person victim they stay not eligible.
    Referral withoutTheInput = new Referral(profile, "theft", "full", false, null, false, false);

    assertThat(evaluate(withoutTheInput).ruleId()).isEqualTo("Rule_NoNaturalPersonVictim");
    assertThat(evaluate(Referral.typical(profile).withoutLegalPersonInput()).outcome()).isEqualTo("eligible");
  }

  @Test
  void everyCombinationOfTheVocabularyGetsAKnownOutcomeAndAReason() {
    boolean[] flags = {false, true};
    int evaluated = 0;
    for (String profile : Vocabulary.PROGRAMME_PROFILES.keySet()) {
      for (String offence : Vocabulary.OFFENCE_CATEGORIES.keySet()) {
        for (String admission : Vocabulary.RESPONSIBILITY_ADMISSIONS.keySet()) {
          for (boolean naturalPerson : flags) {
            for (boolean legalPerson : flags) {
              for (boolean appealPending : flags) {
                for (boolean victimRefused : flags) {
                  Referral referral =
                      new Referral(profile, offence, admission, naturalPerson, legalPerson, appealPending, victimRefused);
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
    }
    assertThat(evaluated).isEqualTo(3 * 13 * 4 * 16);
  }

  @Test
  void inputAndOutputValuesMatchTheVocabulary() {
    assertThat(TABLE.inputValues("Input_ProgrammeProfile"))
        .containsExactlyElementsOf(Vocabulary.PROGRAMME_PROFILES.keySet());
    assertThat(TABLE.inputValues("Input_OffenceCategory"))
        .containsExactlyElementsOf(Vocabulary.OFFENCE_CATEGORIES.keySet());
    assertThat(TABLE.inputValues("Input_ResponsibilityAdmission"))
        .containsExactlyElementsOf(Vocabulary.RESPONSIBILITY_ADMISSIONS.keySet());
    assertThat(TABLE.inputValues("Input_ProceduralStage"))
        .containsExactlyElementsOf(Vocabulary.PROCEDURAL_STAGES.keySet());
    assertThat(TABLE.outputValues("Output_Outcome"))
        .containsExactlyInAnyOrderElementsOf(Vocabulary.ELIGIBILITY_OUTCOMES);
  }

  @Test
  void decisionHasHistoryTimeToLiveAndVersionTag() {
    Decision element = TABLE.model().getModelElementById(DECISION_KEY);

    assertThat(element.getCamundaHistoryTimeToLiveString()).isEqualTo("P365D");
    assertThat(element.getVersionTag()).isEqualTo("1.3.0");
  }

  private static Result evaluate(Referral referral) {
    return evaluate(TABLE, referral, "diversion");
  }

  private static Result evaluate(DecisionTableUnderTest table, Referral referral, String proceduralStage) {
    return evaluate(table, referral, proceduralStage, null);
  }

  private static Result evaluate(DecisionTableUnderTest table, Referral referral, String proceduralStage, String stageNow) {
    Map<String, Object> variables =
        Variables.createVariables()
            .putValue("programmeProfile", referral.programmeProfile())
            .putValue("offenceCategory", referral.offenceCategory())
            .putValue("responsibilityAdmission", referral.responsibilityAdmission())
            .putValue("victimIsNaturalPerson", referral.victimIsNaturalPerson())
            .putValue("appealPending", referral.appealPending())
            .putValue("victimRefused", referral.victimRefused())
            .putValue("proceduralStageNow", stageNow != null ? stageNow : proceduralStage);
    if (referral.victimIsLegalPerson() != null) {
      variables.put("victimIsLegalPerson", referral.victimIsLegalPerson());
    }
    DecisionTableUnderTest.Evaluation evaluation = table.evaluate(variables);
    return new Result(evaluation.entry("outcome"), evaluation.entry("reason"), evaluation.ruleId());
  }

}
