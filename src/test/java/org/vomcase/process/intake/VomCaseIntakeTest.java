package org.vomcase.process.intake;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vomcase.identity.MediatorDirectory;
import org.vomcase.identity.MediatorDirectory.Mediator;
import org.vomcase.process.CaseInputException;
import org.vomcase.process.CaseVariables;
import org.vomcase.support.ProcessTestEngine;

/** The intake of {@code vom-case}: a registered referral waits for a coordinator to assign mediators. */
@Deployment(resources = {"processes/vom-case.bpmn", "forms/referral.form", "forms/assign-mediators.form"})
class VomCaseIntakeTest {

  @RegisterExtension static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  ProcessEngine processEngine;
  MediatorDirectory directory = mock(MediatorDirectory.class);

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    when(directory.mediators())
        .thenReturn(List.of(new Mediator("jonas", "Jonas Weber"), new Mediator("mara", "Mara Jensen")));
    when(directory.isMediator("mara")).thenReturn(true);
    when(directory.isMediator("jonas")).thenReturn(true);
    Mocks.register("mediatorAssignmentListener", new MediatorAssignmentListener(directory));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void referralWaitsForACoordinatorWithTheMediatorsOffered() {
    Assertions.assertThat(formService().getDeployedStartForm(definitionId())).isNotNull();

    ProcessInstance instance = startReferral();

    assertThat(instance).isWaitingAt("Task_AssignMediators");
    assertThat(task()).hasCandidateGroup("coordinators");
    Assertions.assertThat(formService().getDeployedTaskForm(task().getId())).isNotNull();
    Assertions.assertThat(task().getDueDate()).isAfter(task().getCreateTime());
    SpinJsonNode options = (SpinJsonNode) taskService().getVariableLocal(task().getId(), CaseVariables.MEDIATOR_OPTIONS);
    Assertions.assertThat(options.elements()).extracting(o -> o.prop("value").stringValue()).containsExactly("jonas", "mara");
  }

  @Test
  void coordinatorAssignsOneMediator() {
    ProcessInstance instance = startReferral();
    assertThat(instance).isWaitingAt("Task_AssignMediators");

    complete(task(), withVariables(CaseVariables.LEAD_MEDIATOR, "mara"));

    assertThat(instance).isEnded().hasPassed("EndEvent_MediatorsAssigned");
    assertThat(instance).variables().containsEntry(CaseVariables.LEAD_MEDIATOR, "mara");
    Assertions.assertThat(historicVariable(instance, CaseVariables.MEDIATORS)).isEqualTo(List.of("mara"));
  }

  @Test
  void coordinatorAssignsTwoMediatorsForCoMediation() {
    ProcessInstance instance = startReferral();
    assertThat(instance).isWaitingAt("Task_AssignMediators");

    complete(task(), withVariables(CaseVariables.LEAD_MEDIATOR, "mara", CaseVariables.CO_MEDIATOR, "jonas"));

    assertThat(instance).isEnded();
    Assertions.assertThat(historicVariable(instance, CaseVariables.MEDIATORS)).isEqualTo(List.of("mara", "jonas"));
  }

  @Test
  void missingMediatorIsRefusedAndTheTaskStaysOpen() {
    assertRefused(Map.of(CaseVariables.CO_MEDIATOR, "jonas"), "leadMediator: choose the mediator for this case");
  }

  @Test
  void sameCoMediatorAsMediatorIsRefused() {
    assertRefused(
        Map.of(CaseVariables.LEAD_MEDIATOR, "mara", CaseVariables.CO_MEDIATOR, "mara"),
        "coMediator: the co-mediator must be a different person from the mediator");
  }

  @Test
  void userOutsideTheMediatorsGroupIsRefused() {
    assertRefused(
        Map.of(CaseVariables.LEAD_MEDIATOR, "clara"), "leadMediator: 'clara' is not a member of the mediators group");
    assertRefused(
        Map.of(CaseVariables.LEAD_MEDIATOR, "mara", CaseVariables.CO_MEDIATOR, "sam"),
        "coMediator: 'sam' is not a member of the mediators group");
  }

  private void assertRefused(Map<String, Object> input, String message) {
    ProcessInstance instance = startReferral();
    String taskId = openTask(instance).getId();

    Assertions.assertThatThrownBy(() -> taskService().complete(taskId, input))
        .hasMessageContaining(message)
        .rootCause()
        .isInstanceOf(CaseInputException.class)
        .hasMessage(message);

    assertThat(instance).isWaitingAt("Task_AssignMediators");
    Assertions.assertThat(runtimeService().getVariables(instance.getId()))
        .doesNotContainKeys(CaseVariables.LEAD_MEDIATOR, CaseVariables.CO_MEDIATOR, CaseVariables.MEDIATORS);
  }

  private static org.camunda.bpm.engine.task.Task openTask(ProcessInstance instance) {
    return taskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private ProcessInstance startReferral() {
    return runtimeService()
        .startProcessInstanceByKey(
            "vom-case",
            withVariables(
                CaseVariables.REFERRAL_SOURCE, "prosecutor",
                CaseVariables.PROCEDURAL_STAGE, "diversion",
                CaseVariables.OFFENCE_CATEGORY, "assault",
                CaseVariables.OFFENCE_SUMMARY, "A fight outside a bar after an argument."));
  }

  private String definitionId() {
    return processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("vom-case")
        .singleResult().getId();
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    return processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }
}
