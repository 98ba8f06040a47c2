package org.vomcase.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.junit.jupiter.api.Test;
import org.vomcase.kernel.CaseVariable;
import org.vomcase.kernel.CaseVariables;

/**
 * Every input a decision table reads is there when its step decides: a variable the registration gives the case (the
 * programme profile), or an input parameter of the deciding step. The referral's facts are one record of the case
 * ({@code referral}), so a table that reads a fact by its name needs the step to lay it out
 * ({@code ${referralFacts.fact(execution, 'offenceCategory')}}); without it the table would read nothing and decide
 * on a missing value.
 */
class DecisionInputsTest {

  @Test
  void everyDecisionStepLaysOutTheFactsItsTableReads() throws Exception {
    Map<String, Decision> decisions = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
        model.getModelElementsByType(Decision.class).forEach(decision -> decisions.put(decision.getId(), decision));
      }
    }
    Set<String> registered = new HashSet<>(CaseVariables.REGISTRATION);
    CaseVariables.REFERRAL_FACTS.forEach(fact -> registered.remove(fact.name()));
    List<String> facts = CaseVariables.REFERRAL_FACTS.stream().map(CaseVariable::name).toList();

    int steps = 0;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(new File(file.toString()));
        for (BusinessRuleTask step : model.getModelElementsByType(BusinessRuleTask.class)) {
          Decision decision = decisions.get(step.getCamundaDecisionRef());
          assertThat(decision).as("%s decides with a table of processes/", step.getId()).isNotNull();
          Set<String> laidOut = new HashSet<>();
          if (step.getExtensionElements() != null) {
            step.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list().forEach(io ->
                io.getCamundaInputParameters().stream().map(CamundaInputParameter::getCamundaName).forEach(laidOut::add));
          }
          for (Input input : ((DecisionTable) decision.getExpression()).getInputs()) {
            String reads = input.getInputExpression().getText().getTextContent().trim();
            assertThat(laidOut.contains(reads) || registered.contains(reads))
                .as("%s (%s): the table's input '%s' is laid out by the step or registered with the case", step.getId(),
                    file.getFileName(), reads).isTrue();
            if (facts.contains(reads)) {
              assertThat(laidOut).as("%s lays out the referral's fact '%s'", step.getId(), reads).contains(reads);
            }
          }
          steps++;
        }
      }
    }
    assertThat(steps).as("the case's deciding steps").isGreaterThanOrEqualTo(3);
  }
}
