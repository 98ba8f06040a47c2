package org.vomcase.process.monitoring;

import static org.vomcase.support.ProcessTests.assertRefused;
import static org.vomcase.support.ProcessTests.at;
import static org.vomcase.support.ProcessTests.asyncJob;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.vomcase.support.CasePersons.anaRoth;
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
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.vomcase.settings.VomProperties;
import org.vomcase.notification.NotificationService;
import org.vomcase.notification.OutgoingMessage;
import org.vomcase.notification.Recipient;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.settings.Programme;
import org.vomcase.support.ProcessTestEngine;

/**
 * {@code monitor-obligation} (R17, R16): one instalment of a payment falls due at nine on its due
 * date; fulfilled at the first check; not fulfilled, reminded (to the offender who owes it) and
 * fulfilled after the 14-day grace period of de_toa; partly or not fulfilled twice, escalated to the
 * supervisors and reported to the referrer (the item itself only when every party consented to
 * share, never free text), recorded by the case as escalated; and bad check results refused with
 * nothing changed.
 */
@Deployment(resources = {"processes/monitor-obligation.bpmn", "forms/check-fulfilment.form"})
class MonitorObligationTest {

  private static final LocalDateTime SIGNED = LocalDateTime.of(2026, 3, 2, 9, 0);
  private static final LocalDateTime DUE = LocalDateTime.of(2027, 2, 1, 9, 0);
  private static final String CASE = "VOM-2026-00042";
  private static final String FREE_TEXT = "Transfer to the account Ana gave at the session";

  @RegisterExtension static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  ProcessEngine processEngine;
  NotificationService notifications = mock(NotificationService.class);

  @BeforeEach
  void setUp() {
    ProcessTests.init(processEngine, SIGNED, notifications);
    Mocks.register("obligationPlan", new ObligationPlan());
    Mocks.register("fulfilmentListener", new FulfilmentListener(new Programme(new VomProperties(null, null, null, null, null))));
  }

  @AfterEach
  void tearDown() {
    ProcessTests.reset();
  }

