package org.vomcase.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vomcase.support.CaseApi.MEETING;
import static org.vomcase.support.CaseApi.assign;
import static org.vomcase.support.CaseApi.caseNumber;
import static org.vomcase.support.CaseApi.jsonVariable;
import static org.vomcase.support.CaseApi.moveClockTo;
import static org.vomcase.support.CaseApi.runCaseJobs;
import static org.vomcase.support.CaseApi.caseTask;
import static org.vomcase.support.CaseApi.json;
import static org.vomcase.support.CaseApi.onlyTask;
import static org.vomcase.support.CaseApi.referral;
import static org.vomcase.support.CaseApi.runJobs;
import static org.vomcase.support.CaseApi.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.Http;
import org.vomcase.support.MailServer;
import org.vomcase.support.PdfText;

/**
 * Cases with more than one victim or more than one offender, over HTTP as the referring system, the coordinator and the
 * mediator work them (issue 17): each offender's agreement stands on its own. An offender who does not sign leaves the
 * others' agreement standing; a party who withdraws after the agreement ends only their own part; a person who withdraws
 * while the session is arranged gets the calendar cancellation alone. Reports, monitoring, follow-up, closure note and
 * the TOA export say what happened to each person.
 */
class MultiPartyCaseIT extends AbstractApplicationIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired JdbcTemplate jdbc;

  /**
   * Two offenders, one victim: Olaf Brenner owes the victim 200.00 in two instalments, Otto Kessler ten hours of work.
   * Otto does not sign. Olaf's agreement stands: the referrer gets one report per accused (Olaf's with the agreement,
   * Otto's saying he did not sign, neither naming the other), only Olaf's instalments are monitored, the copy and the
   * follow-up reach the victim and Olaf only, and once both instalments are paid the case closes as fulfilled, its
   * closure note saying that Otto did not sign. The TOA export counts Olaf's settlement as full and Otto's as none
   * (agreement not signed).
   */
  @Test
  void twoOffendersOneDoesNotSignTheOthersAgreementIsMonitoredToTheEnd() throws Exception {
    String victim = "vera.lindqvist.mp@example.org";
    String olaf = "olaf.brenner.mp@example.org";
    String otto = "otto.kessler.mp@example.org";
    ObjectNode referral = referral();
    referral.put("referrerReference", "PI-M 1717/99");
    ArrayNode victims = referral.putArray("victims");
    victims.addObject().put("name", "Vera Lindqvist").put("dateOfBirth", "1980-04-02").put("preferredLanguage", "de")
        .put("email", victim);
    ArrayNode offenders = referral.putArray("offenders");
    offenders.addObject().put("name", "Olaf Brenner").put("dateOfBirth", "1990-01-15").put("preferredLanguage", "de")
        .put("phone", "+49 30 1110001").put("email", olaf).put("interpreterNeeded", false);
    offenders.addObject().put("name", "Otto Kessler").put("dateOfBirth", "1992-06-30").put("preferredLanguage", "de")
        .put("phone", "+49 30 1110002").put("email", otto).put("interpreterNeeded", false);
    String instanceId = caseAtTheSessionOutcome(referral, List.of("V1"), List.of("O1", "O2"));
    String caseNumber = caseNumber(engine, instanceId);
    Http mara = rest("mara");
    try {
      moveClockTo("2099-05-20T18:00:00");
      submit(mara, caseTask(mara, "Task_RecordAgreement", caseNumber, null), "{\"item1\":" + jsonVariable("{\"kind\":\"payment\","
          + "\"offender\":\"O1\",\"creditor\":\"V1\",\"amount\":200,\"instalments\":2,\"dueDate\":\"2099-06-01\",\"status\":\"open\"}")
          + ",\"item2\":" + jsonVariable("{\"kind\":\"work_for_victim\",\"offender\":\"O2\",\"creditor\":\"V1\",\"hours\":10,"
          + "\"description\":\"Repairing the bicycles\",\"dueDate\":\"2099-06-15\",\"status\":\"open\"}") + "}");
      runJobs(engine, instanceId);

      // Otto does not sign: Olaf's agreement with the victim stands, Otto's item is dropped and his part ends.
      submit(mara, caseTask(mara, "Task_RecordSignatures", caseNumber, null), "{\"signatureOutcome\":{\"value\":\"some_signed\"},"
          + "\"signedBy\":" + jsonVariable("[\"V1\",\"O1\"]") + ",\"shareConsentBy\":" + jsonVariable("[\"V1\",\"O1\"]")
          + ",\"notSignedReason\":{\"value\":\"Otto Kessler left before signing and does not want to sign.\"}}");
      runJobs(engine, instanceId);
      JsonNode partsEnded = variableAsJson(instanceId, "partsEnded");
      assertThat(partsEnded).hasSize(1);
      assertThat(partsEnded.get(0).path("personId").asText()).isEqualTo("O2");
      assertThat(partsEnded.get(0).path("reason").asText()).isEqualTo("not_signed");
      // The mediator's overview shows O2's part ended, and only O1's agreement.
      JsonNode overview = json(mara.get("/vom/cases/" + caseNumber));
      JsonNode ottoSeen = null;
      for (JsonNode person : overview.path("persons")) {
        if ("O2".equals(person.path("id").asText())) {
          ottoSeen = person;
        }
      }
      assertThat(ottoSeen).isNotNull();
      assertThat(ottoSeen.path("state").asText()).isEqualTo("did not sign");
      assertThat(ottoSeen.path("partEnded").asText()).isEqualTo("did not sign the agreement");
      assertThat(overview.path("agreement").findValuesAsText("personId")).containsExactly("O1");

      // The agreement as it stands goes to the remaining parties only, and names only them.
      assertThat(jdbc.queryForList("SELECT recipient_address FROM vom_message WHERE case_number = ? AND message = 'agreement-copy'",
          String.class, caseNumber)).containsExactlyInAnyOrder(victim, olaf);
      MimeMessage copy = MailServer.mailsTo(caseNumber, "agreement-copy", victim).get(0);
      assertThat(PdfText.of(MailServer.attachment(copy, "agreement-" + caseNumber + ".pdf")))
          .contains("Vera Lindqvist", "Olaf Brenner", "200.00 EUR").doesNotContain("Otto Kessler");

      // One report per accused: Olaf's with his agreement, Otto's saying he did not sign; neither names the other.
      Map<String, Map<String, Object>> reports = agreementReports(caseNumber);
      assertThat(reports).containsOnlyKeys("O1", "O2");
      assertThat(reports.get("O1").get("BODY").toString()).contains("Olaf Brenner")
          .contains("Die Beteiligten haben eine schriftliche Vereinbarung geschlossen.").doesNotContain("Otto Kessler");
      assertThat(reports.get("O2").get("BODY").toString())
          .contains("Otto Kessler hat die Vereinbarung nicht unterschrieben; die Vereinbarung der anderen gilt ohne diese Person.")
          .doesNotContain("Olaf Brenner").doesNotContain("schriftliche Vereinbarung geschlossen");
      assertThat(reports.values()).allSatisfy(report -> assertThat(report.get("RECIPIENT_ADDRESS"))
          .isEqualTo("toa@polizei-mitte.example"));

      // Only Olaf's two instalments are monitored.
      assertThat(monitoredObligations(caseNumber)).containsExactlyInAnyOrder("I1-1", "I1-2");

      // Both instalments are paid on time.
      moveClockTo("2099-06-01T10:00:00");
      runJobs(engine, instanceId);
      submit(mara, caseTask(mara, "Task_CheckFulfilment", caseNumber, null), FULFILLED);
      runJobs(engine, instanceId);
      moveClockTo("2099-07-01T10:00:00");
      runJobs(engine, instanceId);
      submit(mara, caseTask(mara, "Task_CheckFulfilment", caseNumber, null), FULFILLED);
      runJobs(engine, instanceId);

      // The follow-up: the victim and Olaf, not Otto.
      moveClockTo("2099-10-02T10:00:00");
      runJobs(engine, instanceId);
      Map<String, String> conversations = followUpConversations(caseNumber);
      assertThat(conversations).containsOnlyKeys("V1", "O1");
      assertThat(jdbc.queryForList("SELECT recipient_address FROM vom_message WHERE case_number = ?"
          + " AND message = 'follow-up-invitation'", String.class, caseNumber)).containsExactlyInAnyOrder(victim, olaf);
      conversations.values().forEach(task -> submit(mara, task, "{\"followUpOutcome\":{\"value\":\"declined\"}}"));
      runCaseJobs(engine, caseNumber);

      // Closed once, as fulfilled; the closure note says what happened to Otto.
      assertThat(closedOnceAt(instanceId, caseNumber)).isEqualTo("EndEvent_AgreementFulfilled");
      assertThat(closureNote(instanceId)).contains("Otto Kessler").contains("did not sign");

      // The TOA export: one line per offender.
      Map<String, Map<String, String>> lines = toaLines(caseNumber, "2099-01-01", "2099-12-31");
      assertThat(lines).containsOnlyKeys("1", "2");
      assertThat(lines.get("1")).containsEntry("outcome", "full").containsEntry("outcome_reason", "agreement_fulfilled");
      assertThat(lines.get("2")).containsEntry("outcome", "none").containsEntry("outcome_reason", "agreement_not_signed");
      assertThat(figuresDetails(caseNumber)).contains("\"part\":\"not_signed\"");
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * Two victims, one offender: Jakob Rautenberg pays each victim in two instalments and everyone signs. After the first
   * instalments are paid, the second victim, Hanna Wellbrock, withdraws her consent. The case goes on: only her part
   * ends (her unpaid instalment stops and is never checked), the mediators are told, the victim and the offender who
   * remain are told their agreement goes on; the first victim's second instalment is checked, and the case closes once
   * as fulfilled, its closure note naming Hanna's withdrawal.
   */
  @Test
  void aVictimWhoWithdrawsAfterSigningEndsOnlyTheirPart() throws Exception {
    String greta = "greta.sommerfeld.mp@example.org";
    String hanna = "hanna.wellbrock.mp@example.org";
    String jakob = "jakob.rautenberg.mp@example.org";
    ObjectNode referral = twoVictimsOneOffender("Greta Sommerfeld", greta, "Hanna Wellbrock", hanna, "Jakob Rautenberg", jakob);
    String instanceId = caseAtTheSessionOutcome(referral, List.of("V1", "V2"), List.of("O1"));
    String caseNumber = caseNumber(engine, instanceId);
    Http mara = rest("mara");
    try {
      moveClockTo("2099-05-20T18:00:00");
      submit(mara, caseTask(mara, "Task_RecordAgreement", caseNumber, null), "{\"item1\":" + jsonVariable("{\"kind\":\"payment\","
          + "\"offender\":\"O1\",\"creditor\":\"V1\",\"amount\":200,\"instalments\":2,\"dueDate\":\"2099-06-01\",\"status\":\"open\"}")
          + ",\"item2\":" + jsonVariable("{\"kind\":\"payment\",\"offender\":\"O1\",\"creditor\":\"V2\",\"amount\":100,"
          + "\"instalments\":2,\"dueDate\":\"2099-06-01\",\"status\":\"open\"}") + "}");
      runJobs(engine, instanceId);
      submit(mara, caseTask(mara, "Task_RecordSignatures", caseNumber, null), "{\"signatureOutcome\":{\"value\":\"all_signed\"},"
          + "\"signedBy\":" + jsonVariable("[\"V1\",\"V2\",\"O1\"]") + ",\"shareConsentBy\":" + jsonVariable("[\"V1\",\"V2\",\"O1\"]") + "}");
      runJobs(engine, instanceId);
      assertThat(monitoredObligations(caseNumber)).containsExactlyInAnyOrder("I1-1", "I1-2", "I2-1", "I2-2");

      // The first instalments of both victims are paid.
      moveClockTo("2099-06-01T10:00:00");
      runJobs(engine, instanceId);
      List<Task> firstChecks = checks(caseNumber);
      assertThat(firstChecks).extracting(this::obligationOf).containsExactlyInAnyOrder("I1-1", "I2-1");
      firstChecks.forEach(check -> submit(mara, check.getId(), FULFILLED));
      runJobs(engine, instanceId);

      // Hanna withdraws: the case goes on for Greta and Jakob.
      List<String> toHannaBefore = messagesTo(caseNumber, hanna);
      HttpResponse<String> withdrawn = rest("clara").postJson("/api/cases/" + caseNumber + "/events",
          "{\"type\":\"consent_withdrawn\",\"personId\":\"V2\",\"reason\":\"She has moved abroad and wants no more contact.\"}");
      assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
      assertThat(json(withdrawn).path("result").asText()).isEqualTo("case_continues");
      runJobs(engine, instanceId);

      JsonNode partsEnded = variableAsJson(instanceId, "partsEnded");
      assertThat(partsEnded).hasSize(1);
      assertThat(partsEnded.get(0).path("personId").asText()).isEqualTo("V2");
      assertThat(partsEnded.get(0).path("reason").asText()).isEqualTo("withdrew_after_agreement");
      assertThat(partsEnded.get(0).path("itemsEnded").toString()).isEqualTo("[\"I2-2\"]");
      // Her unpaid instalment stopped where it stood; the paid one stays as it was.
      HistoricProcessInstance stopped = monitoring(caseNumber, "I2-2");
      assertThat(stopped.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
      assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(stopped.getId())
          .activityId("EndEvent_ItemStopped").finished().count()).isEqualTo(1);
      assertThat(monitoring(caseNumber, "I2-1").getEndActivityId()).isEqualTo("EndEvent_ItemFulfilled");
      assertThat(monitoring(caseNumber, "I1-2").getEndTime()).as("Greta's second instalment is still monitored").isNull();
      // The overview shows Hanna's unpaid instalment stopped, not due, and no longer owed.
      List<String> instalments = new ArrayList<>();
      json(mara.get("/vom/cases/" + caseNumber)).path("agreement").forEach(person -> person.path("items").forEach(item ->
          item.path("instalments").forEach(part -> instalments.add(part.path("id").asText() + "=" + part.path("state").asText()))));
      assertThat(instalments).contains("I2-1=fulfilled", "I2-2=stopped").doesNotContain("I2-2=due", "I2-2=upcoming");

      // The mediators are told of the withdrawal; Jakob, who owed Hanna the payment, that his agreement goes on; Greta,
      // who shared no item with Hanna, is not told about her; Hanna gets neither.
      assertThat(jdbc.queryForList("SELECT recipient_role FROM vom_message WHERE case_number = ? AND message = 'consent-withdrawn'",
          String.class, caseNumber)).isNotEmpty().containsOnly("mediator");
      List<Map<String, Object>> goesOn = jdbc.queryForList("SELECT recipient_address, recipient_role, body FROM vom_message"
          + " WHERE case_number = ? AND message = 'agreement-goes-on'", caseNumber);
      assertThat(goesOn).extracting(m -> m.get("RECIPIENT_ADDRESS")).containsExactly(jakob);
      assertThat(goesOn).extracting(m -> m.get("RECIPIENT_ROLE")).containsOnly("counterparts");
      assertThat(goesOn).allSatisfy(m -> assertThat(m.get("BODY").toString()).contains("Hanna Wellbrock"));

      // Greta's second instalment is checked; Hanna's is not.
      moveClockTo("2099-07-01T10:00:00");
      runJobs(engine, instanceId);
      List<Task> secondChecks = checks(caseNumber);
      assertThat(secondChecks).extracting(this::obligationOf).containsExactly("I1-2");
      submit(mara, secondChecks.get(0).getId(), FULFILLED);
      runJobs(engine, instanceId);

      // Follow-up with Greta and Jakob; the case closes once, as fulfilled, the note naming Hanna's withdrawal.
      moveClockTo("2099-10-02T10:00:00");
      runJobs(engine, instanceId);
      Map<String, String> conversations = followUpConversations(caseNumber);
      assertThat(conversations).containsOnlyKeys("V1", "O1");
      conversations.values().forEach(task -> submit(mara, task, "{\"followUpOutcome\":{\"value\":\"declined\"}}"));
      runCaseJobs(engine, caseNumber);
      assertThat(checks(caseNumber)).isEmpty();
      assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber)
          .taskDefinitionKey("Task_CheckFulfilment").list()).extracting(task -> engine.getHistoryService()
              .createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId()).variableName("obligationId")
              .singleResult().getValue()).containsExactlyInAnyOrder("I1-1", "I2-1", "I1-2");
      assertThat(messagesTo(caseNumber, hanna)).as("nothing more went to Hanna after her withdrawal")
          .containsExactlyInAnyOrderElementsOf(toHannaBefore);
      assertThat(closedOnceAt(instanceId, caseNumber)).isEqualTo("EndEvent_AgreementFulfilled");
      assertThat(closureNote(instanceId)).contains("Hanna Wellbrock").contains("withdrew consent after the agreement")
          .contains("I2-2");
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * Two victims, one offender, a direct session scheduled and everyone invited. The second victim, Lotte Fahrenkamp,
   * withdraws before the session: she alone gets the session's cancellation, whose calendar file removes the entry she
   * was invited to (METHOD:CANCEL, the same UID); the first victim and the offender keep their invitation, get no
   * cancellation, and are the only ones reminded of the session.
   */
  @Test
  void aPersonWhoWithdrawsAfterTheInvitationGetsTheCalendarCancellationAlone() throws Exception {
    String ilse = "ilse.marquardt.mp@example.org";
    String lotte = "lotte.fahrenkamp.mp@example.org";
    String moritz = "moritz.quendt.mp@example.org";
    ObjectNode referral = twoVictimsOneOffender("Ilse Marquardt", ilse, "Lotte Fahrenkamp", lotte, "Moritz Quendt", moritz);
    String instanceId = scheduledCase(referral, List.of("V1", "V2"), List.of("O1"));
    String caseNumber = caseNumber(engine, instanceId);
    assertThat(jdbc.queryForList("SELECT recipient_address FROM vom_message WHERE case_number = ? AND message = 'session-invitation'",
        String.class, caseNumber)).containsExactlyInAnyOrder(ilse, lotte, moritz);

    HttpResponse<String> withdrawn = rest("clara").postJson("/api/cases/" + caseNumber + "/events",
        "{\"type\":\"consent_withdrawn\",\"personId\":\"V2\",\"reason\":\"She no longer wants to meet the offender.\"}");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(json(withdrawn).path("result").asText()).isEqualTo("case_continues");
    runJobs(engine, instanceId);

    List<Map<String, Object>> cancellations = jdbc.queryForList("SELECT recipient_role, recipient_address, channel FROM vom_message"
        + " WHERE case_number = ? AND message = 'session-cancellation'", caseNumber);
    assertThat(cancellations).singleElement().satisfies(row -> {
      assertThat(row.get("RECIPIENT_ROLE")).isEqualTo("withdrawn_person");
      assertThat(row.get("RECIPIENT_ADDRESS")).isEqualTo(lotte);
      assertThat(row.get("CHANNEL")).isEqualTo("email");
    });
    assertThat(MailServer.mailsOf(caseNumber)).filteredOn(m -> "session-cancellation".equals(MailServer.header(m, "X-VOM-Message")))
        .hasSize(1);
    MimeMessage cancellation = MailServer.mailsTo(caseNumber, "session-cancellation", lotte).get(0);
    String ics = new String(MailServer.attachment(cancellation, "session.ics"), StandardCharsets.UTF_8);
    assertThat(ics).contains("METHOD:CANCEL", "STATUS:CANCELLED");
    String invitation = new String(MailServer.attachment(MailServer.mailsTo(caseNumber, "session-invitation", lotte).get(0),
        "session.ics"), StandardCharsets.UTF_8);
    assertThat(uid(ics)).as("the entry she was invited to").isEqualTo(uid(invitation));
    for (String stays : List.of(ilse, moritz)) {
      assertThat(MailServer.mailsTo(caseNumber, "session-cancellation", stays)).as(stays).isEmpty();
    }

    // The session stands for the others: still open to change, its time still waits; the reminder goes to them only.
    assertThat(caseTask(rest("mara"), "Task_ChangeSession", caseNumber, null)).isNotBlank();
    String session = sessionOf(instanceId);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(session).activityId("Event_SessionTime").count())
        .isEqualTo(1);
    fireTimer(instanceId, "Event_SessionReminderDue");
    runJobs(engine, instanceId);
    assertThat(jdbc.queryForList("SELECT recipient_address FROM vom_message WHERE case_number = ? AND message = 'session-reminder'",
        String.class, caseNumber)).containsExactlyInAnyOrder(ilse, moritz);
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** A check of an instalment: paid, the victim confirmed it. */
  private static final String FULFILLED = "{\"fulfilment\":{\"value\":\"fulfilled\"},"
      + "\"fulfilmentConfirmation\":{\"value\":\"victim_confirmed\"}}";

  /** A referral of two adult victims and one adult offender, all German-speaking with email. */
  /**
   * The only victim withdraws after everyone was invited to the session: the case closes, and everyone invited gets the
   * session's cancellation, which removes it from their calendar (the offender would otherwise come to a session that
   * will not take place); the victim's says they take no further part.
   */
  @Test
  void whenTheLastVictimWithdrawsEveryoneInvitedGetsTheCancellation() throws Exception {
    String nora = "nora.blumenthal.mp@example.org";
    String paul = "paul.grabowski.mp@example.org";
    ObjectNode referral = referral();
    ArrayNode victims = referral.putArray("victims");
    victims.addObject().put("name", "Nora Blumenthal").put("dateOfBirth", "1979-05-02").put("preferredLanguage", "en")
        .put("email", nora);
    ArrayNode offenders = referral.putArray("offenders");
    offenders.addObject().put("name", "Paul Grabowski").put("dateOfBirth", "1990-07-07").put("preferredLanguage", "de")
        .put("phone", "+49 30 2220002").put("email", paul).put("interpreterNeeded", false);
    String instanceId = scheduledCase(referral, List.of("V1"), List.of("O1"));
    String caseNumber = caseNumber(engine, instanceId);

    HttpResponse<String> withdrawn = rest("clara").postJson("/api/cases/" + caseNumber + "/events",
        "{\"type\":\"consent_withdrawn\",\"personId\":\"V1\",\"reason\":\"She does not want to meet him after all.\"}");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(json(withdrawn).path("result").asText()).isEqualTo("case_closed");
    runCaseJobs(engine, caseNumber);

    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instanceId)
        .activityId("EndEvent_ConsentWithdrawn").finished().count()).as("closed as consent withdrawn").isEqualTo(1);
    assertThat(jdbc.queryForList("SELECT recipient_role, recipient_address FROM vom_message WHERE case_number = ? AND message ="
        + " 'session-cancellation'", caseNumber)).extracting(row -> row.get("RECIPIENT_ROLE") + ":" + row.get("RECIPIENT_ADDRESS"))
        .containsExactlyInAnyOrder("invited_person:" + nora, "invited_person:" + paul);
    for (String invited : List.of(nora, paul)) {
      MimeMessage cancellation = MailServer.mailsTo(caseNumber, "session-cancellation", invited).get(0);
      String ics = new String(MailServer.attachment(cancellation, "session.ics"), StandardCharsets.UTF_8);
      String invitation = new String(MailServer.attachment(MailServer.mailsTo(caseNumber, "session-invitation", invited).get(0),
          "session.ics"), StandardCharsets.UTF_8);
      assertThat(ics).as(invited).contains("METHOD:CANCEL", "STATUS:CANCELLED");
      assertThat(uid(ics)).as(invited).isEqualTo(uid(invitation));
    }
    assertThat(jdbc.queryForObject("SELECT CAST(body AS VARCHAR(20000)) FROM vom_message WHERE case_number = ? AND message ="
        + " 'session-cancellation' AND recipient_address = ?", String.class, caseNumber, nora))
        .contains("You have withdrawn from the mediation");
  }

  private static ObjectNode twoVictimsOneOffender(String firstVictim, String firstEmail, String secondVictim,
      String secondEmail, String offender, String offenderEmail) {
    ObjectNode referral = referral();
    ArrayNode victims = referral.putArray("victims");
    victims.addObject().put("name", firstVictim).put("dateOfBirth", "1975-03-12").put("preferredLanguage", "de")
        .put("email", firstEmail);
    victims.addObject().put("name", secondVictim).put("dateOfBirth", "1983-09-08").put("preferredLanguage", "de")
        .put("email", secondEmail);
    ArrayNode offenders = referral.putArray("offenders");
    offenders.addObject().put("name", offender).put("dateOfBirth", "1991-02-20").put("preferredLanguage", "de")
        .put("phone", "+49 30 2220001").put("email", offenderEmail).put("interpreterNeeded", false);
    return referral;
  }

  /**
   * The referral sent by the referring system and assigned to Mara; everyone agrees (the offenders first, property
   * damage), each is prepared (the victims choose a direct meeting), the case is found suitable and a direct session
   * with everyone is scheduled for 20 May 2099, 14:30: the invitations are out and "Change the session if needed" waits.
   */
  private String scheduledCase(ObjectNode referral, List<String> victims, List<String> offenders) throws IOException {
    HttpResponse<String> referred = rest("policeapi").postJson("/api/referrals", referral.toString());
    assertThat(referred.statusCode()).as(referred.body()).isEqualTo(201);
    String instanceId = json(referred).path("processInstanceId").asText();
    runJobs(engine, instanceId);
    assign(engine, rest("clara"), instanceId, "mara", null);
    String caseNumber = caseNumber(engine, instanceId);
    Http mara = rest("mara");
    for (int round = 0; round < 4; round++) {
      JsonNode calls = json(mara.get("/engine-rest/task?taskDefinitionKey=Task_CallForConsent&processInstanceBusinessKey="
          + caseNumber));
      for (JsonNode call : calls) {
        submit(mara, call.path("id").asText(), "{\"callOutcome\":{\"value\":\"agrees\"}}");
      }
      runJobs(engine, instanceId);
    }
    assertThat(json(mara.get("/engine-rest/task?taskDefinitionKey=Task_HoldPreparationMeeting&processInstanceBusinessKey="
        + caseNumber))).as("a preparation meeting with each person").hasSize(victims.size() + offenders.size());
    for (String offender : offenders) {
      submit(mara, caseTask(mara, "Task_HoldPreparationMeeting", caseNumber, offender), "{" + MEETING + "}");
    }
    for (String victim : victims) {
      submit(mara, caseTask(mara, "Task_HoldPreparationMeeting", caseNumber, victim), "{" + MEETING
          + ",\"meetingType\":{\"value\":\"direct\"},\"preferredPlace\":{\"value\":\"Community centre\"},"
          + "\"firstSpeaker\":{\"value\":\"victim\"}}");
    }
    submit(mara, onlyTask(mara, instanceId, "Task_DecideSuitability"), "{\"suitability\":{\"value\":\"suitable\"}}");
    runJobs(engine, instanceId);
    List<String> attendees = new ArrayList<>(victims);
    attendees.addAll(offenders);
    submit(mara, caseTask(mara, "Task_ScheduleSession", caseNumber, null), "{\"meetingType\":{\"value\":\"direct\"},"
        + "\"sessionDate\":{\"value\":\"2099-05-20\"},\"sessionTime\":{\"value\":\"14:30\"},"
        + "\"sessionPlace\":{\"value\":\"Community centre\"},\"sessionAttendeeIds\":"
        + jsonVariable(JSON.valueToTree(attendees).toString()) + "}");
    runJobs(engine, instanceId);
    return instanceId;
  }

  /** {@link #scheduledCase}, everyone reminded, the session held with everyone and ended in an agreement. */
  private String caseAtTheSessionOutcome(ObjectNode referral, List<String> victims, List<String> offenders) throws IOException {
    String instanceId = scheduledCase(referral, victims, offenders);
    fireTimer(instanceId, "Event_SessionReminderDue");
    runJobs(engine, instanceId);
    fireTimer(instanceId, "Event_SessionTime");
    runJobs(engine, instanceId);
    Http mara = rest("mara");
    submit(mara, caseTask(mara, "Task_RecordSessionOutcome", caseNumber(engine, instanceId), null),
        "{\"sessionHeld\":{\"value\":\"held\"},\"sessionOutcome\":{\"value\":\"agreement\"}}");
    runJobs(engine, instanceId);
    return instanceId;
  }

  /** The case's running mediation session. */
  private String sessionOf(String instanceId) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instanceId)
        .processDefinitionKey("mediation-session").singleResult().getId();
  }

  /** Fires a timer of the case's session now, as the job executor would at its due date. */
  private void fireTimer(String instanceId, String activityId) {
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(sessionOf(instanceId))
        .activityId(activityId).singleResult().getId());
  }

  /** The referrer's reports on the agreement, by the accused they are about (accusedId): body and address. */
  private Map<String, Map<String, Object>> agreementReports(String caseNumber) throws IOException {
    Map<String, Map<String, Object>> reports = new HashMap<>();
    for (Map<String, Object> row : jdbc.queryForList("SELECT content, body, recipient_address FROM vom_message"
        + " WHERE case_number = ? AND message = 'referrer-report' AND recipient_role = 'referrer'", caseNumber)) {
      JsonNode content = JSON.readTree(row.get("CONTENT").toString());
      if ("agreement".equals(content.path("report").asText())) {
        assertThat(reports.put(content.path("accusedId").asText(), row)).as("one agreement report per accused").isNull();
      }
    }
    return reports;
  }

  /** The kinds of the case's messages to this address. */
  private List<String> messagesTo(String caseNumber, String address) {
    return jdbc.queryForList("SELECT message FROM vom_message WHERE case_number = ? AND recipient_address = ?", String.class,
        caseNumber, address);
  }

  /** The obligation ids of every monitor-obligation the case started. */
  private List<String> monitoredObligations(String caseNumber) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey("monitor-obligation").list().stream().map(instance -> obligationOf(instance.getId())).toList();
  }

  /** The case's monitor-obligation of that obligation (item or instalment). */
  private HistoricProcessInstance monitoring(String caseNumber, String obligationId) {
    List<HistoricProcessInstance> found = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).processDefinitionKey("monitor-obligation").list().stream()
        .filter(instance -> obligationId.equals(obligationOf(instance.getId()))).toList();
    assertThat(found).as("monitoring of " + obligationId).hasSize(1);
    return found.get(0);
  }

  private String obligationOf(String monitorInstanceId) {
    return (String) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(monitorInstanceId)
        .variableName("obligationId").singleResult().getValue();
  }

  private String obligationOf(Task check) {
    return obligationOf(check.getProcessInstanceId());
  }

  /** The open "Check that the item was fulfilled" tasks of the case. */
  private List<Task> checks(String caseNumber) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_CheckFulfilment").list();
  }

  /** The open follow-up conversations of the case: person id -> task id. */
  private Map<String, String> followUpConversations(String caseNumber) {
    Map<String, String> conversations = new LinkedHashMap<>();
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_FollowUpConversation").list()) {
      assertThat(conversations.put((String) engine.getTaskService().getVariableLocal(task.getId(), "personId"), task.getId()))
          .as("one conversation per person").isNull();
    }
    return conversations;
  }

  /** The end event the case closed at; it closed once (one closure reason, one retention). */
  private String closedOnceAt(String instanceId, String caseNumber) {
    HistoricProcessInstance theCase = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId)
        .singleResult();
    assertThat(theCase.getEndTime()).as("the case is closed").isNotNull();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .activityInstanceIdIn(instanceId).variableName("closureReason").list()).as("one closure reason of the case").hasSize(1);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey("case-retention").count()).isEqualTo(1);
    return theCase.getEndActivityId();
  }

  private String closureNote(String instanceId) {
    Object note = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .activityInstanceIdIn(instanceId).variableName("closureNote").singleResult().getValue();
    return String.valueOf(note);
  }

  /** The anonymous figures row of the closed case (its id derives from the case's retention instance). */
  private String figuresId(String caseNumber) {
    String retention = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey("case-retention").singleResult().getId();
    return UUID.nameUUIDFromBytes(retention.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private String figuresDetails(String caseNumber) {
    return jdbc.queryForObject("SELECT details FROM vom_case_figures WHERE id = ?", String.class, figuresId(caseNumber));
  }

  /** The case's lines of the TOA export (GET as the supervisor): offender number -> column -> value. */
  private Map<String, Map<String, String>> toaLines(String caseNumber, String from, String to) {
    HttpResponse<String> export = rest("sam").get("/vom/figures/toa-export.csv?from=" + from + "&to=" + to);
    assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
    String[] rows = export.body().split("\r\n");
    List<String> header = List.of(rows[0].split(";", -1));
    String key = figuresId(caseNumber).substring(0, 8);
    Map<String, Map<String, String>> lines = new LinkedHashMap<>();
    for (int i = 1; i < rows.length; i++) {
      String[] cells = rows[i].split(";", -1);
      if (!key.equals(cells[header.indexOf("case")])) {
        continue;
      }
      Map<String, String> line = new LinkedHashMap<>();
      for (int c = 0; c < header.size() && c < cells.length; c++) {
        line.put(header.get(c), cells[c]);
      }
      lines.put(line.get("offender"), line);
    }
    return lines;
  }

  /** A running case's variable holding JSON (a list or object), parsed. */
  private JsonNode variableAsJson(String instanceId, String name) throws IOException {
    Object value = engine.getRuntimeService().getVariable(instanceId, name);
    assertThat(value).as(name).isNotNull();
    return JSON.readTree(value.toString());
  }

  /** The UID of the calendar file's event (folded lines unfolded). */
  private static String uid(String ics) {
    Matcher uid = Pattern.compile("(?m)^UID:(.*)$").matcher(ics.replace("\r\n ", "").replace("\n ", ""));
    assertThat(uid.find()).as("UID in " + ics).isTrue();
    return uid.group(1).trim();
  }
}
