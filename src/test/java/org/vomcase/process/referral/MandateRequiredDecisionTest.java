package org.vomcase.process.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vomcase.kernel.Vocabulary;
import org.vomcase.support.DecisionTableUnderTest;

/**
 * The decision table {@code processes/mandate-required.dmn} (R2, R26): whether a referral waits for the mandate of the
 * prosecutor or court, per programme profile. The Danish police-run konfliktråd has no mandate; the German TOA and the US
 * programme wait for it on a self-referral; a referral from a referring body never waits.
 */
class MandateRequiredDecisionTest {

  private static final String DECISION_KEY = "mandate-required";
  private static final DecisionTableUnderTest TABLE = DecisionTableUnderTest.load("/processes/mandate-required.dmn", DECISION_KEY);

  record Result(boolean mandateRequired, String ruleId) {}

  @ParameterizedTest(name = "{0} {1}: mandate required {2} ({3})")
  @CsvSource({
    "de_toa,          self_referral, true,  Rule_ToaSelfReferral",
    "dk_konfliktraad, self_referral, false, Rule_KonfliktraadSelfReferral",
    "us_vom,          self_referral, true,  Rule_UsVomSelfReferral",
    "de_toa,          police,        false, Rule_ReferredByABody",
    "dk_konfliktraad, police,        false, Rule_ReferredByABody",
    "us_vom,          probation,     false, Rule_ReferredByABody",
    "us_vom,          court,         false, Rule_ReferredByABody"
  })
  void eachProfileDecidesWhetherASelfReferralWaitsForAMandate(String profile, String source, boolean required, String ruleId) {
    assertThat(evaluate(profile, source)).isEqualTo(new Result(required, ruleId));
  }

  @Test
  void aProfileWithoutItsOwnRuleWaitsForTheMandate() {
    assertThat(evaluate("nl_slachtoffer", "self_referral")).isEqualTo(new Result(true, "Rule_OtherSelfReferral"));
  }

  @Test
  void everyProfileAndSourceGetsAnAnswerAndAReason() {
    for (String profile : Vocabulary.PROGRAMME_PROFILES.keySet()) {
      for (String source : Vocabulary.REFERRAL_SOURCES.keySet()) {
        DecisionTableUnderTest.Evaluation evaluation = TABLE.evaluate(variables(profile, source));
        assertThat(evaluation.outputs().<Boolean>getEntry("mandateRequired")).as(profile + " " + source)
            .isEqualTo(source.equals(Vocabulary.SELF_REFERRAL) && !profile.equals("dk_konfliktraad"));
        assertThat(evaluation.entry("mandateReason")).as(profile + " " + source).isNotBlank();
      }
    }
  }

  @Test
  void inputValuesMatchTheVocabulary() {
    assertThat(TABLE.inputValues("Input_ProgrammeProfile")).containsExactlyElementsOf(Vocabulary.PROGRAMME_PROFILES.keySet());
    assertThat(TABLE.inputValues("Input_ReferralSource")).containsExactlyElementsOf(Vocabulary.REFERRAL_SOURCES.keySet());
  }

  @Test
  void decisionHasHistoryTimeToLiveAndVersionTag() {
    Decision element = TABLE.model().getModelElementById(DECISION_KEY);

    assertThat(element.getCamundaHistoryTimeToLiveString()).isEqualTo("P365D");
    assertThat(element.getVersionTag()).isEqualTo("1.0.0");
  }

  private static Result evaluate(String profile, String source) {
    DecisionTableUnderTest.Evaluation evaluation = TABLE.evaluate(variables(profile, source));
    return new Result(evaluation.outputs().<Boolean>getEntry("mandateRequired"), evaluation.ruleId());
  }

  private static Map<String, Object> variables(String profile, String source) {
    return Variables.createVariables().putValue("programmeProfile", profile).putValue("referralSource", source);
  }
}
