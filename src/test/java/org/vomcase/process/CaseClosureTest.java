package org.vomcase.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.kernel.ClosureReason;
import org.vomcase.kernel.CaseProcess;
import org.vomcase.support.ProcessTestEngine;
import org.vomcase.support.ProcessTests;

/**
 * Closing a case (R19) and starting its retention (R20), both ways a case closes: the closing message
 * end event of the current diagrams (its input parameter {@code closureReason}) and the end event's
 * listener {@code ${caseClosure.close(execution, '...')}} of cases still running on earlier versions.
 * The closure is kept on the case itself; an unknown reason and a second closure are refused and
 * nothing closes. And every closing event of {@code vom-case} is drawn as such: a message end event
 * that throws the message {@code case-retention} starts with.
 */
@Deployment(resources = {"testprocesses/case-closure.bpmn", "testprocesses/case-retention-stub.bpmn"})
class CaseClosureTest {

  private static final String CASE = "VOM-2026-00042";
  private static final String CLOSING_EVENT = "closing-event";
  private static final String CLOSING_LISTENER = "closing-listener";

  @RegisterExtension static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension("case-retention");

  ProcessEngine processEngine;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    Mocks.register("caseClosure", new CaseClosure(org.vomcase.support.UnitCaseRegistry.of(processEngine)));
  }

  @AfterEach
  void tearDown() {
    ProcessTests.reset();
  }

  @Test
  void closingEventClosesTheCaseItselfAndStartsTheRetention() {
    Map<String, Object> variables = caseVariables("no_agreement");
    variables.put(CaseVariables.PROCEEDINGS_ENDED_ON.name(), "2026-01-10");

    ProcessInstance theCase = runtimeService().startProcessInstanceByKey(CLOSING_EVENT, CASE, variables);

    assertThat(theCase).isEnded().hasPassed("EndEvent_CaseClosed");
    Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(theCase.getId())
        .activityId("EndEvent_CaseClosed").singleResult().getActivityType()).isEqualTo("messageEndEvent");
    Assertions.assertThat(onTheCase(theCase, CaseVariables.CLOSURE_REASON.name())).isEqualTo("no_agreement");
    Assertions.assertThat(onTheCase(theCase, CaseVariables.CLOSED_AT.name())).isNotNull();
    // The event's input parameter stays in the event's own scope.
    Assertions.assertThat(historic(theCase, CaseVariables.CLOSURE_REASON.name())).hasSize(2)
        .filteredOn(v -> !theCase.getId().equals(v.getActivityInstanceId())).singleElement()
        .satisfies(v -> Assertions.assertThat(v.getActivityInstanceId()).startsWith("EndEvent_CaseClosed:"));
    assertRetentionStarted(theCase, "no_agreement");
    Assertions.assertThat(runtimeService().getVariables(retention().getId()))
        .containsEntry(CaseVariables.PROCEEDINGS_ENDED_ON.name(), "2026-01-10");
  }

  @Test
  void earlierDiagramsCloseThroughTheEndEventsListenerAsBefore() {
    Map<String, Object> variables = caseVariables("referral_withdrawn");
    variables.put(CaseVariables.MANDATE_OUTCOME.name(), "referral_withdrawn");

    ProcessInstance theCase = runtimeService().startProcessInstanceByKey(CLOSING_LISTENER, CASE, variables);

    assertThat(theCase).isEnded().hasPassed("EndEvent_CaseClosedEarlier");
    Assertions.assertThat(onTheCase(theCase, CaseVariables.CLOSURE_REASON.name())).isEqualTo("referral_withdrawn");
    Assertions.assertThat(onTheCase(theCase, CaseVariables.CLOSURE_NOTE.name())).isEqualTo("The referral was withdrawn.");
    Assertions.assertThat(historic(theCase, CaseVariables.CLOSURE_REASON.name())).hasSize(1);
    assertRetentionStarted(theCase, "referral_withdrawn");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {CLOSING_EVENT, CLOSING_LISTENER})
  void unknownReasonIsRefusedAndNothingCloses(String process) {
    Assertions.assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(process, CASE, caseVariables("lost_interest")))
        .hasStackTraceContaining("'lost_interest' is not a closure reason (R19)");

    assertNothingClosed();
  }

  @Test
  void closingEventWithoutAReasonIsRefused() {
    Assertions.assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(CLOSING_EVENT, CASE, caseVariables(null)))
        .hasStackTraceContaining("The closing event EndEvent_CaseClosed of case " + CASE
            + " gives no closure reason (input parameter closureReason)");

    assertNothingClosed();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {CLOSING_EVENT, CLOSING_LISTENER})
  void aCaseClosesOnlyOnce(String process) {
    Map<String, Object> closedAlready = caseVariables("no_agreement");
    closedAlready.put(CaseVariables.CLOSURE_REASON.name(), "victim_declined");

    Assertions.assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(process, CASE, closedAlready))
        .hasStackTraceContaining("Case " + CASE + " is already closed (victim_declined)");

    assertNothingClosed();
  }

  @Test
  void everyClosingEventOfTheCaseThrowsTheMessageTheRetentionStartsWith() {
    BpmnModelInstance retention = Bpmn.readModelFromFile(new File("processes/case-retention.bpmn"));
    Assertions.assertThat(retention.getModelElementsByType(StartEvent.class)).singleElement()
        .satisfies(start -> Assertions.assertThat(message(start.getEventDefinitions().iterator().next()))
            .isEqualTo(CaseProcess.MSG_CASE_CLOSED));

    BpmnModelInstance vomCase = Bpmn.readModelFromFile(new File("processes/vom-case.bpmn"));
    List<EndEvent> closing = vomCase.getModelElementsByType(EndEvent.class).stream()
        .filter(end -> end.getName() != null && end.getName().startsWith("Case closed")).toList();
    Assertions.assertThat(closing).hasSize(17).allSatisfy(end -> {
      Assertions.assertThat(end.getEventDefinitions()).as(end.getId()).singleElement().isInstanceOf(MessageEventDefinition.class);
      MessageEventDefinition thrown = (MessageEventDefinition) end.getEventDefinitions().iterator().next();
      Assertions.assertThat(message(thrown)).as(end.getId()).isEqualTo(CaseProcess.MSG_CASE_CLOSED);
      Assertions.assertThat(thrown.getCamundaDelegateExpression()).as(end.getId()).isEqualTo("${caseClosure}");
      Assertions.assertThat(end.getExtensionElements().getElementsQuery().filterByType(
          CamundaInputOutput.class).singleResult().getCamundaInputParameters())
          .as(end.getId()).extracting(CamundaInputParameter::getCamundaName).startsWith(CaseClosure.REASON_INPUT)
          .isSubsetOf(CaseClosure.REASON_INPUT, CaseVariables.CLOSURE_NOTE.name());
    });
    Assertions.assertThat(vomCase.getModelElementsByType(CamundaExecutionListener.class))
        .extracting(CamundaExecutionListener::getCamundaExpression).filteredOn(java.util.Objects::nonNull)
        .noneMatch(expression -> expression.contains("caseClosure"));
    Assertions.assertThat(closing).extracting(CaseClosureTest::reasonInput).filteredOn(reason -> !reason.startsWith("${"))
        .allSatisfy(reason -> Assertions.assertThat(ClosureReason.of(reason)).isNotNull());
  }

  private static String message(Object eventDefinition) {
    return ((MessageEventDefinition) eventDefinition).getMessage().getName();
  }

  private static String reasonInput(EndEvent end) {
    return end.getExtensionElements().getElementsQuery().filterByType(
        CamundaInputOutput.class).singleResult().getCamundaInputParameters()
        .iterator().next().getTextContent().trim();
  }

  private static Map<String, Object> caseVariables(String reason) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("reason", reason);
    variables.put(CaseVariables.CASE_NUMBER.name(), CASE);
    variables.put(CaseVariables.PROGRAMME_PROFILE.name(), "de_toa");
    variables.put(CaseVariables.REFERRED_BY.name(), "policeapi");
    variables.put(CaseVariables.VICTIMS.name(), "[{\"name\":\"Ana Roth\"}]");
    return variables;
  }

  private void assertRetentionStarted(ProcessInstance theCase, String reason) {
    ProcessInstance retention = retention();
    Assertions.assertThat(retention.getBusinessKey()).isEqualTo(CASE);
    Assertions.assertThat(runtimeService().getVariables(retention.getId()))
        .containsEntry(CaseVariables.CASE_NUMBER.name(), CASE)
        .containsEntry(CaseVariables.CASE_INSTANCE_ID.name(), theCase.getId())
        .containsEntry(CaseVariables.PROGRAMME_PROFILE.name(), "de_toa")
        .containsEntry(CaseVariables.CLOSURE_REASON.name(), reason)
        .containsEntry(CaseVariables.CLOSED_AT.name(), onTheCase(theCase, CaseVariables.CLOSED_AT.name()))
        .containsEntry(CaseVariables.REFERRED_BY.name(), "policeapi")
        .doesNotContainKeys("reason", CaseVariables.VICTIMS.name());
  }

  private ProcessInstance retention() {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(CaseProcess.RETENTION_KEY).singleResult();
  }

  private void assertNothingClosed() {
    Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().count()).isZero();
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  /** A variable of the case itself (its process instance's own scope), as its history keeps it. */
  private static Object onTheCase(ProcessInstance theCase, String name) {
    return historic(theCase, name).stream().filter(v -> theCase.getId().equals(v.getActivityInstanceId()))
        .map(HistoricVariableInstance::getValue).findFirst().orElse(null);
  }

  private static List<HistoricVariableInstance> historic(ProcessInstance theCase, String name) {
    return historyService().createHistoricVariableInstanceQuery().processInstanceId(theCase.getId()).variableName(name).list();
  }
}
