package org.vomcase.process.retention;

import org.vomcase.kernel.CaseProcess;

import static org.vomcase.support.ProcessTests.assertRefused;
import static org.vomcase.support.ProcessTests.at;
import static org.vomcase.support.ProcessTests.asyncJob;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.vomcase.support.CasePersons.anaRoth;
import static org.vomcase.support.CasePersons.carlVogt;
import static org.vomcase.support.CasePersons.persons;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.vomcase.support.ProcessTests;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
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
 * {@code case-retention} (R16, R19, R20), started by the closure message as {@code vom-case} sends it
 * (no personal data; the case's record is read from the history of the closed case, here a test
 * double): the anonymous figures are kept; the referrer gets the closure report unless they were
 * told already (not eligible); the coordinators record the end of the proceedings while the
 * referrer is asked for it every 90 days, or the referrer's notice ends the wait, or it was known at
 * the closure; the case history's removal is scheduled one year (de_toa) after that end, and then
 * the case's personal data are deleted. A future date or an unknown outcome is refused with nothing
 * changed.
 */
@Deployment(resources = {"processes/case-retention.bpmn", "forms/record-proceedings-end.form",
    "testprocesses/closed-case-stub.bpmn"})
class CaseRetentionTest {

  private static final LocalDateTime CLOSED = LocalDateTime.of(2026, 6, 1, 10, 0);
  private static final String CASE = "VOM-2026-00042";

  @RegisterExtension static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension("closed-case");

  ProcessEngine processEngine;
  NotificationService notifications = mock(NotificationService.class);
  CaseRetention retention = mock(CaseRetention.class);
  JavaDelegate figures = mock(JavaDelegate.class);

  @BeforeEach
  void setUp() {
    ProcessTests.init(processEngine, CLOSED, notifications);
    RetentionPlan plan = new RetentionPlan(new Programme(new VomProperties(null, null, null, null, null)));
    Mocks.register("retentionPlan", plan);
    Mocks.register("keepCaseFiguresDelegate", figures);
    Mocks.register("scheduleDeletionDelegate", new RetentionPlan.ScheduleDeletionDelegate(plan, retention));
    Mocks.register("deleteCaseDataDelegate", new RetentionPlan.DeleteCaseDataDelegate(retention));
  }

  @AfterEach
  void tearDown() {
    ProcessTests.reset();
  }

  @Test
  void closedCaseIsReportedKeptUntilAYearAfterTheProceedingsEndedAndThenDeleted() throws Exception {
    ProcessInstance instance = close("victim_declined").correlateStartMessage();
    Assertions.assertThat(instance.getBusinessKey()).isEqualTo(CASE);

    assertThat(instance).isWaitingAt("Task_KeepAnonymousFigures");
    execute(asyncJob(instance));
    verify(figures).execute(any());
    assertThat(instance).isWaitingAt("Task_ReportClosureToReferrer");
    execute(asyncJob(instance));
    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications).send(sent.capture());
    OutgoingMessage report = sent.getValue();
    Assertions.assertThat(report.message()).isEqualTo("referrer-report");
    Assertions.assertThat(report.recipientRole()).isEqualTo("referrer");
    Assertions.assertThat(report.content()).containsEntry("report", "closure").containsEntry(CaseVariables.CASE_NUMBER.name(), CASE)
        .containsEntry("recipientEmail", "toa@sta-musterstadt.example").containsEntry(CaseVariables.REFERRER_REFERENCE.name(), "StA 99/26")
        .containsEntry(CaseVariables.CLOSURE_REASON.name(), "victim_declined").containsEntry("closure", "The victim declined to take part")
        .containsEntry("mediationTookPlace", false).containsEntry("agreementReached", false);
    // One report per accused person (issue 17), naming that person: nothing about the victim.
    Assertions.assertThat(report.content()).containsEntry("accusedName", "Carl Vogt").containsEntry("accusedId", "O1");
    Assertions.assertThat(report.content().toString()).doesNotContain("Ana Roth");

