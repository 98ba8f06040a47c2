package org.vomcase.notification;

import org.vomcase.document.Templates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vomcase.support.CaseApi.*;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.MailServer;
import org.vomcase.support.PdfText;

/**
 * Delivery of messages against a real SMTP server (GreenMail): the language and channel per
 * person, letters for the mediator to post, the case file's access rule, and R22: a mail server
 * that is down makes the job retry and end in an incident without touching the mediator's work, and
 * the recovery sends each mail exactly once.
 */
class NotificationIT extends AbstractApplicationIT {

  @Autowired JdbcTemplate jdbc;
  @Autowired NotificationService notifications;
  @Autowired Templates templates;
  @Autowired MailRecovery recovery;

  @AfterEach
  void mailServerUp() {
    MailServer.start();
  }

  @Test
  void introductionGoesByMailInThePersonsLanguage() throws Exception {
    String caseNumber = assignedCase(withOffenderEmail());

    MimeMessage mail = MailServer.mailsOf(caseNumber).stream()
        .filter(m -> "introduction".equals(MailServer.header(m, "X-VOM-Message"))).findFirst().orElseThrow();
    assertThat(mail.getAllRecipients()[0].toString()).contains("carl.vogt@example.org");
    assertThat(mail.getSubject()).contains(caseNumber).isEqualTo(templatesSubject("introduction", "de", caseNumber));
    assertThat(mail.getContent().toString()).contains("Carl Vogt", "Mara Jensen").doesNotContain("{{");
    // Letters carry the programme's identity: the demo office of de_toa (application.yaml), the hours in German,
    // and the introduction's four statements.
    assertThat(mail.getContent().toString()).contains("Täter-Opfer-Ausgleich Musterstadt", "Hauptstraße 12, 12345 Musterstadt",
        "Telefon: +49 30 5550 1420", "Sprechzeiten: Mo.–Do. 09:00–15:00, Fr. 09:00–12:00",
        "Sie erreichen uns unter +49 30 5550 1420", "freiwillig", "kostenlos", "jederzeit beenden", "vertraulich");
    assertThat(jdbc.queryForObject("SELECT channel FROM vom_message WHERE case_number = ? AND message = 'introduction'",
        String.class, caseNumber)).isEqualTo("email");
  }

  @Test
  void aPersonWithoutEmailGetsAPdfLetterListedForTheMediatorToPost() throws Exception {
    var referral = referral();
    ((com.fasterxml.jackson.databind.node.ObjectNode) referral.path("offenders").get(0)).put("postalAddress",
        "Hofweg 3\n10115 Berlin");
    String caseNumber = assignedCase(referral);

    Map<String, Object> letter = jdbc.queryForMap("SELECT channel, status, language, recipient_name, document_id FROM vom_message"
        + " WHERE case_number = ? AND message = 'introduction' AND recipient_name = 'Carl Vogt'", caseNumber);
    assertThat(letter).containsEntry("CHANNEL", "letter").containsEntry("STATUS", "to_post").containsEntry("LANGUAGE", "de");
    HttpResponse<byte[]> pdf = rest("mara").getBytes("/vom/documents/" + letter.get("DOCUMENT_ID"));
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(PdfText.of(pdf.body())).contains("Carl Vogt", "Hofweg 3", "10115 Berlin", caseNumber)
        // The letterhead gives the programme's office; the mail's footer is left out.
        .contains("Täter-Opfer-Ausgleich Musterstadt", "Telefon: +49 30 5550 1420", "Sprechzeiten:").doesNotContain("-- ");
  }

