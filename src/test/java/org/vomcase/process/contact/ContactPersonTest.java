package org.vomcase.process.contact;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
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

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vomcase.support.ProcessTests;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.vomcase.settings.VomProperties;
import org.vomcase.notification.NotificationService;
import org.vomcase.notification.OutgoingMessage;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.support.ProcessTestEngine;

/** {@code contact-person}: introduction, consent calls, reminders, not reachable, guardians of minors (R5-R7). */
@Deployment(resources = {"processes/contact-person.bpmn", "forms/consent-call.form", "forms/guardian-consent.form",
    "forms/letter-answer.form"})
class ContactPersonTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  @RegisterExtension static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  ProcessEngine processEngine;
  NotificationService notifications = mock(NotificationService.class);

  @BeforeEach
  void setUp() {
    ProcessTests.init(processEngine, TODAY.atTime(9, 0), notifications);
    Mocks.register("contactPersonListener", new ContactPersonListener(new VomProperties(null, null, null, null, null)));
    Mocks.register("consentCallListener", new ConsentCallListener());
    Mocks.register("guardianConsentListener", new GuardianConsentListener());
    Mocks.register("consentOutcome", new ConsentRecorder());
    Mocks.register("contactPlan", new ContactPlan());
    Mocks.register("letterAnswerListener", new LetterAnswerListener());
  }

  @AfterEach
  void tearDown() {
    ProcessTests.reset();
  }

  @Test
  void adultAgreesInTheFirstCallAfterTheIntroduction() {
    ProcessInstance instance = start("offender", false);
    assertThat(instance).isWaitingAt("Task_SendIntroduction");
    execute(job());

    assertThat(instance).isWaitingAt("Task_CallForConsent");
    assertThat(task()).isAssignedTo("mara");
    // The name names the person by id only (everyone who sees a task sees its name); the name is a task variable.
    Assertions.assertThat(task().getName()).isEqualTo("Call the person for consent: O1, VOM-2026-00007");
    Assertions.assertThat(taskService().getVariableLocal(task().getId(), CaseVariables.PERSON_LABEL.name())).isEqualTo("Carl Vogt (O1)");
    Assertions.assertThat(taskService().getIdentityLinksForTask(task().getId()))
        .filteredOn(link -> "candidate".equals(link.getType())).extracting(link -> link.getUserId())
        .containsExactlyInAnyOrder("mara", "jonas");
    Assertions.assertThat(taskService().getVariable(task().getId(), CaseVariables.PERSON_NAME.name())).isEqualTo("Carl Vogt");
    OutgoingMessage introduction = sent(1).get(0);
    Assertions.assertThat(introduction.message()).isEqualTo("introduction");
    Assertions.assertThat(introduction.recipientRole()).isEqualTo("offender");
    Assertions.assertThat(introduction.content()).containsEntry("personId", "O1").containsEntry("channel", "letter_only");

    complete(task(), withVariables(CaseVariables.CALL_OUTCOME.name(), "agrees"));

    assertThat(instance).isEnded().hasPassed("EndEvent_PersonAgrees", "EndEvent_ConsentGiven");
    assertOutcome(instance, "agreed");
  }

  @Test
  void personWhoDeclinesIsNotContactedAgain() {
    ProcessInstance instance = startedAtTheCall("victim", false);

    complete(task(), withVariables(CaseVariables.CALL_OUTCOME.name(), "declines"));

    assertThat(instance).isEnded().hasPassed("EndEvent_PersonDeclines", "EndEvent_Declined");
    assertOutcome(instance, "declined");
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void personWhoWantsTimeIsCalledAgainOnTheChosenDay() {
    ProcessInstance instance = startedAtTheCall("victim", false);

    complete(task(), withVariables(CaseVariables.CALL_OUTCOME.name(), "call_again", CaseVariables.NEXT_CALL_DATE.name(), "2026-03-09"));

    assertThat(instance).isWaitingAt("Event_WaitForNextCall");
    Job timer = managementService().createJobQuery().processInstanceId(instance.getId()).activityId("Event_WaitForNextCall").singleResult();
    Assertions.assertThat(timer.getDuedate()).isEqualTo(Date.from(LocalDate.of(2026, 3, 9).atStartOfDay(ZoneId.systemDefault()).toInstant()));
    execute(timer);
    assertThat(instance).isWaitingAt("Task_CallForConsent");
    complete(task(), withVariables(CaseVariables.CALL_OUTCOME.name(), "agrees"));
    assertOutcome(instance, "agreed");
  }

  @Test
  void repeatedCallStartsEmptyAndShowsTheEarlierCalls() {
    ProcessInstance instance = startedAtTheCall("victim", false);
    Assertions.assertThat(taskService().getVariableLocal(task().getId(), CaseVariables.CALLS_SHOWN.name())).isEqualTo("This is the first call.");
    identityService().setAuthenticatedUserId("jonas");
    try {
      complete(task(), withVariables(CaseVariables.CALL_OUTCOME.name(), "call_again", CaseVariables.NEXT_CALL_DATE.name(), "2026-03-09"));
    } finally {
      identityService().clearAuthentication();
    }
    ClockUtil.setCurrentTime(ProcessTests.at(LocalDate.of(2026, 3, 9).atTime(9, 0)));
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).activityId("Event_WaitForNextCall").singleResult());

    assertThat(instance).isWaitingAt("Task_CallForConsent");
    Map<String, Object> offered = taskService().getVariables(task().getId());
    Assertions.assertThat(offered).doesNotContainKeys(CaseVariables.CALL_OUTCOME.name(), CaseVariables.NEXT_CALL_DATE.name());
    Assertions.assertThat(offered).containsKey(CaseVariables.PERSON_NAME.name());
    // The first call in words, in the programme's language (de_toa): day, outcome, the next call asked for, who called.
    Assertions.assertThat(offered.get(CaseVariables.CALLS_SHOWN.name()))
        .isEqualTo("Call 1, 2. März 2026: Wants time: call again (next call 9. März 2026), called by jonas");
    complete(task(), withVariables(CaseVariables.CALL_OUTCOME.name(), "not_reachable"));
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).activityId("Event_WaitForNextCall").singleResult());

    // Without a login (the engine driven directly) the call counts as the assignee's.
    Assertions.assertThat(taskService().getVariableLocal(task().getId(), CaseVariables.CALLS_SHOWN.name())).isEqualTo(
        "Call 1, 2. März 2026: Wants time: call again (next call 9. März 2026), called by jonas\n"
            + "Call 2, 9. März 2026: Not reached (next call 11. März 2026), called by mara");
    complete(task(), withVariables(CaseVariables.CALL_OUTCOME.name(), "agrees"));
    assertOutcome(instance, "agreed");
  }

  @Test
  void unansweredCallsAreTriedAgainTwoDaysLaterUntilTheAttemptsAreUsedUp() {
    ProcessInstance instance = startedAtTheCall("offender", false);

    for (int call = 1; call <= 2; call++) {
      complete(task(), withVariables(CaseVariables.CALL_OUTCOME.name(), "not_reachable"));
      assertThat(instance).isWaitingAt("Event_WaitForNextCall").variables().containsEntry(CaseVariables.UNREACHED_CALLS.name(), call)
          .containsEntry(CaseVariables.NEXT_CALL_DATE.name(), TODAY.plusDays(2).toString());
      execute(managementService().createJobQuery().processInstanceId(instance.getId()).activityId("Event_WaitForNextCall").singleResult());
    }
    complete(task(), withVariables(CaseVariables.CALL_OUTCOME.name(), "not_reachable"));

    assertThat(instance).isEnded().hasPassed("EndEvent_PersonNotReached", "EndEvent_NotReachable");
    assertOutcome(instance, "not_reachable");
  }

  @Test
  void personNotReachedWithinSixWeeksCountsAsNotReachable() {
    ProcessInstance instance = startedAtTheCall("offender", false);
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("BoundaryEvent_NotReachableDeadline").singleResult().getDuedate())
        .isEqualTo(Date.from(TODAY.plusWeeks(6).atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant()));

    execute(managementService().createJobQuery().processInstanceId(instance.getId()).activityId("BoundaryEvent_NotReachableDeadline").singleResult());

    assertThat(instance).isEnded().hasPassed("BoundaryEvent_NotReachableDeadline", "EndEvent_NotReachable");
    assertOutcome(instance, "not_reachable");
  }

  @Test
  void overdueCallRemindsTheMediatorAndTheCallStaysOpen() {
    ProcessInstance instance = startedAtTheCall("victim", false);

    execute(managementService().createJobQuery().processInstanceId(instance.getId()).activityId("BoundaryEvent_ConsentCallOverdue").singleResult());
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).activityId("Task_RemindMediatorOfCall").singleResult());

    assertThat(instance).isWaitingAt("Task_CallForConsent").hasPassed("EndEvent_CallReminderSent");
    OutgoingMessage reminder = sent(2).get(1);
    Assertions.assertThat(reminder.message()).isEqualTo("consent-call-overdue");
    Assertions.assertThat(reminder.recipientRole()).isEqualTo("mediator");
  }

  @Test
  void minorWhoAgreesNeedsTheGuardiansConsent() {
    ProcessInstance instance = startedAtTheCall("offender", true);
    complete(task(), withVariables(CaseVariables.CALL_OUTCOME.name(), "agrees"));

    assertThat(instance).isWaitingAt("Task_RecordGuardianConsent");
    assertThat(task()).isAssignedTo("mara");
    complete(task(), guardian("consents"));

    assertThat(instance).isEnded().hasPassed("EndEvent_ConsentGiven");
    assertOutcome(instance, "agreed");
  }

  @Test
  void guardianConsentLeftOpenRemindsTheMediator() {
    ProcessInstance instance = startedAtTheCall("offender", true);
    complete(task(), withVariables(CaseVariables.CALL_OUTCOME.name(), "agrees"));

    execute(managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult());

    assertThat(instance).isWaitingAt("Task_RecordGuardianConsent");
    OutgoingMessage reminder = sent(2).get(1);
    Assertions.assertThat(reminder.message()).isEqualTo("task-overdue");
    Assertions.assertThat(reminder.recipientRole()).isEqualTo("mediator");
  }

  @Test
  void guardiansRefusalMeansTheMinorDoesNotTakePart() {
    ProcessInstance instance = startedAtTheCall("victim", true);
    complete(task(), withVariables(CaseVariables.CALL_OUTCOME.name(), "agrees"));

    complete(task(), guardian("refuses"));

    assertThat(instance).isEnded().hasPassed("EndEvent_GuardianRefused");
    assertOutcome(instance, "declined");
  }

  @Test
  void badCallAndGuardianInputIsRefusedAndTheTaskStays() {
    ProcessInstance instance = startedAtTheCall("offender", true);
    String call = task().getId();

    assertRefused(call, Map.of(CaseVariables.CALL_OUTCOME.name(), "call_again"), "nextCallDate: is required");
    assertRefused(call, Map.of(CaseVariables.CALL_OUTCOME.name(), "call_again", CaseVariables.NEXT_CALL_DATE.name(), TODAY.toString()),
        "nextCallDate: the next call must be on a later day than today");
    assertRefused(call, Map.of(CaseVariables.CALL_OUTCOME.name(), "maybe"), "callOutcome: 'maybe' is not one of");
    assertRefused(call, Map.of(CaseVariables.CALL_OUTCOME.name(), "call_again", CaseVariables.NEXT_CALL_DATE.name(), TODAY.plusWeeks(6).toString()),
        "nextCallDate: the next call must be before " + TODAY.plusWeeks(6));
    complete(task(), withVariables(CaseVariables.CALL_OUTCOME.name(), "agrees"));
    String guardianTask = task().getId();
    Map<String, Object> noContact = new HashMap<>(guardian("consents"));
    noContact.remove(CaseVariables.GUARDIAN_PHONE.name());
    assertRefused(guardianTask, noContact, "guardianPhone: give the guardian's phone or email");
    assertRefused(guardianTask, Map.of(CaseVariables.GUARDIAN_NAME.name(), "X"), "guardianName: must have at least 2 characters");

    assertThat(instance).isWaitingAt("Task_RecordGuardianConsent");
  }

  @ParameterizedTest(name = "consent withdrawn while the contact waits at {0}")
  @ValueSource(strings = {"Task_SendIntroduction", "Task_CallForConsent", "Event_WaitForNextCall", "Task_RecordGuardianConsent"})
  void withdrawalEndsTheContactWhateverItWaitsFor(String waitState) {
    ProcessInstance instance = start("victim", true);
    if (!waitState.equals("Task_SendIntroduction")) {
      execute(job());
    }
    if (waitState.equals("Event_WaitForNextCall")) {
      complete(task(), withVariables(CaseVariables.CALL_OUTCOME.name(), "not_reachable"));
    } else if (waitState.equals("Task_RecordGuardianConsent")) {
      complete(task(), withVariables(CaseVariables.CALL_OUTCOME.name(), "agrees"));
    }
    assertThat(instance).isWaitingAt(waitState);

    runtimeService().createMessageCorrelation("Msg_ContactWithdrawn").processInstanceVariableEquals(CaseVariables.PERSON_ID.name(), "V1")
        .correlate();

    assertThat(instance).isEnded().hasPassed("EndEvent_ContactWithdrawn");
    assertOutcome(instance, "withdrawn");
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @ParameterizedTest(name = "a victim contacted in writing only who {0} is never called")
  @ValueSource(strings = {"agrees", "declines"})
  void victimContactedInWritingOnlyIsNeverCalledAndTheirAnswerIsRecorded(String answer) {
    ProcessInstance instance = start("victim", false, true, "de_toa");
    execute(job());

    assertThat(instance).isWaitingAt("Task_RecordLetterAnswer");
    Assertions.assertThat(taskService().getVariable(task().getId(), CaseVariables.CONTACT_RESTRICTION.name()))
        .asString().contains("letter only");
    complete(task(), withVariables(CaseVariables.CALL_OUTCOME.name(), answer, CaseVariables.SAFE_DO_NOT_WRITE.name(), true,
        CaseVariables.SAFE_PREFERRED_CHANNEL.name(), "email"));

    assertThat(instance).isEnded().hasNotPassed("Task_CallForConsent");
    assertOutcome(instance, "agrees".equals(answer) ? "agreed" : "declined");
    Assertions.assertThat(historicPerson(instance)).contains("\"doNotWrite\":true").contains("\"preferredChannel\":\"email\"");
  }

  @Test
  void letterAnswerIsRefusedWhenItIsNoneOfTheAnswersOrContradictsItself() {
    ProcessInstance instance = start("victim", false, true, "us_vom");
    execute(job());
    String answer = task().getId();

    assertRefused(answer, Map.of(CaseVariables.CALL_OUTCOME.name(), "call_again"), "callOutcome: 'call_again' is not one of");
    assertRefused(answer, Map.of(CaseVariables.CALL_OUTCOME.name(), "agrees", CaseVariables.SAFE_PREFERRED_CHANNEL.name(), "letter",
        CaseVariables.SAFE_DO_NOT_WRITE.name(), true), "safeDoNotWrite: contradicts the preferred channel");
    assertThat(instance).isWaitingAt("Task_RecordLetterAnswer");
  }

  @Test
  void safeContactGivenInTheCallIsKeptWithThePerson() {
    ProcessInstance instance = startedAtTheCall("offender", false);

    complete(task(), withVariables(CaseVariables.CALL_OUTCOME.name(), "agrees", CaseVariables.SAFE_NO_MESSAGES.name(), true,
        CaseVariables.SAFE_TIME_TO_CALL.name(), "weekdays after 6 pm"));

    assertOutcome(instance, "agreed");
    Assertions.assertThat(historicPerson(instance)).contains("\"noMessages\":true").contains("weekdays after 6 pm");
  }

  @Test
  void konfliktraadAsksAMinorsParentsFirstAndThenTheMinor() {
    ProcessInstance instance = start("victim", true, false, "dk_konfliktraad");
    execute(job());

    assertThat(instance).isWaitingAt("Task_AskGuardiansFirst");
    assertThat(task()).isAssignedTo("mara");
    complete(task(), guardian("consents"));

    assertThat(instance).isWaitingAt("Task_CallForConsent");
    complete(task(), withVariables(CaseVariables.CALL_OUTCOME.name(), "agrees"));

    assertThat(instance).isEnded().hasPassed("Task_AskGuardiansFirst", "EndEvent_ConsentGiven").hasNotPassed("Task_RecordGuardianConsent");
    assertOutcome(instance, "agreed");
  }

  @Test
  void konfliktraadMinorIsNotCalledWhenTheParentsRefuse() {
    ProcessInstance instance = start("victim", true, false, "dk_konfliktraad");
    execute(job());

    complete(task(), guardian("refuses"));

    assertThat(instance).isEnded().hasPassed("EndEvent_GuardiansRefusedFirst").hasNotPassed("Task_CallForConsent");
    assertOutcome(instance, "declined");
  }

  @Test
  void outsideKonfliktraadTheMinorIsCalledFirstAndTheParentsAfter() {
    ProcessInstance instance = start("victim", true, false, "de_toa");
    execute(job());

    assertThat(instance).isWaitingAt("Task_CallForConsent").hasNotPassed("Task_AskGuardiansFirst");
  }

  private String historicPerson(ProcessInstance instance) {
    return String.valueOf(historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(CaseVariables.PERSON.name()).singleResult().getValue());
  }

  private ProcessInstance start(String role, boolean minor) {
    return start(role, minor, false, "de_toa");
  }

  private ProcessInstance start(String role, boolean minor, boolean writtenOnly, String profile) {
    String id = "offender".equals(role) ? "O1" : "V1";
    String person = "{\"personId\":\"" + id + "\",\"role\":\"" + role + "\",\"name\":\"Carl Vogt\",\"phone\":\"+49 30 1234567\","
        + "\"preferredLanguage\":\"de\",\"interpreterNeeded\":false,\"minor\":" + minor + "}";
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("contact-person", "VOM-2026-00007", Variables.createVariables()
        .putValue(CaseVariables.PERSON.name(), SpinValues.jsonValue(person).create())
        .putValue(CaseVariables.CASE_NUMBER.name(), "VOM-2026-00007")
        .putValue(CaseVariables.LEAD_MEDIATOR.name(), "mara")
        .putValue(CaseVariables.MEDIATORS.name(), List.of("mara", "jonas"))
        .putValue(CaseVariables.INTRODUCTION_CHANNEL.name(), "letter_only")
        .putValue(CaseVariables.WRITTEN_ONLY.name(), writtenOnly)
        .putValue(CaseVariables.PROGRAMME_PROFILE.name(), profile)
        .putValue(CaseVariables.OFFENCE_SUMMARY.name(), "A fight outside a bar."));
    assertThat(instance).isStarted();
    return instance;
  }

  private ProcessInstance startedAtTheCall(String role, boolean minor) {
    ProcessInstance instance = start(role, minor);
    execute(job());
    assertThat(instance).isWaitingAt("Task_CallForConsent");
    return instance;
  }

  private static Map<String, Object> guardian(String consent) {
    return withVariables(CaseVariables.GUARDIAN_NAME.name(), "Petra Vogt", CaseVariables.GUARDIAN_RELATION.name(), "parent",
        CaseVariables.GUARDIAN_PHONE.name(), "+49 30 7654321", CaseVariables.GUARDIAN_CONSENT.name(), consent);
  }

  private List<OutgoingMessage> sent(int count) {
    ArgumentCaptor<OutgoingMessage> captor = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications, times(count)).send(captor.capture());
    return captor.getAllValues();
  }

  private void assertRefused(String taskId, Map<String, Object> input, String message) {
    Assertions.assertThatThrownBy(() -> taskService().complete(taskId, input))
        .hasMessageContaining(message)
        .hasRootCauseInstanceOf(CaseInputException.class);
  }

  private void assertOutcome(ProcessInstance instance, String outcome) {
    Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(CaseVariables.CONSENT_OUTCOME.name()).singleResult().getValue()).isEqualTo(outcome);
  }
}