  @Test
  void instalmentFulfilledAtItsDueDateEndsWithoutReminder() {
    ProcessInstance instance = start(true);
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.OBLIGATION_SUMMARY.name()))
        .isEqualTo("I1-2 Payment, instalment 2 of 6: 100.00 (" + FREE_TEXT + "), owed by Carl Vogt (O1) to Ana Roth (V1), due 2027-02-01");
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.OBLIGATION_UNIT.name())).isEqualTo("amount");
    // The check's form shows the due date in the programme's words (de_toa: German), not as ISO text.
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.OBLIGATION_DUE_SHOWN.name()))
        .isEqualTo("1. Februar 2027");

    fallDue(instance);
    // The name says which item and instalment: two instalments of a case due together are told apart.
    assertThat(task()).isAssignedTo("mara").hasName("Check that the item was fulfilled: I1 Payment, instalment 2 of 6: " + CASE);
    complete(task(), check("fulfilled", "victim_confirmed"));

    assertThat(instance).isEnded().hasPassed("EndEvent_ItemFulfilled").hasNotPassed("Task_RemindOffender");
    Assertions.assertThat(historic(instance, CaseVariables.OBLIGATION_STATUS.name())).isEqualTo("fulfilled");
    verify(notifications, never()).send(any());
  }

  /**
   * Its offender or victim withdrew after the agreement: the item stops wherever it stands, before it fell due or while
   * the check waits, with no check recorded, no reminder and no escalation; nothing is left to run.
   */
  @Test
  void anItemWhosePartyWithdrewStopsWhereverItStands() {
    ProcessInstance waiting = start(true);
    runtimeService().createMessageCorrelation("Msg_ItemStopped").processInstanceBusinessKey(CASE)
        .processInstanceVariableEquals(CaseVariables.OBLIGATION_ID.name(), "I1-2").correlateAll();
    assertThat(waiting).isEnded().hasPassed("EndEvent_ItemStopped").hasNotPassed("Task_CheckFulfilment");

    ProcessInstance checking = start(true);
    fallDue(checking);
    assertThat(checking).isWaitingAt("Task_CheckFulfilment");
    runtimeService().createMessageCorrelation("Msg_ItemStopped").processInstanceBusinessKey(CASE)
        .processInstanceVariableEquals(CaseVariables.OBLIGATION_ID.name(), "I1-2").correlateAll();
    assertThat(checking).isEnded().hasPassed("EndEvent_ItemStopped").hasNotPassed("Task_RemindOffender");
    Assertions.assertThat(historic(checking, CaseVariables.OBLIGATION_STATUS.name())).isNull();
    Assertions.assertThat(managementService().createJobQuery().count()).isZero();
    Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
    verify(notifications, never()).send(any());
  }

  @Test
  void instalmentNotFulfilledIsRemindedAndFulfilledAfterTheGracePeriod() {
    ProcessInstance instance = start(true);
    fallDue(instance);

    complete(task(), check("not_fulfilled", null));
    assertThat(instance).isWaitingAt("Task_RemindOffender");
    execute(asyncJob(instance));

    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications).send(sent.capture());
    OutgoingMessage reminder = sent.getValue();
    Assertions.assertThat(reminder.message()).isEqualTo("obligation-reminder");
    Assertions.assertThat(reminder.recipientRole()).isEqualTo("offender");
    Assertions.assertThat(reminder.idempotencyKey()).endsWith(":offender:1");
    Assertions.assertThat(reminder.content()).containsEntry("recipientName", "Carl Vogt")
        .containsEntry("recipientEmail", "carl.vogt@example.org")
        .containsEntry(CaseVariables.OBLIGATION_SUMMARY.name(), runtimeService().getVariable(instance.getId(), CaseVariables.OBLIGATION_SUMMARY.name()))
        .containsKey(CaseVariables.GRACE_UNTIL.name());
    Assertions.assertThat(reminder.content().get(CaseVariables.GRACE_UNTIL.name())).asString().startsWith("2027-02-15T09:00");
    assertThat(instance).isWaitingAt("Event_GracePeriodOver");
    Assertions.assertThat(timer(instance).getDuedate()).isEqualTo(at(DUE.plusDays(14)));

    ClockUtil.setCurrentTime(at(DUE.plusDays(14)));
    execute(timer(instance));
    assertThat(instance).isWaitingAt("Task_CheckFulfilment");
    Assertions.assertThat((Number) runtimeService().getVariable(instance.getId(), CaseVariables.CHECK_ROUND.name())).extracting(Number::intValue)
        .isEqualTo(2);
    assertThat(task()).hasName("Check that the item was fulfilled: I1 Payment, instalment 2 of 6, after the grace period: " + CASE);
    complete(task(), check("fulfilled", "proof_received"));

    assertThat(instance).isEnded().hasPassed("Event_GracePeriodOver", "EndEvent_ItemFulfilled")
        .hasNotPassed("Task_EscalateToSupervisors");
    Assertions.assertThat(historic(instance, CaseVariables.OBLIGATION_STATUS.name())).isEqualTo("fulfilled");
    Assertions.assertThat(recordedByTheCase(instance).prop("escalated").boolValue()).isFalse();
  }

  @Test
  void instalmentPartlyFulfilledTwiceIsEscalatedAndReportedWithTheItemWhenSharingWasAgreed() {
    ProcessInstance instance = start(true);

    List<OutgoingMessage> sent = checkTwice(instance, partly("40"));

    assertThat(instance).isEnded().hasPassed("Task_EscalateToSupervisors", "Task_ReportUnfulfilledItem", "EndEvent_ItemNotFulfilled");
    Assertions.assertThat(historic(instance, CaseVariables.OBLIGATION_STATUS.name())).isEqualTo("partly_fulfilled");
    Assertions.assertThat(historic(instance, CaseVariables.FULFILLED_AMOUNT.name())).isEqualTo(40L);
    Assertions.assertThat(sent).extracting(OutgoingMessage::message)
        .containsExactly("obligation-reminder", "obligation-escalation", "referrer-report");
    Assertions.assertThat(sent.get(1).recipientRole()).isEqualTo("supervisors");
    Assertions.assertThat(sent.get(1).content()).containsEntry(CaseVariables.OBLIGATION_STATUS.name(), "partly_fulfilled");
    Map<String, Object> report = sent.get(2).content();
    Assertions.assertThat(sent.get(2).recipientRole()).isEqualTo("referrer");
    Assertions.assertThat(report).containsEntry("report", "item_unfulfilled").containsEntry("itemUnfulfilled", true)
        .containsEntry("recipientEmail", "toa@sta-musterstadt.example").containsEntry(CaseVariables.REFERRER_REFERENCE.name(), "StA 99/26")
        .containsEntry("mediationTookPlace", true).containsEntry("agreementShared", true)
        .containsEntry("itemText", "Payment, instalment 2 of 6: 100.00, owed by Carl Vogt (O1) to Ana Roth (V1), due 2027-02-01")
        .containsEntry("item", Map.of("kind", "payment", "amount", "100.00", "instalment", "2", "dueDate", "2027-02-01",
            "debtor", "Carl Vogt", "creditor", "Ana Roth"));
    Assertions.assertThat(sent.get(2).recipients()).extracting(Recipient::email).containsExactly("toa@sta-musterstadt.example");
    Assertions.assertThat(sent.get(1).content().get("item")).isEqualTo(report.get("item"));
    assertNoFreeText(report);
    SpinJsonNode recorded = recordedByTheCase(instance);
    Assertions.assertThat(recorded.prop("status").stringValue()).isEqualTo("partly_fulfilled");
    Assertions.assertThat(recorded.prop(CaseVariables.FULFILLED_AMOUNT.name()).stringValue()).isEqualTo("40");
    Assertions.assertThat(recorded.prop("escalated").boolValue()).isTrue();
  }

  @Test
  void instalmentNotFulfilledTwiceIsEscalatedAndReportedWithoutTheItemWhenSharingWasRefused() {
    ProcessInstance instance = start(false);

    List<OutgoingMessage> sent = checkTwice(instance, check("not_fulfilled", null));

    assertThat(instance).isEnded().hasPassed("EndEvent_ItemNotFulfilled");
    Assertions.assertThat(historic(instance, CaseVariables.OBLIGATION_STATUS.name())).isEqualTo("not_fulfilled");
    Assertions.assertThat(sent).extracting(OutgoingMessage::message)
        .containsExactly("obligation-reminder", "obligation-escalation", "referrer-report");
    Assertions.assertThat(sent.get(1).content()).containsEntry(CaseVariables.OBLIGATION_STATUS.name(), "not_fulfilled");
    Map<String, Object> report = sent.get(2).content();
    Assertions.assertThat(report).containsEntry("report", "item_unfulfilled").containsEntry("itemUnfulfilled", true)
        .containsEntry("agreementShared", false).doesNotContainKeys("item", "agreement");
    assertNoFreeText(report);
  }

  @Test
  void badCheckResultsAreRefusedAndTheTaskStaysWithNothingChanged() {
    ProcessInstance instance = start(true);
    fallDue(instance);
    String taskId = task().getId();
    Map<String, Object> before = runtimeService().getVariables(instance.getId());

    assertRefused(taskId, check("partly", "victim_confirmed"), "fulfilledAmount: is required for a partly fulfilled item");
    assertRefused(taskId, partly("100"), "fulfilledAmount: must be more than 0 and less than 100.00");
    assertRefused(taskId, check("fulfilled", null), "fulfilmentConfirmation: is required");

    assertThat(instance).isWaitingAt("Task_CheckFulfilment");
    Assertions.assertThat(task().getId()).isEqualTo(taskId);
    Assertions.assertThat(runtimeService().getVariables(instance.getId())).containsOnlyKeys(before.keySet())
        .doesNotContainKeys(CaseVariables.OBLIGATION_STATUS.name(), CaseVariables.GRACE_UNTIL.name(), CaseVariables.FULFILMENT.name());
    verify(notifications, never()).send(any());
  }

  /**
   * The obligation as the case's monitoring passes it: instalment 2 of a payment of 600 in six, with
   * the description the mediator wrote (free text, which the referrer must never see).
   */
  private ProcessInstance start(boolean shareAgreementWithReferrer) {
    String item = "\"itemId\":\"I1\",\"kind\":\"payment\",\"offender\":\"O1\",\"creditor\":\"V1\",\"description\":\"" + FREE_TEXT + "\"";
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("monitor-obligation", CASE,
        Variables.createVariables()
            .putValue(CaseVariables.OBLIGATION.name(), json("{" + item + ",\"amount\":\"100.00\",\"instalments\":6,\"instalment\":2,"
                + "\"dueDate\":\"2027-02-01\",\"obligationId\":\"I1-2\"}"))
            .putValue(CaseVariables.AGREEMENT_ITEMS.name(), json("[{" + item + ",\"amount\":\"600.00\",\"instalments\":6,"
                + "\"dueDate\":\"2027-01-01\",\"status\":\"open\"}]"))
            .putValue(CaseVariables.VICTIMS.name(), persons(anaRoth()))
            .putValue(CaseVariables.OFFENDERS.name(), persons(carlVogt()))
            .putValue(CaseVariables.CASE_NUMBER.name(), CASE)
            .putValue(CaseVariables.LEAD_MEDIATOR.name(), "mara").putValue(CaseVariables.MEDIATORS.name(), List.of("mara"))
            .putValue(CaseVariables.PROGRAMME_PROFILE.name(), "de_toa")
            .putValue(CaseVariables.REFERRER_NAME.name(), "Staatsanwaltschaft Musterstadt")
            .putValue(CaseVariables.REFERRER_EMAIL.name(), "toa@sta-musterstadt.example")
            .putValue(CaseVariables.REFERRER_REFERENCE.name(), "StA 99/26")
            .putValue(CaseVariables.SHARE_AGREEMENT_WITH_REFERRER.name(), shareAgreementWithReferrer)
            .putValue(CaseVariables.SESSION_HELD.name(), "held").putValue(CaseVariables.SESSION_OUTCOME.name(), "agreement")
            .putValue(CaseVariables.SIGNATURE_OUTCOME.name(), "all_signed"));
    assertThat(instance).isWaitingAt("Event_ItemFallsDue");
    return instance;
  }

  /** The obligation's timer is due at nine on its due date; the clock moves there and the timer fires. */
  private static void fallDue(ProcessInstance instance) {
    Assertions.assertThat(timer(instance).getDuedate()).isEqualTo(at(DUE));
    ClockUtil.setCurrentTime(at(DUE));
    execute(timer(instance));
    assertThat(instance).isWaitingAt("Task_CheckFulfilment");
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.CHECK_ROUND.name())).isEqualTo(1);
  }

  /** Due, checked with the same result before and after the grace period, reminder, escalation and report sent. */
  private List<OutgoingMessage> checkTwice(ProcessInstance instance, Map<String, Object> result) {
    fallDue(instance);
    complete(task(), result);
    execute(asyncJob(instance));
    ClockUtil.setCurrentTime(at(DUE.plusDays(14)));
    execute(timer(instance));
    complete(task(), result);
    assertThat(instance).isWaitingAt("Task_EscalateToSupervisors");
    execute(asyncJob(instance));
    assertThat(instance).isWaitingAt("Task_ReportUnfulfilledItem");
    execute(asyncJob(instance));
    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications, times(3)).send(sent.capture());
    return sent.getAllValues();
  }

  /** The referrer's report is an allow-list: nothing the mediator wrote in a form appears in it. */
  private static void assertNoFreeText(Map<String, Object> report) {
    Assertions.assertThat(report.toString()).doesNotContain(FREE_TEXT);
    Assertions.assertThat(report).doesNotContainKeys(CaseVariables.OBLIGATION_SUMMARY.name(), "description");
  }

  private static Map<String, Object> check(String fulfilment, String confirmation) {
    Map<String, Object> result = new HashMap<>();
    result.put(CaseVariables.FULFILMENT.name(), fulfilment);
    if (confirmation != null) {
      result.put(CaseVariables.FULFILMENT_CONFIRMATION.name(), confirmation);
    }
    return result;
  }

  /** Partly fulfilled, the amount paid as the form's number field submits it. */
  private static Map<String, Object> partly(String amount) {
    Map<String, Object> result = check("partly", "victim_confirmed");
    result.put(CaseVariables.FULFILLED_AMOUNT.name(), Long.valueOf(amount));
    return result;
  }

  private static Job timer(ProcessInstance instance) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(runtimeService().getActiveActivityIds(instance.getId()).get(0)).singleResult();
  }

  /** A variable of the process instance's own scope as the history keeps it (input parameters of tasks left out). */
  private static Object historic(ProcessInstance instance, String name) {
    var variable = historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .activityInstanceIdIn(instance.getId()).variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }

  /**
   * What the case records of this monitoring in its book of fulfilments: {@code vom-case} takes every
   * variable of the ended instance ({@code camunda:out variables="all"}) and calls {@link ObligationPlan#record}.
   */
  private static SpinJsonNode recordedByTheCase(ProcessInstance instance) {
    DelegateExecution callActivity = mock(DelegateExecution.class);
    DelegateExecution theCase = mock(DelegateExecution.class);
    when(callActivity.getVariable(anyString())).thenAnswer(call -> historic(instance, call.getArgument(0)));
    when(callActivity.getProcessInstance()).thenReturn(theCase);
    new ObligationPlan().record(callActivity);
    ArgumentCaptor<Object> book = ArgumentCaptor.forClass(Object.class);
    verify(theCase).setVariable(eq(CaseVariables.FULFILMENTS.name()), book.capture());
    return ((JsonValue) book.getValue()).getValue().prop("I1-2");
  }
}
