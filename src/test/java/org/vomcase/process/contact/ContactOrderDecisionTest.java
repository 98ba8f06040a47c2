package org.vomcase.process.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
 * The contact-order decision table ({@code processes/contact-order.dmn}, R5), evaluated with the
 * standalone DMN engine: every rule, the FIRST hit-policy order, and its agreement with {@link
 * Vocabulary}.
 */
class ContactOrderDecisionTest {

  private static final String RESOURCE = "/processes/contact-order.dmn";
  private static final String DECISION_KEY = "contact-order";

  /** The values of the {@code firstContact} output. */
  private static final List<String> FIRST_CONTACTS = List.of("offender", "victim");

  /** The values of the {@code introductionChannel} output. */
  private static final List<String> INTRODUCTION_CHANNELS = List.of("letter_or_email", "letter_only");

  private static final DecisionTableUnderTest TABLE = DecisionTableUnderTest.load(RESOURCE, DECISION_KEY);

  /** A case's inputs to the decision table. */
  record Case(String programmeProfile, String offenceCategory, boolean victimIsMinor) {}

  /** What the decision returned and which rule produced it. */
  record Result(String firstContact, String introductionChannel, boolean writtenOnly, String reason, String ruleId) {}

  @ParameterizedTest(name = "{0}: {1} {2} minor={3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          # rule                       | profile         | offence           | minor | first    | channel         | written | reason
          Rule_SexualDomesticStalking  | de_toa          | sexual_offence    | false | victim   | letter_only     | true    | Sexual, domestic or stalking offence: the victim is approached first and in writing only, so the victim decides whether contact with the offender's side happens at all.
          Rule_SexualDomesticStalking  | us_vom          | domestic_violence | false | victim   | letter_only     | true    | Sexual, domestic or stalking offence: the victim is approached first and in writing only, so the victim decides whether contact with the offender's side happens at all.
          Rule_SexualDomesticStalking  | dk_konfliktraad | stalking          | false | victim   | letter_only     | true    | Sexual, domestic or stalking offence: the victim is approached first and in writing only, so the victim decides whether contact with the offender's side happens at all.
          Rule_ViolentOffence          | de_toa          | assault           | false | offender | letter_only     | false   | Violent offence: the offender's willingness is checked first, and the first approach to anyone is a letter, never a phone call.
          Rule_ViolentOffence          | us_vom          | robbery           | true  | offender | letter_only     | false   | Violent offence: the offender's willingness is checked first, and the first approach to anyone is a letter, never a phone call.
          Rule_ViolentOffence          | dk_konfliktraad | threat            | false | offender | letter_only     | false   | Violent offence: the offender's willingness is checked first, and the first approach to anyone is a letter, never a phone call.
          Rule_KonfliktraadMinorVictim | dk_konfliktraad | theft             | true  | victim   | letter_or_email | false   | Konfliktråd with a victim under 18: the victim's parents are approached first.
          Rule_KonfliktraadMinorVictim | dk_konfliktraad | other             | true  | victim   | letter_or_email | false   | Konfliktråd with a victim under 18: the victim's parents are approached first.
          Rule_OffenderFirst           | dk_konfliktraad | theft             | false | offender | letter_or_email | false   | Offender first: his willingness is the precondition, so the victim is never asked for a meeting that then collapses.
          Rule_OffenderFirst           | de_toa          | burglary          | true  | offender | letter_or_email | false   | Offender first: his willingness is the precondition, so the victim is never asked for a meeting that then collapses.
          Rule_OffenderFirst           | us_vom          | traffic_injury    | false | offender | letter_or_email | false   | Offender first: his willingness is the precondition, so the victim is never asked for a meeting that then collapses.
          """)
  void eachRuleDecidesItsCase(
      String ruleId,
      String profile,
      String offence,
      boolean victimIsMinor,
      String firstContact,
      String channel,
      boolean writtenOnly,
      String reason) {
    Result result = evaluate(new Case(profile, offence, victimIsMinor));

    assertThat(result).isEqualTo(new Result(firstContact, channel, writtenOnly, reason, ruleId));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sexual_offence", "domestic_violence", "stalking"})
  void sexualDomesticOrStalkingWinsOverTheKonfliktraadMinorRule(String offence) {
    // Rule_KonfliktraadMinorVictim would also match; it would allow a first contact by email.
    Result result = evaluate(new Case("dk_konfliktraad", offence, true));

    assertThat(result.ruleId()).isEqualTo("Rule_SexualDomesticStalking");
    assertThat(result.introductionChannel()).isEqualTo("letter_only");
    assertThat(result.writtenOnly()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"assault", "robbery", "threat"})
  void violentOffenceWinsOverTheKonfliktraadMinorRule(String offence) {
    Result result = evaluate(new Case("dk_konfliktraad", offence, true));

    assertThat(result.ruleId()).isEqualTo("Rule_ViolentOffence");
    assertThat(result.firstContact()).isEqualTo("offender");
    assertThat(result.introductionChannel()).isEqualTo("letter_only");
    assertThat(result.writtenOnly()).as("a violent offence's victim may be called after the letter").isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"de_toa", "us_vom"})
  void onlyKonfliktraadContactsAMinorVictimsParentsFirst(String profile) {
    Result result = evaluate(new Case(profile, "theft", true));

    assertThat(result.ruleId()).isEqualTo("Rule_OffenderFirst");
    assertThat(result.firstContact()).isEqualTo("offender");
  }

  @Test
  void everyCombinationOfTheVocabularyGetsAKnownOrderChannelAndReason() {
    boolean[] flags = {false, true};
    int evaluated = 0;
    for (String profile : Vocabulary.PROGRAMME_PROFILES.keySet()) {
      for (String offence : Vocabulary.OFFENCE_CATEGORIES.keySet()) {
        for (boolean victimIsMinor : flags) {
          Case contactCase = new Case(profile, offence, victimIsMinor);
          Result result = evaluate(contactCase);
          assertThat(result.firstContact()).as(contactCase.toString()).isIn(FIRST_CONTACTS);
          assertThat(result.introductionChannel()).as(contactCase.toString()).isIn(INTRODUCTION_CHANNELS);
          assertThat(result.reason()).as(contactCase.toString()).isNotBlank();
          assertThat(result.writtenOnly()).as(contactCase.toString() + ": written only exactly for the sexual, domestic and stalking rule")
              .isEqualTo(result.ruleId().equals("Rule_SexualDomesticStalking"));
          evaluated++;
        }
      }
    }
    assertThat(evaluated)
        .isEqualTo(Vocabulary.PROGRAMME_PROFILES.size() * Vocabulary.OFFENCE_CATEGORIES.size() * flags.length);
  }

  @Test
  void inputAndOutputValuesMatchTheVocabulary() {
    assertThat(TABLE.inputValues("Input_ProgrammeProfile"))
        .containsExactlyElementsOf(Vocabulary.PROGRAMME_PROFILES.keySet());
    assertThat(TABLE.inputValues("Input_OffenceCategory"))
        .containsExactlyElementsOf(Vocabulary.OFFENCE_CATEGORIES.keySet());
    assertThat(TABLE.outputValues("Output_FirstContact")).containsExactlyElementsOf(FIRST_CONTACTS);
    assertThat(TABLE.outputValues("Output_IntroductionChannel")).containsExactlyElementsOf(INTRODUCTION_CHANNELS);
  }

  @Test
  void decisionHasHistoryTimeToLiveAndVersionTag() {
    Decision element = TABLE.model().getModelElementById(DECISION_KEY);

    assertThat(element.getCamundaHistoryTimeToLiveString()).isEqualTo("P365D");
    assertThat(element.getVersionTag()).isEqualTo("1.1.0");
  }

  private static Result evaluate(Case contactCase) {
    Map<String, Object> variables =
        Variables.createVariables()
            .putValue("programmeProfile", contactCase.programmeProfile())
            .putValue("offenceCategory", contactCase.offenceCategory())
            .putValue("victimIsMinor", contactCase.victimIsMinor());
    DecisionTableUnderTest.Evaluation evaluation = TABLE.evaluate(variables);
    return new Result(evaluation.entry("firstContact"), evaluation.entry("introductionChannel"),
        Boolean.TRUE.equals(evaluation.outputs().getEntry("writtenOnly")), evaluation.entry("reason"),
        evaluation.ruleId());
  }

}