  @Test
  void caseFileShowsMessagesAndDocumentsToItsMediatorsCoordinatorsAndSupervisorsOnly() throws Exception {
    String caseNumber = assignedCase(referral());

    HttpResponse<String> file = rest("mara").get("/vom/case-file?case=" + caseNumber);
    // The version the case runs on, the case first (issue 22: two deployed versions are told apart).
    var versions = json(file).path("versions");
    assertThat(versions.get(0).path("process").asText()).isEqualTo("vom-case");
    assertThat(versions.get(0).path("versionTag").asText()).isEqualTo(engine.getRepositoryService()
        .createProcessDefinitionQuery().processDefinitionKey("vom-case").latestVersion().singleResult().getVersionTag());
    assertThat(versions.get(0).path("version").asInt()).isPositive();
    assertThat(versions.get(0).path("running").asBoolean()).isTrue();
    assertThat(file.statusCode()).isEqualTo(200);
    var messages = json(file).path("messages");
    assertThat(messages).extracting(m -> m.path("message").asText()).contains("introduction");
    assertThat(json(file).path("documents")).anySatisfy(d -> assertThat(d.path("href").asText()).startsWith("/vom/documents/"));
    for (String reader : List.of("jonas", "clara", "sam")) {
      assertThat(rest(reader).get("/vom/case-file?case=" + caseNumber).statusCode()).as(reader).isEqualTo(200);
    }
    assertThat(rest("admin").get("/vom/case-file?case=" + caseNumber).statusCode()).as("administration gives no case content")
        .isEqualTo(403);
    assertThat(rest("lea").get("/vom/case-file?case=" + caseNumber).statusCode()).as("another mediator").isEqualTo(404);
    assertThat(anonymous().get("/vom/case-file?case=" + caseNumber).statusCode()).isEqualTo(401);
    String letterId = jdbc.queryForObject("SELECT document_id FROM vom_message WHERE case_number = ? AND channel = 'letter'",
        String.class, caseNumber);
    assertThat(rest("lea").getBytes("/vom/documents/" + letterId).statusCode()).isEqualTo(404);
    assertThat(rest("mara").getBytes("/vom/documents/" + letterId).statusCode()).isEqualTo(200);

    // The audit trail: for coordinators and supervisors only; engine actions and documents opened.
    assertThat(json(rest("mara").get("/vom/case-file?case=" + caseNumber)).has("audit")).isFalse();
    var audit = json(rest("sam").get("/vom/case-file?case=" + caseNumber)).path("audit");
    assertThat(audit).anySatisfy(e -> {
      assertThat(e.path("userId").asText()).isEqualTo("clara");
      assertThat(e.path("action").asText()).isEqualTo("Complete Task");
    });
    assertThat(audit).anySatisfy(e -> {
      assertThat(e.path("userId").asText()).isEqualTo("mara");
      assertThat(e.path("action").asText()).isEqualTo("document_opened");
      assertThat(e.path("subject").asText()).startsWith("letter-" + caseNumber);
    });
    assertThat(rest("policeapi").getBytes("/vom/documents/" + letterId).statusCode()).as("not open to referring systems")
        .isEqualTo(403);

    // The mediator posts the letter and marks it posted; a cross-site form (no header) cannot.
    String messageId = jdbc.queryForObject("SELECT id FROM vom_message WHERE case_number = ? AND channel = 'letter'", String.class,
        caseNumber);
    HttpResponse<String> crossSite = rest("mara").post("/vom/messages/" + messageId + "/posted");
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(json(crossSite).path("type").asText()).as("the error contract's form").isEqualTo("Forbidden");
    assertThat(json(crossSite).path("message").asText()).contains("X-VOM-Request");
    assertThat(rest("mara").post("/vom/messages/" + messageId + "/posted", "X-VOM-Request", "1").statusCode()).isEqualTo(200);
    assertThat(rest("mara").post("/vom/messages/" + messageId + "/posted", "X-VOM-Request", "1").statusCode()).isEqualTo(409);
    assertThat(jdbc.queryForObject("SELECT status FROM vom_message WHERE id = ?", String.class, messageId)).isEqualTo("posted");
  }

