package org.vomcase.process.contact;

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

  private static DmnEngine engine;
  private static DmnDecision decision;
  private static DmnModelInstance model;

  /** The rules the last evaluation matched (the engine evaluates synchronously on this thread). */
  private static List<String> matchedRuleIds = List.of();

  /** A case's inputs to the decision table. */
  record Case(String programmeProfile, String offenceCategory, boolean victimIsMinor) {}

  /** What the decision returned and which rule produced it. */
  record Result(String firstContact, String introductionChannel, String reason, String ruleId) {}

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

  @ParameterizedTest(name = "{0}: {1} {2} minor={3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          # rule                       | profile         | offence           | minor | first    | channel         | reason
          Rule_SexualDomesticStalking  | de_toa          | sexual_offence    | false | victim   | letter_only     | Sexual, domestic or stalking offence: the victim is approached first and in writing only, so the victim decides whether contact with the offender's side happens at all.
          Rule_SexualDomesticStalking  | us_vom          | domestic_violence | false | victim   | letter_only     | Sexual, domestic or stalking offence: the victim is approached first and in writing only, so the victim decides whether contact with the offender's side happens at all.
          Rule_SexualDomesticStalking  | dk_konfliktraad | stalking          | false | victim   | letter_only     | Sexual, domestic or stalking offence: the victim is approached first and in writing only, so the victim decides whether contact with the offender's side happens at all.
          Rule_ViolentOffence          | de_toa          | assault           | false | offender | letter_only     | Violent offence: the offender's willingness is checked first, and the first approach to anyone is a letter, never a phone call.
          Rule_ViolentOffence          | us_vom          | robbery           | true  | offender | letter_only     | Violent offence: the offender's willingness is checked first, and the first approach to anyone is a letter, never a phone call.
          Rule_ViolentOffence          | dk_konfliktraad | threat            | false | offender | letter_only     | Violent offence: the offender's willingness is checked first, and the first approach to anyone is a letter, never a phone call.
          Rule_KonfliktraadMinorVictim | dk_konfliktraad | theft             | true  | victim   | letter_or_email | Konfliktråd with a victim under 18: the victim's parents are approached first.
          Rule_KonfliktraadMinorVictim | dk_konfliktraad | other             | true  | victim   | letter_or_email | Konfliktråd with a victim under 18: the victim's parents are approached first.
          Rule_OffenderFirst           | dk_konfliktraad | theft             | false | offender | letter_or_email | Offender first: his willingness is the precondition, so the victim is never asked for a meeting that then collapses.
          Rule_OffenderFirst           | de_toa          | burglary          | true  | offender | letter_or_email | Offender first: his willingness is the precondition, so the victim is never asked for a meeting that then collapses.
          Rule_OffenderFirst           | us_vom          | traffic_injury    | false | offender | letter_or_email | Offender first: his willingness is the precondition, so the victim is never asked for a meeting that then collapses.
          """)
  void eachRuleDecidesItsCase(
      String ruleId,
      String profile,
      String offence,
      boolean victimIsMinor,
      String firstContact,
      String channel,
      String reason) {
    Result result = evaluate(new Case(profile, offence, victimIsMinor));

    assertThat(result).isEqualTo(new Result(firstContact, channel, reason, ruleId));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sexual_offence", "domestic_violence", "stalking"})
  void sexualDomesticOrStalkingWinsOverTheKonfliktraadMinorRule(String offence) {
    // Rule_KonfliktraadMinorVictim would also match; it would allow a first contact by email.
    Result result = evaluate(new Case("dk_konfliktraad", offence, true));

    assertThat(result.ruleId()).isEqualTo("Rule_SexualDomesticStalking");
    assertThat(result.introductionChannel()).isEqualTo("letter_only");
  }

  @ParameterizedTest
  @ValueSource(strings = {"assault", "robbery", "threat"})
  void violentOffenceWinsOverTheKonfliktraadMinorRule(String offence) {
    Result result = evaluate(new Case("dk_konfliktraad", offence, true));

    assertThat(result.ruleId()).isEqualTo("Rule_ViolentOffence");
    assertThat(result.firstContact()).isEqualTo("offender");
    assertThat(result.introductionChannel()).isEqualTo("letter_only");
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
          evaluated++;
        }
      }
    }
    assertThat(evaluated)
        .isEqualTo(Vocabulary.PROGRAMME_PROFILES.size() * Vocabulary.OFFENCE_CATEGORIES.size() * flags.length);
  }

  @Test
  void inputAndOutputValuesMatchTheVocabulary() {
    assertThat(allowedValues("Input_ProgrammeProfile"))
        .containsExactlyElementsOf(Vocabulary.PROGRAMME_PROFILES.keySet());
    assertThat(allowedValues("Input_OffenceCategory"))
        .containsExactlyElementsOf(Vocabulary.OFFENCE_CATEGORIES.keySet());
    assertThat(outputValues("Output_FirstContact")).containsExactlyElementsOf(FIRST_CONTACTS);
    assertThat(outputValues("Output_IntroductionChannel")).containsExactlyElementsOf(INTRODUCTION_CHANNELS);
  }

  @Test
  void decisionHasHistoryTimeToLiveAndVersionTag() {
    Decision element = model.getModelElementById(DECISION_KEY);

    assertThat(element.getCamundaHistoryTimeToLiveString()).isEqualTo("P365D");
    assertThat(element.getVersionTag()).isEqualTo("1.0.0");
  }

  private static Result evaluate(Case contactCase) {
    matchedRuleIds = List.of();
    Map<String, Object> variables =
        Variables.createVariables()
            .putValue("programmeProfile", contactCase.programmeProfile())
            .putValue("offenceCategory", contactCase.offenceCategory())
            .putValue("victimIsMinor", contactCase.victimIsMinor());
    DmnDecisionResultEntries result = engine.evaluateDecision(decision, variables).getSingleResult();
    assertThat(matchedRuleIds).as("matched rule (FIRST reports only the first match)").hasSize(1);
    return new Result(
        result.getEntry("firstContact"),
        result.getEntry("introductionChannel"),
        result.getEntry("reason"),
        matchedRuleIds.get(0));
  }

  /** The values of an input's {@code <inputValues>}, in order ({@code "a","b"} → [a, b]). */
  private static List<String> allowedValues(String inputId) {
    Input input = model.getModelElementById(inputId);
    return quotedStrings(input.getInputValues().getText().getTextContent());
  }

  /** The values of an output's {@code <outputValues>}, in order. */
  private static List<String> outputValues(String outputId) {
    Output output = model.getModelElementById(outputId);
    return quotedStrings(output.getOutputValues().getText().getTextContent());
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
    InputStream stream = ContactOrderDecisionTest.class.getResourceAsStream(RESOURCE);
    assertThat(stream).as(RESOURCE + " on the classpath").isNotNull();
    return stream;
  }
}
