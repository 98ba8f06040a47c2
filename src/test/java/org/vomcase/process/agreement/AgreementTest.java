package org.vomcase.process.agreement;

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
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
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
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import org.vomcase.support.PdfText;
import org.vomcase.document.DocumentService;
import org.vomcase.document.GenerateDocumentDelegate;
import org.vomcase.notification.NotificationService;
import org.vomcase.notification.OutgoingMessage;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.support.ProcessTestEngine;

/**
 * {@code agreement} (R13-R15, R7): the items recorded from the form's groups (a payment split into
 * monthly instalments, an item done at the session), the choices of the item selects, the generated
 * document with a signature line for each party and the minor's guardian, signatures and the
 * consent to share (the referrer gets the agreement only if every party consents), the copies to
 * the parties, an agreement not concluded, an overdue task, and every kind of bad input refused with
 * nothing changed.
 */
@Deployment(resources = {"processes/agreement.bpmn", "forms/record-agreement.form", "forms/sign-agreement.form"})
class AgreementTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 9, 0);
  private static final String CASE = "VOM-2026-00042";

  /** A payment of 600 in six monthly instalments from 1 April, as Tasklist submits the group (numbers as numbers). */
  private static final String PAYMENT = "{\"kind\":\"payment\",\"offender\":\"O1\",\"creditor\":\"V1\",\"amount\":600,"
      + "\"instalments\":6,\"dueDate\":\"2026-04-01\",\"status\":\"open\"}";
  /** A written apology handed over at the session. */
  private static final String APOLOGY = "{\"kind\":\"apology_written\",\"offender\":\"O1\",\"creditor\":\"V1\","
      + "\"description\":\"Letter read out at the session\",\"dueDate\":\"2026-03-02\",\"status\":\"fulfilled\"}";

  @RegisterExtension static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  ProcessEngine processEngine;
  NotificationService notifications = mock(NotificationService.class);
  DocumentService documents = mock(DocumentService.class);

  @BeforeEach
  void setUp() {
    ProcessTests.init(processEngine, NOW, notifications);
    when(documents.generate(any())).thenReturn("DOC-1");
    when(documents.find("DOC-1")).thenReturn(new DocumentService.StoredDocument("DOC-1", "VOM-2026-00042", "agreement",
        "agreement-VOM-2026-00042.pdf", "application/pdf", new byte[0], null));
    AgreementPlan plan = new AgreementPlan();
    Mocks.register("agreementPlan", plan);
    Mocks.register("agreementListener", new AgreementListener());
    Mocks.register("signatureListener", new SignatureListener(plan));
    Mocks.register("generateDocumentDelegate", new GenerateDocumentDelegate(documents));
  }

  @AfterEach
  void tearDown() {
    ProcessTests.reset();
  }

  @Test
  @SuppressWarnings("unchecked")
  void agreementIsRecordedGeneratedSignedSharedAndCopiedToTheParties() {
    ProcessInstance instance = start();
    assertThat(task()).isAssignedTo("mara").hasName("Record the agreement: " + CASE);
    Assertions.assertThat(options(instance, CaseVariables.OFFENDER_OPTIONS.name())).containsExactly("O1");
    Assertions.assertThat(options(instance, CaseVariables.CREDITOR_OPTIONS.name())).containsExactly("V1", "community");

    complete(task(), items(PAYMENT, APOLOGY));

    SpinJsonNode items = jsonVariable(instance, CaseVariables.AGREEMENT_ITEMS.name());
    Assertions.assertThat(items.elements()).extracting(i -> i.prop("itemId").stringValue(), i -> i.prop("kind").stringValue(),
            i -> i.prop("status").stringValue())
        .containsExactly(Assertions.tuple("I1", "payment", "open"), Assertions.tuple("I2", "apology_written", "fulfilled"));
    Assertions.assertThat(items.elements().get(0).prop("amount").stringValue()).isEqualTo("600.00");
    SpinJsonNode obligations = jsonVariable(instance, CaseVariables.OBLIGATIONS.name());
    Assertions.assertThat(obligations.elements()).extracting(o -> o.prop("obligationId").stringValue())
        .containsExactly("I1-1", "I1-2", "I1-3", "I1-4", "I1-5", "I1-6");
    Assertions.assertThat(obligations.elements()).extracting(o -> o.prop("dueDate").stringValue())
        .containsExactly("2026-04-01", "2026-05-01", "2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01");
    Assertions.assertThat(obligations.elements()).extracting(o -> o.prop("amount").stringValue()).containsOnly("100.00");
    String summary = (String) runtimeService().getVariable(instance.getId(), CaseVariables.AGREEMENT_SUMMARY.name());
    Assertions.assertThat(summary).contains(
        "I1 Payment: 600.00 in 6 monthly instalments, owed by Carl Vogt (O1) to Ana Roth (V1), due 2026-04-01 [to be done]",
        "I2 Apology (written) (Letter read out at the session), owed by Carl Vogt (O1) to Ana Roth (V1), due 2026-03-02 [done at the session]");
    Assertions.assertThat(runtimeService().getVariables(instance.getId())).doesNotContainKeys("item1", "item2");

    assertThat(instance).isWaitingAt("Task_GenerateAgreementDocument");
    execute(asyncJob(instance));
    ArgumentCaptor<DocumentService.DocumentRequest> generated = ArgumentCaptor.forClass(DocumentService.DocumentRequest.class);
    verify(documents).generate(generated.capture());
    DocumentService.DocumentRequest request = generated.getValue();
    Assertions.assertThat(request.caseNumber()).isEqualTo(CASE);
    Assertions.assertThat(request.document()).isEqualTo("agreement");
    Assertions.assertThat(request.idempotencyKey()).startsWith(instance.getId() + ":Task_GenerateAgreementDocument");
    Assertions.assertThat((List<Map<String, Object>>) request.content().get("items")).hasSize(2).first()
        .satisfies(item -> Assertions.assertThat(item).containsEntry("kind", "payment").containsEntry("amount", "600.00")
            .containsEntry("instalments", "6").containsEntry("debtor", "Carl Vogt").containsEntry("creditor", "Ana Roth"));
    Assertions.assertThat((List<Object>) request.content().get("instalmentPlan")).hasSize(6);
    // The parties' languages: the agreement is translated into those with a template of their own.
    Assertions.assertThat((List<Object>) request.content().get("languages")).containsExactly("de");
    Assertions.assertThat((List<Object>) request.content().get("signatories")).containsExactly(Map.of("name", "Ana Roth"),
        Map.of("name", "Carl Vogt"), Map.of("name", "Petra Vogt", "guardianOf", "Carl Vogt"));
    String pdfText = PdfText.of(new org.vomcase.document.PdfRenderer().render(new org.vomcase.document.Templates(
        org.vomcase.support.Configuration.demo("de_toa")).document("agreement", "en", request.content()), "test"));
    Assertions.assertThat(pdfText).contains("Mediation agreement", "Täter-Opfer-Ausgleich", "600.00 EUR", "in 6 monthly instalments",
        "Carl Vogt", "Petra Vogt (guardian of Carl Vogt)");
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.AGREEMENT_DOCUMENT_ID.name())).isEqualTo("DOC-1");
    // The signing form shows the document by its file name and download address, not by its store id alone.
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.AGREEMENT_DOCUMENT_SHOWN.name()))
        .isEqualTo("agreement-VOM-2026-00042.pdf (in the case file; download: /vom/documents/DOC-1)");

    assertThat(instance).isWaitingAt("Task_RecordSignatures");
    assertThat(task()).isAssignedTo("mara");
    Assertions.assertThat(options(instance, CaseVariables.SIGNATORY_OPTIONS.name())).containsExactly("V1", "O1", "G-O1");
    Assertions.assertThat(options(instance, CaseVariables.PARTY_OPTIONS.name())).containsExactly("V1", "O1");
    complete(task(), signatures(List.of("V1", "O1", "G-O1"), List.of("V1", "O1")));

    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.SHARE_AGREEMENT_WITH_REFERRER.name())).isEqualTo(true);
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.AGREEMENT_SIGNED_AT.name()))
        .asString().startsWith("2026-03-02T09:00");
    assertThat(instance).isWaitingAt("Task_SendAgreementCopies");
    execute(asyncJob(instance));

    assertThat(instance).isEnded().hasPassed("EndEvent_AgreementConcluded");
    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications).send(sent.capture());
    OutgoingMessage copy = sent.getValue();
    Assertions.assertThat(copy.message()).isEqualTo("agreement-copy");
    Assertions.assertThat(copy.recipientRole()).isEqualTo("parties");
    Assertions.assertThat(copy.caseNumber()).isEqualTo(CASE);
    Assertions.assertThat(copy.content()).containsEntry(CaseVariables.AGREEMENT_DOCUMENT_ID.name(), "DOC-1")
        .containsEntry(CaseVariables.AGREEMENT_SUMMARY.name(), summary);
  }

  @Test
  void agreementGoesToTheReferrerOnlyWhenEveryPartyConsents() {
    ProcessInstance instance = recordAndGenerate();

    complete(task(), signatures(List.of("V1", "O1", "G-O1"), List.of("V1")));

    Assertions.assertThat(historic(instance, CaseVariables.SHARE_AGREEMENT_WITH_REFERRER.name())).isEqualTo(false);
    execute(asyncJob(instance));
    assertThat(instance).isEnded().hasPassed("EndEvent_AgreementConcluded");
    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications).send(sent.capture());
    Assertions.assertThat(sent.getValue().message()).isEqualTo("agreement-copy");
  }

  @Test
  void agreementNotSignedByEveryoneIsNotConcludedAndNoCopyIsSent() {
    ProcessInstance instance = recordAndGenerate();

    complete(task(), Map.of(CaseVariables.SIGNATURE_OUTCOME.name(), "not_signed",
        CaseVariables.NOT_SIGNED_REASON.name(), "The guardian wants to read the agreement with a lawyer first."));

    assertThat(instance).isEnded().hasPassed("EndEvent_AgreementNotConcluded").hasNotPassed("Task_SendAgreementCopies");
    Assertions.assertThat(historic(instance, CaseVariables.SHARE_AGREEMENT_WITH_REFERRER.name())).isEqualTo(false);
    Assertions.assertThat(historic(instance, CaseVariables.AGREEMENT_SIGNED_AT.name())).isNull();
    verify(notifications, never()).send(any());
  }

  /**
   * Two offenders and one victim: O1 (a minor, with his guardian) signs and pays in instalments, O2 does not sign. O1's
   * agreement stands on its own; O2's item is dropped and O2's part ends with the reason; the agreement is generated
   * again as it stands, and only the parties whose agreement stands get it.
   */
  @Test
  @SuppressWarnings("unchecked")
  void whenOneOffenderDoesNotSignTheAgreementStandsForTheOthers() {
    ProcessInstance instance = startWithTwoOffenders();
    complete(task(), items(PAYMENT, "{\"kind\":\"work_for_victim\",\"offender\":\"O2\",\"creditor\":\"V1\","
        + "\"hours\":10,\"dueDate\":\"2026-05-01\",\"status\":\"open\"}"));
    execute(asyncJob(instance));
    Assertions.assertThat(options(instance, CaseVariables.SIGNATORY_OPTIONS.name())).containsExactly("V1", "O1", "G-O1", "O2");

    Map<String, Object> some = Map.of(CaseVariables.SIGNATURE_OUTCOME.name(), "some_signed",
        CaseVariables.SIGNED_BY.name(), json(List.of("V1", "O1", "G-O1")), CaseVariables.SHARE_CONSENT_BY.name(),
        json(List.of("V1", "O1")), CaseVariables.NOT_SIGNED_REASON.name(), "Dana does not want to work for the victim.");
    complete(task(), some);

    SpinJsonNode items = jsonVariable(instance, CaseVariables.AGREEMENT_ITEMS.name());
    Assertions.assertThat(items.elements()).extracting(i -> i.prop("itemId").stringValue()).containsExactly("I1");
    Assertions.assertThat(jsonVariable(instance, CaseVariables.OBLIGATIONS.name()).elements()).hasSize(6)
        .allSatisfy(o -> Assertions.assertThat(o.prop("offender").stringValue()).isEqualTo("O1"));
    Assertions.assertThat((String) runtimeService().getVariable(instance.getId(), CaseVariables.AGREEMENT_SUMMARY.name()))
        .contains("Carl Vogt (O1)").doesNotContain("O2");
    SpinJsonNode ended = jsonVariable(instance, CaseVariables.PARTS_ENDED.name());
    Assertions.assertThat(ended.elements()).singleElement().satisfies(part -> {
      Assertions.assertThat(part.prop("personId").stringValue()).isEqualTo("O2");
      Assertions.assertThat(part.prop("reason").stringValue()).isEqualTo("not_signed");
      Assertions.assertThat(part.prop("note").stringValue()).isEqualTo("Dana does not want to work for the victim.");
      Assertions.assertThat(part.prop("itemsEnded").elements()).extracting(SpinJsonNode::stringValue).containsExactly("I2");
    });
    // Every party whose agreement stands consented: O2 is no longer asked.
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), CaseVariables.SHARE_AGREEMENT_WITH_REFERRER.name()))
        .isEqualTo(true);

    assertThat(instance).isWaitingAt("Task_GenerateStandingAgreement");
    execute(asyncJob(instance));
    ArgumentCaptor<DocumentService.DocumentRequest> generated = ArgumentCaptor.forClass(DocumentService.DocumentRequest.class);
    verify(documents, org.mockito.Mockito.times(2)).generate(generated.capture());
    DocumentService.DocumentRequest standing = generated.getAllValues().get(1);
    Assertions.assertThat(standing.idempotencyKey()).startsWith(instance.getId() + ":Task_GenerateStandingAgreement");
    Assertions.assertThat((List<Map<String, Object>>) standing.content().get("items")).hasSize(1);
    Assertions.assertThat((List<Object>) standing.content().get("signatories")).containsExactly(Map.of("name", "Ana Roth"),
        Map.of("name", "Carl Vogt"), Map.of("name", "Petra Vogt", "guardianOf", "Carl Vogt"));

    execute(asyncJob(instance));
    assertThat(instance).isEnded().hasPassed("Task_GenerateStandingAgreement", "Gateway_CopiesToSend",
        "EndEvent_AgreementConcluded");
    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications).send(sent.capture());
    Assertions.assertThat(sent.getValue().message()).isEqualTo("agreement-copy");
    Assertions.assertThat(sent.getValue().content().get(CaseVariables.AGREEMENT_SUMMARY.name()).toString())
        .doesNotContain("O2");
  }

  /** "Some did not sign" is refused where it would make no sense, and nothing changes. */
  @Test
  void someSignedIsRefusedWhenEveryoneOrNobodysItemsSigned() {
    ProcessInstance instance = startWithTwoOffenders();
    complete(task(), items(PAYMENT, "{\"kind\":\"work_for_victim\",\"offender\":\"O2\",\"creditor\":\"V1\","
        + "\"hours\":10,\"dueDate\":\"2026-05-01\",\"status\":\"open\"}"));
    execute(asyncJob(instance));
    String taskId = task().getId();
    Map<String, Object> before = runtimeService().getVariables(instance.getId());
    String reason = "Not everyone was ready to sign today.";

    assertRefused(taskId, partly(List.of("V1", "O1", "G-O1", "O2"), reason), "signedBy: everyone signed: choose 'Everyone signed'");
    assertRefused(taskId, partly(List.of("O1", "G-O1", "O2"), reason), "signedBy: no item of the agreement stands");
    assertRefused(taskId, partly(List.of("V1", "O1"), reason), "signedBy: no item of the agreement stands");
    assertRefused(taskId, partly(List.of("V1", "X9"), reason), "signedBy: 'X9' is not among those who sign this agreement");
    assertRefused(taskId, partly(List.of("V1", "O1", "G-O1"), null), "notSignedReason: is required");
    Map<String, Object> sharedByO2 = new HashMap<>(partly(List.of("V1", "O1", "G-O1"), reason));
    sharedByO2.put(CaseVariables.SHARE_CONSENT_BY.name(), json(List.of("V1", "O2")));
    assertRefused(taskId, sharedByO2, "shareConsentBy: 'O2' is not a party of this agreement as it stands");

    assertThat(instance).isWaitingAt("Task_RecordSignatures");
    Assertions.assertThat(runtimeService().getVariables(instance.getId())).containsOnlyKeys(before.keySet());
    verify(notifications, never()).send(any());
  }

  /**
   * O2 withdrew while the agreement was recorded: O2 no longer signs. "Everyone signed" is refused (O2's item cannot
   * stand); with "some did not sign" O2's item is dropped and O2's withdrawal stays a withdrawal (no part "not signed").
   */
  @Test
  void aPersonWhoWithdrewWhileTheAgreementWasRecordedNoLongerSigns() {
    ProcessInstance instance = startWithTwoOffenders();
    complete(task(), items(PAYMENT, "{\"kind\":\"work_for_victim\",\"offender\":\"O2\",\"creditor\":\"V1\","
        + "\"hours\":10,\"dueDate\":\"2026-05-01\",\"status\":\"open\"}"));
    execute(asyncJob(instance));
    runtimeService().setVariable(instance.getId(), "consents", json("{\"V1\":{\"role\":\"victim\",\"outcome\":\"agreed\"},"
        + "\"O1\":{\"role\":\"offender\",\"outcome\":\"agreed\",\"guardianName\":\"Petra Vogt\"},"
        + "\"O2\":{\"role\":\"offender\",\"outcome\":\"withdrawn\"}}"));
    String taskId = task().getId();

    assertRefused(taskId, signatures(List.of("V1", "O1", "G-O1"), List.of("V1", "O1")), "signatureOutcome: items I2 name a"
        + " person who no longer takes part");
    assertRefused(taskId, partly(List.of("V1", "O1", "G-O1", "O2"), "O2 withdrew."), "signedBy: 'O2' is not among those who sign");
    complete(task(), partly(List.of("V1", "O1", "G-O1"), "Dana withdrew before the signing."));

    Assertions.assertThat(jsonVariable(instance, CaseVariables.AGREEMENT_ITEMS.name()).elements())
        .extracting(i -> i.prop("itemId").stringValue()).containsExactly("I1");
    Assertions.assertThat(jsonVariable(instance, CaseVariables.PARTS_ENDED.name()).elements()).isEmpty();
  }

  private static Map<String, Object> partly(List<String> signedBy, String reason) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CaseVariables.SIGNATURE_OUTCOME.name(), "some_signed");
    variables.put(CaseVariables.SIGNED_BY.name(), json(signedBy));
    if (reason != null) {
      variables.put(CaseVariables.NOT_SIGNED_REASON.name(), reason);
    }
    return variables;
  }

  /** Carl Vogt (O1, a minor) and Dana Berg (O2) against Ana Roth (V1), all agreed. */
  private ProcessInstance startWithTwoOffenders() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("agreement", CASE,
        Variables.createVariables().putValue(CaseVariables.CASE_NUMBER.name(), CASE)
            .putValue(CaseVariables.LEAD_MEDIATOR.name(), "mara").putValue(CaseVariables.MEDIATORS.name(), List.of("mara"))
            .putValue(CaseVariables.VICTIMS.name(), persons(anaRoth()))
            .putValue(CaseVariables.OFFENDERS.name(), persons(carlVogt(),
                org.vomcase.support.CasePersons.person("O2", "offender", "Dana Berg", "1990-02-02", false)))
            .putValue("consents", json("{\"V1\":{\"role\":\"victim\",\"outcome\":\"agreed\"},"
                + "\"O1\":{\"role\":\"offender\",\"outcome\":\"agreed\",\"guardianName\":\"Petra Vogt\"},"
                + "\"O2\":{\"role\":\"offender\",\"outcome\":\"agreed\"}}"))
            .putValue(CaseVariables.PROGRAMME_PROFILE.name(), "de_toa"));
    assertThat(instance).isWaitingAt("Task_RecordAgreement");
    return instance;
  }

  @Test
  void badItemsAreRefusedAndTheTaskStaysWithNothingChanged() {
    ProcessInstance instance = start();
    String taskId = task().getId();
    Map<String, Object> before = runtimeService().getVariables(instance.getId());

    assertRefused(taskId, items("{\"kind\":\"payment\",\"offender\":\"O1\",\"creditor\":\"V1\",\"instalments\":1,"
        + "\"dueDate\":\"2026-04-01\",\"status\":\"open\"}"), "item1.amount: is required");
    assertRefused(taskId, items(PAYMENT.replace("\"offender\":\"O1\"", "\"offender\":\"O2\"")), "item1.offender: 'O2' is not one of O1");
    assertRefused(taskId, items(APOLOGY, PAYMENT.replace("2026-04-01", "2026-03-01")),
        "item2.dueDate: an item still to be done cannot be due in the past");
    assertRefused(taskId, items(PAYMENT.replace("\"instalments\":6", "\"instalments\":0")), "item1.instalments: must be between 1 and 60");

    assertThat(instance).isWaitingAt("Task_RecordAgreement");
    Assertions.assertThat(task().getId()).isEqualTo(taskId);
    Assertions.assertThat(runtimeService().getVariables(instance.getId())).containsOnlyKeys(before.keySet());
    Assertions.assertThat(runtimeService().getVariables(instance.getId())).doesNotContainKeys(CaseVariables.AGREEMENT_ITEMS.name(),
        CaseVariables.OBLIGATIONS.name(), CaseVariables.AGREEMENT_SUMMARY.name(), "item1", "item2");
    verify(documents, never()).generate(any());
  }

  @Test
  void badSignaturesAreRefusedAndTheTaskStaysWithNothingChanged() {
    ProcessInstance instance = recordAndGenerate();
    String taskId = task().getId();
    Map<String, Object> before = runtimeService().getVariables(instance.getId());

    assertRefused(taskId, signatures(List.of("V1", "O1"), List.of("V1", "O1")), "signedBy: everyone must sign for the agreement"
        + " to be concluded; missing: G-O1");
    assertRefused(taskId, Map.of(CaseVariables.SIGNATURE_OUTCOME.name(), "not_signed"), "notSignedReason: is required");

    assertThat(instance).isWaitingAt("Task_RecordSignatures");
    Assertions.assertThat(task().getId()).isEqualTo(taskId);
    Assertions.assertThat(runtimeService().getVariables(instance.getId())).containsOnlyKeys(before.keySet());
    Assertions.assertThat(runtimeService().getVariables(instance.getId())).doesNotContainKeys(
        CaseVariables.SHARE_AGREEMENT_WITH_REFERRER.name(), CaseVariables.SIGNATURE_OUTCOME.name(), CaseVariables.SIGNED_BY.name());
    verify(notifications, never()).send(any());
  }

  @Test
  void agreementNotRecordedWithinTwoDaysRemindsTheMediator() {
    ProcessInstance instance = start();

    Job overdue = managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    Assertions.assertThat(overdue.getDuedate()).isEqualTo(at(NOW.plusDays(2)));
    execute(overdue);

    assertThat(instance).isWaitingAt("Task_RecordAgreement");
    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(notifications).send(sent.capture());
    Assertions.assertThat(sent.getValue().message()).isEqualTo("task-overdue");
    Assertions.assertThat(sent.getValue().recipientRole()).isEqualTo("mediator");
    Assertions.assertThat(sent.getValue().content()).containsEntry("assignee", "mara")
        .containsEntry("task", "Record the agreement: " + CASE);
  }

  private ProcessInstance start() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("agreement", CASE,
        Variables.createVariables().putValue(CaseVariables.CASE_NUMBER.name(), CASE)
            .putValue(CaseVariables.LEAD_MEDIATOR.name(), "mara").putValue(CaseVariables.MEDIATORS.name(), List.of("mara"))
            .putValue(CaseVariables.VICTIMS.name(), persons(anaRoth()))
            .putValue(CaseVariables.OFFENDERS.name(), persons(carlVogt()))
            .putValue("consents", json("{\"V1\":{\"role\":\"victim\",\"outcome\":\"agreed\"},"
                + "\"O1\":{\"role\":\"offender\",\"outcome\":\"agreed\",\"guardianName\":\"Petra Vogt\"}}"))
            .putValue(CaseVariables.PROGRAMME_PROFILE.name(), "de_toa"));
    assertThat(instance).isWaitingAt("Task_RecordAgreement");
    return instance;
  }

  /** Started, the agreement recorded and its document generated: waiting for the signatures. */
  private ProcessInstance recordAndGenerate() {
    ProcessInstance instance = start();
    complete(task(), items(PAYMENT, APOLOGY));
    execute(asyncJob(instance));
    assertThat(instance).isWaitingAt("Task_RecordSignatures");
    return instance;
  }

  /** The form's item groups item1, item2, ... as Tasklist submits them: Json objects. */
  private static Map<String, Object> items(String... groups) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < groups.length; i++) {
      variables.put("item" + (i + 1), json(groups[i]));
    }
    return variables;
  }

  /** Everyone signed; the checklists as Tasklist submits them: Json lists. */
  private static Map<String, Object> signatures(List<String> signedBy, List<String> shareConsentBy) {
    return Map.of(CaseVariables.SIGNATURE_OUTCOME.name(), "all_signed", CaseVariables.SIGNED_BY.name(), json(signedBy),
        CaseVariables.SHARE_CONSENT_BY.name(), json(shareConsentBy));
  }

  private static List<String> options(ProcessInstance instance, String variable) {
    return jsonVariable(instance, variable).elements().stream().map(o -> o.prop("value").stringValue()).toList();
  }

  private static SpinJsonNode jsonVariable(ProcessInstance instance, String variable) {
    return (SpinJsonNode) runtimeService().getVariable(instance.getId(), variable);
  }

  private static Object historic(ProcessInstance instance, String name) {
    var variable = historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }
}
