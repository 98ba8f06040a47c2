package org.vomcase.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vomcase.notification.NotificationService;
import org.vomcase.notification.OutgoingMessage;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.Http;
import org.vomcase.support.MailServer;
import org.vomcase.support.PdfText;
import jakarta.mail.internet.MimeMessage;
import static org.vomcase.support.CaseApi.*;

/** The referral API and the intake of a case, over HTTP, as a referring system and a coordinator use them. */
class ReferralApiIT extends AbstractApplicationIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired JdbcTemplate jdbc;
  @Autowired NotificationService notifications;

  @Test
  void referringSystemRegistersACaseAndGetsItsNumber() throws IOException {
    HttpResponse<String> first = rest("policeapi").postJson("/api/referrals", referral().toString());
    HttpResponse<String> second = rest("policeapi").postJson("/api/referrals", referral().toString());

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String caseNumber = json(first).path("caseNumber").asText();
    assertThat(caseNumber).matches("VOM-\\d{4}-\\d{5}");
    assertThat(first.headers().firstValue("Location")).contains("/api/referrals/" + caseNumber);
    assertThat(json(second).path("caseNumber").asText()).isNotEqualTo(caseNumber)
        .isGreaterThan(caseNumber);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(json(first).path("processInstanceId").asText(), "caseNumber")).isEqualTo(caseNumber);
  }

  /**
   * The registration writes each of its variables once: the persons' lists as the case keeps them (ids, sides), one
   * runtime row and one history row each, and no past value of a first value (the register keeps the referral as
   * registered, the decisions' history their results).
   */
  @Test
  void aReferralsVariablesAreWrittenOnce() throws IOException {
    HttpResponse<String> sent = rest("policeapi").postJson("/api/referrals", referral().toString());
    assertThat(sent.statusCode()).isEqualTo(201);
    String instanceId = json(sent).path("processInstanceId").asText();

    var history = engine.getHistoryService();
    for (String persons : List.of("victims", "offenders")) {
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).variableName(persons).count())
          .as(persons).isEqualTo(1);
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).variableName(persons)
          .singleResult().getValue().toString()).as(persons).contains("\"personId\"");
    }
    assertThat(history.createHistoricDetailQuery().variableUpdates().processInstanceId(instanceId).list())
        .as("no past value yet: nothing has changed since the registration").isEmpty();
    // The referral's facts are one record of the case: one variable, not one per fact, in the runtime and the history.
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).variableName("referral").count())
        .isEqualTo(1);
    String[] facts = org.vomcase.kernel.CaseVariables.REFERRAL_FACTS.stream().map(org.vomcase.kernel.CaseVariable::name)
        .toArray(String[]::new);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).variableNameIn(facts).count())
        .as("no fact on its own, not even the decision steps' copies of them").isZero();
    assertThat(engine.getRuntimeService().getVariables(instanceId)).containsKey("referral").doesNotContainKeys(facts);
    assertThat(org.vomcase.kernel.CaseVariables.REFERRER_REFERENCE.from(engine.getRuntimeService().getVariables(instanceId)::get))
        .isEqualTo(referral().path("referrerReference").asText());
    // A referrer cannot hand the case a record of its own: the API takes the referral's fields, nothing else.
    ObjectNode withRecord = referral();
    withRecord.putObject("referral").put("offenceCategory", "arson");
    HttpResponse<String> recordRefused = rest("policeapi").postJson("/api/referrals", withRecord.toString());
    assertThat(recordRefused.statusCode()).isEqualTo(400);
    assertThat(json(recordRefused).path("errors").findValuesAsText("field")).containsExactly("referral");

    // A referral as its sender sends it never says what the case works out: an id, a side or a minor flag is refused.
    for (String derived : List.of("personId", "role", "minor")) {
      ObjectNode withDerived = referral();
      ObjectNode victim = (ObjectNode) withDerived.withArray("victims").get(0);
      if (derived.equals("minor")) {
        victim.put(derived, true);
      } else {
        victim.put(derived, derived.equals("role") ? "victim" : "V1");
      }
      HttpResponse<String> refused = rest("policeapi").postJson("/api/referrals", withDerived.toString());
      assertThat(refused.statusCode()).as(derived).isEqualTo(400);
      assertThat(json(refused).path("errors").findValuesAsText("field")).as(derived).containsExactly("victims[0]." + derived);
    }
  }

  @Test
  void invalidReferralIsAnsweredWithEveryFieldAndCreatesNothing() throws IOException {
    ObjectNode referral = referral();
    referral.put("offenceCategory", "arson");
    referral.putArray("offenders");
    referral.put("victim", "misspelt");
    long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery().count();
    Integer countersBefore = jdbc.queryForObject("SELECT COALESCE(SUM(last_number), 0) FROM vom_case_counter", Integer.class);

    HttpResponse<String> unknownField = rest("policeapi").postJson("/api/referrals", referral.toString());
    referral.remove("victim");
    HttpResponse<String> invalid = rest("policeapi").postJson("/api/referrals", referral.toString());
    HttpResponse<String> notJson = rest("policeapi").postJson("/api/referrals", "{not json");

    assertThat(unknownField.statusCode()).isEqualTo(400);
    assertThat(json(unknownField).path("errors").get(0).path("field").asText()).isEqualTo("victim");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(json(invalid).path("message").asText()).startsWith("2 fields need to be corrected: Offence category:");
    assertThat(json(invalid).path("errors").findValuesAsText("label")).containsExactly("Offence category", "Offenders");
    assertThat(json(invalid).path("errors").findValuesAsText("field")).containsExactly("offenceCategory", "offenders");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(json(notJson).path("message").asText()).startsWith("The body is not a JSON object of a referral");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(last_number), 0) FROM vom_case_counter", Integer.class))
        .isEqualTo(countersBefore);
  }

  @Test
  void onlyReferringSystemsAndCoordinatorsMaySendReferrals() {
    assertThat(anonymous().postJson("/api/referrals", referral().toString()).statusCode()).isEqualTo(401);
    assertThat(rest("mara").postJson("/api/referrals", referral().toString()).statusCode()).isEqualTo(403);
    assertThat(rest("sam").postJson("/api/referrals", referral().toString()).statusCode()).isEqualTo(403);
    assertThat(rest("clara").postJson("/api/referrals", referral().toString()).statusCode()).isEqualTo(201);
  }

  @Test
  void referringSystemCannotReadCasesOrUseTheApps() {
    rest("policeapi").postJson("/api/referrals", referral().toString());

    // The boundary: a referring system reaches the referral and case-event API, no engine route.
    assertThat(rest("policeapi").get("/engine-rest/process-instance").statusCode()).isEqualTo(403);
    assertThat(rest("policeapi").get("/engine-rest/task").statusCode()).isEqualTo(403);
    assertThat(new Http(port).loginToWebapp("tasklist", "policeapi", DEMO_PASSWORD).statusCode()).isEqualTo(403);
  }

  @Test
  void caseGoesFromReferralToTheSessionOutcomeAsCoordinatorAndMediatorsWorkItInTasklist() throws Exception {
    String instanceId = caseAtTheSessionOutcome(referral(), "Petra Vogt");

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instanceId)
        .processDefinitionKey("agreement").singleResult()).isNotNull();
    assertThat(List.of(jdbc.queryForList("SELECT message FROM vom_message WHERE case_number = ? ORDER BY created_at", String.class,
        caseNumber(instanceId)))).map(java.util.LinkedHashSet::new).singleElement()
        .satisfies(kinds -> assertThat(kinds).containsExactly("introduction", "session-invitation", "session-reminder"));

    // R11, R21: Ana (email, German) gets the invitation by mail with the calendar file; Carl (no email) a letter to post.
    MimeMessage invitation = MailServer.mailsOf(caseNumber(instanceId)).stream()
        .filter(m -> "session-invitation".equals(MailServer.header(m, "X-VOM-Message"))).findFirst().orElseThrow();
    assertThat(invitation.getAllRecipients()[0].toString()).contains("ana.roth@example.org");
    assertThat(invitation.getSubject()).startsWith("Einladung");
    byte[] ics = attachment(invitation, "session.ics");
    var event = new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.ByteArrayInputStream(ics))
        .getComponent("VEVENT").map(net.fortuna.ical4j.model.component.VEvent.class::cast).orElseThrow();
    // The mediator set 14:30: the invitation says 14:30 in the programme's zone, whatever the server's zone was.
    assertThat(event.getDateTimeStart().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Berlin");
    assertThat(event.getDateTimeStart().getValue()).isEqualTo("20990520T143000");
    assertThat(jdbc.queryForList("SELECT channel FROM vom_message WHERE case_number = ? AND message = 'session-invitation'"
        + " ORDER BY recipient_name", String.class, caseNumber(instanceId))).contains("email", "letter");
  }

  /** The bytes of a mail's attachment. */
  private static byte[] attachment(MimeMessage mail, String fileName) throws Exception {
    return MailServer.attachment(mail, fileName);
  }


  /**
   * R13-R20 end to end through the REST API, as Tasklist and the referring system use it, with the
   * engine's clock moved to each due date: agreement with an instalment plan and a written apology,
   * signatures of both parties and the minor's guardian, reports, monitoring (an instalment paid, one
   * only partly after the reminder and grace period, escalated), follow-up, closure, the referrer's
   * notice of the end of the proceedings (after which the closed case still takes an uploaded letter and notes), the
   * retention year, and deletion: afterwards no table of the database holds any personal value of the case, no uploaded
   * byte and no note, and the anonymous figures remain.
   */
  @Test
  void wholeCaseFromTheSessionToDeletionLeavesNothingPersonal() throws Exception {
    ObjectNode referral = referral();
    referral.put("referrerReference", "PI-Q 0042/99");
    referral.put("offenceSummary", "A bicycle of the victim was damaged in the Quillfeather yard.");
    ((ObjectNode) referral.path("victims").get(0)).put("name", "Zora Quillfeather").put("email", "zora.quillfeather@example.org")
        .put("dateOfBirth", "1971-11-23");
    ((ObjectNode) referral.path("offenders").get(0)).put("name", "Benedikt Xylander").put("phone", "+49 30 9988776")
        .put("dateOfBirth", "2009-03-07");
    List<String> personal = List.of("Quillfeather", "Xylander", "zora.quillfeather@example.org", "+49 30 9988776", "PI-Q 0042/99",
        "2009-03-07", "1971-11-23");
    String instanceId = caseAtTheSessionOutcome(referral, "Gerda Xylander");
    String caseNumber = caseNumber(instanceId);
    Http mara = rest("mara");
    try {
      moveClockTo("2099-05-20T18:00:00");

      // Agreement: 200.00 in two monthly instalments and a written apology handed over at the session.
      String record = mediatorTask(mara, "Task_RecordAgreement", caseNumber);
      assertThat(json(mara.get("/engine-rest/task/" + record + "/form-variables?variableNames=offenderOptions,creditorOptions&deserializeValues=false"))
          .toString()).contains("O1 Benedikt Xylander").contains("community");
      HttpResponse<String> refused = mara.postJson("/engine-rest/task/" + record + "/submit-form", "{\"variables\":{\"item1\":"
          + jsonVariable("{\"kind\":\"payment\",\"offender\":\"O1\",\"creditor\":\"V1\",\"dueDate\":\"2099-06-01\",\"status\":\"open\"}") + "}}");
      // The error contract: 400, the field as the form names it, the form's label.
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(json(refused).path("errors").get(0).path("field").asText()).isEqualTo("item1.amount");
      assertThat(json(refused).path("errors").get(0).path("message").asText()).isEqualTo("is required");
      submit(mara, record, "{\"item1\":" + jsonVariable("{\"kind\":\"payment\",\"offender\":\"O1\",\"creditor\":\"V1\",\"amount\":200,"
          + "\"instalments\":2,\"dueDate\":\"2099-06-01\",\"status\":\"open\"}") + ",\"item2\":" + jsonVariable("{\"kind\":\"apology_written\","
          + "\"offender\":\"O1\",\"creditor\":\"V1\",\"description\":\"Letter read out at the session\",\"dueDate\":\"2099-05-20\",\"status\":\"fulfilled\"}") + "}");
      runJobs(engine, instanceId);
      String sign = mediatorTask(mara, "Task_RecordSignatures", caseNumber);
      assertThat(json(mara.get("/engine-rest/task/" + sign + "/form-variables?variableNames=signatoryOptions&deserializeValues=false"))
          .toString()).contains("Gerda Xylander (guardian of O1)");
      submit(mara, sign, "{\"signatureOutcome\":{\"value\":\"all_signed\"},\"signedBy\":" + jsonVariable("[\"V1\",\"O1\",\"G-O1\"]")
          + ",\"shareConsentBy\":" + jsonVariable("[\"V1\",\"O1\"]") + "}");
      runJobs(engine, instanceId);
      assertThat(PdfText.of(jdbc.queryForObject("SELECT bytes FROM vom_document WHERE case_number = ? AND document = 'agreement'",
          byte[].class, caseNumber))).contains("Vereinbarung", "Ratenplan", "100.00 EUR",
          "Gerda Xylander (gesetzliche Vertretung von Benedikt Xylander)");

      // Monitoring: the first instalment is paid on time; the second only partly, after a reminder and the grace period.
      moveClockTo("2099-06-01T10:00:00");
      runJobs(engine, instanceId);
      submit(mara, mediatorTask(mara, "Task_CheckFulfilment", caseNumber), "{\"fulfilment\":{\"value\":\"fulfilled\"},"
          + "\"fulfilmentConfirmation\":{\"value\":\"victim_confirmed\"}}");
      moveClockTo("2099-07-01T10:00:00");
      runJobs(engine, instanceId);
      submit(mara, mediatorTask(mara, "Task_CheckFulfilment", caseNumber), "{\"fulfilment\":{\"value\":\"not_fulfilled\"}}");
      runJobs(engine, instanceId);
      moveClockTo("2099-07-16T10:00:00");
      runJobs(engine, instanceId);
      submit(mara, mediatorTask(mara, "Task_CheckFulfilment", caseNumber), "{\"fulfilment\":{\"value\":\"partly\"},"
          + "\"fulfilledAmount\":{\"value\":50},\"fulfilmentConfirmation\":{\"value\":\"proof_received\"}}");
      runJobs(engine, instanceId);

      // Follow-up three months later, one conversation per participant.
      moveClockTo("2099-10-17T10:00:00");
      runJobs(engine, instanceId);
      JsonNode conversations = json(mara.get("/engine-rest/task?taskDefinitionKey=Task_FollowUpConversation&processInstanceBusinessKey=" + caseNumber));
      assertThat(conversations).hasSize(2);
      for (JsonNode conversation : conversations) {
        boolean victim = conversation.path("name").asText().contains(": V1,");
        submit(mara, conversation.path("id").asText(), victim
            ? "{\"followUpOutcome\":{\"value\":\"held\"},\"satisfaction\":{\"value\":\"satisfied\"},\"fair\":{\"value\":\"yes\"},"
                + "\"heard\":{\"value\":\"yes\"},\"recommend\":{\"value\":\"yes\"},\"fearChange\":{\"value\":\"less_fear\"}}"
            : "{\"followUpOutcome\":{\"value\":\"declined\"}}");
      }
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
          .getEndActivityId()).isEqualTo("EndEvent_AgreementPartlyFulfilled");
      runCaseJobs(engine, caseNumber);
      // In time order; an escalation and its report to the referrer are sent in the same instant, in either order.
      List<String> sent = jdbc.queryForList("SELECT message FROM vom_message WHERE case_number = ? ORDER BY created_at",
          String.class, caseNumber);
      assertThat(sent).containsSubsequence("agreement-copy", "referrer-report", "obligation-reminder", "follow-up-invitation")
          .contains("obligation-escalation").filteredOn("referrer-report"::equals).hasSize(3);
      // The last report follows the follow-up. The test's clock stands still between its moves, so both carry the same
      // time, and PostgreSQL orders rows of the same time in any order: compare the times, not the positions.
      assertThat(jdbc.queryForObject("SELECT MAX(created_at) FROM vom_message WHERE case_number = ? AND message = 'referrer-report'",
          java.sql.Timestamp.class, caseNumber)).isAfterOrEqualTo(jdbc.queryForObject("SELECT MIN(created_at) FROM vom_message"
          + " WHERE case_number = ? AND message = 'follow-up-invitation'", java.sql.Timestamp.class, caseNumber));
      // R14, R21: the agreement copy reaches Ana with the agreement PDF; the referrer's reports are in German.
      MimeMessage copy = MailServer.mailsOf(caseNumber).stream()
          .filter(m -> "agreement-copy".equals(MailServer.header(m, "X-VOM-Message"))).findFirst().orElseThrow();
      assertThat(PdfText.of(attachment(copy, "agreement-" + caseNumber + ".pdf")))
          .contains("Vereinbarung", "Zahlung", "200.00 EUR", "Gerda Xylander");
      assertThat(MailServer.mailsOf(caseNumber)).filteredOn(m -> "referrer-report".equals(MailServer.header(m, "X-VOM-Message")))
          .hasSize(3).allSatisfy(m -> assertThat(m.getSubject()).startsWith("Bericht"));
      List<String> reports = jdbc.queryForList("SELECT content FROM vom_message WHERE case_number = ? AND message = 'referrer-report'",
          String.class, caseNumber);
      assertThat(reports).hasSize(3).allSatisfy(report -> assertThat(report).doesNotContain("Letter read out"));

      // The referrer reports the end of the proceedings; the retention year starts.
      HttpResponse<String> notice = rest("policeapi").postJson("/api/cases/" + caseNumber + "/events",
          "{\"type\":\"proceedings_ended\",\"proceedingsEndedOn\":\"2099-10-15\",\"proceedingsOutcome\":\"dismissed_with_conditions\"}");
      assertThat(notice.statusCode()).as(notice.body()).isEqualTo(200);
      assertThat(json(notice).path("result").asText()).isEqualTo("proceedings_end_recorded");
      runCaseJobs(engine, caseNumber);

      // Closed, within its retention period: the case file still takes the prosecutor's letter and notes.
      byte[] scan = ("%PDF-1.4\n% Mandate of the prosecutor for Benedikt Xylander, PI-Q 0042/99\n%%EOF\n")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      HttpResponse<String> letter = rest("clara").postFile("/vom/cases/" + caseNumber + "/documents",
          Map.of("kind", "mandate_letter", "title", "Letter of the prosecutor about Zora Quillfeather"), "file",
          "Quillfeather-mandate.pdf", "application/pdf", scan, "X-VOM-Request", "1");
      assertThat(letter.statusCode()).as(letter.body()).isEqualTo(201);
      for (Http writer : List.of(mara, rest("clara"))) {
        HttpResponse<String> note = writer.postJsonWithHeader("/vom/cases/" + caseNumber + "/notes",
            "{\"text\":\"Zora Quillfeather called: the prosecutor's letter came by post.\"}", "X-VOM-Request", "1");
        assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
      }
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vom_case_note WHERE case_number = ?", Integer.class, caseNumber))
          .isEqualTo(2);
      java.time.Instant deleteAt = java.time.LocalDate.parse("2100-10-15").atStartOfDay(java.time.ZoneId.systemDefault()).toInstant();
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
          .getRemovalTime().toInstant()).isEqualTo(deleteAt);

      // Closed, the case holds no authorization any more (README "Performance at scale"): its tasks' grants went with
      // the tasks, and there are no grants per case or finished task; the case file above is reached through the register.
      List<String> caseResources = new java.util.ArrayList<>();
      engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
          .filter(task -> !"case-retention".equals(task.getProcessDefinitionKey())).forEach(task -> caseResources.add(task.getId()));
      engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
          .filter(instance -> !"case-retention".equals(instance.getProcessDefinitionKey()))
          .forEach(instance -> caseResources.add(instance.getId()));
      assertThat(caseResources).hasSizeGreaterThan(10).allSatisfy(id -> assertThat(engine.getAuthorizationService()
          .createAuthorizationQuery().resourceId(id).count()).as("grants on %s", id).isZero());

      moveClockTo("2100-10-15T01:00:00");
      runCaseJobs(engine, caseNumber);
      runCaseJobs(engine, caseNumber);
      assertThat(caseResources).allSatisfy(id -> assertThat(engine.getAuthorizationService().createAuthorizationQuery()
          .resourceId(id).count()).as("grants on %s", id).isZero());
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
          .processDefinitionKey("case-retention").singleResult().getEndActivityId()).isEqualTo("EndEvent_PersonalDataDeleted");
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list())
        .extracting(i -> i.getProcessDefinitionKey()).containsExactly("case-retention");
    for (String value : personal) {
      assertThat(tablesContaining(value)).as("tables still holding '%s'", value).isEmpty();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vom_message WHERE case_number = ?", Integer.class, caseNumber)).isZero();
    // No uploaded byte and no note is left, and the deleted case takes none any more.
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vom_document WHERE case_number = ?", Integer.class, caseNumber)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vom_case_note WHERE case_number = ?", Integer.class, caseNumber)).isZero();
    assertThat(tablesContaining("Mandate of the prosecutor")).isEmpty();
    assertThat(tablesContaining("the prosecutor's letter came by post")).isEmpty();
    HttpResponse<String> tooLate = rest("clara").postJsonWithHeader("/vom/cases/" + caseNumber + "/notes",
        "{\"text\":\"One more thing\"}", "X-VOM-Request", "1");
    assertThat(tooLate.statusCode()).isEqualTo(409);
    Map<String, Object> figures = jdbc.queryForMap("SELECT * FROM vom_case_figures WHERE closure_reason = 'agreement_partly_fulfilled'"
        + " AND registered_on IS NOT NULL AND details LIKE '%apology_written%'");
    assertThat(figures.get("referral_source")).isEqualTo("police");
    assertThat(figures.get("details").toString()).contains("\"ageClass\":\"juvenile\"").contains("\"fearChange\":\"less_fear\"")
        .contains("\"fulfilledAmount\":\"50\"").contains("\"firstContactOn\":\"").contains("\"sessionOn\":\"");
  }

  /** The tables (and columns) of the whole database with a text or binary value containing the value. */
  private List<String> tablesContaining(String value) {
    return jdbc.execute((java.sql.Connection connection) -> org.vomcase.support.DatabaseScan.tablesContaining(connection, value));
  }

  /**
   * Drives a case as the coordinator and the mediators do in Tasklist, from the referral API to the
   * session outcome "agreement": assignment, consent of both sides (the offender a minor, with the
   * guardian's consent), preparation, suitability, scheduling, reminder and session.
   */
  private String caseAtTheSessionOutcome(ObjectNode referral, String guardianName) throws IOException {
    String instanceId = json(rest("policeapi").postJson("/api/referrals", referral.toString())).path("processInstanceId").asText();
    runJobs(engine, instanceId);
    Http clara = rest("clara");

    // Coordinator: assign the mediators (Tasklist: claim, open the form, complete).
    String assignTask = onlyTask(clara, instanceId, "Task_AssignMediators");
    assertThat(clara.postJson("/engine-rest/task/" + assignTask + "/claim", "{\"userId\":\"clara\"}").statusCode()).isEqualTo(204);
    assertThat(json(clara.get("/engine-rest/task/" + assignTask + "/deployed-form")).path("id").asText()).isEqualTo("assign-mediators");
    JsonNode options = json(clara.get("/engine-rest/task/" + assignTask + "/form-variables?variableNames=mediatorOptions&deserializeValues=false"));
    assertThat(options.path("mediatorOptions").path("value").asText()).contains("\"value\":\"mara\"").doesNotContain("clara");
    HttpResponse<String> wrong = clara.postJson("/engine-rest/task/" + assignTask + "/submit-form",
        "{\"variables\":{\"leadMediator\":{\"value\":\"sam\"}}}");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(json(wrong).path("errors").get(0).path("field").asText()).isEqualTo("leadMediator");
    assertThat(json(wrong).path("errors").get(0).path("message").asText()).isEqualTo("'sam' is not a member of the mediators group");
    submit(clara, assignTask, "{\"leadMediator\":{\"value\":\"mara\"},\"coMediator\":{\"value\":\"jonas\"}}");
    runJobs(engine, instanceId);

    // Mediator: the offender first (property damage: offender first), a minor, so the guardian too.
    Http mara = rest("mara");
    String offenderCall = mediatorTask(mara, "Task_CallForConsent", caseNumber(instanceId));
    assertThat(json(mara.get("/engine-rest/task/" + offenderCall + "/deployed-form")).path("id").asText()).isEqualTo("consent-call");
    JsonNode context = json(mara.get("/engine-rest/task/" + offenderCall + "/form-variables"));
    assertThat(context.path("personName").path("value").asText()).isEqualTo(referral.path("offenders").get(0).path("name").asText());
    assertThat(context.path("personMinor").path("value").asBoolean()).isTrue();
    assertThat(json(rest("lea").get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber(instanceId)))).isEmpty();
    submit(mara, offenderCall, "{\"callOutcome\":{\"value\":\"agrees\"}}");
    String guardianTask = mediatorTask(mara, "Task_RecordGuardianConsent", caseNumber(instanceId));
    submit(mara, guardianTask, "{\"guardianName\":{\"value\":\"" + guardianName + "\"},\"guardianRelation\":{\"value\":\"parent\"},"
        + "\"guardianPhone\":{\"value\":\"+49 30 7654321\"},\"guardianConsent\":{\"value\":\"consents\"}}");
    runJobs(engine, instanceId);

    // Then the victim: co-mediator Jonas takes the call.
    Http jonas = rest("jonas");
    String victimCall = mediatorTask(jonas, "Task_CallForConsent", caseNumber(instanceId));
    submit(jonas, victimCall, "{\"callOutcome\":{\"value\":\"agrees\"}}");

    assertThat(engine.getRuntimeService().getVariable(instanceId, "consents").toString())
        .contains("\"guardianName\":\"" + guardianName + "\"").contains("\"V1\":{\"role\":\"victim\",\"outcome\":\"agreed\"}");

    // Preparation: a separate meeting with each person (the checklist as Tasklist submits it: Json).
    String checklist = "{\"type\":\"Json\",\"value\":\"[\\\"confidentiality\\\",\\\"ground_rules\\\",\\\"account\\\","
        + "\\\"harm\\\",\\\"wishes\\\",\\\"support\\\",\\\"safety\\\",\\\"readiness\\\"]\"}";
    String meeting = "\"meetingDate\":{\"value\":\"2026-03-01\"},\"meetingFormat\":{\"value\":\"in_person\"},"
        + "\"checklist\":" + checklist + ",\"readiness\":{\"value\":\"ready\"}";
    assertThat(json(mara.get("/engine-rest/task/" + mediatorTask(mara, "Task_HoldPreparationMeeting", caseNumber(instanceId), "O1")
        + "/deployed-form")).path("id").asText()).isEqualTo("preparation-meeting");
    submit(mara, mediatorTask(mara, "Task_HoldPreparationMeeting", caseNumber(instanceId), "O1"), "{" + meeting + "}");
    submit(mara, mediatorTask(mara, "Task_HoldPreparationMeeting", caseNumber(instanceId), "V1"), "{" + meeting
        + ",\"meetingType\":{\"value\":\"direct\"},\"preferredPlace\":{\"value\":\"Community centre, room 2\"},"
        + "\"firstSpeaker\":{\"value\":\"victim\"}}");
    String suitability = onlyTask(mara, instanceId, "Task_DecideSuitability");
    assertThat(json(mara.get("/engine-rest/task/" + suitability + "/form-variables?variableNames=preparationSummary"))
        .path("preparationSummary").path("value").asText()).contains("meeting: direct; place: Community centre, room 2");
    submit(mara, suitability, "{\"suitability\":{\"value\":\"suitable\"}}");

    // Session: scheduled from the victim's choices, everyone invited and reminded, the outcome recorded.
    submit(mara, mediatorTask(mara, "Task_ScheduleSession", caseNumber(instanceId), null), "{\"meetingType\":{\"value\":\"direct\"},"
        + "\"sessionDate\":{\"value\":\"2099-05-20\"},\"sessionTime\":{\"value\":\"14:30\"},"
        + "\"sessionPlace\":{\"value\":\"Community centre, room 2\"},\"sessionAttendeeIds\":" + jsonVariable("[\"V1\",\"O1\",\"G-O1\"]") + "}");
    runJobs(engine, instanceId);
    fireTimer(instanceId, "Event_SessionReminderDue");
    runJobs(engine, instanceId);
    fireTimer(instanceId, "Event_SessionTime");
    submit(mara, mediatorTask(mara, "Task_RecordSessionOutcome", caseNumber(instanceId), null),
        "{\"sessionHeld\":{\"value\":\"held\"},\"sessionOutcome\":{\"value\":\"agreement\"}}");
    return instanceId;
  }

  /** Fires a timer of the case's session now, as the job executor would at its due date. */
  private void fireTimer(String instanceId, String activityId) {
    String session = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instanceId)
        .processDefinitionKey("mediation-session").singleResult().getId();
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(session)
        .activityId(activityId).singleResult().getId());
  }

  @Test
  void mediatorRecordsAWithdrawalWithTheTasklistStartFormOnTheirCaseOnly() throws IOException {
    String instanceId = caseInContact();
    String caseNumber = caseNumber(instanceId);
    String withdrawal = "{\"variables\":{\"eventCaseNumber\":{\"value\":\"" + caseNumber + "\"},"
        + "\"eventType\":{\"value\":\"consent_withdrawn\"},\"eventPersonId\":{\"value\":\"O1\"},"
        + "\"eventReason\":{\"value\":\"His lawyer advised against it.\"}}}";

    HttpResponse<String> byLea = rest("lea").postJson("/engine-rest/process-definition/key/record-case-event/submit-form", withdrawal);
    HttpResponse<String> byMara = rest("mara").postJson("/engine-rest/process-definition/key/record-case-event/submit-form", withdrawal);

    assertThat(byLea.statusCode()).isEqualTo(400);
    assertThat(byLea.body()).contains("there is no open case " + caseNumber + " that you may record events on");
    assertThat(byMara.statusCode()).as(byMara.body()).isEqualTo(200);
    runJobs(engine, instanceId);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .activityInstanceIdIn(instanceId).variableName("closureReason").singleResult().getValue()).isEqualTo("consent_withdrawn");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableName("withdrawals").singleResult().getValue().toString()).contains("\"recordedBy\":\"mara\"");
    // Only the closed case's retention runs on (R20).
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list())
        .extracting(i -> i.getProcessDefinitionId().split(":")[0]).containsExactly("case-retention");
  }

  @Test
  void referringSystemWithdrawsTheReferralThroughTheApi() throws IOException {
    String instanceId = json(rest("policeapi").postJson("/api/referrals", referral().toString())).path("processInstanceId").asText();
    String caseNumber = caseNumber(instanceId);
    String event = "{\"type\":\"referral_withdrawn\",\"reason\":\"Proceedings discontinued.\"}";

    assertThat(anonymous().postJson("/api/cases/" + caseNumber + "/events", event).statusCode()).isEqualTo(401);
    assertThat(rest("sam").postJson("/api/cases/" + caseNumber + "/events", event).statusCode()).isEqualTo(403);
    HttpResponse<String> notHisCase = rest("mara").postJson("/api/cases/" + caseNumber + "/events", event);
    assertThat(notHisCase.statusCode()).isEqualTo(400);
    assertThat(json(notHisCase).path("message").asText())
        .isEqualTo("Case number: there is no open case " + caseNumber + " that you may record events on");
    HttpResponse<String> unknownPerson = rest("policeapi").postJson("/api/cases/" + caseNumber + "/events",
        "{\"type\":\"consent_withdrawn\",\"personId\":\"V9\",\"reason\":\"x y z\"}");
    assertThat(json(unknownPerson).path("errors").get(0).path("field").asText()).isEqualTo("eventPersonId");
    HttpResponse<String> withdrawn = rest("policeapi").postJson("/api/cases/" + caseNumber + "/events", event);

    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(json(withdrawn).path("result").asText()).isEqualTo("case_closed");
    runJobs(engine, instanceId);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .activityInstanceIdIn(instanceId).variableName("closureReason").singleResult().getValue()).isEqualTo("referral_withdrawn");
    HttpResponse<String> again = rest("policeapi").postJson("/api/cases/" + caseNumber + "/events", event);
    assertThat(json(again).path("message").asText())
        .isEqualTo("Case number: there is no open case " + caseNumber + " that you may record events on");
  }

  /** A case referred by the API and assigned to Mara and Jonas, now contacting the offender. */
  private String caseInContact() throws IOException {
    String instanceId = json(rest("policeapi").postJson("/api/referrals", referral().toString())).path("processInstanceId").asText();
    runJobs(engine, instanceId);
    String assignTask = onlyTask(rest("clara"), instanceId, "Task_AssignMediators");
    rest("clara").postJson("/engine-rest/task/" + assignTask + "/claim", "{\"userId\":\"clara\"}");
    submit(rest("clara"), assignTask, "{\"leadMediator\":{\"value\":\"mara\"},\"coMediator\":{\"value\":\"jonas\"}}");
    runJobs(engine, instanceId);
    return instanceId;
  }

  /** The mediator's own task of that kind, as the "My tasks" filter lists it. */
  private String mediatorTask(Http mediator, String taskDefinitionKey, String caseNumber) throws IOException {
    return mediatorTask(mediator, taskDefinitionKey, caseNumber, null);
  }

  private String mediatorTask(Http mediator, String taskDefinitionKey, String caseNumber, String personId) throws IOException {
    return org.vomcase.support.CaseApi.caseTask(mediator, taskDefinitionKey, caseNumber, personId);
  }

  private String caseNumber(String instanceId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey();
  }

  @Test
  void notEligibleReferralIsClosedAndTheReferrersNoticeIsRecordedOnce() throws IOException {
    ObjectNode referral = referral();
    referral.put("victimRefused", true);
    String instanceId = json(rest("policeapi").postJson("/api/referrals", referral.toString())).path("processInstanceId").asText();

    runJobs(engine, instanceId);

    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .activityInstanceIdIn(instanceId).variableName("closureReason").singleResult().getValue()).isEqualTo("not_eligible");
    List<Map<String, Object>> messages = jdbc.queryForList(
        "SELECT message, recipient_role, channel, status, content FROM vom_message WHERE process_instance_id = ?", instanceId);
    assertThat(messages).singleElement().satisfies(m -> {
      assertThat(m.get("MESSAGE")).isEqualTo("referral-not-eligible");
      assertThat(m.get("RECIPIENT_ROLE")).isEqualTo("referrer");
      assertThat(m.get("CHANNEL")).isEqualTo("email");
      assertThat(m.get("CONTENT").toString()).contains("The victim has expressly refused mediation");
    });
  }

  @Test
  void theSameMessageSentTwiceIsRecordedOnce() {
    OutgoingMessage message = new OutgoingMessage("it-idempotency-" + System.nanoTime(), "VOM-2026-99999", "pi-1",
        "mandate-reminder", "coordinators", Map.of("caseNumber", "VOM-2026-99999"),
        List.of(new org.vomcase.notification.Recipient("clara", "Clara", null, null, "en")));

    assertThat(notifications.send(message)).isTrue();
    assertThat(notifications.send(message)).isFalse();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vom_message WHERE idempotency_key = ?", Integer.class,
        message.idempotencyKey() + "|clara")).isEqualTo(1);
  }

  @Test
  void coordinatorRegistersAReferralWithTheTasklistStartForm() throws IOException {
    HttpResponse<String> form = rest("clara").get("/engine-rest/process-definition/key/vom-case/deployed-start-form");
    assertThat(json(form).path("id").asText()).isEqualTo("referral");

    HttpResponse<String> started = rest("clara").postJson("/engine-rest/process-definition/key/vom-case/submit-form",
        startFormSubmission(referral()).toString());

    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String businessKey = json(started).path("businessKey").asText();
    assertThat(businessKey).matches("VOM-\\d{4}-\\d{5}");
    String instanceId = json(started).path("id").asText();
    assertThat(engine.getRuntimeService().getVariable(instanceId, "referredBy")).isEqualTo("clara");
    assertThat(engine.getRuntimeService().getVariable(instanceId, "victims").toString()).contains("\"personId\":\"V1\"");
  }

  @Test
  void invalidStartFormIsRefusedWithTheFieldAndCreatesNothing() {
    ObjectNode referral = referral();
    ((ObjectNode) referral.path("offenders").get(0)).put("dateOfBirth", "2999-01-01");
    long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery().count();

    HttpResponse<String> refused = rest("clara").postJson("/engine-rest/process-definition/key/vom-case/submit-form",
        startFormSubmission(referral).toString());

    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode error = json(refused).path("errors").get(0);
    assertThat(error.path("field").asText()).as("the field as the form names it").isEqualTo("offender1.dateOfBirth");
    assertThat(error.path("label").asText()).isEqualTo("Offender 1 – Date of birth");
    assertThat(error.path("message").asText()).isEqualTo("must not be in the future");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  /**
   * The variables as Tasklist submits the referral form: scalars by value, each person as the form's group
   * ({@code victim1}, {@code offender2}, ...) in Json, with the switches that show the second and third person.
   */
  private static ObjectNode startFormSubmission(ObjectNode referral) {
    ObjectNode variables = JSON.createObjectNode();
    referral.fields().forEachRemaining(field -> {
      if (field.getValue().isArray()) {
        String role = field.getKey().substring(0, field.getKey().length() - 1);
        for (int i = 0; i < field.getValue().size(); i++) {
          variables.putObject(role + (i + 1)).put("type", "Json").put("value", field.getValue().get(i).toString());
          if (i > 0) {
            variables.putObject("has" + Character.toUpperCase(role.charAt(0)) + role.substring(1) + (i + 1)).put("value", true);
          }
        }
      } else {
        variables.putObject(field.getKey()).set("value", field.getValue());
      }
    });
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return body;
  }

  /** Runs the due jobs of the case and of the processes it called, as the job executor would. */

}
