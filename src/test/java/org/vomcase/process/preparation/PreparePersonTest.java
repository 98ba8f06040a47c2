package org.vomcase.process.preparation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vomcase.support.ProcessTests;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.vomcase.notification.NotificationService;
import org.vomcase.notification.OutgoingMessage;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.kernel.Vocabulary;
import org.vomcase.support.ProcessTestEngine;

/** {@code prepare-person} (R9, R10): the meeting with its checklist, the victim's choices, the reminder, withdrawal. */
@Deployment(resources = {"processes/prepare-person.bpmn", "forms/preparation-meeting.form"})
class PreparePersonTest {

  @RegisterExtension static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  ProcessEngine processEngine;
  NotificationService notifications = mock(NotificationService.class);

  @BeforeEach
  void setUp() {
    ProcessTests.init(processEngine, null, notifications);
    Mocks.register("personContextListener", new PersonContextListener());
    Mocks.register("preparationMeetingListener", new PreparationMeetingListener());
  }

  @AfterEach
  void tearDown() {
    ProcessTests.reset();
  }

  @Test
  void victimIsPreparedWithTheChecklistAndHerChoices() {
    ProcessInstance instance = start("victim");
    assertThat(instance).isWaitingAt("Task_HoldPreparationMeeting");
    assertThat(task()).isAssignedTo("mara");

    complete(task(), meeting(Map.of(CaseVariables.MEETING_TYPE.name(), "indirect", CaseVariables.FIRST_SPEAKER.name(), "victim",
        CaseVariables.WISHES.name(), List.of("answers"))));

    assertThat(instance).isEnded().hasPassed("EndEvent_PersonPrepared");
    Assertions.assertThat(historic(instance, CaseVariables.MEETING_TYPE.name())).isEqualTo("indirect");
  }

  @Test
  void offenderNeedsNoSchedulingChoices() {
    ProcessInstance instance = start("offender");

    complete(task(), meeting(Map.of()));

    assertThat(instance).isEnded().hasPassed("EndEvent_PersonPrepared");
  }

  @Test
  void incompleteMeetingRecordsAreRefusedAndTheTaskStays() {
    ProcessInstance instance = start("victim");
    String taskId = task().getId();

    Map<String, Object> checklistIncomplete = meeting(Map.of(CaseVariables.MEETING_TYPE.name(), "indirect", CaseVariables.FIRST_SPEAKER.name(), "victim"));
    checklistIncomplete.put(CaseVariables.CHECKLIST.name(), List.of("confidentiality", "ground_rules"));
    assertRefused(taskId, checklistIncomplete, "checklist: not yet covered: The person's account of what happened heard");
    assertRefused(taskId, meeting(Map.of(CaseVariables.MEETING_TYPE.name(), "direct", CaseVariables.FIRST_SPEAKER.name(), "victim")),
        "preferredPlace: is required");
    assertRefused(taskId, meeting(Map.of(CaseVariables.FIRST_SPEAKER.name(), "victim")), "meetingType: is required");
    Map<String, Object> futureMeeting = meeting(Map.of(CaseVariables.MEETING_TYPE.name(), "indirect", CaseVariables.FIRST_SPEAKER.name(), "victim"));
    futureMeeting.put(CaseVariables.MEETING_DATE.name(), "2999-01-01");
    assertRefused(taskId, futureMeeting, "meetingDate: must not be in the future");

    assertThat(instance).isWaitingAt("Task_HoldPreparationMeeting");
  }

  @Test
  void checklistSubmittedAsTasklistJsonIsAccepted() {
    ProcessInstance instance = start("offender");
    Map<String, Object> result = meeting(Map.of());
    result.put(CaseVariables.CHECKLIST.name(), SpinValues.jsonValue("[\"" + String.join("\",\"", Vocabulary.PREPARATION_CHECKLIST.keySet()) + "\"]").create());

    complete(task(), result);

    assertThat(instance).isEnded();
  }

  @Test
  void overdueMeetingRemindsTheMediator() {
    ProcessInstance instance = start("offender");

    execute(managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult());
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).messages().singleResult());

    assertThat(instance).isWaitingAt("Task_HoldPreparationMeeting").hasPassed("EndEvent_PreparationReminderSent");
    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications).send(sent.capture());
    Assertions.assertThat(sent.getValue().message()).isEqualTo("preparation-overdue");
    Assertions.assertThat(sent.getValue().content()).containsEntry("personId", "O1");
  }

  @Test
  void withdrawalEndsThePreparation() {
    ProcessInstance instance = start("victim");

    runtimeService().createMessageCorrelation("Msg_ContactWithdrawn").processInstanceVariableEquals(CaseVariables.PERSON_ID.name(), "V1").correlate();

    assertThat(instance).isEnded().hasPassed("EndEvent_PreparationWithdrawn");
    Assertions.assertThat(historic(instance, CaseVariables.READINESS.name())).isEqualTo("withdrawn");
  }

  private ProcessInstance start(String role) {
    String id = role.equals("victim") ? "V1" : "O1";
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("prepare-person", "VOM-2026-00007",
        Variables.createVariables()
            .putValue(CaseVariables.PERSON.name(), SpinValues.jsonValue("{\"personId\":\"" + id + "\",\"role\":\"" + role
                + "\",\"name\":\"Ana Roth\",\"minor\":false}").create())
            .putValue(CaseVariables.CASE_NUMBER.name(), "VOM-2026-00007")
            .putValue(CaseVariables.LEAD_MEDIATOR.name(), "mara")
            .putValue(CaseVariables.MEDIATORS.name(), List.of("mara")));
    assertThat(instance).isStarted();
    return instance;
  }

  private static Map<String, Object> meeting(Map<String, Object> extra) {
    Map<String, Object> meeting = new HashMap<>(Map.of(CaseVariables.MEETING_DATE.name(), "2026-01-20", CaseVariables.MEETING_FORMAT.name(), "in_person",
        CaseVariables.CHECKLIST.name(), List.copyOf(Vocabulary.PREPARATION_CHECKLIST.keySet()), CaseVariables.READINESS.name(), "ready"));
    meeting.putAll(extra);
    return meeting;
  }

  private void assertRefused(String taskId, Map<String, Object> input, String message) {
    Assertions.assertThatThrownBy(() -> taskService().complete(taskId, input))
        .hasMessageContaining(message).hasRootCauseInstanceOf(CaseInputException.class);
  }

  private Object historic(ProcessInstance instance, String name) {
    return historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
        .singleResult().getValue();
  }
}
