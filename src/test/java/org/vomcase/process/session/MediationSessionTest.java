package org.vomcase.process.session;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
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
import org.vomcase.notification.Recipient;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.kernel.Option;
import org.vomcase.support.ProcessTestEngine;

/** {@code mediation-session} (R11, R12): scheduling, invitation, reminder, the session, outcome, no-show rescheduling. */
@Deployment(resources = {"processes/mediation-session.bpmn", "forms/schedule-session.form", "forms/session-outcome.form",
    "forms/safety-review.form", "forms/change-session.form", "forms/change-appointment.form"})
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
    Mocks.register("appointmentChangeListener", new AppointmentChangeListener());
    Mocks.register("sessionChangeListener", new SessionChangeListener());
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
    execute(sendJob(instance));
    assertThat(instance).isWaitingAt("Task_ChangeSession");
    assertThat(task()).isAssignedTo("mara").hasName("Change the session if needed: VOM-2026-00007");
    Assertions.assertThat(taskService().getVariableLocal(task().getId(), CaseVariables.SESSION_SHOWN.name()))
        .isEqualTo("Thursday, March 12, 2026, 14:30, Community centre, room 2");
    Assertions.assertThat(timer(instance, "Event_SessionReminderDue").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 10, 14, 30)));
    Assertions.assertThat(timer(instance, "Event_SessionTime").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 12, 14, 30)));
    execute(timer(instance, "Event_SessionReminderDue"));
    execute(sendJob(instance));
    assertThat(instance).hasPassed("EndEvent_SessionReminded").isWaitingAt("Task_ChangeSession");
    execute(timer(instance, "Event_SessionTime"));
    assertThat(instance).isWaitingAt("Task_RecordSessionOutcome").hasNotPassed("Gateway_SessionChange");
    // The outcome form shows the session in the programme's words (this case has no profile: English), not as ISO text.
    Assertions.assertThat(taskService().getVariableLocal(task().getId(), CaseVariables.SESSION_SHOWN.name()))
        .isEqualTo("Thursday, March 12, 2026, 14:30, Community centre, room 2");
    complete(task(), withVariables(CaseVariables.SESSION_HELD.name(), "held", CaseVariables.SESSION_OUTCOME.name(), "agreement"));

    assertThat(instance).isEnded().hasPassed("EndEvent_SessionHeld");
    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications, times(2)).send(sent.capture());
    Assertions.assertThat(sent.getAllValues()).extracting(OutgoingMessage::message).containsExactly("session-invitation", "session-reminder");
    Assertions.assertThat(sent.getValue().content()).containsEntry(CaseVariables.SESSION_PLACE.name(), "Community centre, room 2")
        .containsEntry(CaseVariables.MEETING_TYPE.name(), "direct").containsEntry(CaseVariables.SESSION_SEQUENCE.name(), 0)
        .containsEntry(CaseVariables.SESSION_CHANGED.name(), false);
  }

  // --- a direct session moved or cancelled before it takes place (issue 18) ---------------------------

  @Test
  void movingTheSessionSendsEveryoneTheUpdateAndRemindsThemOfTheNewDate() {
    ProcessInstance instance = start();
    complete(task(), schedule("2026-03-12", "14:30"));
    execute(sendJob(instance));
    // The reminder of the first date went out before the session was moved.
    execute(timer(instance, "Event_SessionReminderDue"));
    execute(sendJob(instance));

    complete(task(), change("reschedule", "2026-03-20", "10:00", "Mediation office"));
    assertThat(instance).hasPassed("Gateway_SessionChange").isWaitingAt("Task_SendInvitations");
    execute(sendJob(instance));

    assertThat(instance).isWaitingAt("Task_ChangeSession");
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.SESSION_CHANGE.name()))
        .as("the next change starts without a choice").isNull();
    Assertions.assertThat(taskService().getVariableLocal(task().getId(), CaseVariables.SESSION_SHOWN.name()))
        .isEqualTo("Friday, March 20, 2026, 10:00, Mediation office (invitation 2)");
    Assertions.assertThat(timer(instance, "Event_SessionReminderDue").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 18, 10, 0)));
    Assertions.assertThat(timer(instance, "Event_SessionTime").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 20, 10, 0)));
    execute(timer(instance, "Event_SessionReminderDue"));
    execute(sendJob(instance));
    execute(timer(instance, "Event_SessionTime"));
    assertThat(instance).isWaitingAt("Task_RecordSessionOutcome");

    List<OutgoingMessage> sent = sentMessages();
    Assertions.assertThat(sent).extracting(OutgoingMessage::message)
        .containsExactly("session-invitation", "session-reminder", "session-invitation", "session-reminder");
    Assertions.assertThat(sent).extracting(OutgoingMessage::idempotencyKey).doesNotHaveDuplicates();
    Assertions.assertThat(sent.get(2).content()).containsEntry(CaseVariables.SESSION_SEQUENCE.name(), 1)
        .containsEntry(CaseVariables.SESSION_CHANGED.name(), true).containsEntry(CaseVariables.SESSION_PLACE.name(), "Mediation office")
        .containsEntry(CaseVariables.SESSION_START.name(), iso(LocalDateTime.of(2026, 3, 20, 10, 0)));
    Assertions.assertThat(sent.get(3).content()).containsEntry(CaseVariables.SESSION_START.name(), iso(LocalDateTime.of(2026, 3, 20, 10, 0)));
  }

  @Test
  void cancellingTheSessionTellsEveryoneAndOpensTheSchedulingAgain() {
    ProcessInstance instance = start();
    complete(task(), schedule("2026-03-12", "14:30"));
    execute(sendJob(instance));

    // A cancellation that carries a date, time and place along changes none of the session's (nor mails them).
    complete(task(), change("cancel", "not-a-date", "99:99", "Room B\r\nEND:VEVENT"));
    assertThat(instance).isWaitingAt("Task_SendSessionCancellation");
    Assertions.assertThat(runtimeService().getVariables(instance.getId())).containsEntry(CaseVariables.SESSION_PLACE.name(),
        "Community centre, room 2").containsEntry(CaseVariables.SESSION_CANCELLED.name(), true)
        .doesNotContainKeys(CaseVariables.NEW_SESSION_DATE.name(), CaseVariables.NEW_SESSION_TIME.name(),
            CaseVariables.NEW_SESSION_PLACE.name());
    execute(sendJob(instance));

    assertThat(instance).isWaitingAt("Task_ScheduleSession").hasPassed("Task_SendSessionCancellation");
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).activityId("Event_SessionTime")
        .count() + managementService().createJobQuery().processInstanceId(instance.getId()).activityId("Event_SessionReminderDue").count())
        .as("no reminder and no session time of the cancelled session").isZero();
    complete(task(), schedule("2026-03-25", "16:00"));
    execute(sendJob(instance));
    assertThat(instance).isWaitingAt("Task_ChangeSession");

    List<OutgoingMessage> sent = sentMessages();
    Assertions.assertThat(sent).extracting(OutgoingMessage::message)
        .containsExactly("session-invitation", "session-cancellation", "session-invitation");
    Assertions.assertThat(sent).extracting(m -> m.content().get(CaseVariables.SESSION_SEQUENCE.name())).containsExactly(0, 1, 2);
    Assertions.assertThat(sent.get(1).content()).containsEntry(CaseVariables.SESSION_START.name(), iso(LocalDateTime.of(2026, 3, 12, 14, 30)));
    Assertions.assertThat(sent).extracting(OutgoingMessage::idempotencyKey).doesNotHaveDuplicates();
    Assertions.assertThat(historic(instance, CaseVariables.RESCHEDULES.name())).as("a cancellation is no no-show").isEqualTo(0L);
  }

  @Test
  void aSessionMovedToAnotherPlaceAtTheSameTimeIsMoved() {
    ProcessInstance instance = start();
    complete(task(), schedule("2026-03-12", "14:30"));
    execute(sendJob(instance));

    complete(task(), change("reschedule", "2026-03-12", "14:30", " Mediation office, room 4 "));
    execute(sendJob(instance));

    assertThat(instance).isWaitingAt("Task_ChangeSession").variables()
        .containsEntry(CaseVariables.SESSION_PLACE.name(), "Mediation office, room 4");
    Assertions.assertThat(sentMessages()).extracting(m -> m.content().get(CaseVariables.SESSION_PLACE.name()))
        .containsExactly("Community centre, room 2", "Mediation office, room 4");
  }

  @Test
  void aChangeThatChangesNothingOrLiesInThePastIsRefused() {
    ProcessInstance instance = start();
    complete(task(), schedule("2026-03-12", "14:30"));
    execute(sendJob(instance));
    String changeTask = task().getId();

    assertRefused(changeTask, Map.of(), "sessionChange: is required");
    assertRefused(changeTask, withVariables(CaseVariables.SESSION_CHANGE.name(), "postpone"), "sessionChange: 'postpone' is not one of");
    assertRefused(changeTask, change("reschedule", "2026-03-12", "14:30", " Community centre, room 2 "),
        "newSessionDate: this is the session's date, time and place already");
    assertRefused(changeTask, change("reschedule", "2026-03-01", "10:00", "Mediation office"),
        "newSessionDate: the session must be in the future");
    assertRefused(changeTask, change("reschedule", "2026-03-20", "25:00", "Mediation office"), "newSessionTime:");
    assertRefused(changeTask, change("reschedule", "2026-03-20", "10:00", "X"), "newSessionPlace:");
    assertRefused(changeTask, change("reschedule", "2026-03-20", "10:00", "Room B\r\nEND:VEVENT"), "newSessionPlace: must be one line");

    assertThat(instance).isWaitingAt("Task_ChangeSession");
    Assertions.assertThat(timer(instance, "Event_SessionTime").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 12, 14, 30)));
  }

  private static Map<String, Object> change(String change, String date, String time, String place) {
    return withVariables(CaseVariables.SESSION_CHANGE.name(), change, CaseVariables.NEW_SESSION_DATE.name(), date,
        CaseVariables.NEW_SESSION_TIME.name(), time, CaseVariables.NEW_SESSION_PLACE.name(), place);
  }

  private List<OutgoingMessage> sentMessages() {
    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications, org.mockito.Mockito.atLeastOnce()).send(sent.capture());
    return sent.getAllValues();
  }

  @Test
  void sessionSoonerThanTwoDaysIsRemindedAtOnce() {
    ProcessInstance instance = start();

    complete(task(), schedule("2026-03-03", "10:00"));
    execute(sendJob(instance));

    Assertions.assertThat(timer(instance, "Event_SessionReminderDue").getDuedate()).isEqualTo(at(NOW));
  }

  @Test
  void noShowIsRescheduledTwiceThenTheSessionDoesNotTakePlace() {
    ProcessInstance instance = start();

    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(instance).isWaitingAt("Task_ScheduleSession");
      complete(task(), schedule("2026-03-20", "10:00"));
      execute(sendJob(instance));
      execute(timer(instance, "Event_SessionReminderDue"));
      execute(sendJob(instance));
      execute(timer(instance, "Event_SessionTime"));
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
  void theSchedulingFormStartsFromTheVictimsChoicesAndOffersThePersonsTakingPart() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("mediation-session", "VOM-2026-00007",
        Variables.createVariables().putValue(CaseVariables.CASE_NUMBER.name(), "VOM-2026-00007")
            .putValue(CaseVariables.LEAD_MEDIATOR.name(), "mara").putValue(CaseVariables.MEDIATORS.name(), List.of("mara"))
            .putValue(CaseVariables.VICTIMS.name(), historicVictims())
            .putValue(CaseVariables.OFFENDERS.name(), json("[{\"personId\":\"O1\",\"role\":\"offender\",\"name\":\"Carl Vogt\","
                + "\"email\":\"carl@example.org\",\"preferredLanguage\":\"de\",\"minor\":true}]"))
            .putValue(CaseVariables.CONSENTS.name(), json("{\"V1\":{\"role\":\"victim\",\"outcome\":\"agreed\"},"
                + "\"V2\":{\"role\":\"victim\",\"outcome\":\"declined\"},\"O1\":{\"role\":\"offender\",\"outcome\":\"agreed\","
                + "\"guardianName\":\"Eva Vogt\",\"guardianRelation\":\"parent\",\"guardianEmail\":\"eva@example.org\","
                + "\"guardianConsent\":\"consents\"}}"))
            .putValue(CaseVariables.PREPARATIONS.name(), json("{\"O1\":{\"role\":\"offender\",\"meetingType\":\"indirect\"},"
                + "\"V1\":{\"role\":\"victim\",\"meetingType\":\"direct\",\"preferredPlace\":\"Library, meeting room\"}}")));
    assertThat(instance).isWaitingAt("Task_ScheduleSession");

    // The victim's choices, not the offender's: a direct meeting at the victim's place.
    Map<String, Object> offered = taskService().getVariables(task().getId());
    Assertions.assertThat(offered).containsEntry(CaseVariables.MEETING_TYPE.name(), "direct")
        .containsEntry(CaseVariables.SESSION_PLACE.name(), "Library, meeting room");
    // Who attends: the parties (V2 declined) and the minor's guardian, all checked.
    Assertions.assertThat(CaseVariables.ATTENDEE_OPTIONS.read(taskService().getVariableLocal(task().getId(),
        CaseVariables.ATTENDEE_OPTIONS.name()))).extracting(Option::label, Option::value).containsExactly(
        Assertions.tuple("Ana Roth (V1, victim)", "V1"), Assertions.tuple("Carl Vogt (O1, offender)", "O1"),
        Assertions.tuple("Eva Vogt (G-O1, guardian of O1)", "G-O1"));
    Assertions.assertThat(CaseVariables.SESSION_ATTENDEE_IDS.read(offered.get(CaseVariables.SESSION_ATTENDEE_IDS.name())))
        .containsExactly("V1", "O1", "G-O1");

    String scheduling = task().getId();
    assertRefused(scheduling, withIds(schedule("2026-03-20", "10:00"), "[\"V1\",\"V2\",\"O1\"]"),
        "sessionAttendeeIds: 'V2' is not a person taking part in this case");
    assertRefused(scheduling, withIds(schedule("2026-03-20", "10:00"), "[\"V1\",\"G-O1\"]"),
        "sessionAttendeeIds: a direct meeting needs a victim and an offender who attend");
    assertRefused(scheduling, withIds(schedule("2026-03-20", "10:00"), "[]"), "sessionAttendeeIds: is required");
    complete(task(), withIds(schedule("2026-03-20", "10:00"), "[\"V1\",\"O1\",\"G-O1\"]"));

    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.SESSION_ATTENDEES.name()))
        .isEqualTo("Ana Roth (V1, victim), Carl Vogt (O1, offender), Eva Vogt (G-O1, guardian of O1)");
    runtimeService().deleteProcessInstance(instance.getId(), "test done");
  }

  private static Object historicVictims() {
    return json("[{\"personId\":\"V1\",\"role\":\"victim\",\"name\":\"Ana Roth\",\"email\":\"ana@example.org\","
        + "\"preferredLanguage\":\"de\",\"minor\":false},{\"personId\":\"V2\",\"role\":\"victim\",\"name\":\"Ben Roth\","
        + "\"email\":\"ben@example.org\",\"preferredLanguage\":\"de\",\"minor\":false}]");
  }

  private static Map<String, Object> withIds(Map<String, Object> input, String ids) {
    input.put(CaseVariables.SESSION_ATTENDEE_IDS.name(), json(ids));
    return input;
  }

  @Test
  void aVictimsChoiceOfIndirectMediationBindsTheScheduling() {
    ProcessInstance instance = startWithParties();
    runtimeService().setVariable(instance.getId(), CaseVariables.PREPARATIONS.name(),
        org.camunda.spin.plugin.variable.SpinValues.jsonValue("{\"V1\":{\"role\":\"victim\",\"meetingType\":\"indirect\"}}").create());

    assertRefused(task().getId(), schedule("2026-03-20", "10:00"), "meetingType: a victim chose indirect mediation");
    complete(task(), indirect("2026-03-20", "10:00", "Victim support office", "2026-03-21", "10:00", "Mediation office"));

    assertThat(instance).isWaitingAt("Task_SendAppointmentInvitation");
  }

  // Indirect (shuttle) mediation: one appointment per party.

  @Test
  void indirectMediationInvitesAndRemindsEachPartyOfTheirOwnAppointmentOnly() {
    ProcessInstance instance = startWithParties();

    complete(task(), indirect("2026-03-12", "10:00", "Victim support office", "2026-03-13", "15:00", "Mediation office"));
    assertThat(instance).isWaitingAt("Task_SendAppointmentInvitation");
    runAsyncJobs(instance);

    // One invitation per person taking part, each to that person (and their guardian) only, naming their own appointment.
    List<OutgoingMessage> invitations = sent("appointment-invitation");
    Assertions.assertThat(invitations).hasSize(3);
    OutgoingMessage toOffender = to(invitations, "O1");
    Assertions.assertThat(toOffender.recipientRole()).isEqualTo("participant");
    Assertions.assertThat(toOffender.recipients()).extracting(Recipient::id).containsExactly("O1", "G-O1");
    Assertions.assertThat(toOffender.content()).containsEntry("appointmentPlace", "Mediation office")
        .containsEntry("appointmentStart", "2026-03-13T15:00" + offset("2026-03-13")).containsEntry("appointmentSequence", 0)
        .containsEntry("appointmentChanged", false);
    Assertions.assertThat(toOffender.content().values()).extracting(String::valueOf)
        .noneMatch(value -> value.contains("Victim support office") || value.contains("2026-03-12") || value.contains("Ana Roth"));
    for (String victim : List.of("V1", "V2")) {
      OutgoingMessage toVictim = to(invitations, victim);
      Assertions.assertThat(toVictim.recipients()).extracting(Recipient::id).containsExactly(victim);
      Assertions.assertThat(toVictim.content()).containsEntry("appointmentPlace", "Victim support office");
      Assertions.assertThat(toVictim.content().values()).extracting(String::valueOf)
          .noneMatch(value -> value.contains("Mediation office") || value.contains("2026-03-13") || value.contains("Carl Vogt"));
    }
    Assertions.assertThat(invitations).extracting(OutgoingMessage::idempotencyKey).doesNotHaveDuplicates();

    // Each party's task to change their appointment, named by id; each reminded two days before their own appointment.
    Assertions.assertThat(taskService().createTaskQuery().taskDefinitionKey("Task_ChangeAppointment").list())
        .extracting(org.camunda.bpm.engine.task.Task::getName)
        .containsExactlyInAnyOrder("Change the party's appointment if needed: V1, VOM-2026-00007",
            "Change the party's appointment if needed: V2, VOM-2026-00007",
            "Change the party's appointment if needed: O1, VOM-2026-00007");
    Assertions.assertThat(timers(instance, "Event_AppointmentReminderDue")).extracting(Job::getDuedate)
        .containsOnly(at(LocalDateTime.of(2026, 3, 10, 10, 0)), at(LocalDateTime.of(2026, 3, 11, 15, 0)));
    timers(instance, "Event_AppointmentReminderDue").forEach(timer -> execute(timer));
    runAsyncJobs(instance);
    List<OutgoingMessage> reminders = sent("appointment-reminder");
    Assertions.assertThat(reminders).hasSize(3);
    Assertions.assertThat(to(reminders, "O1").content()).containsEntry("appointmentPlace", "Mediation office");
    Assertions.assertThat(to(reminders, "V1").content()).containsEntry("appointmentPlace", "Victim support office");

    // At each appointment's time its task closes; when every appointment is past, the mediator records the outcome.
    Assertions.assertThat(timers(instance, "Event_AppointmentTime")).extracting(Job::getDuedate)
        .containsOnly(at(LocalDateTime.of(2026, 3, 12, 10, 0)), at(LocalDateTime.of(2026, 3, 13, 15, 0)));
    timers(instance, "Event_AppointmentTime").forEach(timer -> execute(timer));
    assertThat(instance).isWaitingAt("Task_RecordSessionOutcome").hasPassed("EndEvent_AppointmentDue", "EndEvent_AppointmentReminded");
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.SESSION_PLACE.name())).isNull();
    // Indirect mediation: the outcome form shows each person's appointment in words.
    Assertions.assertThat(taskService().getVariableLocal(task().getId(), CaseVariables.SESSION_SHOWN.name())).asString()
        .contains("V1: Thursday, March 12, 2026, 10:00, Victim support office", "O1: Friday, March 13, 2026, 15:00, Mediation office");
    complete(task(), withVariables(CaseVariables.SESSION_HELD.name(), "held", CaseVariables.SESSION_OUTCOME.name(), "indirect_completed"));
    assertThat(instance).isEnded().hasPassed("EndEvent_SessionHeld");
  }

  @Test
  void oneRescheduledOrCancelledAppointmentIsSentToThatPartyOnly() {
    ProcessInstance instance = startWithParties();
    complete(task(), indirect("2026-03-12", "10:00", "Victim support office", "2026-03-13", "15:00", "Mediation office"));
    runAsyncJobs(instance);
    org.mockito.Mockito.clearInvocations(notifications);

    // The victim V1's appointment moves: an update (a higher sequence) to V1 only.
    Map<String, Object> move = withVariables(CaseVariables.APPOINTMENT_CHANGE.name(), "reschedule",
        CaseVariables.APPOINTMENT_DATE.name(), "2026-03-16", CaseVariables.APPOINTMENT_TIME.name(), "09:30",
        CaseVariables.APPOINTMENT_PLACE.name(), "Victim support office, room 4");
    Assertions.assertThat(taskService().getVariableLocal(changeTask("V1").getId(), CaseVariables.APPOINTMENT_SHOWN.name()))
        .isEqualTo("Thursday, March 12, 2026, 10:00, Victim support office");
    complete(changeTask("V1"), move);
    runAsyncJobs(instance);
    OutgoingMessage update = sent("appointment-invitation").get(0);
    Assertions.assertThat(sent("appointment-invitation")).hasSize(1);
    Assertions.assertThat(update.recipients()).extracting(Recipient::id).containsExactly("V1");
    Assertions.assertThat(update.content()).containsEntry("appointmentSequence", 1).containsEntry("appointmentChanged", true)
        .containsEntry("appointmentPlace", "Victim support office, room 4");
    Assertions.assertThat(taskService().getVariableLocal(changeTask("V1").getId(), CaseVariables.APPOINTMENT_SHOWN.name()))
        .isEqualTo("Monday, March 16, 2026, 09:30, Victim support office, room 4 (changed 1x)");
    Assertions.assertThat(timers(instance, "Event_AppointmentTime")).extracting(Job::getDuedate)
        .containsExactlyInAnyOrder(at(LocalDateTime.of(2026, 3, 16, 9, 30)), at(LocalDateTime.of(2026, 3, 12, 10, 0)), // V1, V2
            at(LocalDateTime.of(2026, 3, 13, 15, 0))); // O1

    // The offender's appointment is cancelled: the cancellation (same calendar entry, higher sequence) to O1 only.
    org.mockito.Mockito.clearInvocations(notifications);
    complete(changeTask("O1"), withVariables(CaseVariables.APPOINTMENT_CHANGE.name(), "cancel"));
    runAsyncJobs(instance);
    Assertions.assertThat(sent(null)).singleElement().satisfies(cancellation -> {
      Assertions.assertThat(cancellation.message()).isEqualTo("appointment-cancellation");
      Assertions.assertThat(cancellation.recipients()).extracting(Recipient::id).containsExactly("O1", "G-O1");
      Assertions.assertThat(cancellation.content()).containsEntry("appointmentSequence", 1)
          .containsEntry("appointmentPlace", "Mediation office");
    });
    Assertions.assertThat(taskService().createTaskQuery().taskDefinitionKey("Task_ChangeAppointment").count()).isEqualTo(2);
    Assertions.assertThat(CaseVariables.APPOINTMENTS.from(name -> runtimeService().getVariable(instance.getId(), name)).get("O1").cancelled())
        .isTrue();

    // The remaining appointments take place; a no-show schedules the session again and moves the earlier entries.
    timers(instance, "Event_AppointmentTime").forEach(timer -> execute(timer));
    runAsyncJobs(instance);
    complete(task(), withVariables(CaseVariables.SESSION_HELD.name(), "no_show", CaseVariables.NO_SHOW_PARTY.name(), "offender"));
    assertThat(instance).isWaitingAt("Task_ScheduleSession").hasPassed("EndEvent_AppointmentCancelled");
    org.mockito.Mockito.clearInvocations(notifications);
    complete(task(), indirect("2026-03-20", "10:00", "Victim support office", "2026-03-20", "15:00", "Mediation office"));
    runAsyncJobs(instance);
    Assertions.assertThat(sent("appointment-invitation")).extracting(m -> m.content().get("appointmentSequence"))
        .containsExactlyInAnyOrder(2, 1, 2); // V1 moved twice, V2 once, O1 cancelled once and now moved
  }

  @Test
  void badIndirectScheduleAndAppointmentChangesAreRefused() {
    ProcessInstance instance = startWithParties();
    String scheduleTask = task().getId();

    assertRefused(scheduleTask, indirect("2026-03-01", "10:00", "Victim support office", "2026-03-13", "15:00", "Mediation office"),
        "victimAppointmentDate: the victims' appointment must be in the future");
    assertRefused(scheduleTask, indirect("2026-03-12", "10:00", "Victim support office", "2026-03-13", "25:00", "Mediation office"),
        "offenderAppointmentTime: '25:00' is not a time (HH:MM)");
    assertRefused(scheduleTask, indirect("2026-03-12", "10:00", "Victim support office", "2026-03-12", "11:30", "victim support office"),
        "offenderAppointmentTime: in indirect mediation the parties do not meet");
    Map<String, Object> noPlace = indirect("2026-03-12", "10:00", "Victim support office", "2026-03-13", "15:00", "Mediation office");
    noPlace.remove(CaseVariables.OFFENDER_APPOINTMENT_PLACE.name());
    assertRefused(scheduleTask, noPlace, "offenderAppointmentPlace: is required");
    // Same place, but hours apart: the parties do not meet.
    complete(task(), indirect("2026-03-12", "10:00", "Mediation office", "2026-03-12", "14:00", "Mediation office"));
    runAsyncJobs(instance);

    String change = changeTask("V1").getId();
    assertRefused(change, Map.of(CaseVariables.APPOINTMENT_CHANGE.name(), "postpone"), "appointmentChange: ");
    assertRefused(change, Map.of(CaseVariables.APPOINTMENT_CHANGE.name(), "reschedule", CaseVariables.APPOINTMENT_DATE.name(), "2026-03-01",
        CaseVariables.APPOINTMENT_TIME.name(), "10:00", CaseVariables.APPOINTMENT_PLACE.name(), "Office"),
        "appointmentDate: the appointment must be in the future");
    assertRefused(change, Map.of(CaseVariables.APPOINTMENT_CHANGE.name(), "reschedule", CaseVariables.APPOINTMENT_DATE.name(), "2026-03-12",
        CaseVariables.APPOINTMENT_TIME.name(), "10:00", CaseVariables.APPOINTMENT_PLACE.name(), "Mediation office"),
        "appointmentDate: this is the appointment the person has");
    assertRefused(change, Map.of(CaseVariables.APPOINTMENT_CHANGE.name(), "reschedule", CaseVariables.APPOINTMENT_DATE.name(), "2026-03-14",
        CaseVariables.APPOINTMENT_TIME.name(), "10:00"), "appointmentPlace: is required");
    Assertions.assertThat(taskService().createTaskQuery().taskDefinitionKey("Task_ChangeAppointment").count()).isEqualTo(3);
  }

  /**
   * A direct meeting whose invitations are out: V2 withdraws. V2 alone gets the session's cancellation (the same calendar
   * entry, a higher sequence), the others keep theirs and are reminded as before; V2 is not reminded.
   */
  @Test
  void aPersonWhoWithdrewAfterTheInvitationGetsTheSessionsCancellationAlone() {
    ProcessInstance instance = startWithParties();
    complete(task(), schedule("2026-03-12", "14:30"));
    execute(sendJob(instance));
    withdraw(instance, "V2");

    runtimeService().createMessageCorrelation("Msg_ParticipantWithdrawn").processInstanceBusinessKey("VOM-2026-00007")
        .setVariableToTriggeredScope("withdrawnPersonId", "V2").correlateAll();
    execute(sendJob(instance));

    assertThat(instance).hasPassed("Task_CancelSessionForWithdrawnPerson", "EndEvent_WithdrawnSessionCancelled")
        .isWaitingAt("Task_ChangeSession");
    OutgoingMessage cancellation = sent("session-cancellation").get(0);
    Assertions.assertThat(cancellation.recipientRole()).isEqualTo("withdrawn_person");
    Assertions.assertThat(cancellation.recipients()).extracting(Recipient::id).containsExactly("V2");
    Assertions.assertThat(cancellation.content()).containsEntry(CaseVariables.SESSION_SEQUENCE.name(), 1L)
        .containsEntry(CaseVariables.SESSION_PLACE.name(), "Community centre, room 2");
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), "withdrawnPersonId")).as("kept in its own scope").isNull();
    execute(timer(instance, "Event_SessionReminderDue"));
    execute(sendJob(instance));
    Assertions.assertThat(sent("session-reminder").get(0).recipients()).extracting(Recipient::id)
        .containsExactlyInAnyOrder("V1", "O1", "G-O1");
  }

  /** Indirect mediation: the person who withdrew gets their own appointment's cancellation; it is shown cancelled. */
  @Test
  void aPersonWhoWithdrewGetsTheirOwnAppointmentCancelled() {
    ProcessInstance instance = startWithParties();
    complete(task(), indirect("2026-03-12", "10:00", "Victim support office", "2026-03-13", "15:00", "Mediation office"));
    runAsyncJobs(instance);
    withdraw(instance, "V2");

    // As the case event does: V2's own appointment ends, then what V2 was sent is withdrawn.
    runtimeService().createExecutionQuery().processInstanceBusinessKey("VOM-2026-00007")
        .messageEventSubscriptionName("Msg_AppointmentPartyWithdrew").list().stream()
        .filter(waiting -> "V2".equals(runtimeService().getVariable(waiting.getId(), "personId")))
        .forEach(waiting -> runtimeService().messageEventReceived("Msg_AppointmentPartyWithdrew", waiting.getId()));
    runtimeService().createMessageCorrelation("Msg_ParticipantWithdrawn").processInstanceBusinessKey("VOM-2026-00007")
        .setVariableToTriggeredScope("withdrawnPersonId", "V2").correlateAll();
    runAsyncJobs(instance);

    assertThat(instance).hasPassed("Task_CancelWithdrawnAppointment", "EndEvent_WithdrawnAppointmentCancelled",
        "EndEvent_AppointmentPartyWithdrew");
    // V2's change task and reminder are gone; the others' appointments go on.
    Assertions.assertThat(changeTask("V2")).isNull();
    Assertions.assertThat(changeTask("V1")).isNotNull();
    Assertions.assertThat(timers(instance, "Event_AppointmentReminderDue")).hasSize(2);
    OutgoingMessage cancellation = sent("appointment-cancellation").get(0);
    Assertions.assertThat(cancellation.recipients()).extracting(Recipient::id).containsExactly("V2");
    Assertions.assertThat(cancellation.content()).containsEntry("appointmentFor", "V2").containsEntry("appointmentSequence", 1)
        .containsEntry("appointmentPlace", "Victim support office");
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.APPOINTMENTS.name()).toString())
        .contains("\"personId\":\"V2\"").containsPattern("\"V2\":\\{[^}]*\"cancelled\":true");
  }

  /** Withdrawn before anything was sent (the session not yet scheduled): nothing to cancel, nothing is sent. */
  @Test
  void aPersonWhoWithdrewBeforeTheSchedulingIsSentNothing() {
    ProcessInstance instance = startWithParties();
    withdraw(instance, "V2");
    runtimeService().createMessageCorrelation("Msg_ParticipantWithdrawn").processInstanceBusinessKey("VOM-2026-00007")
        .setVariableToTriggeredScope("withdrawnPersonId", "V2").correlateAll();

    assertThat(instance).hasPassed("EndEvent_WithdrawnNothingToCancel").isWaitingAt("Task_ScheduleSession");
    verify(notifications, org.mockito.Mockito.never()).send(org.mockito.ArgumentMatchers.any());
  }

  /** The consent book as the case event "consent withdrawn" leaves it. */
  private static void withdraw(ProcessInstance instance, String personId) {
    String book = "{\"V1\":{\"role\":\"victim\",\"outcome\":\"agreed\"},\"V2\":{\"role\":\"victim\",\"outcome\":\"agreed\"},"
        + "\"O1\":{\"role\":\"offender\",\"outcome\":\"agreed\",\"guardianName\":\"Eva Vogt\",\"guardianRelation\":\"parent\","
        + "\"guardianEmail\":\"eva@example.org\",\"guardianConsent\":\"consents\"}}";
    runtimeService().setVariable(instance.getId(), CaseVariables.CONSENTS.name(),
        json(book.replace("\"" + personId + "\":{\"role\":\"victim\",\"outcome\":\"agreed\"",
            "\"" + personId + "\":{\"role\":\"victim\",\"outcome\":\"withdrawn\"")));
  }

  @Test
  void aPartyWhoWithdrewIsNotRemindedOfTheirAppointment() {
    ProcessInstance instance = startWithParties();
    complete(task(), indirect("2026-03-12", "10:00", "Victim support office", "2026-03-13", "15:00", "Mediation office"));
    runAsyncJobs(instance);
    // V2 withdraws consent (a case event writes the consent book of the case).
    runtimeService().setVariable(instance.getId(), CaseVariables.CONSENTS.name(), json("{\"V1\":{\"role\":\"victim\",\"outcome\":"
        + "\"agreed\"},\"V2\":{\"role\":\"victim\",\"outcome\":\"withdrawn\"},\"O1\":{\"role\":\"offender\",\"outcome\":"
        + "\"agreed\"}}"));

    timers(instance, "Event_AppointmentReminderDue").forEach(timer -> execute(timer));
    runAsyncJobs(instance);

    Assertions.assertThat(sent("appointment-reminder")).extracting(m -> m.content().get("appointmentFor") + ":"
        + m.recipients().stream().map(Recipient::id).toList()).containsExactlyInAnyOrder("V1:[V1]", "V2:[]", "O1:[O1]");
  }

  @Test
  void aCaseWaitingOnTheEarlierDiagramIsScheduledAsThatVersionDid() {
    String earlier = repositoryService().createDeployment().addClasspathResource("testprocesses/mediation-session-1.2.0.bpmn")
        .addClasspathResource("forms/schedule-session.form").deploy().getId();
    try {
      String definition = repositoryService().createProcessDefinitionQuery().deploymentId(earlier).singleResult().getId();
      ProcessInstance instance = runtimeService().startProcessInstanceById(definition, "VOM-2026-00007",
          Variables.createVariables().putValue(CaseVariables.CASE_NUMBER.name(), "VOM-2026-00007")
              .putValue(CaseVariables.LEAD_MEDIATOR.name(), "mara").putValue(CaseVariables.MEDIATORS.name(), List.of("mara")));
      Map<String, Object> joint = schedule("2026-03-20", "10:00");
      joint.put(CaseVariables.MEETING_TYPE.name(), "indirect");
      // That version's form asks who attends as text.
      joint.remove(CaseVariables.SESSION_ATTENDEE_IDS.name());
      joint.put(CaseVariables.SESSION_ATTENDEES.name(), "Ana Roth, Carl Vogt, Mara Jensen");

      assertThat(instance).isWaitingAt("Task_ScheduleSession");
      complete(task(), joint);

      assertThat(instance).isWaitingAt("Task_SendInvitations");
      Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.SESSION_PLACE.name()))
          .isEqualTo("Community centre, room 2");
      Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.SESSION_ATTENDEES.name()))
          .isEqualTo("Ana Roth, Carl Vogt, Mara Jensen");
      Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.APPOINTMENTS.name())).isNull();
      runtimeService().deleteProcessInstance(instance.getId(), "test done");
    } finally {
      repositoryService().deleteDeployment(earlier, true);
    }
  }

  @Test
  void aTaskOfTheEarlierDiagramTakesTheListOfWhoAttendsToo() {
    String earlier = repositoryService().createDeployment().addClasspathResource("testprocesses/mediation-session-1.2.0.bpmn")
        .addClasspathResource("forms/schedule-session.form").deploy().getId();
    try {
      String definition = repositoryService().createProcessDefinitionQuery().deploymentId(earlier).singleResult().getId();
      ProcessInstance instance = runtimeService().startProcessInstanceById(definition, "VOM-2026-00007", caseVariables());
      assertThat(instance).isWaitingAt("Task_ScheduleSession");
      Assertions.assertThat(taskService().getVariablesLocal(task().getId())).doesNotContainKey(CaseVariables.ATTENDEE_OPTIONS.name());

      // Ids submitted to a task created without the list (a task moved onto the new diagram shows the new form).
      assertRefused(task().getId(), withIds(schedule("2026-03-20", "10:00"), "[\"V1\",\"X9\"]"),
          "sessionAttendeeIds: 'X9' is not a person taking part in this case");
      complete(task(), schedule("2026-03-20", "10:00"));

      Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.SESSION_ATTENDEES.name()))
          .isEqualTo("Ana Roth (V1, victim), Carl Vogt (O1, offender)");
      runtimeService().deleteProcessInstance(instance.getId(), "test done");
    } finally {
      repositoryService().deleteDeployment(earlier, true);
    }
  }

  /** The session of a case with two victims and a minor offender with a guardian, all of whom agreed to take part. */
  private ProcessInstance startWithParties() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("mediation-session", "VOM-2026-00007",
        Variables.createVariables().putValue(CaseVariables.CASE_NUMBER.name(), "VOM-2026-00007")
            .putValue(CaseVariables.LEAD_MEDIATOR.name(), "mara").putValue(CaseVariables.MEDIATORS.name(), List.of("mara", "jonas"))
            .putValue(CaseVariables.PREPARATION_SUMMARY.name(), "V1 Ana Roth (victim): ready; meeting: indirect")
            .putValue(CaseVariables.VICTIMS.name(), json("[{\"personId\":\"V1\",\"role\":\"victim\",\"name\":\"Ana Roth\","
                + "\"email\":\"ana@example.org\",\"preferredLanguage\":\"de\",\"minor\":false},{\"personId\":\"V2\",\"role\":"
                + "\"victim\",\"name\":\"Ben Roth\",\"email\":\"ben@example.org\",\"preferredLanguage\":\"de\",\"minor\":false}]"))
            .putValue(CaseVariables.OFFENDERS.name(), json("[{\"personId\":\"O1\",\"role\":\"offender\",\"name\":\"Carl Vogt\","
                + "\"email\":\"carl@example.org\",\"preferredLanguage\":\"de\",\"minor\":true}]"))
            .putValue(CaseVariables.CONSENTS.name(), json("{\"V1\":{\"role\":\"victim\",\"outcome\":\"agreed\"},"
                + "\"V2\":{\"role\":\"victim\",\"outcome\":\"agreed\"},\"O1\":{\"role\":\"offender\",\"outcome\":\"agreed\","
                + "\"guardianName\":\"Eva Vogt\",\"guardianRelation\":\"parent\",\"guardianEmail\":\"eva@example.org\","
                + "\"guardianConsent\":\"consents\"}}")));
    assertThat(instance).isWaitingAt("Task_ScheduleSession");
    return instance;
  }

  private static Object json(String json) {
    return org.camunda.spin.plugin.variable.SpinValues.jsonValue(json).create();
  }

  private static Map<String, Object> indirect(String victimDate, String victimTime, String victimPlace, String offenderDate,
      String offenderTime, String offenderPlace) {
    return withVariables(CaseVariables.MEETING_TYPE.name(), "indirect",
        CaseVariables.VICTIM_APPOINTMENT_DATE.name(), victimDate, CaseVariables.VICTIM_APPOINTMENT_TIME.name(), victimTime,
        CaseVariables.VICTIM_APPOINTMENT_PLACE.name(), victimPlace, CaseVariables.OFFENDER_APPOINTMENT_DATE.name(), offenderDate,
        CaseVariables.OFFENDER_APPOINTMENT_TIME.name(), offenderTime, CaseVariables.OFFENDER_APPOINTMENT_PLACE.name(), offenderPlace,
        CaseVariables.SESSION_ATTENDEE_IDS.name(), json("[\"V1\",\"O1\"]"));
  }

  /** The programme offset of a day (the appointments' ISO text). */
  private static String offset(String day) {
    return java.time.LocalDate.parse(day).atStartOfDay(ZoneId.systemDefault()).getOffset().toString();
  }

  private static void runAsyncJobs(ProcessInstance instance) {
    for (Job job : managementService().createJobQuery().processInstanceId(instance.getId()).messages().list()) {
      execute(job);
    }
  }

  private static List<Job> timers(ProcessInstance instance, String activityId) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).list();
  }

  private static org.camunda.bpm.engine.task.Task changeTask(String personId) {
    return taskService().createTaskQuery().taskDefinitionKey("Task_ChangeAppointment").taskNameLike("%: " + personId + ",%")
        .singleResult();
  }

  /** The messages sent so far, of one kind (null: all). */
  private List<OutgoingMessage> sent(String message) {
    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications, org.mockito.Mockito.atLeast(0)).send(sent.capture());
    return sent.getAllValues().stream().filter(m -> message == null || message.equals(m.message())).toList();
  }

  private static OutgoingMessage to(List<OutgoingMessage> messages, String personId) {
    return messages.stream().filter(m -> personId.equals(m.content().get("appointmentFor"))).findFirst().orElseThrow();
  }

  @Test
  void badScheduleAndOutcomeInputIsRefused() {
    ProcessInstance instance = start();
    String scheduleTask = task().getId();

    assertRefused(scheduleTask, schedule("2026-03-01", "10:00"), "sessionDate: the session must be in the future");
    assertRefused(scheduleTask, schedule("2026-03-20", "25:99"), "sessionTime: '25:99' is not a time (HH:MM)");
    complete(task(), schedule("2026-03-20", "10:00"));
    execute(sendJob(instance));
    execute(timer(instance, "Event_SessionReminderDue"));
    execute(sendJob(instance));
    execute(timer(instance, "Event_SessionTime"));
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
    Assertions.assertThat(taskService().getVariableLocal(task().getId(), CaseVariables.SESSION_SHOWN.name())).asString()
        .endsWith(", 14:30, Community centre, room 2").doesNotContain("T14:30");
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
    complete(task(), indirect("2026-03-20", "10:00", "Victim support office", "2026-03-21", "15:00", "Mediation office"));
    // Each party's own appointment (V1's and O1's: invitation, reminder, the appointment's time), one job after the other.
    for (int round = 0; round < 30 && taskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_RecordSessionOutcome").count() == 0; round++) {
      managementService().createJobQuery().processInstanceId(instance.getId()).orderByJobDuedate().asc().list().stream()
          .findFirst().ifPresent(job -> execute(job));
    }
    assertThat(instance).isWaitingAt("Task_RecordSessionOutcome").hasPassed("SubProcess_PartyAppointment#multiInstanceBody");
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
    execute(sendJob(instance));
    execute(timer(instance, "Event_SessionReminderDue"));
    execute(sendJob(instance));
    execute(timer(instance, "Event_SessionTime"));
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
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("mediation-session", "VOM-2026-00007", caseVariables());
    assertThat(instance).isWaitingAt("Task_ScheduleSession");
    return instance;
  }

  /** The session's variables of a case with a victim and an offender, both adults who agreed to take part. */
  private static Map<String, Object> caseVariables() {
    return Variables.createVariables().putValue(CaseVariables.CASE_NUMBER.name(), "VOM-2026-00007")
        .putValue(CaseVariables.LEAD_MEDIATOR.name(), "mara").putValue(CaseVariables.MEDIATORS.name(), List.of("mara", "jonas"))
        .putValue(CaseVariables.PREPARATION_SUMMARY.name(), "V1 Ana Roth (victim): ready; meeting: direct")
        .putValue(CaseVariables.VICTIMS.name(), json("[{\"personId\":\"V1\",\"role\":\"victim\",\"name\":\"Ana Roth\","
            + "\"email\":\"ana@example.org\",\"preferredLanguage\":\"de\",\"minor\":false}]"))
        .putValue(CaseVariables.OFFENDERS.name(), json("[{\"personId\":\"O1\",\"role\":\"offender\",\"name\":\"Carl Vogt\","
            + "\"email\":\"carl@example.org\",\"preferredLanguage\":\"de\",\"minor\":false}]"))
        .putValue(CaseVariables.CONSENTS.name(), json("{\"V1\":{\"role\":\"victim\",\"outcome\":\"agreed\"},"
            + "\"O1\":{\"role\":\"offender\",\"outcome\":\"agreed\"}}"));
  }

  private static Map<String, Object> schedule(String date, String time) {
    return withVariables(CaseVariables.MEETING_TYPE.name(), "direct", CaseVariables.SESSION_DATE.name(), date, CaseVariables.SESSION_TIME.name(), time,
        CaseVariables.SESSION_PLACE.name(), "Community centre, room 2", CaseVariables.SESSION_ATTENDEE_IDS.name(), json("[\"V1\",\"O1\"]"));
  }

  /** The one asynchronous continuation due (a message being sent); timers of the same instance are left alone. */
  private static Job sendJob(ProcessInstance instance) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).messages().singleResult();
  }

  private static Job timer(ProcessInstance instance, String activityId) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).singleResult();
  }

  private static String iso(LocalDateTime time) {
    return time.atZone(ZoneId.systemDefault()).toOffsetDateTime().toString();
  }

  private static Date at(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
  }

  private void assertRefused(String taskId, Map<String, Object> input, String message) {
    Assertions.assertThatThrownBy(() -> taskService().complete(taskId, input))
        .hasMessageContaining(message).hasRootCauseInstanceOf(CaseInputException.class);
  }
}
