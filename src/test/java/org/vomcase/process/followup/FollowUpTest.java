package org.vomcase.process.followup;

import static org.vomcase.support.ProcessTests.assertRefused;
import static org.vomcase.support.ProcessTests.at;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.vomcase.support.CasePersons.anaRoth;
import static org.vomcase.support.CasePersons.benRoth;
import static org.vomcase.support.CasePersons.carlVogt;
import static org.vomcase.support.CasePersons.json;
import static org.vomcase.support.CasePersons.persons;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vomcase.support.ProcessTests;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.vomcase.settings.VomProperties;
import org.vomcase.notification.NotificationService;
import org.vomcase.notification.OutgoingMessage;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.settings.Programme;
import org.vomcase.support.ProcessTestEngine;

/**
 * {@code follow-up} (R18), started with only what {@code vom-case} passes (no {@code followUpAt}, no
 * {@code participants}): the process waits the programme's follow-up period (de_toa: three months),
 * tells the participants the mediator will call, and opens one conversation per person who took
 * part (not the one who declined), named after the person; the answers (fear of the offender for
 * victims only) are kept per person in {@code followUps} and not left as process variables; an
 * incomplete questionnaire is refused with nothing changed.
 */
@Deployment(resources = {"processes/follow-up.bpmn", "forms/follow-up.form"})
class FollowUpTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 6, 1, 10, 0);
  private static final String CASE = "VOM-2026-00042";

  @RegisterExtension static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  ProcessEngine processEngine;
  NotificationService notifications = mock(NotificationService.class);

  @BeforeEach
  void setUp() {
    ProcessTests.init(processEngine, NOW, notifications);
    Mocks.register("followUpPlan", new FollowUpPlan(new Programme(new VomProperties(null, null, null, null, null))));
    Mocks.register("followUpListener", new FollowUpListener());
  }

  @AfterEach
  void tearDown() {
    ProcessTests.reset();
  }

  @Test
  void everyoneWhoTookPartIsInvitedAndAskedAfterThreeMonths() {
    ProcessInstance instance = start();
    assertThat(instance).isWaitingAt("Event_FollowUpPeriodOver");
    Job period = managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    Assertions.assertThat(period.getDuedate()).isEqualTo(at(NOW.plusMonths(3)));

    ClockUtil.setCurrentTime(at(NOW.plusMonths(3)));
    execute(period);
    assertThat(instance).isWaitingAt("Task_SendFollowUpInvitations");
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).messages().singleResult());

    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications).send(sent.capture());
    Assertions.assertThat(sent.getValue().message()).isEqualTo("follow-up-invitation");
    Assertions.assertThat(sent.getValue().recipientRole()).isEqualTo("participants");
    Assertions.assertThat(sent.getValue().caseNumber()).isEqualTo(CASE);
    assertThat(instance).isWaitingAt("Task_FollowUpConversation");
    Assertions.assertThat(conversations(instance)).extracting(Task::getName).containsExactlyInAnyOrder(
        "Follow-up conversation: V1, " + CASE, "Follow-up conversation: O1, " + CASE);
    Task victim = conversation(instance, "V1");
    Assertions.assertThat(victim.getAssignee()).isEqualTo("mara");
    Assertions.assertThat(taskService().getVariablesLocal(victim.getId())).containsEntry(CaseVariables.PERSON_NAME.name(), "Ana Roth")
        .containsEntry(CaseVariables.PERSON_ROLE.name(), "victim").containsEntry(CaseVariables.PERSON_EMAIL.name(), "ana.roth@example.org");

    taskService().complete(victim.getId(), held(true));

    Assertions.assertThat(runtimeService().getVariables(instance.getId())).doesNotContainKeys(CaseVariables.FOLLOW_UP_OUTCOME.name(),
        CaseVariables.SATISFACTION.name(), CaseVariables.FAIR.name(), CaseVariables.HEARD.name(), CaseVariables.RECOMMEND.name(), CaseVariables.FEAR_CHANGE.name());
    taskService().complete(conversation(instance, "O1").getId(), Map.of(CaseVariables.FOLLOW_UP_OUTCOME.name(), "declined"));

    assertThat(instance).isEnded().hasPassed("EndEvent_FollowUpDone");
    SpinJsonNode followUps = (SpinJsonNode) historic(instance, CaseVariables.FOLLOW_UPS.name());
    Assertions.assertThat(followUps.fieldNames()).containsExactlyInAnyOrder("V1", "O1");
    SpinJsonNode ana = followUps.prop("V1");
    Assertions.assertThat(List.of("role", "outcome", "satisfaction", "fair", "heard", "recommend", "fearChange"))
        .allSatisfy(field -> Assertions.assertThat(ana.hasProp(field)).as(field).isTrue());
    Assertions.assertThat(ana.prop("role").stringValue()).isEqualTo("victim");
    Assertions.assertThat(ana.prop("outcome").stringValue()).isEqualTo("held");
    Assertions.assertThat(ana.prop("satisfaction").stringValue()).isEqualTo("satisfied");
    Assertions.assertThat(ana.prop("fearChange").stringValue()).isEqualTo("less_fear");
    SpinJsonNode carl = followUps.prop("O1");
    Assertions.assertThat(carl.prop("role").stringValue()).isEqualTo("offender");
    Assertions.assertThat(carl.prop("outcome").stringValue()).isEqualTo("declined");
    Assertions.assertThat(carl.hasProp("satisfaction")).isFalse();
    Assertions.assertThat(followUps.toString()).doesNotContain("Ana Roth", "Carl Vogt", "example.org");
  }

  @Test
  void offenderIsNotAskedAboutFear() {
    ProcessInstance instance = startAndInvite();

    taskService().complete(conversation(instance, "O1").getId(), held(false));

    SpinJsonNode carl = ((SpinJsonNode) runtimeService().getVariable(instance.getId(), CaseVariables.FOLLOW_UPS.name())).prop("O1");
    Assertions.assertThat(carl.prop("outcome").stringValue()).isEqualTo("held");
    Assertions.assertThat(carl.hasProp(CaseVariables.FEAR_CHANGE.name())).isFalse();
  }

  @Test
  void incompleteQuestionnairesAreRefusedAndTheTaskStaysWithNothingChanged() {
    ProcessInstance instance = startAndInvite();
    String victimTask = conversation(instance, "V1").getId();
    Map<String, Object> before = runtimeService().getVariables(instance.getId());

    Map<String, Object> withoutSatisfaction = held(true);
    withoutSatisfaction.remove(CaseVariables.SATISFACTION.name());
    assertRefused(victimTask, withoutSatisfaction, "satisfaction: is required");
    assertRefused(victimTask, held(false), "fearChange: is required");

    Assertions.assertThat(conversations(instance)).hasSize(2).extracting(Task::getId).contains(victimTask);
    Assertions.assertThat(runtimeService().getVariables(instance.getId())).containsOnlyKeys(before.keySet())
        .doesNotContainKeys(CaseVariables.FOLLOW_UPS.name(), CaseVariables.SATISFACTION.name(), CaseVariables.FOLLOW_UP_OUTCOME.name());
  }

  /** Started as vom-case calls it: two persons agreed (V1, O1), a second victim (V2) declined. */
  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey("follow-up", CASE, Variables.createVariables()
        .putValue(CaseVariables.CASE_NUMBER.name(), CASE)
        .putValue(CaseVariables.LEAD_MEDIATOR.name(), "mara").putValue(CaseVariables.MEDIATORS.name(), List.of("mara"))
        .putValue(CaseVariables.PROGRAMME_PROFILE.name(), "de_toa")
        .putValue(CaseVariables.VICTIMS.name(), persons(anaRoth(), benRoth()))
        .putValue(CaseVariables.OFFENDERS.name(), persons(carlVogt()))
        .putValue("consents", json("{\"V1\":{\"role\":\"victim\",\"outcome\":\"agreed\"},"
            + "\"V2\":{\"role\":\"victim\",\"outcome\":\"declined\"},"
            + "\"O1\":{\"role\":\"offender\",\"outcome\":\"agreed\",\"guardianName\":\"Petra Vogt\"}}")));
  }

  /** Started, the period over and the invitations sent: one conversation per participant open. */
  private ProcessInstance startAndInvite() {
    ProcessInstance instance = start();
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult());
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).messages().singleResult());
    assertThat(instance).isWaitingAt("Task_FollowUpConversation");
    return instance;
  }

  /** A conversation held with every answer; fear of the offender for a victim. */
  private static Map<String, Object> held(boolean victim) {
    Map<String, Object> answers = new HashMap<>(Map.of(CaseVariables.FOLLOW_UP_OUTCOME.name(), "held",
        CaseVariables.SATISFACTION.name(), "satisfied", CaseVariables.FAIR.name(), "yes", CaseVariables.HEARD.name(), "partly",
        CaseVariables.RECOMMEND.name(), "yes"));
    if (victim) {
      answers.put(CaseVariables.FEAR_CHANGE.name(), "less_fear");
    }
    return answers;
  }

  private static List<Task> conversations(ProcessInstance instance) {
    return taskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_FollowUpConversation").list();
  }

  private static Task conversation(ProcessInstance instance, String personId) {
    return taskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_FollowUpConversation")
        .taskVariableValueEquals(CaseVariables.PERSON_ID.name(), personId).singleResult();
  }

  private static Object historic(ProcessInstance instance, String name) {
    var variable = historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .activityInstanceIdIn(instance.getId()).variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }
}