    assertThat(instance).isWaitingAt("Task_RecordProceedingsEnd");
    assertThat(task()).hasCandidateGroup("coordinators").isNotAssigned()
        .hasName("Record the end of the criminal proceedings: " + CASE);
    String taskId = task().getId();
    Assertions.assertThat(timer(instance).getDuedate()).isEqualTo(at(CLOSED.plusDays(90)));
    List<OutgoingMessage> requests = askReferrerTwice(instance);
    Assertions.assertThat(requests).extracting(OutgoingMessage::message).containsOnly("proceedings-end-request");
    Assertions.assertThat(requests).extracting(OutgoingMessage::recipientRole).containsOnly("referrer");
    Assertions.assertThat(requests).extracting(OutgoingMessage::idempotencyKey).doesNotHaveDuplicates();
    Assertions.assertThat(requests).extracting(OutgoingMessage::content).allSatisfy(content -> Assertions.assertThat(content)
        .containsEntry(CaseVariables.CASE_NUMBER.name(), CASE).containsEntry("recipientEmail", "toa@sta-musterstadt.example")
        .containsEntry(CaseVariables.REFERRER_REFERENCE.name(), "StA 99/26"));
    assertThat(instance).isWaitingAt("Task_RecordProceedingsEnd");
    Assertions.assertThat(task().getId()).isEqualTo(taskId);

    ClockUtil.setCurrentTime(at(LocalDateTime.of(2027, 3, 10, 11, 0)));
    taskService().complete(taskId, Map.of(CaseVariables.PROCEEDINGS_ENDED_ON.name(), "2027-03-01", CaseVariables.PROCEEDINGS_OUTCOME.name(), "dismissed"));

    Date deleteAt = at(LocalDateTime.of(2028, 3, 1, 0, 0));
    assertDeletionScheduled(instance, deleteAt);
    verify(retention, never()).deleteCase(any(), any());

    ClockUtil.setCurrentTime(deleteAt);
    execute(timer(instance));
    assertThat(instance).isWaitingAt("Task_DeletePersonalData");
    execute(asyncJob(instance));

