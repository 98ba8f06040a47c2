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
    Mocks.register("referralFacts", new org.vomcase.process.referral.ReferralFacts());
    Mocks.register("taskOverdueReminder", new org.vomcase.notification.TaskOverdueReminder(org.mockito.Mockito.mock(org.vomcase.notification.NotificationService.class)));
    Mocks.register("referralIntakeListener", new ReferralIntakeListener(numbers, new VomProperties(null, null, null, null, null),
        org.mockito.Mockito.mock(org.vomcase.confidential.ConfidentialNotes.class), registry));
    Mocks.register("caseClosure", new CaseClosure(registry));
    Mocks.register("sessionPlan", new org.vomcase.process.session.SessionPlan());
    Mocks.register("caseEventListener", new CaseEventListener(new CaseEvents(runtimeService(), identity, registry,
        new ContactCorrection(runtimeService(), org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService(),
        org.mockito.Mockito.mock(org.vomcase.audit.AuditLog.class)))));
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

  // --- contact details changed after intake (issue 18) ---------------------------------------------------

  @Test
  void theCasesMediatorCorrectsAPhoneAndALanguageAndTheCaseKeepsThem() {
    ProcessInstance theCase = runningCase("policeapi", List.of("mara"));

    ProcessInstance record = contactChangeAs("mara", "V1", Map.of(CaseVariables.CONTACT_PHONE.name(), "+49 30 1234567",
        CaseVariables.CONTACT_LANGUAGE.name(), "da", CaseVariables.CONTACT_INTERPRETER_NEEDED.name(), "yes"));

    assertThat(record).isEnded().variables().containsEntry("caseEventResult", "contact_changed");
    org.vomcase.kernel.Person ana = victim(theCase);
    Assertions.assertThat(ana.phone()).isEqualTo("+49 30 1234567");
    Assertions.assertThat(ana.preferredLanguage()).isEqualTo("da");
    Assertions.assertThat(ana.interpreterNeeded()).isTrue();
    Assertions.assertThat(ana.email()).as("kept").isEqualTo("ana.roth@example.org");
    Assertions.assertThat(ana.name()).isEqualTo("Ana Roth");
    assertThat(theCase).isWaitingAt("Task_CheckEligibility");
  }

  @Test
  void aWayToReachThatNoLongerHoldsIsRemovedButNeverTheLastOne() {
    ProcessInstance theCase = runningCase("policeapi", List.of("mara"));

    assertContactRefused("mara", "V1", Map.of(CaseVariables.CONTACT_REMOVE.name(), List.of("email")),
        "contactRemove: leaves no way to reach the person");
    contactChangeAs("mara", "V1", Map.of(CaseVariables.CONTACT_POSTAL_ADDRESS.name(), "Lindenstr. 3, 10115 Berlin",
        CaseVariables.CONTACT_REMOVE.name(), List.of("email")));

    Assertions.assertThat(victim(theCase).email()).isNull();
    Assertions.assertThat(victim(theCase).postalAddress()).isEqualTo("Lindenstr. 3, 10115 Berlin");
  }

  @Test
  void aChangeNeverLeavesOnlyAChannelThePersonForbade() {
    Map<String, Object> referral = Referrals.referral();
    Map<String, Object> ana = Referrals.person("Ana Roth", "1980-04-02");
    ana.put("phone", "+49 30 1112223");
    ana.put("postalAddress", "Lindenstr. 3, 10115 Berlin");
    ana.put("safeContact", new java.util.HashMap<>(Map.of("doNotWrite", true)));
    referral.put(CaseVariables.VICTIMS.name(), new java.util.ArrayList<>(List.of(ana)));
    ProcessInstance theCase = runningCase("policeapi", List.of("mara"), referral);

    assertContactRefused("mara", "V1", Map.of(CaseVariables.CONTACT_REMOVE.name(), List.of("email", "phone")),
        "contactRemove: leaves no way to reach the person that the case may use (do not write to this address");
    assertContactRefused("mara", "V1", Map.of(CaseVariables.CONTACT_EMAIL.name(), "a@" + "b".repeat(300) + ".org"),
        "contactEmail: is not an email address (at most 254 characters)");
    assertContactRefused("mara", "V1", Map.of(CaseVariables.CONTACT_POSTAL_ADDRESS.name(), "Hauptstr. 5\u202E 01234"),
        "contactPostalAddress: contains a control or direction character");
    contactChangeAs("mara", "V1", Map.of(CaseVariables.CONTACT_REMOVE.name(), List.of("email")));

    Assertions.assertThat(victim(theCase).email()).isNull();
    Assertions.assertThat(victim(theCase).phone()).isEqualTo("+49 30 1112223");
  }

  @Test
  void aContactChangeThatDoesNotFitIsRefusedAtItsFieldAndChangesNothing() {
    ProcessInstance theCase = runningCase("policeapi", List.of("mara"));

    assertContactRefused("mara", "V1", Map.of(), "contactPhone: give what changed");
    assertContactRefused("mara", "V1", Map.of(CaseVariables.CONTACT_EMAIL.name(), "not-an-email"), "contactEmail:");
    assertContactRefused("mara", "V1", Map.of(CaseVariables.CONTACT_PHONE.name(), "call me"), "contactPhone:");
    assertContactRefused("mara", "V1", Map.of(CaseVariables.CONTACT_LANGUAGE.name(), "xx"), "contactLanguage:");
    assertContactRefused("mara", "V1", Map.of(CaseVariables.CONTACT_EMAIL.name(), "ana.roth@example.org"),
        "contactPhone: these are the contact details V1 has already");
    assertContactRefused("mara", "V1", Map.of(CaseVariables.CONTACT_EMAIL.name(), "ana@example.org",
        CaseVariables.CONTACT_REMOVE.name(), List.of("email")), "contactEmail: is both given");
    assertContactRefused("mara", "V1", Map.of(CaseVariables.CONTACT_NAME.name(), "Anna Roth"), "contactName: name and relation");
    assertContactRefused("mara", "V9", Map.of(CaseVariables.CONTACT_PHONE.name(), "+49 30 1234567"), "eventPersonId:");
    assertContactRefused("mara", "G-V1", Map.of(CaseVariables.CONTACT_NAME.name(), "Petra Roth",
        CaseVariables.CONTACT_RELATION.name(), "parent", CaseVariables.CONTACT_PHONE.name(), "+49 30 7654321"),
        "eventPersonId: V1 is not a minor");
    // Only the case's own staff, who speak with the person: not another mediator, not the referring system.
    assertContactRefused("lea", "V1", Map.of(CaseVariables.CONTACT_PHONE.name(), "+49 30 1234567"), "eventCaseNumber:");
    assertContactRefused("policeapi", "V1", Map.of(CaseVariables.CONTACT_PHONE.name(), "+49 30 1234567"),
        "eventType: contact details are changed by");

    Assertions.assertThat(victim(theCase).phone()).isNull();
    Assertions.assertThat(victim(theCase).email()).isEqualTo("ana.roth@example.org");
  }

  @Test
  void aMinorsSecondParentIsAddedAndTheFirstCorrected() {
    Map<String, Object> referral = Referrals.referral();
    Map<String, Object> minor = Referrals.person("Tom Keller", "2012-05-01");
    Map<String, Object> mother = new java.util.HashMap<>(Map.of("name", "Petra Keller", "relation", "parent",
        "phone", "+49 30 111222"));
    minor.put("guardians", new java.util.ArrayList<>(List.of(mother)));
    referral.put(CaseVariables.OFFENDERS.name(), new java.util.ArrayList<>(List.of(minor)));
    ProcessInstance theCase = runningCase("policeapi", List.of("mara"), referral);

    contactChangeAs("clara", "G-O1-2", Map.of(CaseVariables.CONTACT_NAME.name(), "Jan Keller", CaseVariables.CONTACT_RELATION.name(),
        "parent", CaseVariables.CONTACT_EMAIL.name(), "jan.keller@example.org"));
    contactChangeAs("mara", "G-O1", Map.of(CaseVariables.CONTACT_EMAIL.name(), "petra.keller@example.org"));

    List<org.vomcase.kernel.Guardian> guardians = offender(theCase).guardians();
    Assertions.assertThat(guardians).extracting(org.vomcase.kernel.Guardian::name).containsExactly("Petra Keller", "Jan Keller");
    Assertions.assertThat(guardians.get(0).email()).isEqualTo("petra.keller@example.org");
    Assertions.assertThat(guardians.get(0).phone()).as("kept").isEqualTo("+49 30 111222");
    Assertions.assertThat(guardians.get(1).email()).isEqualTo("jan.keller@example.org");
    assertContactRefused("mara", "G-O1-3", Map.of(CaseVariables.CONTACT_NAME.name(), "Eva Keller",
        CaseVariables.CONTACT_RELATION.name(), "parent", CaseVariables.CONTACT_PHONE.name(), "+49 30 7654321"),
        "eventPersonId: 'G-O1-3' is not a parent or guardian of O1");
    assertContactRefused("mara", "G-O1-2", Map.of(CaseVariables.CONTACT_LANGUAGE.name(), "da"), "contactLanguage: language and");
  }

  private org.vomcase.kernel.Person victim(ProcessInstance theCase) {
    return CaseVariables.VICTIMS.from(runtimeService().getVariables(theCase.getId())::get).get(0);
  }

  private org.vomcase.kernel.Person offender(ProcessInstance theCase) {
    return CaseVariables.OFFENDERS.from(runtimeService().getVariables(theCase.getId())::get).get(0);
  }

  private ProcessInstance contactChangeAs(String user, String personId, Map<String, Object> change) {
    Map<String, Object> event = event("contact_changed", personId);
    change.forEach((name, value) -> event.put(name, value instanceof List<?> list ? org.vomcase.kernel.CaseJson.json(list) : value));
    identity.setAuthenticatedUserId(user);
    try {
      return runtimeService().startProcessInstanceByKey("record-case-event", event);
    } finally {
      identity.clearAuthentication();
    }
  }

  private void assertContactRefused(String user, String personId, Map<String, Object> change, String message) {
    Assertions.assertThatThrownBy(() -> contactChangeAs(user, personId, change))
        .isInstanceOf(CaseInputException.class).hasMessageStartingWith(message);
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
