package org.vomcase.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;

/**
 * A decision table of {@code processes/} on the standalone DMN engine, for row-by-row tests: each
 * evaluation also says which rule matched.
 */
public final class DecisionTableUnderTest {

  /** The outputs of one evaluation and the id of the rule that produced them. */
  public record Evaluation(DmnDecisionResultEntries outputs, String ruleId) {
    public String entry(String output) {
      return outputs.getEntry(output);
    }
  }

  private final DmnEngine engine;
  private final DmnDecision decision;
  private final DmnModelInstance model;
  private List<String> matchedRuleIds = List.of();

  private DecisionTableUnderTest(String resource, String decisionKey) {
    this(() -> stream(resource), decisionKey);
  }

  private DecisionTableUnderTest(java.util.function.Supplier<InputStream> source, String decisionKey) {
    DmnDecisionEvaluationListener recordMatchedRules = event -> {
      DmnDecisionTableEvaluationEvent table = (DmnDecisionTableEvaluationEvent) event.getDecisionResult();
      matchedRuleIds = table.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
    };
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
        .customPostDecisionEvaluationListeners(List.of(recordMatchedRules)).buildEngine();
    try (InputStream dmn = source.get()) {
      decision = engine.parseDecision(decisionKey, dmn);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (InputStream dmn = source.get()) {
      model = Dmn.readModelFromStream(dmn);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static DecisionTableUnderTest load(String resource, String decisionKey) {
    return new DecisionTableUnderTest(resource, decisionKey);
  }

  /** A table as an administrator changed it: its XML. */
  public static DecisionTableUnderTest ofXml(String xml, String decisionKey) {
    return new DecisionTableUnderTest(() -> new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        decisionKey);
  }

  /** Evaluates the table; exactly one rule must match (hit policy FIRST reports only the first). */
  public Evaluation evaluate(Map<String, Object> variables) {
    matchedRuleIds = List.of();
    DmnDecisionResultEntries result = engine.evaluateDecision(decision, variables).getSingleResult();
    assertThat(matchedRuleIds).as("matched rule (FIRST reports only the first match)").hasSize(1);
    return new Evaluation(result, matchedRuleIds.get(0));
  }

  public DmnModelInstance model() {
    return model;
  }

  /** The values of an input's {@code <inputValues>}, in order ({@code "a","b"} → [a, b]). */
  public List<String> inputValues(String inputId) {
    Input input = model.getModelElementById(inputId);
    return quotedStrings(input.getInputValues().getText().getTextContent());
  }

  /** The values of an output's {@code <outputValues>}, in order. */
  public List<String> outputValues(String outputId) {
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

  private static InputStream stream(String resource) {
    InputStream stream = DecisionTableUnderTest.class.getResourceAsStream(resource);
    assertThat(stream).as(resource + " on the classpath").isNotNull();
    return stream;
  }
}