    verify(retention).deleteCase(CASE, instance.getId());
    assertThat(instance).isEnded().hasPassed("Task_RecordProceedingsEnd", "EndEvent_ReferrerAsked", "EndEvent_PersonalDataDeleted");
    Assertions.assertThat(historic(instance, CaseVariables.DELETED_AT.name())).asString().startsWith("2028-03-01T00:00");
  }

  @Test
  void referrerWhoWasToldAlreadyGetsNoClosureReport() throws Exception {
    ProcessInstance instance = close("not_eligible").correlateStartMessage();

    execute(asyncJob(instance));

    verify(figures).execute(any());
    assertThat(instance).isWaitingAt("Task_RecordProceedingsEnd").hasNotPassed("Task_ReportClosureToReferrer");
    verifyNoInteractions(notifications);
  }

  @Test
  void proceedingsEndKnownAtTheClosureLeadsStraightToTheDeletionDate() {
    ProcessInstance instance = close("no_agreement").setVariable(CaseVariables.PROCEEDINGS_ENDED_ON.name(), "2026-05-20")
        .setVariable(CaseVariables.PROCEEDINGS_OUTCOME.name(), "convicted").correlateStartMessage();

    execute(asyncJob(instance));
    execute(asyncJob(instance));

    assertDeletionScheduled(instance, at(LocalDateTime.of(2027, 5, 20, 0, 0)));
    assertThat(instance).hasPassed("Task_ReportClosureToReferrer").hasNotPassed("Task_RecordProceedingsEnd");
  }

  @Test
  void referrersNoticeOfTheEndReplacesTheCoordinatorsTask() {
    ProcessInstance instance = closedAndWaiting();

    runtimeService().createMessageCorrelation(CaseProcess.MSG_PROCEEDINGS_ENDED).processInstanceBusinessKey(CASE)
        .setVariable(CaseVariables.PROCEEDINGS_ENDED_ON.name(), "2026-05-29")
        .setVariable(CaseVariables.PROCEEDINGS_OUTCOME.name(), "dismissed_with_conditions").correlate();

    assertThat(instance).hasPassed("BoundaryEvent_ProceedingsEndReported");
    Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId("Task_RecordProceedingsEnd").canceled().count()).isEqualTo(1);
    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    assertDeletionScheduled(instance, at(LocalDateTime.of(2027, 5, 29, 0, 0)));
  }

  @Test
  void futureOrUnknownEndOfProceedingsIsRefusedAndTheTaskStaysWithNothingChanged() {
    ProcessInstance instance = closedAndWaiting();
    String taskId = task().getId();
    Map<String, Object> before = runtimeService().getVariables(instance.getId());

    assertRefused(taskId, Map.of(CaseVariables.PROCEEDINGS_ENDED_ON.name(), "2026-06-02", CaseVariables.PROCEEDINGS_OUTCOME.name(), "dismissed"),
        "proceedingsEndedOn: must not be in the future");
    assertRefused(taskId, Map.of(CaseVariables.PROCEEDINGS_ENDED_ON.name(), "2026-05-01", CaseVariables.PROCEEDINGS_OUTCOME.name(), "pardoned"),
        "proceedingsOutcome: 'pardoned' is not one of dismissed, dismissed_with_conditions, convicted, acquitted, other");

    assertThat(instance).isWaitingAt("Task_RecordProceedingsEnd");
    Assertions.assertThat(task().getId()).isEqualTo(taskId);
    Assertions.assertThat(runtimeService().getVariables(instance.getId())).containsOnlyKeys(before.keySet())
        .doesNotContainKeys(CaseVariables.PROCEEDINGS_ENDED_ON.name(), CaseVariables.DELETE_AT.name());
    Assertions.assertThat(asyncJob(instance)).isNull();
    verifyNoInteractions(retention);
  }

  /**
   * The case closes as {@code vom-case} closes it: its instance has ended (its variables are in the
   * history) and the retention process is started with the case number, the case instance,
   * profile and closure only.
   */
  private MessageCorrelationBuilder close(String closureReason) {
    ProcessInstance closedCase = runtimeService().startProcessInstanceByKey("closed-case", CASE, Variables.createVariables()
        .putValue(CaseVariables.CASE_NUMBER.name(), CASE)
        .putValue(CaseVariables.REFERRER_NAME.name(), "Staatsanwaltschaft Musterstadt")
        .putValue(CaseVariables.REFERRER_EMAIL.name(), "toa@sta-musterstadt.example")
        .putValue(CaseVariables.REFERRER_REFERENCE.name(), "StA 99/26")
        .putValue(CaseVariables.VICTIMS.name(), persons(anaRoth()))
        .putValue(CaseVariables.OFFENDERS.name(), persons(carlVogt()))
        .putValue(CaseVariables.PROGRAMME_PROFILE.name(), "de_toa")
        .putValue(CaseVariables.CLOSURE_REASON.name(), closureReason)
        .putValue(CaseVariables.CLOSED_AT.name(), "2026-06-01T10:00:00Z"));
    assertThat(closedCase).isEnded();
    return runtimeService().createMessageCorrelation(CaseProcess.MSG_CASE_CLOSED).processInstanceBusinessKey(CASE)
        .setVariable(CaseVariables.CASE_NUMBER.name(), CASE)
        .setVariable(CaseVariables.CASE_INSTANCE_ID.name(), closedCase.getId())
        .setVariable(CaseVariables.PROGRAMME_PROFILE.name(), "de_toa")
        .setVariable(CaseVariables.CLOSURE_REASON.name(), closureReason)
        .setVariable(CaseVariables.CLOSED_AT.name(), "2026-06-01T10:00:00Z")
        .setVariable(CaseVariables.REFERRED_BY.name(), "cora");
  }

  /** Closed (victim declined), figures kept, reported: waiting for the end of the proceedings. */
  private ProcessInstance closedAndWaiting() {
    ProcessInstance instance = close("victim_declined").correlateStartMessage();
    execute(asyncJob(instance));
    execute(asyncJob(instance));
    assertThat(instance).isWaitingAt("Task_RecordProceedingsEnd");
    return instance;
  }

  /** The 90-day timer fires twice; each time the referrer is asked (and the timer comes back). */
  private List<OutgoingMessage> askReferrerTwice(ProcessInstance instance) {
    Date first = timer(instance).getDuedate();
    for (int round = 1; round <= 2; round++) {
      Job timer = timer(instance);
      ClockUtil.setCurrentTime(timer.getDuedate());
      execute(timer);
      execute(asyncJob(instance));
    }
    Assertions.assertThat(timer(instance).getDuedate()).isAfter(first);
    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications, times(3)).send(sent.capture());
    return sent.getAllValues().subList(1, 3);
  }

  /** "Set the deletion date" runs: deleteAt, and the case history's removal time, at the start of that day in the system zone. */
  private void assertDeletionScheduled(ProcessInstance instance, Date deleteAt) {
    assertThat(instance).isWaitingAt("Task_SetDeletionDate");
    execute(asyncJob(instance));
    verify(retention).scheduleHistoryRemoval(CASE, instance.getId(), deleteAt);
    assertThat(instance).isWaitingAt("Event_RetentionPeriodOver");
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.DELETE_AT.name()))
        .isEqualTo(deleteAt.toInstant().atZone(ZoneId.systemDefault()).toOffsetDateTime().toString());
    Assertions.assertThat(timer(instance).getDuedate()).isEqualTo(deleteAt);
  }

  private static Job timer(ProcessInstance instance) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
  }

  private static Object historic(ProcessInstance instance, String name) {
    var variable = historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }
}
