package org.vomcase.process.referral;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vomcase.access.CaseRegistry;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.support.ProcessTestEngine;

/**
 * "Record the mandate" asks for the authority that gave a granted mandate only where the task's own form (bound to the
 * case's deployment) has its fields: a case that waited for its mandate on record-mandate 1.0.0 is granted as before.
 */
class MandateListenerTest {

  private static final String CASE = "VOM-2026-00077";

  @RegisterExtension static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  ProcessEngine processEngine;
  CaseRegistry registry = mock(CaseRegistry.class);

  @BeforeEach
  void setUp() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(processEngine);
    Mocks.register("mandateListener", new MandateListener(registry));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  private static Map<String, Object> granted() {
    Map<String, Object> mandate = new HashMap<>();
    mandate.put("mandateOutcome", "granted");
    mandate.put("mandateIssuer", "prosecutor");
    mandate.put("mandateDate", "2026-01-10");
    return mandate;
  }

  @Test
  @Deployment(resources = {"testprocesses/record-mandate-check.bpmn", "testforms/record-mandate-1.0.0.form"})
  void aCaseOnTheEarlierFormIsGrantedWithoutTheAuthority() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("record-mandate-check", CASE);

    taskService().complete(task(instance).getId(), granted());

    assertThat(instance).isEnded();
    verify(registry, never()).recordMandateAuthority(anyString(), any());
  }

  @Test
  @Deployment(resources = {"testprocesses/record-mandate-check.bpmn", "forms/record-mandate.form"})
  void theCurrentFormAsksForTheAuthorityAndTheRegisterKeepsIt() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("record-mandate-check", CASE);
    String taskId = task(instance).getId();

    Assertions.assertThatThrownBy(() -> taskService().complete(taskId, granted()))
        .hasRootCauseInstanceOf(CaseInputException.class).hasMessageContaining("mandateAuthorityName: is required");
    assertThat(instance).isWaitingAt("Task_RecordMandate");

    Map<String, Object> named = granted();
    named.put("mandateAuthorityName", "Staatsanwaltschaft Berlin");
    named.put("mandateAuthorityAddress", "Turmstr. 91\n10559 Berlin");
    taskService().complete(taskId, named);

    assertThat(instance).isEnded();
    verify(registry).recordMandateAuthority(CASE, new CaseRegistry.Authority("Staatsanwaltschaft Berlin", null,
        "Turmstr. 91\n10559 Berlin"));
  }
}
