package org.vomcase.process;

import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.CaseVariable;
import org.vomcase.kernel.CaseVariables;
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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vomcase.support.ProcessTests;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.ArgumentCaptor;
import org.vomcase.settings.VomProperties;
import org.vomcase.identity.MediatorDirectory;
import org.vomcase.identity.MediatorDirectory.Mediator;
import org.vomcase.notification.MessageCatalogue;
import org.vomcase.notification.NotificationService;
import org.vomcase.notification.OutgoingMessage;
import org.vomcase.process.contact.ContactPlan;
import org.vomcase.process.events.CaseEvents;
import org.vomcase.process.preparation.PreparationPlan;
import org.vomcase.process.preparation.SuitabilityListener;
import org.vomcase.process.session.SessionPlan;
import org.vomcase.process.intake.MediatorAssignmentListener;
import org.vomcase.process.referral.CaseNumberGenerator;
import org.vomcase.process.referral.EligibilityReviewListener;
import org.vomcase.process.referral.MandateListener;
import org.vomcase.process.referral.ReferralIntakeListener;
import org.vomcase.process.referral.ReferralRejectedException;
import org.vomcase.support.ProcessTestEngine;
import static org.vomcase.support.Referrals.person;
import static org.vomcase.support.Referrals.referral;

/**
 * {@code vom-case}, one test per path. Intake (R1-R4): referral checks and case number, self-referral
 * mandate with its reminder, the eligibility rules per programme profile, the coordinator's review,
 * closure of cases that are not eligible, mediator assignment. Contact and consent (R5-R7): the order
 * of the sides, every person of a side contacted, closure when nobody of a side agrees. The called
 * processes contact-person, prepare-person and mediation-session are replaced by test doubles (each has its
 * own test). Preparation, suitability and session (R9-R12): the mediator's suitability decision, every
 * session outcome and no-show closing the case with its reason. After the session (R13-R19): the
 * agreement (called process replaced by a double), its report to the referrer with and without the
 * parties' consent, one monitoring per obligation, the follow-up, every closure reason of the
 * agreement, withdrawal while the agreement is monitored or followed up, and the start of the
 * retention with the end of the proceedings recorded before the closure. Every closure happens at
 * exactly one closing event, a message end event whose input parameter gives the reason.
 */
@Deployment(resources = {
    "processes/vom-case.bpmn", "processes/eligibility.dmn", "processes/mandate-required.dmn", "processes/contact-order.dmn",
    "testprocesses/contact-person-stub.bpmn", "testprocesses/prepare-person-stub.bpmn",
    "testprocesses/mediation-session-stub.bpmn", "testprocesses/agreement-stub.bpmn",
    "testprocesses/monitor-obligation-stub.bpmn", "testprocesses/follow-up-stub.bpmn",
    "testprocesses/case-retention-stub.bpmn", "forms/referral.form", "forms/record-mandate.form",
    "forms/review-eligibility.form", "forms/assign-mediators.form", "forms/decide-suitability.form"})
class VomCaseTest {

  @RegisterExtension static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension("contact-person", "prepare-person",
      "mediation-session", "agreement", "monitor-obligation", "follow-up", "case-retention");

