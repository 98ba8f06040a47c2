package org.vomcase.process.events;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.vomcase.support.ProcessTests;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vomcase.settings.VomProperties;
import org.vomcase.kernel.Roles;
import org.vomcase.notification.NotificationService;
import org.vomcase.process.CaseClosure;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.process.referral.CaseNumberGenerator;
import org.vomcase.process.referral.ReferralIntakeListener;
import org.vomcase.support.ProcessTestEngine;
import org.vomcase.support.Referrals;

/**
 * "Record a case event" (R8): who may record what on which case, and what a record does. A case
 * waiting at eligibility serves as the running case; its own paths are tested in VomCaseTest.
 */
@Deployment(resources = {"processes/record-case-event.bpmn", "forms/record-case-event.form", "processes/vom-case.bpmn",
    "processes/eligibility.dmn", "processes/mandate-required.dmn", "processes/contact-order.dmn", "testprocesses/contact-person-stub.bpmn",
    "testprocesses/case-retention-stub.bpmn", "forms/referral.form", "forms/record-mandate.form", "forms/review-eligibility.form", "forms/assign-mediators.form"})
class RecordCaseEventTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension("vom-case", "contact-person", "case-retention");

  ProcessEngine processEngine;
  IdentityService identity;
  org.vomcase.access.CaseRegistry registry;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    identity = processEngine.getIdentityService();
    registry = org.vomcase.support.UnitCaseRegistry.of(processEngine);
    CaseNumberGenerator numbers = mock(CaseNumberGenerator.class);
    when(numbers.next(anyInt())).thenReturn("VOM-2026-00042");
    Mocks.register("taskNames", new org.vomcase.process.TaskNames());
    Mocks.register("taskOverdueReminder", new org.vomcase.notification.TaskOverdueReminder(org.mockito.Mockito.mock(org.vomcase.notification.NotificationService.class)));
    Mocks.register("referralIntakeListener", new ReferralIntakeListener(numbers, new VomProperties(null, null, null, null, null),
        org.mockito.Mockito.mock(org.vomcase.confidential.ConfidentialNotes.class), registry));
    Mocks.register("caseClosure", new CaseClosure());
    Mocks.register("caseEventListener", new CaseEventListener(new CaseEvents(runtimeService(), identity, registry)));
    for (String[] user : List.of(new String[] {"clara", Roles.COORDINATORS}, new String[] {"mara", Roles.MEDIATORS},
        new String[] {"lea", Roles.MEDIATORS}, new String[] {"policeapi", Roles.REFERRERS}, new String[] {"otherapi", Roles.REFERRERS})) {
      if (identity.createGroupQuery().groupId(user[1]).count() == 0) {
        identity.saveGroup(identity.newGroup(user[1]));
      }
      if (identity.createUserQuery().userId(user[0]).count() == 0) {
        identity.saveUser(identity.newUser(user[0]));
        identity.createMembership(user[0], user[1]);
      }
    }
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    ProcessTests.reset();
  }

  @Test
  void coordinatorRecordsAWithdrawalThatClosesTheCaseAndTheRecordKeepsWhoAndWhen() {
    ProcessInstance theCase = runningCase("policeapi", List.of("mara"));

    ProcessInstance record = recordAs("clara", "consent_withdrawn", "V1");

    assertThat(record).isEnded().hasPassed("EndEvent_CaseEventRecorded");
    Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(record.getId()).singleResult()
        .getBusinessKey()).isEqualTo("VOM-2026-00042");
    assertThat(record).variables().containsEntry(CaseVariables.RECORDED_BY.name(), "clara").containsEntry("caseEventResult", "case_closed");
    Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(record.getId()).singleResult()
        .getStartUserId()).isEqualTo("clara");
    assertThat(theCase).isWaitingAt("Task_TellMediatorsCaseClosed");
    Assertions.assertThat(runtimeService().getVariable(theCase.getId(), CaseVariables.WITHDRAWALS.name()).toString())
        .contains("\"recordedBy\":\"clara\"");

    NotificationService notifications = mock(NotificationService.class);
    when(notifications.send(any())).thenReturn(true);
    ProcessTests.registerMessaging(notifications);
    execute(job());
    // The case closes at its closing event, a message end event, which starts its retention.
    assertThat(theCase).isEnded().hasPassed("EndEvent_ConsentWithdrawn");
    Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(theCase.getId())
        .activityId("EndEvent_ConsentWithdrawn").singleResult().getActivityType()).isEqualTo("messageEndEvent");
    Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(theCase.getId())
        .activityInstanceIdIn(theCase.getId()).variableName(CaseVariables.CLOSURE_REASON.name()).singleResult().getValue())
        .isEqualTo("consent_withdrawn");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("case-retention")
        .processInstanceBusinessKey("VOM-2026-00042").count()).isEqualTo(1);
  }

  @Test
  void mediatorRecordsEventsOnTheirOwnCasesOnly() {
    ProcessInstance theCase = runningCase("policeapi", List.of("mara"));

    assertRefused("lea", "consent_withdrawn", "V1", "eventCaseNumber: there is no open case VOM-2026-00042 that you may record events on");
    ProcessInstance record = recordAs("mara", "consent_withdrawn", "O1");

    assertThat(record).isEnded();
    assertThat(theCase).isWaitingAt("Task_TellMediatorsCaseClosed");
  }

  @Test
  void referringSystemWithdrawsItsOwnReferralsOnly() {
    ProcessInstance theCase = runningCase("policeapi", List.of());

    assertRefused("otherapi", "referral_withdrawn", null, "eventCaseNumber: there is no open case VOM-2026-00042 that you may record events on");
    recordAs("policeapi", "referral_withdrawn", null);

    assertThat(theCase).isWaitingAt("Task_TellMediatorsReferralWithdrawn");
  }

  @Test
  void recordedByIsTheLoggedInUserWhateverTheFormSends() {
    ProcessInstance theCase = runningCase("policeapi", List.of("mara"));
    Map<String, Object> forged = event("consent_withdrawn", "V1");
    forged.put(CaseVariables.RECORDED_BY.name(), "clara");

    identity.setAuthenticatedUserId("lea");
    try {
      Assertions.assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("record-case-event", forged))
          .isInstanceOf(CaseInputException.class)
          .hasMessageStartingWith("eventCaseNumber: there is no open case VOM-2026-00042 that you may record events on");
    } finally {
      identity.clearAuthentication();
    }
    Assertions.assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("record-case-event", forged))
        .hasMessageStartingWith("recordedBy: case events are recorded by a logged-in user");
    assertThat(theCase).isWaitingAt("Task_CheckEligibility");
  }

  @Test
  void refusedEventCreatesNoRecord() {
    runningCase("policeapi", List.of());

    assertRefused("clara", "consent_withdrawn", "X9", "eventPersonId: 'X9' is not a person of case VOM-2026-00042");

    Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey("record-case-event").count()).isZero();
  }

  @Test
  void parentWithdrawsTheMinorWhoseSideThenHasNobodyAndTheRecordSaysWhichParent() {
    Map<String, Object> referral = Referrals.referral();
    Map<String, Object> minor = Referrals.person("Emma Roth", "2013-05-02");
    minor.put("guardians", List.of(Map.of("name", "Lis Roth", "relation", "parent", "phone", "+49 30 7654321")));
    referral.put(CaseVariables.VICTIMS.name(), new java.util.ArrayList<>(List.of(minor)));
    ProcessInstance theCase = runningCase("policeapi", List.of("mara"), referral);

    assertRefused("clara", "consent_withdrawn", "G-O1", "eventPersonId: 'G-O1' is not a parent or guardian of case VOM-2026-00042: O1 is not a minor");
    assertRefused("clara", "consent_withdrawn", "G-V1-2",
        "eventPersonId: 'G-V1-2' is not a parent or guardian of case VOM-2026-00042: V1 has no such parent or guardian recorded");
    assertRefused("clara", "consent_withdrawn", "G-V7", "eventPersonId: 'G-V7' is not a person of case VOM-2026-00042");
    ProcessInstance record = recordAs("mara", "consent_withdrawn", "G-V1");

    assertThat(record).isEnded();
    assertThat(theCase).isWaitingAt("Task_TellMediatorsCaseClosed");
    Assertions.assertThat(runtimeService().getVariable(theCase.getId(), CaseVariables.WITHDRAWALS.name()).toString())
        .contains("\"personId\":\"V1\"").contains("\"guardianId\":\"G-V1\"").contains("\"guardianName\":\"Lis Roth\"")
        .contains("\"recordedBy\":\"mara\"");
    Assertions.assertThat(runtimeService().getVariable(theCase.getId(), CaseVariables.CONSENTS.name()).toString())
        .contains("\"V1\"").contains("withdrawn");
  }

  private ProcessInstance runningCase(String referredBy, List<String> mediators) {
    return runningCase(referredBy, mediators, Referrals.referral());
  }

  private ProcessInstance runningCase(String referredBy, List<String> mediators, Map<String, Object> referral) {
    identity.setAuthenticatedUserId(referredBy);
    ProcessInstance theCase = runtimeService().startProcessInstanceByKey("vom-case", referral);
    identity.clearAuthentication();
    if (!mediators.isEmpty()) {
      // As the assignment does: the variable for the diagrams, the case register for access.
      runtimeService().setVariable(theCase.getId(), CaseVariables.MEDIATORS.name(), mediators);
      registry.setMediators(theCase.getBusinessKey(), mediators);
    }
    assertThat(theCase).isWaitingAt("Task_CheckEligibility");
    return theCase;
  }

  private ProcessInstance recordAs(String user, String type, String personId) {
    identity.setAuthenticatedUserId(user);
    try {
      return runtimeService().startProcessInstanceByKey("record-case-event", event(type, personId));
    } finally {
      identity.clearAuthentication();
    }
  }

  private void assertRefused(String user, String type, String personId, String message) {
    Assertions.assertThatThrownBy(() -> recordAs(user, type, personId))
        .isInstanceOf(CaseInputException.class).hasMessageStartingWith(message);
  }

  private static Map<String, Object> event(String type, String personId) {
    Map<String, Object> event = withVariables(CaseVariables.EVENT_CASE_NUMBER.name(), "VOM-2026-00042", CaseVariables.EVENT_TYPE.name(), type,
        CaseVariables.EVENT_REASON.name(), "Reported by phone.");
    if (personId != null) {
      event.put(CaseVariables.EVENT_PERSON_ID.name(), personId);
    }
    return event;
  }
}