  @Test
  void mailServerDownRetriesEndsInAnIncidentKeepsTheCoordinatorsWorkAndTheMailLeavesOnceWhenTheServerIsBack() throws Exception {
    MailServer.stop();
    String instanceId = referredCase(withOffenderEmail());
    String caseNumber = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getBusinessKey();
    String assignTask = onlyTask(rest("clara"), instanceId, "Task_AssignMediators");
    rest("clara").postJson("/engine-rest/task/" + assignTask + "/claim", "{\"userId\":\"clara\"}");
    submit(rest("clara"), assignTask, "{\"leadMediator\":{\"value\":\"mara\"},\"coMediator\":{\"value\":\"jonas\"}}");

    Job job = introductionJob(caseNumber);
    var management = engine.getManagementService();
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("could not be delivered")
          .hasMessageContaining("the mail server could not be reached");
    }
    // A second case whose introduction failed once: it waits five minutes for its next try.
    String secondInstance = referredCase(withOffenderEmail());
    String second = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(secondInstance).singleResult()
        .getBusinessKey();
    String secondAssignment = onlyTask(rest("clara"), secondInstance, "Task_AssignMediators");
    rest("clara").postJson("/engine-rest/task/" + secondAssignment + "/claim", "{\"userId\":\"clara\"}");
    submit(rest("clara"), secondAssignment, "{\"leadMediator\":{\"value\":\"mara\"},\"coMediator\":{\"value\":\"jonas\"}}");
    Job secondJob = introductionJob(second);
    assertThatThrownBy(() -> management.executeJob(secondJob.getId())).hasMessageContaining("could not be reached");
    assertThat(management.createJobQuery().jobId(secondJob.getId()).executable().count()).as("waits for its retry").isZero();
    assertThat(recovery.drain()).as("nothing is made due while the server is down").isZero();
    assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().configuration(job.getId())
        .processInstanceId(job.getProcessInstanceId()).singleResult().getIncidentMessage()).contains("could not be delivered");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(assignTask).singleResult().getEndTime())
        .as("the coordinator's completed task stays completed").isNotNull();
    assertThat(jdbc.queryForObject("SELECT status FROM vom_message WHERE case_number = ? AND message = 'introduction'"
        + " AND recipient_name = 'Carl Vogt'", String.class, caseNumber)).isEqualTo("failed");

    MailServer.start();
    // The server is back: the recovery (every 15 s on a node whose job executor runs) makes both due, nobody clicks.
    assertThat(recovery.drain()).isGreaterThanOrEqualTo(2);
    assertThat(engine.getRuntimeService().createIncidentQuery().configuration(job.getId()).count()).as("incident resolved")
        .isZero();
    assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).as("due at once").isEqualTo(1);
    assertThat(management.createJobQuery().jobId(secondJob.getId()).executable().count()).as("due at once").isEqualTo(1);
    management.executeJob(job.getId());
    management.executeJob(secondJob.getId());
    assertThat(recovery.waitingForMailServer()).extracting(Job::getId).doesNotContain(job.getId(), secondJob.getId());
    assertThat(MailServer.mailsOf(second)).filteredOn(m -> "introduction".equals(MailServer.header(m, "X-VOM-Message")))
        .hasSize(1);

    assertThat(MailServer.mailsOf(caseNumber)).filteredOn(m -> "introduction".equals(MailServer.header(m, "X-VOM-Message")))
        .hasSize(1);
    assertThat(jdbc.queryForObject("SELECT status FROM vom_message WHERE case_number = ? AND message = 'introduction'"
        + " AND recipient_name = 'Carl Vogt'", String.class, caseNumber)).isEqualTo("sent");
  }

  @Test
  void theSameSendingTwiceSendsOneMailPerRecipientAndAnInterruptedOneIsResentWithTheSameMessageId() {
    String caseNumber = "VOM-2026-9" + (System.nanoTime() % 10000);
    OutgoingMessage message = new OutgoingMessage("it-twice-" + caseNumber, caseNumber, "pi-twice", "mandate-reminder",
        "coordinators", Map.of("caseNumber", caseNumber), List.of(new Recipient("clara", "Clara Berg", "clara@example.org", null, "en"),
        new Recipient("cora", "Cora Lind", "cora@example.org", null, "da")));

    assertThat(notifications.send(message)).isTrue();
    assertThat(notifications.send(message)).isFalse();

    assertThat(MailServer.mailsOf(caseNumber)).hasSize(2);
    // A crash between handing Cora's mail over and recording the answer: at least once, with the same Message-ID.
    jdbc.update("UPDATE vom_message SET status = 'sending' WHERE idempotency_key = ?", message.idempotencyKey() + "|cora");
    assertThat(notifications.send(message)).isTrue();
    assertThat(MailServer.mailsOf(caseNumber)).hasSize(3);
    assertThat(MailServer.mailsOf(caseNumber)).filteredOn(m -> MailServer.header(m, "To").contains("cora@example.org"))
        .extracting(m -> MailServer.header(m, "Message-ID")).hasSize(2).containsOnly("<" + MailDelivery.hash(
            message.idempotencyKey() + "|cora") + "@vom-case>");
    assertThat(jdbc.queryForObject("SELECT status FROM vom_message WHERE idempotency_key = ?", String.class,
        message.idempotencyKey() + "|cora")).isEqualTo("resent");
    assertThat(notifications.send(message)).isFalse();
  }

  /** Runs the case's jobs up to the offender's introduction, and returns that job (not run). */
  private Job introductionJob(String caseNumber) {
    var management = engine.getManagementService();
    for (int i = 0; i < 10 && introduction(caseNumber) == null; i++) {
      engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().forEach(instance ->
          management.createJobQuery().processInstanceId(instance.getId()).executable().list().forEach(job ->
              management.executeJob(job.getId())));
    }
    return java.util.Objects.requireNonNull(introduction(caseNumber), "no introduction job");
  }

  private Job introduction(String caseNumber) {
    return engine.getManagementService().createJobQuery().activityId("Task_SendIntroduction").list().stream()
        .filter(j -> caseNumber.equals(engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(j.getProcessInstanceId()).singleResult().getBusinessKey()))
        .filter(j -> "O1".equals(engine.getRuntimeService().getVariable(j.getProcessInstanceId(), "personId")))
        .findFirst().orElse(null);
  }

  private String templatesSubject(String message, String language, String caseNumber) {
    return templates.message(message, language, Map.of("caseNumber", caseNumber, "recipientName", "x",
        "recipientIs", Map.of("victim", true))).subject();
  }

  /** The standard referral, the offender (contacted first: he is a minor) with an email address. */
  private static com.fasterxml.jackson.databind.node.ObjectNode withOffenderEmail() {
    var referral = referral();
    ((com.fasterxml.jackson.databind.node.ObjectNode) referral.path("offenders").get(0)).put("email", "carl.vogt@example.org");
    return referral;
  }

  private String referredCase(com.fasterxml.jackson.databind.node.ObjectNode referral) throws Exception {
    String instanceId = json(rest("policeapi").postJson("/api/referrals", referral.toString())).path("processInstanceId").asText();
    runJobs(engine, instanceId);
    return instanceId;
  }

  /** A referred case assigned to Mara and Jonas, its introductions sent. */
  private String assignedCase(com.fasterxml.jackson.databind.node.ObjectNode referral) throws Exception {
    String instanceId = referredCase(referral);
    String assignTask = onlyTask(rest("clara"), instanceId, "Task_AssignMediators");
    rest("clara").postJson("/engine-rest/task/" + assignTask + "/claim", "{\"userId\":\"clara\"}");
    submit(rest("clara"), assignTask, "{\"leadMediator\":{\"value\":\"mara\"},\"coMediator\":{\"value\":\"jonas\"}}");
    runJobs(engine, instanceId);
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey();
  }
}