  ProcessEngine processEngine;
  NotificationService notifications = mock(NotificationService.class);
  CaseNumberGenerator caseNumbers = mock(CaseNumberGenerator.class);
  MediatorDirectory directory = mock(MediatorDirectory.class);
  int nextNumber = 1;
  org.vomcase.access.CaseRegistry registry;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    registry = org.vomcase.support.UnitCaseRegistry.of(processEngine);
    when(caseNumbers.next(anyInt())).thenAnswer(call -> CaseNumberGenerator.format(call.getArgument(0), nextNumber++));
    when(notifications.send(any())).thenReturn(true);
    when(directory.mediators()).thenReturn(List.of(new Mediator("jonas", "Jonas Weber"), new Mediator("mara", "Mara Jensen")));
    when(directory.isMediator("mara")).thenReturn(true);
    when(directory.isMediator("jonas")).thenReturn(true);
    useProgrammeProfile("de_toa");
    ProcessTests.registerMessaging(notifications);
    Mocks.register("mediatorAssignmentListener", new MediatorAssignmentListener(directory,
        new org.vomcase.access.CaseAccess(processEngine.getAuthorizationService(), runtimeService(), taskService()),
        registry, org.vomcase.settings.StaffLanguage.of("en")));
    Mocks.register("mandateListener", new MandateListener(null));
    Mocks.register("eligibilityReviewListener", new EligibilityReviewListener());
    Mocks.register("caseClosure", new CaseClosure(registry));
    Mocks.register("contactPlan", new ContactPlan());
    var identity = processEngine.getIdentityService();
    if (identity.createUserQuery().userId("clara").count() == 0) {
      identity.saveGroup(identity.newGroup("coordinators"));
      identity.saveUser(identity.newUser("clara"));
      identity.createMembership("clara", "coordinators");
    }
    Mocks.register("preparationPlan", new PreparationPlan());
    Mocks.register("suitabilityListener", new SuitabilityListener());
    Mocks.register("sessionPlan", new SessionPlan());
    Mocks.register("obligationPlan", new org.vomcase.process.monitoring.ObligationPlan());
    Mocks.register("agreementPlan", new org.vomcase.process.agreement.AgreementPlan());
  }

  @AfterEach
  void tearDown() {
    ProcessTests.reset();
  }

  // --- referral ---------------------------------------------------------------------------------

  @Test
  void eligibleReferralGetsACaseNumberAndWaitsForMediators() {
    ProcessInstance instance = start(referral());

    assertThat(instance).isWaitingAt("Task_CheckEligibility");
    Assertions.assertThat(instance.getBusinessKey()).matches("VOM-\\d{4}-00001");
    assertThat(instance).variables()
        .containsEntry(CaseVariables.CASE_NUMBER.name(), instance.getBusinessKey())
        .containsEntry(CaseVariables.PROGRAMME_PROFILE.name(), "de_toa")
        .containsKey(CaseVariables.REGISTERED_AT.name())
        .doesNotContainKeys(CaseVariables.REFERRAL_FACTS.stream().map(CaseVariable::name).toArray(String[]::new));
    // The referral's facts are one record of the case, with the eligibility facts' defaults.
    Assertions.assertThat(CaseVariables.VICTIM_REFUSED.from(runtimeService().getVariables(instance.getId())::get)).isFalse();
    Assertions.assertThat(CaseVariables.REFERRAL.from(runtimeService().getVariables(instance.getId())::get))
        .containsEntry(CaseVariables.VICTIM_REFUSED.name(), false)
        .containsEntry(CaseVariables.OFFENCE_CATEGORY.name(), "assault")
        .containsEntry(CaseVariables.OFFENCE_DATE.name(), "2026-01-03");
    // The register counts the case for the figures by the referral's source and stage, read from the record.
    Assertions.assertThat(new org.springframework.jdbc.core.JdbcTemplate(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
        processEngine.getProcessEngineConfiguration()).getDataSource()).queryForList(
        "SELECT referral_source, procedural_stage, referrer_reference FROM vom_case WHERE case_number = ?", instance.getBusinessKey()))
        .singleElement().satisfies(row -> Assertions.assertThat(row.values()).containsExactly("prosecutor", "diversion", "StA 99/26"));
    execute(job());
    assertThat(instance).isWaitingAt("Task_AssignMediators").variables()
        .containsEntry(CaseVariables.ELIGIBILITY_OUTCOME.name(), "eligible")
        .containsEntry(CaseVariables.ELIGIBILITY_REASON.name(), "The referral meets the programme's criteria.");
    assertThat(task()).hasCandidateGroup("coordinators");
    Assertions.assertThat(task().getName()).isEqualTo("Assign mediators: " + instance.getBusinessKey());

    complete(task(), withVariables(CaseVariables.LEAD_MEDIATOR.name(), "mara", CaseVariables.CO_MEDIATOR.name(), "jonas"));

    assertThat(instance).isWaitingAt("Task_DecideContactOrder");
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.MEDIATORS.name())).isEqualTo(List.of("mara", "jonas"));
    verify(notifications, never()).send(any());
  }

  /**
   * A decision table's whole answer stays in its step: the case keeps the answer's fields (mandate required and why,
   * eligibility outcome and reason, the order of contact), not a second copy of them as one object per table.
   */
  @Test
  void theDecisionsLeaveTheirFieldsAndNotTheirWholeAnswersOnTheCase() {
    ProcessInstance instance = assignedCase(referral());
    assertThat(instance).isWaitingAt("Task_DecideContactOrder");
    execute(job());

    assertThat(instance).variables()
        .containsKeys(CaseVariables.MANDATE_REQUIRED.name(), CaseVariables.MANDATE_REASON.name(),
            CaseVariables.ELIGIBILITY_OUTCOME.name(), CaseVariables.ELIGIBILITY_REASON.name(), CaseVariables.FIRST_CONTACT.name(),
            CaseVariables.INTRODUCTION_CHANNEL.name(), CaseVariables.WRITTEN_ONLY.name(), CaseVariables.CONTACT_ORDER_REASON.name())
        .doesNotContainKeys(CaseVariables.MANDATE_DECISION.name(), CaseVariables.ELIGIBILITY.name(),
            CaseVariables.CONTACT_ORDER.name());
    Assertions.assertThat(runtimeService().createVariableInstanceQuery().processInstanceIdIn(instance.getId())
        .variableNameIn(CaseVariables.MANDATE_DECISION.name(), CaseVariables.ELIGIBILITY.name(), CaseVariables.CONTACT_ORDER.name())
        .count()).as("in any scope of the case").isZero();
  }

  @Test
  void personsGetIdsRolesAndTheMinorFlag() {
    Map<String, Object> referral = referral();
    referral.put(CaseVariables.VICTIMS.name(), List.of(person("Ana Roth", "1980-04-02"), person("Ben Roth", "2015-06-30")));
    referral.put(CaseVariables.OFFENDERS.name(), List.of(person("Carl Vogt", "2009-01-15"), person("Dana Eck", "1999-12-01")));

    ProcessInstance instance = start(referral);

    SpinJsonNode victims = (SpinJsonNode) runtimeService().getVariable(instance.getId(), CaseVariables.VICTIMS.name());
    SpinJsonNode offenders = (SpinJsonNode) runtimeService().getVariable(instance.getId(), CaseVariables.OFFENDERS.name());
    Assertions.assertThat(victims.elements()).extracting(p -> p.prop("personId").stringValue()).containsExactly("V1", "V2");
    Assertions.assertThat(victims.elements()).extracting(p -> p.prop("minor").boolValue()).containsExactly(false, true);
    Assertions.assertThat(offenders.elements()).extracting(p -> p.prop("role").stringValue()).containsOnly("offender");
    Assertions.assertThat(offenders.elements()).extracting(p -> p.prop("minor").boolValue()).containsExactly(true, false);
  }

  @Test
  void invalidReferralIsRejectedWithEveryProblemAndCreatesNothing() {
    Map<String, Object> referral = referral();
    referral.put(CaseVariables.OFFENCE_CATEGORY.name(), "arson");
    referral.put(CaseVariables.OFFENDERS.name(), List.of());
    ((List<Map<String, Object>>) referral.get(CaseVariables.VICTIMS.name())).get(0).put("dateOfBirth", "2999-01-01");

    Assertions.assertThatThrownBy(() -> start(referral))
        .hasMessageContaining("Referral rejected")
        .hasMessageContaining("offenceCategory: 'arson' is not one of")
        .hasMessageContaining("victims[0].dateOfBirth: must not be in the future")
        .hasMessageContaining("offenders: at least one offender is required")
        .satisfies(thrown -> Assertions.assertThat(cause(thrown)).isInstanceOf(ReferralRejectedException.class));

    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().count()).isZero();
    verify(caseNumbers, never()).next(anyInt());
  }

  // --- self-referral and mandate (R2) -------------------------------------------------------------

  @Test
  void selfReferralWaitsForTheMandateWithRemindersThenGoesOn() {
    ProcessInstance instance = start(selfReferral());
    assertThat(instance).isWaitingAt("Task_RecordMandate");

    fireMandateReminder(instance);
    fireMandateReminder(instance);

    assertThat(instance).isWaitingAt("Task_RecordMandate").hasPassed("EndEvent_MandateReminderSent");
    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications, org.mockito.Mockito.times(2)).send(sent.capture());
    Assertions.assertThat(sent.getAllValues()).extracting(OutgoingMessage::message).containsOnly("mandate-reminder");
    Assertions.assertThat(sent.getAllValues()).extracting(OutgoingMessage::recipientRole).containsOnly("coordinators");
    Assertions.assertThat(sent.getAllValues()).extracting(OutgoingMessage::idempotencyKey).doesNotHaveDuplicates();

    complete(task(), withVariables(CaseVariables.MANDATE_OUTCOME.name(), "granted", CaseVariables.MANDATE_ISSUER.name(), "prosecutor",
        CaseVariables.MANDATE_DATE.name(), "2026-01-10", CaseVariables.MANDATE_REFERENCE.name(), "StA 12 Js 345/26",
        CaseVariables.MANDATE_AUTHORITY_NAME.name(), "Staatsanwaltschaft Berlin",
        CaseVariables.MANDATE_AUTHORITY_EMAIL.name(), "toa@sta-berlin.example"));

    assertThat(instance).isWaitingAt("Task_CheckEligibility");
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();
    execute(job());
    assertThat(instance).isWaitingAt("Task_AssignMediators");
  }

  @Test
  void refusedMandateClosesTheCaseAndTellsTheReferrer() {
    ProcessInstance instance = start(selfReferral());

    complete(task(), withVariables(CaseVariables.MANDATE_OUTCOME.name(), "refused", CaseVariables.MANDATE_ISSUER.name(), "court",
        CaseVariables.MANDATE_DATE.name(), "2026-01-10"));
    execute(job());

    assertThat(instance).isEnded().hasPassed("EndEvent_NoMandate");
    assertClosed(instance, "not_eligible", "The prosecutor or court did not give the mandate for a mediation.");
    OutgoingMessage sent = singleMessage();
    Assertions.assertThat(sent.message()).isEqualTo("mandate-refused");
    Assertions.assertThat(sent.recipientRole()).isEqualTo("referrer");
    Assertions.assertThat(sent.content()).containsEntry("reason", "The prosecutor or court did not give the mandate for a mediation.")
        .containsEntry("recipientEmail", "self@example.org");
  }

  @Test
  void withdrawnSelfReferralClosesWithReasonReferralWithdrawn() {
    ProcessInstance instance = start(selfReferral());

    complete(task(), withVariables(CaseVariables.MANDATE_OUTCOME.name(), "referral_withdrawn"));

    assertThat(instance).isEnded().hasPassed("EndEvent_ReferralWithdrawn");
    assertClosed(instance, "referral_withdrawn", "The referral was withdrawn.");
    verify(notifications, never()).send(any());
  }

  @Test
  void mandateWithoutIssuerOrWithFutureDateIsRefusedAndTheTaskStays() {
    ProcessInstance instance = start(selfReferral());
    String taskId = task().getId();

    assertRefused(taskId, Map.of(CaseVariables.MANDATE_OUTCOME.name(), "granted", CaseVariables.MANDATE_DATE.name(), "2026-01-10"),
        "mandateIssuer: is required");
    assertRefused(taskId, Map.of(CaseVariables.MANDATE_OUTCOME.name(), "granted", CaseVariables.MANDATE_ISSUER.name(), "court",
        CaseVariables.MANDATE_DATE.name(), "2999-01-01"), "mandateDate: must not be in the future");
    assertRefused(taskId, Map.of(CaseVariables.MANDATE_OUTCOME.name(), "maybe"), "mandateOutcome: 'maybe' is not one of");
    // A granted mandate names the authority that gave it and where its reports go.
    Map<String, Object> granted = Map.of(CaseVariables.MANDATE_OUTCOME.name(), "granted", CaseVariables.MANDATE_ISSUER.name(),
        "prosecutor", CaseVariables.MANDATE_DATE.name(), "2026-01-10");
    assertRefused(taskId, granted, "mandateAuthorityName: is required");
    Map<String, Object> named = new java.util.HashMap<>(granted);
    named.put(CaseVariables.MANDATE_AUTHORITY_NAME.name(), "Staatsanwaltschaft Berlin");
    assertRefused(taskId, named, "mandateAuthorityEmail: or a postal address is needed");
    named.put(CaseVariables.MANDATE_AUTHORITY_ADDRESS.name(), "Turmstr. 91\r\n10559 Berlin\u202E");
    assertRefused(taskId, named, "mandateAuthorityAddress: contains a control or direction character");

    assertThat(instance).isWaitingAt("Task_RecordMandate");
  }

  @ParameterizedTest(name = "{0}: a self-referral waits for a mandate: {1}")
  @CsvSource({"de_toa, true", "dk_konfliktraad, false", "us_vom, true"})
  void theProgrammeProfileDecidesWhetherASelfReferralWaitsForTheMandate(String profile, boolean waits) {
    useProgrammeProfile(profile);
    ProcessInstance instance = start(selfReferral());

    assertThat(instance).hasPassed("Task_DecideMandateRequired").variables()
        .containsEntry(CaseVariables.MANDATE_REQUIRED.name(), waits)
        .hasEntrySatisfying(CaseVariables.MANDATE_REASON.name(), reason -> Assertions.assertThat((String) reason).isNotBlank());
    if (waits) {
      assertThat(instance).isWaitingAt("Task_RecordMandate");
      assertThat(task()).hasCandidateGroup("coordinators");
    } else {
      // Konfliktråd is run by the police: the case goes straight on to the eligibility check, no mandate task, no reminder.
      assertThat(instance).isWaitingAt("Task_CheckEligibility").hasNotPassed("Task_RecordMandate");
      Assertions.assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();
      execute(job());
      assertThat(instance).isWaitingAt("Task_AssignMediators");
    }
  }

  @Test
  void aReferralFromAReferringBodyNeverWaitsForAMandate() {
    ProcessInstance instance = start(referral());

    assertThat(instance).isWaitingAt("Task_CheckEligibility").hasNotPassed("Task_RecordMandate").variables()
        .containsEntry(CaseVariables.MANDATE_REQUIRED.name(), false);
  }

  // --- eligibility (R3) -------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}: a shop with a representative -> {1}")
  @CsvSource({"de_toa, Task_NotifyReferrerNotEligible", "dk_konfliktraad, Task_AssignMediators", "us_vom, Task_AssignMediators"})
  void aShopLiftingCaseWithTheShopsRepresentativeIsEligibleWhereTheProfileAllowsIt(String profile, String nextStep) {
    useProgrammeProfile(profile);
    Map<String, Object> shop = new HashMap<>(org.vomcase.support.Referrals.person("Corner Shop Ltd", "1980-04-02"));
    shop.remove("dateOfBirth");
    shop.put("representative", "Mette Hansen, store manager");
    Map<String, Object> referral = referralWith(CaseVariables.OFFENCE_CATEGORY.name(), "theft");
    referral.put(CaseVariables.RESPONSIBILITY_ADMISSION.name(), "full");
    referral.put(CaseVariables.VICTIM_IS_NATURAL_PERSON.name(), false);
    referral.put(CaseVariables.VICTIMS.name(), List.of(shop));
    ProcessInstance instance = start(referral);

    // Worked out from the victims when the eligibility is decided, not kept as a variable of the case.
    assertThat(instance).variables().doesNotContainKeys(CaseVariables.VICTIM_IS_LEGAL_PERSON.name(),
        CaseVariables.VICTIM_IS_MINOR.name());
    SpinJsonNode victims = (SpinJsonNode) runtimeService().getVariable(instance.getId(), CaseVariables.VICTIMS.name());
    Assertions.assertThat(victims.elements().get(0).prop("representative").stringValue()).isEqualTo("Mette Hansen, store manager");
    Assertions.assertThat(victims.elements().get(0).prop("minor").boolValue()).isFalse();
    execute(job());

    assertThat(instance).isWaitingAt(nextStep);
    if (profile.equals("de_toa")) {
      Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.ELIGIBILITY_REASON.name()))
          .isEqualTo("The victim is a legal person (a shop, a company, a school); the programme takes only natural-person victims.");
    }
  }

  @Test
  void aVictimThatIsNotANaturalPersonMustNameItsRepresentative() {
    Map<String, Object> referral = referral();
    referral.put(CaseVariables.VICTIM_IS_NATURAL_PERSON.name(), false);

    Assertions.assertThatThrownBy(() -> start(referral))
        .hasMessageContaining("victims[0].representative: the victim is not a natural person: name the person who represents it");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }


  @Test
  void notEligibleReferralIsClosedAndTheReferrerToldWhy() {
    Map<String, Object> referral = referral();
    referral.put(CaseVariables.VICTIM_REFUSED.name(), true);
    ProcessInstance instance = start(referral);

    execute(job());
    assertThat(instance).isWaitingAt("Task_NotifyReferrerNotEligible");
    execute(job());

    assertThat(instance).isEnded().hasPassed("EndEvent_NotEligible");
    String reason = "The victim has expressly refused mediation; a case never proceeds against the victim's will.";
    assertClosed(instance, "not_eligible", reason);
    OutgoingMessage sent = singleMessage();
    Assertions.assertThat(sent.message()).isEqualTo("referral-not-eligible");
    Assertions.assertThat(sent.content()).containsEntry("reason", reason).containsEntry(CaseVariables.REFERRER_REFERENCE.name(), "StA 99/26")
        .containsEntry(CaseVariables.CASE_NUMBER.name(), instance.getBusinessKey());
    // The register's row, written once by the registration and marked by the closure in its transaction: what the figures
    // and the case list read instead of the case's variables.
    Map<String, Object> row = new org.springframework.jdbc.core.JdbcTemplate(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
        processEngine.getProcessEngineConfiguration()).getDataSource()).queryForMap("SELECT programme_profile, referral_source,"
        + " procedural_stage, persons, referrer_reference, closed_at FROM vom_case WHERE case_number = ?", instance.getBusinessKey());
    Assertions.assertThat(row).containsEntry("PROGRAMME_PROFILE", "de_toa").containsEntry("REFERRAL_SOURCE", referral.get("referralSource"))
        .containsEntry("PROCEDURAL_STAGE", referral.get("proceduralStage")).containsEntry("REFERRER_REFERENCE", "StA 99/26");
    Assertions.assertThat((String) row.get("PERSONS")).isNotBlank();
    Assertions.assertThat(row.get("CLOSED_AT")).isNotNull();
    // The referral as registered: the first values of the registration's variables, which the history does not repeat.
    String registered = new org.springframework.jdbc.core.JdbcTemplate(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
        processEngine.getProcessEngineConfiguration()).getDataSource()).queryForObject("SELECT referral FROM vom_case_referral"
        + " WHERE case_number = ?", String.class, instance.getBusinessKey());
    Assertions.assertThat(registered).contains("\"referrerReference\":\"StA 99/26\"",
        "\"caseNumber\":\"" + instance.getBusinessKey() + "\"", "\"personId\":\"V1\"");
  }

  @Test
  void domesticViolenceGoesToTheCoordinatorsReviewWhoAccepts() {
    ProcessInstance instance = start(referralWith(CaseVariables.OFFENCE_CATEGORY.name(), "domestic_violence"));
    execute(job());

    assertThat(instance).isWaitingAt("Task_ReviewEligibility").variables()
        .containsEntry(CaseVariables.ELIGIBILITY_OUTCOME.name(), "needs_review");
    assertThat(task()).hasCandidateGroup("coordinators");
    Assertions.assertThat((String) runtimeService().getVariable(instance.getId(), CaseVariables.ELIGIBILITY_REASON.name()))
        .startsWith("Domestic or intimate-partner violence");

    complete(task(), withVariables(CaseVariables.REVIEW_DECISION.name(), "accept"));

    assertThat(instance).isWaitingAt("Task_AssignMediators");
  }

  @Test
  void coordinatorRejectsAfterReviewAndTheReferrerGetsTheCoordinatorsReason() {
    ProcessInstance instance = start(referralWith(CaseVariables.OFFENCE_CATEGORY.name(), "sexual_offence"));
    execute(job());
    String taskId = task().getId();

    assertRefused(taskId, Map.of(CaseVariables.REVIEW_DECISION.name(), "reject"), "reviewReason: give the reason for the rejection");
    complete(task(), withVariables(CaseVariables.REVIEW_DECISION.name(), "reject",
        CaseVariables.REVIEW_REASON.name(), "The victim's safety cannot be assured at this stage."));
    execute(job());

    assertThat(instance).isEnded().hasPassed("Task_ReviewEligibility", "EndEvent_RejectedAfterReview");
    assertClosed(instance, "not_eligible", "The victim's safety cannot be assured at this stage.");
    Assertions.assertThat(singleMessage().content()).containsEntry("reason", "The victim's safety cannot be assured at this stage.");
  }

  @ParameterizedTest(name = "{0}: offender who {1} -> {2}")
  @CsvSource({
    "de_toa, none, Task_ReviewEligibility",
    "dk_konfliktraad, does_not_deny, Task_NotifyReferrerNotEligible",
    "dk_konfliktraad, essential_confession, Task_AssignMediators",
    "us_vom, none, Task_NotifyReferrerNotEligible",
    "us_vom, does_not_deny, Task_AssignMediators"
  })
  void eligibilityFollowsTheConfiguredProgrammeProfile(String profile, String admission, String nextStep) {
    useProgrammeProfile(profile);
    ProcessInstance instance = start(referralWith(CaseVariables.RESPONSIBILITY_ADMISSION.name(), admission));

    execute(job());

    assertThat(instance).isWaitingAt(nextStep).variables().containsEntry(CaseVariables.PROGRAMME_PROFILE.name(), profile);
  }

  // --- assignment (R4) ----------------------------------------------------------------------------------

  @Test
  void assignmentOffersTheMediatorsAndRefusesBadChoices() {
    ProcessInstance instance = start(referral());
    execute(job());
    String taskId = task().getId();
    SpinJsonNode options = (SpinJsonNode) taskService().getVariableLocal(taskId, CaseVariables.MEDIATOR_OPTIONS.name());
    Assertions.assertThat(options.elements()).extracting(o -> o.prop("value").stringValue()).containsExactly("jonas", "mara");
    Assertions.assertThat(options.elements()).extracting(o -> o.prop("label").stringValue())
        .containsExactly("Jonas Weber — no open cases", "Mara Jensen — no open cases");
    // The coordinator sees whom the case is about: ages, languages, interpreter needs.
    Assertions.assertThat(taskService().getVariableLocal(taskId, CaseVariables.PERSONS_SHOWN.name())).asString()
        .containsPattern("V1 Ana Roth, victim, 4[0-9] years, German\n").containsPattern("O1 Carl Vogt, offender, 3[0-9] years, German$");

    assertRefused(taskId, Map.of(CaseVariables.CO_MEDIATOR.name(), "jonas"), "leadMediator: choose the mediator for this case");
    assertRefused(taskId, Map.of(CaseVariables.LEAD_MEDIATOR.name(), "mara", CaseVariables.CO_MEDIATOR.name(), "mara"),
        "coMediator: the co-mediator must be a different person from the mediator");
    assertRefused(taskId, Map.of(CaseVariables.LEAD_MEDIATOR.name(), "clara"), "leadMediator: 'clara' is not a member of the mediators group");
    assertRefused(taskId, Map.of(CaseVariables.LEAD_MEDIATOR.name(), "mara", CaseVariables.CO_MEDIATOR.name(), "sam"),
        "coMediator: 'sam' is not a member of the mediators group");

    assertThat(instance).isWaitingAt("Task_AssignMediators");
    Assertions.assertThat(runtimeService().getVariables(instance.getId())).doesNotContainKeys(CaseVariables.MEDIATORS.name());
    complete(task(), withVariables(CaseVariables.LEAD_MEDIATOR.name(), "mara"));
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.MEDIATORS.name())).isEqualTo(List.of("mara"));

    // The next case's assignment counts the open case Mara has now.
    ProcessInstance next = start(referral());
    execute(job());
    SpinJsonNode nextOptions = (SpinJsonNode) taskService().getVariableLocal(
        taskService().createTaskQuery().processInstanceId(next.getId()).singleResult().getId(), CaseVariables.MEDIATOR_OPTIONS.name());
    Assertions.assertThat(nextOptions.elements()).extracting(o -> o.prop("label").stringValue())
        .containsExactly("Jonas Weber — no open cases", "Mara Jensen — 1 open case");
  }

  @Test
  void assignmentLeftOpenPastItsDueDateRemindsTheCoordinators() {
    ProcessInstance instance = start(referral());
    execute(job());
    assertThat(instance).isWaitingAt("Task_AssignMediators");

    execute(managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult());

    assertThat(instance).isWaitingAt("Task_AssignMediators");
    OutgoingMessage reminder = singleMessage();
    Assertions.assertThat(reminder.message()).isEqualTo("task-overdue");
    Assertions.assertThat(reminder.recipientRole()).isEqualTo("coordinators");
    Assertions.assertThat(reminder.content()).containsEntry("task", "Assign mediators: " + instance.getBusinessKey());
  }

  // --- contact and consent (R5-R7) ------------------------------------------------------------------

  @Test
  void offenderIsContactedFirstThenTheVictimAndTheCaseGoesOnWithConsentOnBothSides() {
    ProcessInstance instance = assignedCase(referral());

    execute(job());
    assertThat(instance).isWaitingAt("CallActivity_ContactPerson").variables()
        .containsEntry(CaseVariables.FIRST_CONTACT.name(), "offender")
        .containsEntry(CaseVariables.INTRODUCTION_CHANNEL.name(), "letter_only");
    Assertions.assertThat(contactedPersons(instance)).containsExactly("O1");
    contact(instance, Map.of("O1", "agreed"));
    Assertions.assertThat(contactedPersons(instance)).containsExactly("V1");
    contact(instance, Map.of("V1", "agreed"));

    assertThat(instance).isWaitingAt("CallActivity_PrepareEachPerson");
    Assertions.assertThat(historic(instance, CaseVariables.CONSENTS.name()).toString())
        .contains("\"O1\":{\"role\":\"offender\",\"outcome\":\"agreed\"}")
        .contains("\"V1\":{\"role\":\"victim\",\"outcome\":\"agreed\"}");
    Assertions.assertThat(historic(instance, CaseVariables.CLOSURE_REASON.name())).isNull();
  }

  /**
   * A person's contact and preparation bring back into the case only what its books record (the call activities' explicit
   * output mappings): the consent and the person's safe contact, the preparation's answers. None of the called
   * process's working copies (the person's flat fields, the calls, the deadline, the mediators) is copied into the case.
   */
  @Test
  void aContactAndAPreparationBringBackOnlyWhatTheCaseRecords() {
    ProcessInstance instance = caseInPreparation();
    prepareEveryone(instance);
    assertThat(instance).isWaitingAt("Task_DecideSuitability");

    List<String> copied = historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
        .stream().filter(v -> v.getActivityInstanceId() != null && !v.getActivityInstanceId().equals(instance.getId()))
        .map(org.camunda.bpm.engine.history.HistoricVariableInstance::getName).toList();
    Assertions.assertThat(copied).as("the values the case's steps held")
        .contains(CaseVariables.PERSON.name(), CaseVariables.CONSENT_OUTCOME.name(), CaseVariables.READINESS.name())
        .doesNotContainAnyElementsOf(List.of(CaseVariables.PERSON_NAME.name(), CaseVariables.PERSON_PHONE.name(),
            CaseVariables.PERSON_EMAIL.name(), CaseVariables.PERSON_ID.name(), CaseVariables.CALL_ATTEMPTS.name(),
            CaseVariables.CALL_OUTCOME.name(), CaseVariables.CONTACT_DEADLINE.name(), CaseVariables.UNREACHED_CALLS.name(),
            CaseVariables.MAX_UNREACHED_CALLS.name(), CaseVariables.CONSENT_RECORDED_AT.name(),
            CaseVariables.SAFE_DO_NOT_WRITE.name(), CaseVariables.CASE_NUMBER.name(), CaseVariables.MEDIATORS.name()));
    Assertions.assertThat(historic(instance, CaseVariables.CONSENTS.name()).toString())
        .contains("\"V1\":{\"role\":\"victim\",\"outcome\":\"agreed\"}");
    Assertions.assertThat(historic(instance, CaseVariables.PREPARATIONS.name()).toString()).contains("\"readiness\":\"ready\"");
  }

  /**
   * Whether a victim is a minor is worked out from the victims when the order of contact is decided (not kept as a
   * variable): in the Danish konfliktråd a victim under 18 is approached first, through the parents; an adult is not.
   */
  @ParameterizedTest(name = "victim born {0}: contact first {1}")
  @CsvSource({"2015-06-30, victim", "1980-04-02, offender"})
  void aMinorVictimInTheKonfliktraadIsApproachedFirst(String dateOfBirth, String firstContact) {
    useProgrammeProfile("dk_konfliktraad");
    Map<String, Object> victim = new HashMap<>(person("Ana Roth", dateOfBirth));
    if (firstContact.equals("victim")) {
      victim.put("guardians", List.of(Map.of("name", "Lis Roth", "relation", "parent", "phone", "+45 30 7654321")));
    }
    // Not a violent offence (whose rule comes first and has the offender approached first whatever the victim's age).
    Map<String, Object> referral = referralWith(CaseVariables.OFFENCE_CATEGORY.name(), "theft");
    referral.put(CaseVariables.VICTIMS.name(), List.of(victim));
    ProcessInstance instance = assignedCase(referral);
    execute(job());

    assertThat(instance).variables().containsEntry(CaseVariables.FIRST_CONTACT.name(), firstContact)
        .doesNotContainKey(CaseVariables.VICTIM_IS_MINOR.name());
  }

  @Test
  void whenNoOffenderAgreesTheVictimIsNeverAskedAndTheCaseCloses() {
    Map<String, Object> referral = referral();
    referral.put(CaseVariables.OFFENDERS.name(), List.of(person("Carl Vogt", "1990-01-15"), person("Dana Eck", "1999-12-01")));
    ProcessInstance instance = assignedCase(referral);
    execute(job());

    contact(instance, Map.of("O1", "declined", "O2", "not_reachable"));

    assertThat(instance).isEnded().hasPassed("BoundaryEvent_NoConsent", "EndEvent_NoConsent");
    assertClosedAs(instance, "offender_declined");
    Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().superProcessInstanceId(instance.getId()).count())
        .isEqualTo(2);
  }

  @Test
  void stalkingVictimIsContactedFirstByLetterAndHerRefusalEndsTheCaseAtOnce() {
    ProcessInstance instance = assignedCase(referralWith(CaseVariables.OFFENCE_CATEGORY.name(), "stalking"));
    execute(job());

    assertThat(instance).variables().containsEntry(CaseVariables.FIRST_CONTACT.name(), "victim");
    Assertions.assertThat(contactedPersons(instance)).containsExactly("V1");
    contact(instance, Map.of("V1", "declined"));

    assertThat(instance).isEnded().hasPassed("EndEvent_NoConsent");
    assertClosedAs(instance, "victim_declined");
    Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().superProcessInstanceId(instance.getId()).count())
        .isEqualTo(1);
  }

  @Test
  void sideThatCannotBeReachedClosesTheCaseAsNotReachable() {
    ProcessInstance instance = assignedCase(referral());
    execute(job());
    contact(instance, Map.of("O1", "agreed"));

    contact(instance, Map.of("V1", "not_reachable"));

    assertClosedAs(instance, "not_reachable");
  }

  @Test
  void oneAgreeingPersonOfASideIsEnough() {
    Map<String, Object> referral = referral();
    referral.put(CaseVariables.VICTIMS.name(), List.of(person("Ana Roth", "1980-04-02"), person("Ben Roth", "2015-06-30")));
    ProcessInstance instance = assignedCase(referral);
    execute(job());
    contact(instance, Map.of("O1", "agreed"));

    Assertions.assertThat(contactedPersons(instance)).containsExactlyInAnyOrder("V1", "V2");
    contact(instance, Map.of("V1", "declined", "V2", "agreed"));

    assertThat(instance).isWaitingAt("CallActivity_PrepareEachPerson");
    Assertions.assertThat(preparedPersons(instance)).containsExactlyInAnyOrder("V2", "O1");
  }

  // --- other mediators (R4, R24) ------------------------------------------------------------------

  @Test
  void coordinatorGivesTheCaseOtherMediatorsAndTheOpenTaskAndTheAccessMoveWithIt() {
    ProcessInstance instance = caseWaitingAt(WaitState.SUITABILITY);
    var authorizations = processEngine.getAuthorizationService();
    // No grant on the case itself (the register gives it); the open task's grant, as the engine gives it to a candidate
    // when authorization is on (it is off in this unit engine, so it is written here).
    Assertions.assertThat(authorizations.createAuthorizationQuery().resourceId(instance.getId()).count()).isZero();
    String openTask = taskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    var taskGrant = authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    taskGrant.setUserId("mara");
    taskGrant.setResource(org.camunda.bpm.engine.authorization.Resources.TASK);
    taskGrant.setResourceId(openTask);
    taskGrant.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
    authorizations.saveAuthorization(taskGrant);

    caseEvents().record(new CaseEvents.CaseEvent(instance.getBusinessKey(), CaseEvents.MEDIATORS_CHANGE, null, "Mara is on leave", "clara"));

    assertThat(instance).isWaitingAt("Task_DecideSuitability", "Task_ReassignMediators");
    org.camunda.bpm.engine.task.Task reassign = taskService().createTaskQuery().taskDefinitionKey("Task_ReassignMediators").singleResult();
    assertThat(reassign).hasCandidateGroup("coordinators").hasName("Reassign the case's mediators: " + instance.getBusinessKey());
    assertThat(instance).variables().containsEntry(CaseVariables.MEDIATORS_CHANGE_REASON.name(), "Mara is on leave");
    org.vomcase.support.ProcessTests.assertRefused(reassign.getId(), Map.of(CaseVariables.LEAD_MEDIATOR.name(), "mara"),
        "leadMediator: these are the case's mediators already; choose who takes over");

    complete(reassign, withVariables(CaseVariables.LEAD_MEDIATOR.name(), "jonas"));

    assertThat(instance).hasPassed("EndEvent_MediatorsChanged").isWaitingAt("Task_DecideSuitability");
    assertThat(instance).variables().containsEntry(CaseVariables.LEAD_MEDIATOR.name(), "jonas")
        .containsEntry(CaseVariables.MEDIATORS.name(), List.of("jonas"));
    org.camunda.bpm.engine.task.Task suitability = taskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    Assertions.assertThat(suitability.getAssignee()).isEqualTo("jonas");
    Assertions.assertThat(taskService().getIdentityLinksForTask(suitability.getId())).filteredOn(l -> l.getUserId() != null
        && "candidate".equals(l.getType())).extracting(l -> l.getUserId()).containsExactly("jonas");
    Assertions.assertThat(authorizations.createAuthorizationQuery().userIdIn("mara").count()).isZero();
    Assertions.assertThat(authorizations.createAuthorizationQuery().resourceId(instance.getId()).count()).isZero();
  }

  @Test
  void onlyCoordinatorsAskForOtherMediatorsAndOnlyOnceTheCaseHasMediators() {
    ProcessInstance unassigned = caseWaitingAt(WaitState.ASSIGNMENT);
    assertEventRefused(new CaseEvents.CaseEvent(unassigned.getBusinessKey(), CaseEvents.MEDIATORS_CHANGE, null,
        "Conflict of interest", "clara"), "eventType: case " + unassigned.getBusinessKey() + " has no mediators yet");
    ProcessInstance assigned = caseWaitingAt(WaitState.SUITABILITY);
    assertEventRefused(new CaseEvents.CaseEvent(assigned.getBusinessKey(), CaseEvents.MEDIATORS_CHANGE, null,
        "I want another case", "mara"), "eventCaseNumber: there is no open case");
    caseEvents().record(new CaseEvents.CaseEvent(assigned.getBusinessKey(), CaseEvents.MEDIATORS_CHANGE, null, "Conflict of interest", "clara"));
    assertEventRefused(new CaseEvents.CaseEvent(assigned.getBusinessKey(), CaseEvents.MEDIATORS_CHANGE, null,
        "Conflict of interest", "clara"), "eventType: a change of mediators of case " + assigned.getBusinessKey() + " is already waiting");
    Assertions.assertThat(taskService().createTaskQuery().taskDefinitionKey("Task_ReassignMediators").count()).isEqualTo(1);
  }

  // --- withdrawal at any time (R8) ----------------------------------------------------------------

  /** The states a case can wait in before the session, each reached from a fresh referral. */
  enum WaitState {
    MANDATE, ELIGIBILITY_CHECK, ELIGIBILITY_REVIEW, ASSIGNMENT, CONTACT_ORDER, CONTACTING_OFFENDERS, CONTACTING_VICTIMS,
    PREPARATION, SUITABILITY, SESSION, AGREEMENT, MONITORING, FOLLOW_UP
  }

  private ProcessInstance caseWaitingAt(WaitState state) {
    switch (state) {
      case MANDATE -> {
        ProcessInstance instance = start(selfReferralWith());
        assertThat(instance).isWaitingAt("Task_RecordMandate");
        return instance;
      }
      case ELIGIBILITY_CHECK -> {
        ProcessInstance instance = start(referral());
        assertThat(instance).isWaitingAt("Task_CheckEligibility");
        return instance;
      }
      case ELIGIBILITY_REVIEW -> {
        ProcessInstance instance = start(referralWith(CaseVariables.OFFENCE_CATEGORY.name(), "domestic_violence"));
        execute(job());
        assertThat(instance).isWaitingAt("Task_ReviewEligibility");
        return instance;
      }
      case ASSIGNMENT -> {
        ProcessInstance instance = start(referral());
        execute(job());
        assertThat(instance).isWaitingAt("Task_AssignMediators");
        return instance;
      }
      case CONTACT_ORDER -> {
        ProcessInstance instance = assignedCase(referral());
        assertThat(instance).isWaitingAt("Task_DecideContactOrder");
        return instance;
      }
      case CONTACTING_OFFENDERS -> {
        ProcessInstance instance = assignedCase(referral());
        execute(job());
        Assertions.assertThat(contactedPersons(instance)).containsExactly("O1");
        return instance;
      }
      case CONTACTING_VICTIMS -> {
        ProcessInstance instance = assignedCase(referral());
        execute(job());
        contact(instance, Map.of("O1", "agreed"));
        Assertions.assertThat(contactedPersons(instance)).containsExactly("V1");
        return instance;
      }
      case PREPARATION -> {
        return caseInPreparation();
      }
      case SUITABILITY -> {
        ProcessInstance instance = caseInPreparation();
        prepareEveryone(instance);
        assertThat(instance).isWaitingAt("Task_DecideSuitability");
        return instance;
      }
      case SESSION -> {
        ProcessInstance instance = caseInPreparation();
        prepareEveryone(instance);
        complete(task(), withVariables(CaseVariables.SUITABILITY.name(), "suitable"));
        assertThat(instance).isWaitingAt("CallActivity_MediationSession");
        return instance;
      }
      case AGREEMENT -> {
        ProcessInstance instance = caseWaitingAt(WaitState.SESSION);
        holdSession(instance, Map.of(CaseVariables.SESSION_HELD.name(), "held", CaseVariables.SESSION_OUTCOME.name(), "agreement"));
        assertThat(instance).isWaitingAt("CallActivity_Agreement");
        return instance;
      }
      case MONITORING -> {
        ProcessInstance instance = caseWaitingAt(WaitState.AGREEMENT);
        concludeAgreement(instance, true);
        execute(job());
        assertThat(instance).isWaitingAt("CallActivity_MonitorAgreement");
        return instance;
      }
      default -> {
        ProcessInstance instance = caseWaitingAt(WaitState.SESSION);
        holdSession(instance, Map.of(CaseVariables.SESSION_HELD.name(), "held", CaseVariables.SESSION_OUTCOME.name(), "no_agreement"));
        execute(job());
        assertThat(instance).isWaitingAt("CallActivity_FollowUp");
        return instance;
      }
    }
  }

  // --- preparation, suitability and session (R9-R12) ------------------------------------------------

  @Test
  void preparedCaseFoundSuitableGoesToTheSessionAndAnAgreementToItsRecording() {
    ProcessInstance instance = caseInPreparation();
    Assertions.assertThat(preparedPersons(instance)).containsExactlyInAnyOrder("V1", "O1");

    prepareEveryone(instance);

    assertThat(instance).isWaitingAt("Task_DecideSuitability");
    assertThat(task()).isAssignedTo("mara");
    Assertions.assertThat((String) taskService().getVariable(task().getId(), CaseVariables.PREPARATION_SUMMARY.name()))
        .contains("V1 Ana Roth (victim): ready; wants: apology, answers; meeting: direct; place: Community centre, room 2")
        .contains("O1 Carl Vogt (offender): ready");
    complete(task(), withVariables(CaseVariables.SUITABILITY.name(), "suitable"));
    assertThat(instance).isWaitingAt("CallActivity_MediationSession");
    holdSession(instance, Map.of(CaseVariables.SESSION_HELD.name(), "held", CaseVariables.SESSION_OUTCOME.name(), "agreement"));

    assertThat(instance).isWaitingAt("CallActivity_Agreement");
    ProcessInstance agreement = called(instance, "agreement");
    // Who takes part is read from the case's consent book while the agreement runs, never from a copy of its start.
    Assertions.assertThat(runtimeService().getVariables(agreement.getId())).containsKeys(CaseVariables.VICTIMS.name(),
        CaseVariables.OFFENDERS.name(), CaseVariables.LEAD_MEDIATOR.name(), CaseVariables.PROGRAMME_PROFILE.name())
        .doesNotContainKey(CaseVariables.CONSENTS.name());
    Assertions.assertThat(agreement.getBusinessKey()).isEqualTo(instance.getBusinessKey());
    Assertions.assertThat(historic(instance, CaseVariables.PREPARATIONS.name()).toString()).contains("\"meetingType\":\"direct\"");
  }

  // --- after the session: agreement, report, monitoring, follow-up, closure (R13-R19) -----------------

  @Test
  void concludedAgreementIsReportedMonitoredItemByItemFollowedUpAndClosedAsFulfilled() {
    ProcessInstance instance = caseWaitingAt(WaitState.AGREEMENT);
    concludeAgreement(instance, true);

    assertThat(instance).isWaitingAt("Task_ReportAgreementToReferrer");
    execute(job());
    OutgoingMessage report = singleMessageTo(MessageCatalogue.REFERRER, "referrer-report");
    Assertions.assertThat(report.content()).containsEntry("report", "agreement").containsEntry("agreementReached", true)
        .containsEntry("agreementShared", true).containsEntry("recipientEmail", "toa@sta-musterstadt.example");
    Assertions.assertThat(report.content().get("agreement").toString())
        .contains("Payment: 100.00 in 2 monthly instalments, owed by Carl Vogt (O1) to Ana Roth (V1), due 2099-01-01");
    Assertions.assertThat(report.content().toString()).doesNotContain("CONFIDENTIAL");

    assertThat(instance).isWaitingAt("CallActivity_MonitorAgreement");
    List<ProcessInstance> monitored = runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey("monitor-obligation").list();
    Assertions.assertThat(monitored).hasSize(2);
    monitored.forEach(m -> finishMonitoring(m, "fulfilled"));

    assertThat(instance).isWaitingAt("CallActivity_FollowUp");
    Assertions.assertThat(historic(instance, CaseVariables.FULFILMENTS.name()).toString()).contains("\"I1-1\":{\"status\":\"fulfilled\"")
        .contains("\"I1-2\":{\"status\":\"fulfilled\"");
    finishFollowUp(instance);

    assertThat(instance).isEnded().hasPassed("EndEvent_AgreementFulfilled");
    assertClosed(instance, "agreement_fulfilled", null);
    Assertions.assertThat(historic(instance, CaseVariables.AGREEMENT_FULFILMENT.name())).isEqualTo("fulfilled");
    Assertions.assertThat(historic(instance, CaseVariables.FOLLOW_UPS.name()).toString()).contains("very_satisfied");
  }

  @ParameterizedTest(name = "instalments {0} and {1} -> {2}")
  @CsvSource({"fulfilled, partly_fulfilled, agreement_partly_fulfilled", "not_fulfilled, not_fulfilled, agreement_not_fulfilled",
      "fulfilled, not_fulfilled, agreement_partly_fulfilled"})
  void agreementNotFullyKeptClosesWithItsFulfilment(String first, String second, String closureReason) {
    ProcessInstance instance = caseWaitingAt(WaitState.MONITORING);
    List<ProcessInstance> monitored = runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey("monitor-obligation").orderByProcessInstanceId().asc().list();
    finishMonitoring(monitored.get(0), first);
    finishMonitoring(monitored.get(1), second);
    finishFollowUp(instance);

    assertThat(instance).isEnded().hasPassed(closureReason.equals("agreement_not_fulfilled")
        ? "EndEvent_AgreementNotFulfilled" : "EndEvent_AgreementPartlyFulfilled");
    assertClosed(instance, closureReason, null);
  }

  @Test
  void agreementWithEveryItemDoneAtTheSessionSkipsMonitoringAndClosesFulfilled() {
    ProcessInstance instance = caseWaitingAt(WaitState.AGREEMENT);
    ProcessInstance agreement = called(instance, "agreement");
    Map<String, Object> result = new HashMap<>(agreementResult(true));
    result.put(CaseVariables.AGREEMENT_ITEMS.name(), org.camunda.spin.plugin.variable.SpinValues.jsonValue(
        "[{\"itemId\":\"I1\",\"kind\":\"apology_oral\",\"offender\":\"O1\",\"creditor\":\"V1\",\"dueDate\":\"2026-01-01\","
        + "\"status\":\"fulfilled\"}]").create());
    result.put(CaseVariables.OBLIGATIONS.name(), org.camunda.spin.plugin.variable.SpinValues.jsonValue("[]").create());
    taskService().complete(taskService().createTaskQuery().processInstanceId(agreement.getId()).singleResult().getId(), result);
    execute(job());

    assertThat(instance).isWaitingAt("CallActivity_FollowUp");
    finishFollowUp(instance);
    assertThat(instance).isEnded().hasPassed("EndEvent_AgreementFulfilled");
  }

  @Test
  void agreementNotSignedClosesTheCaseWithoutAgreement() {
    ProcessInstance instance = caseWaitingAt(WaitState.AGREEMENT);
    concludeAgreement(instance, false);

    assertThat(instance).isEnded().hasPassed("EndEvent_AgreementNotConcluded");
    assertClosed(instance, "no_agreement", null);
    verify(notifications, never()).send(org.mockito.ArgumentMatchers.argThat(m -> m.message().equals("referrer-report")));
  }

  @Test
  void agreementWithoutEveryonesConsentIsReportedWithoutItsContent() {
    ProcessInstance instance = caseWaitingAt(WaitState.AGREEMENT);
    ProcessInstance agreement = called(instance, "agreement");
    Map<String, Object> result = new HashMap<>(agreementResult(true));
    result.put(CaseVariables.SHARE_AGREEMENT_WITH_REFERRER.name(), false);
    taskService().complete(taskService().createTaskQuery().processInstanceId(agreement.getId()).singleResult().getId(), result);
    execute(job());

    OutgoingMessage report = singleMessageTo(MessageCatalogue.REFERRER, "referrer-report");
    Assertions.assertThat(report.content()).containsEntry("agreementReached", true).containsEntry("agreementShared", false)
        .doesNotContainKey("agreement");
    Assertions.assertThat(report.content().toString()).doesNotContain("Payment").doesNotContain("50.00");
  }

  @ParameterizedTest(name = "session outcome {0} closes the case as {1} after the report and the follow-up")
  @CsvSource({
    "dialogue_without_agreement, dialogue_without_agreement",
    "no_agreement, no_agreement",
    "indirect_completed, indirect_mediation_completed"
  })
  void sessionOutcomeOtherThanAnAgreementClosesTheCase(String outcome, String closureReason) {
    ProcessInstance instance = caseWaitingAt(WaitState.SESSION);
    Map<String, Object> result = new java.util.HashMap<>(Map.of(CaseVariables.SESSION_HELD.name(), "held", CaseVariables.SESSION_OUTCOME.name(), outcome));

    holdSession(instance, result);
    assertThat(instance).isWaitingAt("Task_ReportSessionToReferrer");
    execute(job());
    OutgoingMessage report = singleMessageTo(MessageCatalogue.REFERRER, "referrer-report");
    Assertions.assertThat(report.content()).containsEntry("report", "session").containsEntry("mediationTookPlace", true)
        .containsEntry("agreementReached", false);
    Assertions.assertThat(report.content().toString()).doesNotContain("threatening");
    finishFollowUp(instance);

    assertThat(instance).isEnded().hasPassed("EndEvent_ClosedAfterSession");
    assertClosedAs(instance, closureReason);
  }

  @ParameterizedTest(name = "a session stopped for safety, reviewed: {0} -> the case closes as stopped_for_safety")
  @CsvSource(delimiter = '|', value = {
    "refer_to_support | The session was stopped for safety; after the coordinators' review the victim was referred to support services and the case closed.",
    "close            | The session was stopped for safety; after the coordinators' review the case was closed."
  })
  void aSessionStoppedForSafetyClosesAfterTheCoordinatorsReview(String decision, String note) {
    ProcessInstance instance = caseWaitingAt(WaitState.SESSION);

    // The called mediation-session ends this way only after its review (MediationSessionTest covers the review itself).
    holdSession(instance, Map.of(CaseVariables.SESSION_HELD.name(), "held", CaseVariables.SESSION_OUTCOME.name(), "stopped_for_safety",
        CaseVariables.SAFETY_STOP_REASON.name(), "The offender became threatening.", CaseVariables.SAFETY_REVIEW_DECISION.name(), decision));

    assertThat(instance).isEnded().hasPassed("EndEvent_ClosedAfterSafetyReview")
        .hasNotPassed("Task_ReportSessionToReferrer", "CallActivity_FollowUp", "EndEvent_ClosedAfterSession");
    // What happened and why the mediator stopped are confidential notes: neither reaches the closure note or the case.
    assertClosed(instance, "stopped_for_safety", note);
    Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(CaseVariables.SAFETY_STOP_REASON.name()).count()).isZero();
    Assertions.assertThat(historic(instance, CaseVariables.SAFETY_REVIEW_DECISION.name())).isEqualTo(decision);
  }

  @Test
  void closureStartsTheRetentionWithoutPersonalData() {
    ProcessInstance instance = caseWaitingAt(WaitState.FOLLOW_UP);
    caseEvents().record(new CaseEvents.CaseEvent(instance.getBusinessKey(), "proceedings_ended", null, null, "clara",
        "2026-01-10", "dismissed_with_conditions"));
    finishFollowUp(instance);

    ProcessInstance retention = runtimeService().createProcessInstanceQuery().processDefinitionKey("case-retention")
        .processInstanceBusinessKey(instance.getBusinessKey()).singleResult();
    Assertions.assertThat(runtimeService().getVariables(retention.getId()))
        .containsEntry(CaseVariables.CASE_INSTANCE_ID.name(), instance.getId())
        .containsEntry(CaseVariables.CLOSURE_REASON.name(), "no_agreement")
        .containsEntry(CaseVariables.PROCEEDINGS_ENDED_ON.name(), "2026-01-10")
        .containsEntry(CaseVariables.PROCEEDINGS_OUTCOME.name(), "dismissed_with_conditions")
        .containsKeys(CaseVariables.CASE_NUMBER.name(), CaseVariables.CLOSED_AT.name(), CaseVariables.PROGRAMME_PROFILE.name())
        .doesNotContainKeys(CaseVariables.VICTIMS.name(), CaseVariables.OFFENDERS.name(), CaseVariables.REFERRER_NAME.name());
    assertEventRefused(new CaseEvents.CaseEvent(instance.getBusinessKey(), "proceedings_ended", null, null, "clara",
        "2026-01-11", "dismissed"), "proceedingsEndedOn: the end of the proceedings of " + instance.getBusinessKey() + " is recorded already");
  }

  @Test
  void endOfProceedingsWithAFutureDateOrUnknownOutcomeIsRefused() {
    ProcessInstance instance = caseWaitingAt(WaitState.FOLLOW_UP);
    assertEventRefused(new CaseEvents.CaseEvent(instance.getBusinessKey(), "proceedings_ended", null, null, "clara",
        "2999-01-01", "dismissed"), "proceedingsEndedOn: must not be in the future");
    assertEventRefused(new CaseEvents.CaseEvent(instance.getBusinessKey(), "proceedings_ended", null, null, "clara",
        "2026-01-01", "pardoned"), "proceedingsOutcome: 'pardoned' is not one of");
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.PROCEEDINGS_ENDED_ON.name())).isNull();
  }

  @Test
  void unsuitableCaseClosesWithTheMediatorsReason() {
    ProcessInstance instance = caseInPreparation();
    prepareEveryone(instance);
    String taskId = task().getId();

    assertRefused(taskId, Map.of(CaseVariables.SUITABILITY.name(), "unsuitable"), "suitabilityReason: is required");
    complete(task(), withVariables(CaseVariables.SUITABILITY.name(), "unsuitable",
        CaseVariables.SUITABILITY_REASON.name(), "The offender minimises the harm; a meeting would hurt the victim."));

    assertThat(instance).isEnded().hasPassed("EndEvent_Unsuitable");
    assertClosed(instance, "unsuitable_after_preparation", "The offender minimises the harm; a meeting would hurt the victim.");
  }

  @ParameterizedTest(name = "{0} did not come -> {1}")
  @CsvSource({"victim, victim_declined", "offender, offender_declined", "both, no_agreement"})
  void sessionThatDidNotTakePlaceClosesTheCase(String noShowParty, String closureReason) {
    ProcessInstance instance = caseWaitingAt(WaitState.SESSION);

    holdSession(instance, Map.of(CaseVariables.SESSION_HELD.name(), "no_show", CaseVariables.NO_SHOW_PARTY.name(), noShowParty));

    assertThat(instance).isEnded().hasPassed("EndEvent_SessionNotHeld");
    assertClosedAs(instance, closureReason);
  }

  private ProcessInstance caseInPreparation() {
    ProcessInstance instance = assignedCase(referral());
    execute(job());
    contact(instance, Map.of("O1", "agreed"));
    contact(instance, Map.of("V1", "agreed"));
    assertThat(instance).isWaitingAt("CallActivity_PrepareEachPerson");
    return instance;
  }

  private List<String> preparedPersons(ProcessInstance instance) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey("prepare-person").list().stream()
        .map(sub -> (String) runtimeService().getVariable(sub.getId(), CaseVariables.PERSON_ID.name())).toList();
  }

  /** Completes every running preparation: the victim wants a direct meeting, everyone is ready. */
  private void prepareEveryone(ProcessInstance instance) {
    for (ProcessInstance sub : runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey("prepare-person").list()) {
      String personId = (String) runtimeService().getVariable(sub.getId(), CaseVariables.PERSON_ID.name());
      Map<String, Object> result = new java.util.HashMap<>(Map.of(CaseVariables.READINESS.name(), "ready",
          CaseVariables.MEETING_DATE.name(), "2026-02-20", CaseVariables.MEETING_FORMAT.name(), "in_person"));
      if (personId.startsWith("V")) {
        result.put(CaseVariables.MEETING_TYPE.name(), "direct");
        result.put(CaseVariables.PREFERRED_PLACE.name(), "Community centre, room 2");
        result.put(CaseVariables.WISHES.name(), List.of("apology", "answers"));
      }
      taskService().complete(taskService().createTaskQuery().processInstanceId(sub.getId()).singleResult().getId(), result);
    }
    assertThat(instance).isWaitingAt("Task_DecideSuitability");
  }

  private ProcessInstance called(ProcessInstance instance, String key) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey(key).singleResult();
  }

  /** What the agreement process gives back: a payment of 100.00 in two instalments, signed. */
  private static Map<String, Object> agreementResult(boolean signed) {
    Map<String, Object> result = new HashMap<>();
    result.put(CaseVariables.SIGNATURE_OUTCOME.name(), signed ? "all_signed" : "not_signed");
    if (!signed) {
      result.put(CaseVariables.NOT_SIGNED_REASON.name(), "The offender's guardian did not agree to the payment.");
      return result;
    }
    result.put(CaseVariables.SHARE_AGREEMENT_WITH_REFERRER.name(), true);
    result.put(CaseVariables.AGREEMENT_SIGNED_AT.name(), CaseVariables.AGREEMENT_SIGNED_AT.value(
        java.time.OffsetDateTime.parse("2026-03-02T10:00:00+01:00")));
    result.put(CaseVariables.AGREEMENT_ITEMS.name(), org.camunda.spin.plugin.variable.SpinValues.jsonValue(
        "[{\"itemId\":\"I1\",\"kind\":\"payment\",\"offender\":\"O1\",\"creditor\":\"V1\",\"amount\":\"100.00\","
        + "\"instalments\":2,\"dueDate\":\"2099-01-01\",\"status\":\"open\",\"description\":\"CONFIDENTIAL wording\"}]").create());
    result.put(CaseVariables.OBLIGATIONS.name(), org.camunda.spin.plugin.variable.SpinValues.jsonValue(
        "[{\"obligationId\":\"I1-1\",\"itemId\":\"I1\",\"kind\":\"payment\",\"offender\":\"O1\",\"creditor\":\"V1\","
        + "\"amount\":\"50.00\",\"instalments\":2,\"instalment\":1,\"dueDate\":\"2099-01-01\"},"
        + "{\"obligationId\":\"I1-2\",\"itemId\":\"I1\",\"kind\":\"payment\",\"offender\":\"O1\",\"creditor\":\"V1\","
        + "\"amount\":\"50.00\",\"instalments\":2,\"instalment\":2,\"dueDate\":\"2099-02-01\"}]").create());
    return result;
  }

  private void concludeAgreement(ProcessInstance instance, boolean signed) {
    ProcessInstance agreement = called(instance, "agreement");
    taskService().complete(taskService().createTaskQuery().processInstanceId(agreement.getId()).singleResult().getId(),
        agreementResult(signed));
  }

  /** The monitoring double ends with the obligation's status, as monitor-obligation does. */
  private void finishMonitoring(ProcessInstance monitoring, String status) {
    Map<String, Object> result = new HashMap<>();
    result.put(CaseVariables.OBLIGATION_STATUS.name(), status);
    result.put(CaseVariables.CHECK_ROUND.name(), status.equals("fulfilled") ? 1 : 2);
    if (status.equals("partly_fulfilled")) {
      result.put(CaseVariables.FULFILLED_AMOUNT.name(), 20);
    }
    taskService().complete(taskService().createTaskQuery().processInstanceId(monitoring.getId()).singleResult().getId(), result);
  }

  private void finishFollowUp(ProcessInstance instance) {
    ProcessInstance followUp = called(instance, "follow-up");
    // The follow-up reads who still takes part (consents, parts ended) from the case, never from a copy of its start.
    Assertions.assertThat(runtimeService().getVariables(followUp.getId())).containsKeys(CaseVariables.VICTIMS.name(),
        CaseVariables.OFFENDERS.name(), CaseVariables.PROGRAMME_PROFILE.name())
        .doesNotContainKeys(CaseVariables.CONSENTS.name(), CaseVariables.PARTS_ENDED.name());
    taskService().complete(taskService().createTaskQuery().processInstanceId(followUp.getId()).singleResult().getId(),
        Map.of(CaseVariables.FOLLOW_UPS.name(), org.camunda.spin.plugin.variable.SpinValues.jsonValue(
            "{\"V1\":{\"role\":\"victim\",\"outcome\":\"held\",\"satisfaction\":\"very_satisfied\"}}").create()));
  }

  private OutgoingMessage singleMessageTo(String recipientRole, String message) {
    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications, org.mockito.Mockito.atLeastOnce()).send(sent.capture());
    List<OutgoingMessage> matching = sent.getAllValues().stream()
        .filter(m -> recipientRole.equals(m.recipientRole()) && message.equals(m.message())).toList();
    Assertions.assertThat(matching).hasSize(1);
    return matching.get(0);
  }

  private void holdSession(ProcessInstance instance, Map<String, Object> result) {
    ProcessInstance session = runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey("mediation-session").singleResult();
    taskService().complete(taskService().createTaskQuery().processInstanceId(session.getId()).singleResult().getId(), result);
  }

  @ParameterizedTest(name = "victim withdraws while the case waits at {0}")
  @EnumSource(WaitState.class)
  void withdrawalOfTheOnlyVictimClosesTheCaseFromEveryWaitState(WaitState state) {
    ProcessInstance instance = caseWaitingAt(state);

    CaseEvents.Result result = caseEvents().record(new CaseEvents.CaseEvent(instance.getBusinessKey(), "consent_withdrawn", "V1",
        "Does not want to meet the offender after all.", "clara"));

    Assertions.assertThat(result).isEqualTo(CaseEvents.Result.CASE_CLOSED);
    assertThat(instance).isWaitingAt("Task_TellMediatorsCaseClosed");
    execute(job());
    if (state == WaitState.FOLLOW_UP) {
      // The session's outcome was settled before the follow-up: the withdrawal ends the follow-up, not the outcome.
      assertThat(instance).isEnded().hasPassed("EndEvent_LastPartyOutcomeKept").hasNotPassed("EndEvent_ConsentWithdrawn");
      assertClosed(instance, "no_agreement", "Consent was withdrawn during the follow-up; the case keeps the outcome it had"
          + " reached. Reason given: Does not want to meet the offender after all.");
    } else {
      assertThat(instance).isEnded().hasPassed("EndEvent_ConsentWithdrawn");
      assertClosed(instance, "consent_withdrawn", "Does not want to meet the offender after all.");
    }
    Assertions.assertThat(historic(instance, CaseVariables.WITHDRAWALS.name()).toString())
        .contains("\"personId\":\"V1\"").contains("\"reason\":\"Does not want to meet the offender after all.\"")
        .contains("\"recordedBy\":\"clara\"");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId()).count()).isZero();
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @ParameterizedTest(name = "referral withdrawn while the case waits at {0}")
  @EnumSource(WaitState.class)
  void withdrawnReferralClosesTheCaseFromEveryWaitState(WaitState state) {
    ProcessInstance instance = caseWaitingAt(state);

    caseEvents().record(new CaseEvents.CaseEvent(instance.getBusinessKey(), "referral_withdrawn", null,
        "The prosecutor has dropped the proceedings.", "clara"));
    assertThat(instance).isWaitingAt("Task_TellMediatorsReferralWithdrawn");
    execute(job());

    if (state == WaitState.FOLLOW_UP) {
      assertThat(instance).isEnded().hasPassed("EndEvent_ReferralWithdrawnOutcomeKept").hasNotPassed("EndEvent_CaseReferralWithdrawn");
      assertClosed(instance, "no_agreement", "The referral was withdrawn during the follow-up; the case keeps the outcome it had"
          + " reached. Reason given: The prosecutor has dropped the proceedings.");
    } else {
      assertThat(instance).isEnded().hasPassed("EndEvent_CaseReferralWithdrawn");
      assertClosed(instance, "referral_withdrawn", "The prosecutor has dropped the proceedings.");
    }
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId()).count()).isZero();
  }

  // --- waiting for the proceedings (a pending appeal) ------------------------------------------------

  @Test
  void aPendingAppealInTheUsProfileWaitsWithARemindersAndGoesOnOnceTheAppealIsDecided() {
    useProgrammeProfile("us_vom");
    ProcessInstance instance = start(referralWith(CaseVariables.APPEAL_PENDING.name(), true));
    assertThat(instance).isWaitingAt("Task_CheckEligibility");
    execute(job());

    assertThat(instance).isWaitingAt("Task_WaitForProceedings").hasNotPassed("EndEvent_NotEligible")
        .variables().containsEntry("eligibilityOutcome", "wait");
    // A conviction while the appeal is pending: the rules run again, and the case waits again.
    caseEvents().record(new CaseEvents.CaseEvent(instance.getBusinessKey(), "convicted", null,
        "Convicted at first instance; the defence appealed.", "clara"));
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.PROCEDURAL_STAGE_NOW.name()))
        .isEqualTo("post_sentence");
    Assertions.assertThat(CaseVariables.PROCEDURAL_STAGE.from(runtimeService().getVariables(instance.getId())::get))
        .as("the referral's stage stays, for the figures").isEqualTo(referral().get(CaseVariables.PROCEDURAL_STAGE.name()));
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).activityId("Task_CheckEligibility")
        .singleResult());
    assertThat(instance).isWaitingAt("Task_WaitForProceedings");

    // Every 30 days the coordinators are reminded, with the rules' reason.
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult());
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).activityId("Task_SendProceedingsReminder")
        .singleResult());
    OutgoingMessage reminder = singleMessageTo(MessageCatalogue.COORDINATORS, "proceedings-wait-reminder");
    Assertions.assertThat(reminder.content().get("reason").toString()).contains("An appeal is pending");
    assertThat(instance).isWaitingAt("Task_WaitForProceedings").hasPassed("EndEvent_ProceedingsReminderSent");

    caseEvents().record(new CaseEvents.CaseEvent(instance.getBusinessKey(), "appeal_decided", null,
        "The appeal court confirmed the sentence.", "clara"));
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).activityId("Task_CheckEligibility")
        .singleResult());

    assertThat(instance).isWaitingAt("Task_AssignMediators").hasPassed("Gateway_EligibilityConfirmed");
    Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId("Task_CheckEligibility").count()).as("checked at intake, after the conviction, after the appeal").isEqualTo(3);
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.APPEAL_PENDING.name())).isEqualTo(false);
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId("BoundaryEvent_ProceedingsReminder").count()).as("the reminder ends with the wait").isZero();
  }

  @Test
  void theEndOfTheProceedingsEndsTheWaitToo() {
    useProgrammeProfile("us_vom");
    ProcessInstance instance = start(referralWith(CaseVariables.APPEAL_PENDING.name(), true));
    execute(job());
    assertThat(instance).isWaitingAt("Task_WaitForProceedings");

    caseEvents().record(new CaseEvents.CaseEvent(instance.getBusinessKey(), "proceedings_ended", null, null, "clara",
        "2026-01-10", "dismissed"));
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).activityId("Task_CheckEligibility")
        .singleResult());

    assertThat(instance).isWaitingAt("Task_AssignMediators");
    Assertions.assertThat(runtimeService().getVariables(instance.getId())).containsEntry(CaseVariables.APPEAL_PENDING.name(), false)
        .containsEntry(CaseVariables.PROCEDURAL_STAGE_NOW.name(), "post_sentence")
        .containsEntry(CaseVariables.PROCEEDINGS_OUTCOME.name(), "dismissed");
  }

  @Test
  void theProceedingsMovingOnIsRefusedForACaseThatDoesNotWaitForThem() {
    ProcessInstance instance = start(referral());
    execute(job());
    assertThat(instance).isWaitingAt("Task_AssignMediators");

    assertEventRefused(new CaseEvents.CaseEvent(instance.getBusinessKey(), "appeal_decided", null, "The appeal was decided.",
        "clara"), "eventType: case " + instance.getBusinessKey() + " does not wait for the proceedings");
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.APPEAL_PENDING.name())).isNotEqualTo(true);
    assertThat(instance).isWaitingAt("Task_AssignMediators");
  }

  @Test
  void aReferralWithdrawnAfterEveryItemWasFulfilledKeepsTheFulfilledAgreement() {
    ProcessInstance instance = caseWaitingAt(WaitState.MONITORING);
    runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId()).processDefinitionKey("monitor-obligation")
        .list().forEach(m -> finishMonitoring(m, "fulfilled"));
    assertThat(instance).isWaitingAt("CallActivity_FollowUp");

    caseEvents().record(new CaseEvents.CaseEvent(instance.getBusinessKey(), "referral_withdrawn", null,
        "The prosecutor closed the proceedings after the payment.", "clara"));
    execute(job());

    assertThat(instance).isEnded().hasPassed("Gateway_ReferralWithdrawnOutcomeSettled", "EndEvent_ReferralWithdrawnOutcomeKept")
        .hasNotPassed("EndEvent_CaseReferralWithdrawn", "EndEvent_AgreementFulfilled");
    assertClosed(instance, "agreement_fulfilled", "The referral was withdrawn during the follow-up; the case keeps the outcome it"
        + " had reached. Reason given: The prosecutor closed the proceedings after the payment.");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId()).count())
        .as("the follow-up ends with the case").isZero();
  }

  @ParameterizedTest(name = "instalments {0} and {1}, then the last party withdraws -> {2}")
  @CsvSource({"fulfilled, partly_fulfilled, agreement_partly_fulfilled", "not_fulfilled, not_fulfilled, agreement_not_fulfilled"})
  void consentWithdrawnAfterTheMonitoringKeepsTheAgreementsFulfilment(String first, String second, String closureReason) {
    ProcessInstance instance = caseWaitingAt(WaitState.MONITORING);
    List<ProcessInstance> monitored = runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey("monitor-obligation").orderByProcessInstanceId().asc().list();
    finishMonitoring(monitored.get(0), first);
    finishMonitoring(monitored.get(1), second);
    assertThat(instance).isWaitingAt("CallActivity_FollowUp");

    caseEvents().record(new CaseEvents.CaseEvent(instance.getBusinessKey(), "consent_withdrawn", "V1",
        "Wants no more letters.", "clara"));
    execute(job());

    assertThat(instance).isEnded().hasPassed("EndEvent_LastPartyOutcomeKept").hasNotPassed("EndEvent_ConsentWithdrawn");
    assertClosedAs(instance, closureReason);
  }

  /**
   * Two victims; V1 withdraws after the agreement while its items are monitored: only V1's part ends. The items owed to
   * V1 that were not yet checked stop (recorded with the part), the mediators and the parties who shared an item with V1
   * are told which items end, the case goes on to its follow-up, and it closes once, its closure note saying what happened to V1.
   */
  @Test
  void withdrawalAfterTheAgreementEndsOnlyThatPersonsPartAndTheOthersAreTold() {
    ProcessInstance instance = caseWaitingAt(WaitState.MONITORING);
    // A second victim who took part (the case's persons and consent book as the contact would have left them).
    runtimeService().setVariable(instance.getId(), CaseVariables.VICTIMS.name(), org.vomcase.support.CasePersons.persons(
        org.vomcase.support.CasePersons.anaRoth(), org.vomcase.support.CasePersons.benRoth()));
    String book = runtimeService().getVariable(instance.getId(), CaseVariables.CONSENTS.name()).toString();
    runtimeService().setVariable(instance.getId(), CaseVariables.CONSENTS.name(), org.vomcase.support.CasePersons.json(
        book.substring(0, book.length() - 1) + ",\"V2\":{\"role\":\"victim\",\"outcome\":\"agreed\"}}"));
    List<ProcessInstance> monitored = runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey("monitor-obligation").orderByProcessInstanceId().asc().list();
    finishMonitoring(monitored.get(0), "fulfilled");

    CaseEvents.Result result = caseEvents().record(new CaseEvents.CaseEvent(instance.getBusinessKey(), "consent_withdrawn", "V1",
        "Moved abroad and wants no more contact.", "clara"));

    Assertions.assertThat(result).isEqualTo(CaseEvents.Result.CASE_CONTINUES);
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.PARTS_ENDED.name()).toString())
        .contains("\"personId\":\"V1\"", "\"reason\":\"withdrew_after_agreement\"", "\"itemsEnded\":[\"I1-2\"]");
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).activityId("Task_TellMediatorsOfWithdrawal")
        .singleResult());
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).activityId("Task_TellPartiesAgreementGoesOn")
        .singleResult());
    OutgoingMessage told = singleMessageTo(MessageCatalogue.COUNTERPARTS, "agreement-goes-on");
    // O1 owed V1 the payment; V2 shared no item with V1 and is not told.
    Assertions.assertThat(told.recipients()).extracting(org.vomcase.notification.Recipient::id)
        .contains("O1").doesNotContain("V1", "V2");
    Assertions.assertThat(told.content()).containsEntry("partEndedName", "Ana Roth").containsEntry("someItemsEnded", true);
    Assertions.assertThat(told.content().get("itemsEnded").toString()).contains("instalment").doesNotContain("Moved abroad");

    finishMonitoring(monitored.get(1), "not_fulfilled");
    finishFollowUp(instance);
    assertThat(instance).isEnded().hasPassed("EndEvent_AgreementGoesOn", "EndEvent_AgreementFulfilled");
    Assertions.assertThat(historic(instance, CaseVariables.CLOSURE_NOTE.name()).toString())
        .contains("Ana Roth (V1) withdrew consent after the agreement; stopped: I1-2.");
  }

  /**
   * O2 did not sign, so O2's part ended: a later withdrawal of O2 is refused (what happened to O2 is settled), and O1's
   * withdrawal leaves no offender who still takes part, so the case closes, keeping O2's part in its closure note.
   */
  @Test
  void aPartThatEndedAtTheSigningIsNotRewrittenAndNoLongerCountsAsAParty() {
    ProcessInstance instance = caseWaitingAt(WaitState.MONITORING);
    runtimeService().setVariable(instance.getId(), CaseVariables.OFFENDERS.name(), org.vomcase.support.CasePersons.persons(
        org.vomcase.support.CasePersons.carlVogt(),
        org.vomcase.support.CasePersons.person("O2", "offender", "Dana Berg", "1990-02-02", false)));
    String book = runtimeService().getVariable(instance.getId(), CaseVariables.CONSENTS.name()).toString();
    runtimeService().setVariable(instance.getId(), CaseVariables.CONSENTS.name(), org.vomcase.support.CasePersons.json(
        book.substring(0, book.length() - 1) + ",\"O2\":{\"role\":\"offender\",\"outcome\":\"agreed\"}}"));
    runtimeService().setVariable(instance.getId(), CaseVariables.PARTS_ENDED.name(), org.vomcase.support.CasePersons.json(
        "[{\"personId\":\"O2\",\"role\":\"offender\",\"reason\":\"not_signed\",\"note\":\"Would not pay.\"}]"));

    assertEventRefused(new CaseEvents.CaseEvent(instance.getBusinessKey(), "consent_withdrawn", "O2", "Changed his mind.",
        "clara"), "eventPersonId: O2's part of case " + instance.getBusinessKey() + " has already ended (did not sign the agreement)");
    CaseEvents.Result result = caseEvents().record(new CaseEvents.CaseEvent(instance.getBusinessKey(), "consent_withdrawn", "O1",
        "Moved away.", "clara"));
    execute(job());

    Assertions.assertThat(result).isEqualTo(CaseEvents.Result.CASE_CLOSED);
    assertThat(instance).isEnded().hasPassed("EndEvent_ConsentWithdrawn");
    Assertions.assertThat(historic(instance, CaseVariables.CLOSURE_NOTE.name()).toString())
        .contains("Dana Berg (O2) did not sign the agreement.");
  }

  /**
   * V1 withdraws before anything was checked, leaving V2, who shares no item: every remaining instalment stopped, so the
   * agreement is judged on all it held, what was done until the withdrawal (nothing): not fulfilled, never "fulfilled".
   */
  @Test
  void anAgreementWhoseEveryItemStoppedIsJudgedOnWhatWasDone() {
    ProcessInstance instance = caseWaitingAt(WaitState.MONITORING);
    addSecondVictim(instance, "agreed");
    caseEvents().record(new CaseEvents.CaseEvent(instance.getBusinessKey(), "consent_withdrawn", "V1", "No more contact.",
        "clara"));
    for (String notice : List.of("Task_TellMediatorsOfWithdrawal", "Task_TellPartiesAgreementGoesOn")) {
      execute(managementService().createJobQuery().processInstanceId(instance.getId()).activityId(notice).singleResult());
    }
    runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey("monitor-obligation").list().forEach(m -> finishMonitoring(m, "not_fulfilled"));
    finishFollowUp(instance);

    assertThat(instance).isEnded().hasPassed("EndEvent_AgreementNotFulfilled");
    Object checks = historic(instance, CaseVariables.FULFILMENTS.name());
    Assertions.assertThat(checks == null ? "" : checks.toString()).as("stopped: no check recorded").doesNotContain("I1-1", "I1-2");
  }

  /** A person who never took part (not reachable) cannot "withdraw after the agreement": no part ends, nobody is told. */
  @Test
  void aPersonWhoNeverTookPartEndsNoPartOfTheAgreement() {
    ProcessInstance instance = caseWaitingAt(WaitState.MONITORING);
    addSecondVictim(instance, "not_reachable");
    CaseEvents.Result result = caseEvents().record(new CaseEvents.CaseEvent(instance.getBusinessKey(), "consent_withdrawn",
        "V2", "The letter came back.", "clara"));
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).activityId("Task_TellMediatorsOfWithdrawal")
        .singleResult());

    Assertions.assertThat(result).isEqualTo(CaseEvents.Result.CASE_CONTINUES);
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.PARTS_ENDED.name())).isNull();
    assertThat(instance).hasPassed("EndEvent_WithdrawalRecorded").hasNotPassed("Task_TellPartiesAgreementGoesOn");
  }

  /** V2 took part but shares no item: their withdrawal after the agreement ends their part, and nobody is told of it. */
  @Test
  void aWithdrawalThatEndsNoSharedItemIsToldToNobodyButTheMediators() {
    ProcessInstance instance = caseWaitingAt(WaitState.MONITORING);
    addSecondVictim(instance, "agreed");
    caseEvents().record(new CaseEvents.CaseEvent(instance.getBusinessKey(), "consent_withdrawn", "V2", "Moved away.", "clara"));
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).activityId("Task_TellMediatorsOfWithdrawal")
        .singleResult());

    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.PARTS_ENDED.name()).toString())
        .contains("\"personId\":\"V2\"", "withdrew_after_agreement");
    assertThat(instance).hasPassed("EndEvent_WithdrawalRecorded").hasNotPassed("Task_TellPartiesAgreementGoesOn");
  }

  /**
   * The only victim withdraws while the session's invitations are out: the case closes, and everyone invited (the victim
   * included, told they no longer take part) gets the session's cancellation with the next calendar sequence.
   */
  @Test
  void whenTheLastVictimWithdrawsTheSessionIsCalledOffForEveryoneInvited() {
    ProcessInstance instance = caseWaitingAt(WaitState.SESSION);
    ProcessInstance session = called(instance, "mediation-session");
    String start = java.time.OffsetDateTime.now().plusDays(10).withNano(0).toString();
    runtimeService().setVariable(session.getId(), CaseVariables.MEETING_TYPE.name(), "direct");
    runtimeService().setVariable(session.getId(), CaseVariables.SESSION_START.name(), start);
    runtimeService().setVariable(session.getId(), CaseVariables.SESSION_PLACE.name(), "Community centre, room 2");
    runtimeService().setVariable(session.getId(), CaseVariables.SESSION_SEQUENCE.name(), 1);

    CaseEvents.Result result = caseEvents().record(new CaseEvents.CaseEvent(instance.getBusinessKey(), "consent_withdrawn", "V1",
        "Does not want to meet him after all.", "clara"));
    Assertions.assertThat(result).isEqualTo(CaseEvents.Result.CASE_CLOSED);
    while (managementService().createJobQuery().processInstanceId(instance.getId()).count() > 0) {
      execute(managementService().createJobQuery().processInstanceId(instance.getId()).list().get(0));
    }

    assertThat(instance).isEnded().hasPassed("Task_CallOffSessionForEveryone", "EndEvent_ConsentWithdrawn");
    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications, org.mockito.Mockito.atLeastOnce()).send(sent.capture());
    List<OutgoingMessage> cancellations = sent.getAllValues().stream().filter(m -> m.message().equals("session-cancellation")).toList();
    Assertions.assertThat(cancellations).extracting(m -> m.recipients().get(0).id() + ":" + m.content().get("withdrawn"))
        .containsExactlyInAnyOrder("V1:true", "O1:false");
    Assertions.assertThat(cancellations).allSatisfy(m -> Assertions.assertThat(m.content())
        .containsEntry(CaseVariables.SESSION_SEQUENCE.name(), 2).containsEntry(CaseVariables.SESSION_PLACE.name(), "Community centre, room 2"));
  }

  /** Ben Roth as V2, with the given consent, beside the case's V1 (as the contact would have left them). */
  private void addSecondVictim(ProcessInstance instance, String outcome) {
    runtimeService().setVariable(instance.getId(), CaseVariables.VICTIMS.name(), org.vomcase.support.CasePersons.persons(
        org.vomcase.support.CasePersons.anaRoth(), org.vomcase.support.CasePersons.benRoth()));
    String book = runtimeService().getVariable(instance.getId(), CaseVariables.CONSENTS.name()).toString();
    runtimeService().setVariable(instance.getId(), CaseVariables.CONSENTS.name(), org.vomcase.support.CasePersons.json(
        book.substring(0, book.length() - 1) + ",\"V2\":{\"role\":\"victim\",\"outcome\":\"" + outcome + "\"}}"));
  }

  @Test
  void withdrawalThatLeavesAVictimEndsOnlyThatPersonsContactAndTheCaseGoesOn() {
    Map<String, Object> referral = referral();
    referral.put(CaseVariables.VICTIMS.name(), List.of(person("Ana Roth", "1980-04-02"), person("Ben Roth", "1985-06-30")));
    ProcessInstance instance = assignedCase(referral);
    execute(job());
    contact(instance, Map.of("O1", "agreed"));

    CaseEvents.Result result = caseEvents().record(new CaseEvents.CaseEvent(instance.getBusinessKey(), "consent_withdrawn", "V1",
        "Changed her mind.", "clara"));

    Assertions.assertThat(result).isEqualTo(CaseEvents.Result.CASE_CONTINUES);
    Assertions.assertThat(contactedPersons(instance)).containsExactly("V2");
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).activityId("Task_TellMediatorsOfWithdrawal").singleResult());
    OutgoingMessage notice = singleMessageTo("mediator");
    Assertions.assertThat(notice.message()).isEqualTo("consent-withdrawn");
    Assertions.assertThat(notice.content()).containsEntry("personId", "V1");
    contact(instance, Map.of("V2", "agreed"));
    assertThat(instance).hasPassed("EndEvent_WithdrawalRecorded").isWaitingAt("CallActivity_PrepareEachPerson");
    Assertions.assertThat(historic(instance, CaseVariables.CONSENTS.name()).toString())
        .contains("\"V1\":{\"role\":\"victim\",\"outcome\":\"withdrawn\"}");
  }

  @Test
  void personWhoWithdrewBeforeTheirSideIsContactedGetsNoLetterAndNoCall() {
    Map<String, Object> referral = referral();
    referral.put(CaseVariables.VICTIMS.name(), List.of(person("Ana Roth", "1980-04-02"), person("Ben Roth", "1985-06-30")));
    ProcessInstance instance = assignedCase(referral);
    execute(job());
    Assertions.assertThat(contactedPersons(instance)).containsExactly("O1");

    caseEvents().record(new CaseEvents.CaseEvent(instance.getBusinessKey(), "consent_withdrawn", "V1", "Wants no contact.", "clara"));
    contact(instance, Map.of("O1", "agreed"));

    Assertions.assertThat(contactedPersons(instance)).containsExactly("V2");
  }

  @Test
  void startCannotPresetCaseVariables() {
    Map<String, Object> referral = referral();
    referral.put(CaseVariables.CLOSURE_REASON.name(), "agreement_fulfilled");
    referral.put(CaseVariables.CONSENTS.name(), "{\"V1\":{\"role\":\"victim\",\"outcome\":\"agreed\"}}");
    referral.put(CaseVariables.REFERRED_BY.name(), "someone-else");

    ProcessInstance instance = start(referral);

    Assertions.assertThat(runtimeService().getVariables(instance.getId()))
        .doesNotContainKeys(CaseVariables.CLOSURE_REASON.name(), CaseVariables.CONSENTS.name())
        .containsEntry(CaseVariables.REFERRED_BY.name(), null);
  }

  @Test
  void eventsACaseCannotTakeAreRefusedAndChangeNothing() {
    ProcessInstance instance = caseWaitingAt(WaitState.ASSIGNMENT);
    String caseNumber = instance.getBusinessKey();

    assertEventRefused(new CaseEvents.CaseEvent("VOM-1999-00001", "consent_withdrawn", "V1", "Reason.", "clara"),
        "eventCaseNumber: there is no open case VOM-1999-00001");
    assertEventRefused(new CaseEvents.CaseEvent(caseNumber, "consent_withdrawn", "V1", "Reason.", null),
        "recordedBy: case events are recorded by a logged-in user");
    assertEventRefused(new CaseEvents.CaseEvent("42", "consent_withdrawn", "V1", "Reason.", "clara"),
        "eventCaseNumber: '42' is not a case number");
    assertEventRefused(new CaseEvents.CaseEvent(caseNumber, "consent_withdrawn", "V7", "Reason.", "clara"),
        "eventPersonId: 'V7' is not a person of case " + caseNumber);
    assertEventRefused(new CaseEvents.CaseEvent(caseNumber, "moved_away", "V1", "Reason.", "clara"),
        "eventType: 'moved_away' is not one of consent_withdrawn, referral_withdrawn");
    assertEventRefused(new CaseEvents.CaseEvent(caseNumber, "consent_withdrawn", "V1", " ", "clara"),
        "eventReason: give the reason");

    assertThat(instance).isWaitingAt("Task_AssignMediators");
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.WITHDRAWALS.name())).isNull();
  }

  private void assertEventRefused(CaseEvents.CaseEvent event, String message) {
    Assertions.assertThatThrownBy(() -> caseEvents().record(event))
        .isInstanceOf(CaseInputException.class).hasMessageStartingWith(message);
  }

  private CaseEvents caseEvents() {
    return new CaseEvents(runtimeService(), processEngine.getIdentityService(), registry,
        new org.vomcase.process.events.ContactCorrection(runtimeService(), org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService(),
        org.mockito.Mockito.mock(org.vomcase.audit.AuditLog.class)));
  }

  private OutgoingMessage singleMessageTo(String recipientRole) {
    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications, org.mockito.Mockito.atLeastOnce()).send(sent.capture());
    return sent.getAllValues().stream().filter(m -> recipientRole.equals(m.recipientRole())).findFirst().orElseThrow();
  }

  private static Map<String, Object> selfReferralWith() {
    return selfReferral();
  }

  private ProcessInstance assignedCase(Map<String, Object> referral) {
    ProcessInstance instance = start(referral);
    execute(job());
    assertThat(instance).isWaitingAt("Task_AssignMediators");
    complete(task(), withVariables(CaseVariables.LEAD_MEDIATOR.name(), "mara"));
    return instance;
  }

  /** The person ids of the running contacts (instances of the contact-person test double). */
  private List<String> contactedPersons(ProcessInstance instance) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey("contact-person").list().stream()
        .map(sub -> ((SpinJsonNode) runtimeService().getVariable(sub.getId(), CaseVariables.PERSON.name())).prop("personId").stringValue())
        .toList();
  }

  /** Ends the running contacts with the given outcome per person id. */
  private void contact(ProcessInstance instance, Map<String, String> outcomes) {
    for (ProcessInstance sub : runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey("contact-person").list()) {
      String personId = ((SpinJsonNode) runtimeService().getVariable(sub.getId(), CaseVariables.PERSON.name())).prop("personId").stringValue();
      String taskId = taskService().createTaskQuery().processInstanceId(sub.getId()).singleResult().getId();
      taskService().complete(taskId, Map.of(CaseVariables.CONSENT_OUTCOME.name(), outcomes.get(personId)));
    }
  }

  // --- helpers ------------------------------------------------------------------------------------------

  private void useProgrammeProfile(String profile) {
    Mocks.register("referralIntakeListener", new ReferralIntakeListener(caseNumbers,
        new VomProperties(null, null, new VomProperties.Programme(profile, null, null, null, null, null, null), null, null),
        org.mockito.Mockito.mock(org.vomcase.confidential.ConfidentialNotes.class), registry));
  }

  private ProcessInstance start(Map<String, Object> referral) {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("vom-case", referral);
    assertThat(instance).isStarted();
    return instance;
  }

  /** The exception a listener threw: the engine wraps task listener exceptions, not start listener ones. */
  private static Throwable cause(Throwable thrown) {
    Throwable cause = thrown;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private void fireMandateReminder(ProcessInstance instance) {
    Job timer = managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    execute(timer);
    execute(managementService().createJobQuery().processInstanceId(instance.getId()).messages().singleResult());
  }

  private void assertRefused(String taskId, Map<String, Object> input, String message) {
    Assertions.assertThatThrownBy(() -> taskService().complete(taskId, input))
        .hasMessageContaining(message)
        .satisfies(thrown -> Assertions.assertThat(cause(thrown)).isInstanceOf(CaseInputException.class));
  }

  private void assertClosed(ProcessInstance instance, String reason, String note) {
    assertClosedAs(instance, reason);
    Assertions.assertThat(historic(instance, CaseVariables.CLOSURE_NOTE.name())).isEqualTo(note);
    Assertions.assertThat(historic(instance, CaseVariables.CLOSED_AT.name())).isNotNull();
  }

  /**
   * The case holds the closure reason, and it closed at exactly one closing event: a message end event
   * (throwing Msg_CaseClosed, implemented by caseClosure) whose input parameter closureReason gave it.
   */
  private void assertClosedAs(ProcessInstance instance, String reason) {
    Assertions.assertThat(historic(instance, CaseVariables.CLOSURE_REASON.name())).isEqualTo(reason);
    Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityType("messageEndEvent").list()).singleElement().satisfies(closing -> Assertions.assertThat(
            historyService().createHistoricVariableInstanceQuery().activityInstanceIdIn(closing.getId())
                .variableName(CaseClosure.REASON_INPUT).singleResult().getValue()).as(closing.getActivityId()).isEqualTo(reason));
  }

  private OutgoingMessage singleMessage() {
    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications).send(sent.capture());
    return sent.getValue();
  }

  /**
   * A variable of the case as its history keeps it: the one in the case's own scope, where there are
   * several (a closing event's input parameter closureReason stays in the event's scope).
   */
  private Object historic(ProcessInstance instance, String name) {
    List<org.camunda.bpm.engine.history.HistoricVariableInstance> variables = historyService()
        .createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name).list();
    if (variables.size() > 1) {
      variables = variables.stream().filter(v -> instance.getId().equals(v.getActivityInstanceId())).toList();
    }
    Assertions.assertThat(variables).as(name).hasSizeLessThanOrEqualTo(1);
    return variables.isEmpty() ? null : variables.get(0).getValue();
  }

  private static Map<String, Object> referralWith(String key, Object value) {
    Map<String, Object> referral = referral();
    referral.put(key, value);
    return referral;
  }

  private static Map<String, Object> selfReferral() {
    Map<String, Object> referral = referral();
    referral.put(CaseVariables.REFERRAL_SOURCE.name(), "self_referral");
    referral.put(CaseVariables.REFERRER_NAME.name(), "Ana Roth");
    referral.put(CaseVariables.REFERRER_EMAIL.name(), "self@example.org");
    return referral;
  }


}
