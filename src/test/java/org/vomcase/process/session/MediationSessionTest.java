package org.vomcase.process.session;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.vomcase.support.ProcessTests;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
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
import org.vomcase.notification.NotificationService;
import org.vomcase.notification.OutgoingMessage;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.support.ProcessTestEngine;

/** {@code mediation-session} (R11, R12): scheduling, invitation, reminder, the session, outcome, no-show rescheduling. */
@Deployment(resources = {"processes/mediation-session.bpmn", "forms/schedule-session.form", "forms/session-outcome.form",
    "forms/safety-review.form"})
class MediationSessionTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 9, 0);

  @RegisterExtension static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  ProcessEngine processEngine;
  NotificationService notifications = mock(NotificationService.class);

  @BeforeEach
  void setUp() {
    ProcessTests.init(processEngine, NOW, notifications);
    Mocks.register("scheduleSessionListener", new ScheduleSessionListener());
    Mocks.register("sessionOutcomeListener", new SessionOutcomeListener());
    Mocks.register("sessionPlan", new SessionPlan());
    Mocks.register("safetyReviewListener", new SafetyReviewListener());
  }

  @AfterEach
  void tearDown() {
    ProcessTests.reset();
  }

  @Test
  void sessionIsScheduledEveryoneInvitedAndRemindedAndTheOutcomeRecorded() {
    ProcessInstance instance = start();
    assertThat(task()).isAssignedTo("mara");

    complete(task(), schedule("2026-03-12", "14:30"));
    execute(job());
    assertThat(instance).isWaitingAt("Event_UntilReminder");
    Assertions.assertThat(timer(instance).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 10, 14, 30)));
    execute(timer(instance));
    execute(job());
    assertThat(instance).isWaitingAt("Event_UntilSession");
    Assertions.assertThat(timer(instance).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 12, 14, 30)));
    execute(timer(instance));
    assertThat(instance).isWaitingAt("Task_RecordSessionOutcome");
    complete(task(), withVariables(CaseVariables.SESSION_HELD.name(), "held", CaseVariables.SESSION_OUTCOME.name(), "agreement"));

    assertThat(instance).isEnded().hasPassed("EndEvent_SessionHeld");
    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications, times(2)).send(sent.capture());
    Assertions.assertThat(sent.getAllValues()).extracting(OutgoingMessage::message).containsExactly("session-invitation", "session-reminder");
    Assertions.assertThat(sent.getValue().content()).containsEntry(CaseVariables.SESSION_PLACE.name(), "Community centre, room 2")
        .containsEntry(CaseVariables.MEETING_TYPE.name(), "direct");
  }

  @Test
  void sessionSoonerThanTwoDaysIsRemindedAtOnce() {
    ProcessInstance instance = start();

    complete(task(), schedule("2026-03-03", "10:00"));
    execute(job());

    Assertions.assertThat(timer(instance).getDuedate()).isEqualTo(at(NOW));
  }

  @Test
  void noShowIsRescheduledTwiceThenTheSessionDoesNotTakePlace() {
    ProcessInstance instance = start();

    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(instance).isWaitingAt("Task_ScheduleSession");
      complete(task(), schedule("2026-03-20", "10:00"));
      execute(job());
      execute(timer(instance));
      execute(job());
      execute(timer(instance));
      complete(task(), withVariables(CaseVariables.SESSION_HELD.name(), "no_show", CaseVariables.NO_SHOW_PARTY.name(), "offender"));
    }

    assertThat(instance).isEnded().hasPassed("EndEvent_SessionNotHeld");
    Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(CaseVariables.RESCHEDULES.name()).singleResult().getValue()).isEqualTo(3);
    // Every rescheduled session is announced again: three visits, three distinct sendings of each message.
    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications, times(6)).send(sent.capture());
    Assertions.assertThat(sent.getAllValues()).extracting(OutgoingMessage::idempotencyKey).doesNotHaveDuplicates();
  }

  @Test
  void aVictimsChoiceOfIndirectMediationBindsTheScheduling() {
    ProcessInstance instance = start();
    runtimeService().setVariable(instance.getId(), CaseVariables.PREPARATIONS.name(),
        org.camunda.spin.plugin.variable.SpinValues.jsonValue("{\"V1\":{\"role\":\"victim\",\"meetingType\":\"indirect\"}}").create());

    assertRefused(task().getId(), schedule("2026-03-20", "10:00"), "meetingType: a victim chose indirect mediation");
    Map<String, Object> indirect = schedule("2026-03-20", "10:00");
    indirect.put(CaseVariables.MEETING_TYPE.name(), "indirect");
    complete(task(), indirect);

    assertThat(instance).isWaitingAt("Task_SendInvitations");
  }

  @Test
  void badScheduleAndOutcomeInputIsRefused() {
    ProcessInstance instance = start();
    String scheduleTask = task().getId();

    assertRefused(scheduleTask, schedule("2026-03-01", "10:00"), "sessionDate: the session must be in the future");
    assertRefused(scheduleTask, schedule("2026-03-20", "25:99"), "sessionTime: '25:99' is not a time (HH:MM)");
    complete(task(), schedule("2026-03-20", "10:00"));
    execute(job());
    execute(timer(instance));
    execute(job());
    execute(timer(instance));
    String outcomeTask = task().getId();
    assertRefused(outcomeTask, Map.of(CaseVariables.SESSION_HELD.name(), "held", CaseVariables.SESSION_OUTCOME.name(), "stopped_for_safety"),
        "safetyStopReason: is required");
    assertRefused(outcomeTask, Map.of(CaseVariables.SESSION_HELD.name(), "no_show"), "noShowParty: is required");
    assertRefused(outcomeTask, Map.of(CaseVariables.SESSION_HELD.name(), "held"), "sessionOutcome: is required");

    assertThat(instance).isWaitingAt("Task_RecordSessionOutcome");
  }

  // --- a session stopped for safety: the coordinators' review (issue 16) -------------------------------

  @Test
  void aSessionStoppedForSafetyGoesToTheCoordinatorsReview() {
    ProcessInstance instance = sessionStoppedForSafety();

    assertThat(instance).isWaitingAt("Task_ReviewSafetyStop").hasNotPassed("EndEvent_SessionHeld");
    assertThat(task()).hasCandidateGroup("coordinators");
    Assertions.assertThat(task().getAssignee()).isNull();
    Assertions.assertThat(task().getName()).isEqualTo("Review the session stopped for safety: VOM-2026-00007");
  }

  @Test
  void continuingAsIndirectMediationSchedulesTheSessionAgainWithoutAJointMeeting() {
    ProcessInstance instance = sessionStoppedForSafety();

    complete(task(), review("continue_indirect"));

    assertThat(instance).isWaitingAt("Task_ScheduleSession").hasPassed("Gateway_SafetyReviewDecision").variables()
        .containsEntry(CaseVariables.MEETING_TYPE.name(), "indirect")
        .containsEntry(CaseVariables.SAFETY_REVIEW_NOTE.name(), "Separate rooms; the victim's support person stays.");
    String schedule = task().getId();
    assertRefused(schedule, schedule("2026-03-20", "10:00"), "meetingType: the session was stopped for safety and the"
        + " coordinators decided to continue as indirect mediation only");
    Map<String, Object> indirect = schedule("2026-03-20", "10:00");
    indirect.put(CaseVariables.MEETING_TYPE.name(), "indirect");
    complete(task(), indirect);
    execute(job());
    execute(timer(instance));
    execute(job());
    execute(timer(instance));
    complete(task(), withVariables(CaseVariables.SESSION_HELD.name(), "held", CaseVariables.SESSION_OUTCOME.name(), "indirect_completed"));

    assertThat(instance).isEnded().hasPassed("EndEvent_SessionHeld");
  }

  @Test
  void referringTheVictimToSupportEndsTheSessionForTheCaseToClose() {
    ProcessInstance instance = sessionStoppedForSafety();

    complete(task(), review("refer_to_support"));

    assertThat(instance).isEnded().hasPassed("EndEvent_VictimReferredToSupport").hasNotPassed("EndEvent_SessionHeld");
    Assertions.assertThat(historic(instance, CaseVariables.SAFETY_REVIEW_DECISION.name())).isEqualTo("refer_to_support");
  }

  @Test
  void closingAfterTheReviewEndsTheSessionForTheCaseToClose() {
    ProcessInstance instance = sessionStoppedForSafety();

    complete(task(), review("close"));

    assertThat(instance).isEnded().hasPassed("EndEvent_ClosedAfterReview").hasNotPassed("EndEvent_SessionHeld");
  }

  @Test
  void aReviewWithoutWhatHappenedOrWithAnUnknownDecisionIsRefused() {
    ProcessInstance instance = sessionStoppedForSafety();
    String reviewTask = task().getId();

    assertRefused(reviewTask, Map.of(CaseVariables.SAFETY_REVIEW_DECISION.name(), "close"), "safetyReviewAccount: is required");
    assertRefused(reviewTask, Map.of(CaseVariables.SAFETY_REVIEW_ACCOUNT.name(), "He shouted.", CaseVariables.SAFETY_REVIEW_DECISION.name(),
        "wait"), "safetyReviewDecision: 'wait' is not one of");
    assertRefused(reviewTask, Map.of(CaseVariables.SAFETY_REVIEW_ACCOUNT.name(), "He shouted.", CaseVariables.SAFETY_REVIEW_DECISION.name(),
        "close", CaseVariables.SAFETY_REVIEW_NOTE.name(), "x".repeat(1001)), "safetyReviewNote:");

    assertThat(instance).isWaitingAt("Task_ReviewSafetyStop");
  }

  private ProcessInstance sessionStoppedForSafety() {
    ProcessInstance instance = start();
    complete(task(), schedule("2026-03-12", "14:30"));
    execute(job());
    execute(timer(instance));
    execute(job());
    execute(timer(instance));
    complete(task(), withVariables(CaseVariables.SESSION_HELD.name(), "held", CaseVariables.SESSION_OUTCOME.name(), "stopped_for_safety",
        CaseVariables.SAFETY_STOP_REASON.name(), "The offender stood up and shouted at the victim."));
    return instance;
  }

  private static Map<String, Object> review(String decision) {
    return withVariables(CaseVariables.SAFETY_REVIEW_ACCOUNT.name(), "The offender shouted at the victim; the mediator ended the"
        + " meeting and the victim left first.", CaseVariables.SAFETY_REVIEW_DECISION.name(), decision,
        CaseVariables.SAFETY_REVIEW_NOTE.name(), "Separate rooms; the victim's support person stays.");
  }

  private static Object historic(ProcessInstance instance, String name) {
    return historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
        .singleResult().getValue();
  }

  private ProcessInstance start() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("mediation-session", "VOM-2026-00007",
        Variables.createVariables().putValue(CaseVariables.CASE_NUMBER.name(), "VOM-2026-00007")
            .putValue(CaseVariables.LEAD_MEDIATOR.name(), "mara").putValue(CaseVariables.MEDIATORS.name(), List.of("mara", "jonas"))
            .putValue(CaseVariables.PREPARATION_SUMMARY.name(), "V1 Ana Roth (victim): ready; meeting: direct"));
    assertThat(instance).isWaitingAt("Task_ScheduleSession");
    return instance;
  }

  private static Map<String, Object> schedule(String date, String time) {
    return withVariables(CaseVariables.MEETING_TYPE.name(), "direct", CaseVariables.SESSION_DATE.name(), date, CaseVariables.SESSION_TIME.name(), time,
        CaseVariables.SESSION_PLACE.name(), "Community centre, room 2", CaseVariables.SESSION_ATTENDEES.name(), "Ana Roth, Carl Vogt, Mara Jensen");
  }

  private static Job timer(ProcessInstance instance) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
  }

  private static Date at(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
  }

  private void assertRefused(String taskId, Map<String, Object> input, String message) {
    Assertions.assertThatThrownBy(() -> taskService().complete(taskId, input))
        .hasMessageContaining(message).hasRootCauseInstanceOf(CaseInputException.class);
  }
}
