package org.vomcase.confidential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vomcase.support.CaseApi.caseTask;
import static org.vomcase.support.CaseApi.json;
import static org.vomcase.support.CaseApi.onlyTask;
import static org.vomcase.support.CaseApi.referral;
import static org.vomcase.support.CaseApi.runJobs;
import static org.vomcase.support.CaseApi.submit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.DatabaseScan;
import org.vomcase.support.Http;
import org.vomcase.support.MailServer;

/**
 * Every confidential field is written with a unique marker through its own form (the referral API, the
 * referral form, the preparation meeting, the session outcome) and through every other route a caller
 * could try (variable routes of tasks, instances and executions, comments, attachments, message
 * correlation, a start with variables, another task's form, completion without a form). Afterwards the
 * database, the mails sent and the application's log are scanned: each marker the forms wrote is in
 * {@code vom_confidential_note.text} and nowhere else, and no marker of another route is anywhere.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfidentialMarkersIT extends AbstractApplicationIT {

  private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @Autowired private JdbcTemplate jdbc;

  @Test
  void confidentialFieldsAreInTheConfidentialNotesAndNowhereElse(CapturedOutput log) throws Exception {
    Map<ConfidentialField, String> kept = new EnumMap<>(ConfidentialField.class);
    List<String> refused = new ArrayList<>();

    // The police file through the referral API, and through the Tasklist referral form.
    kept.put(ConfidentialField.POLICE_FILE, marker("police-api"));
    ObjectNode referral = referral();
    referral.put(ConfidentialField.POLICE_FILE.variable(), kept.get(ConfidentialField.POLICE_FILE));
    String instanceId = json(rest("clara").postJson("/api/referrals", referral.toString())).path("processInstanceId").asText();
    String formMarker = marker("police-form");
    HttpResponse<String> byForm = rest("clara").postJson("/engine-rest/process-definition/key/vom-case/submit-form",
        "{\"variables\":" + formVariables(referral, formMarker) + "}");
    assertThat(byForm.statusCode()).as(byForm.body()).isEqualTo(200);
    runJobs(engine, instanceId);
    String caseNumber = org.vomcase.support.CaseApi.caseNumber(engine, instanceId);
    org.vomcase.support.CaseApi.assign(engine, rest("clara"), instanceId, "mara", null);
    Http mara = rest("mara");
    String call = caseTask(mara, "Task_CallForConsent", caseNumber, null);

    // Every other route, with every confidential field, as the case's mediator, a coordinator and an administrator.
    for (ConfidentialField field : ConfidentialField.values()) {
      for (String user : List.of("mara", "clara", "admin")) {
        String value = marker("route-" + field.variable() + "-" + user);
        refused.add(value);
        attackWith(rest(user), field.variable(), value, call, instanceId, caseNumber);
      }
    }

    // Mara works the case with her forms: the preparation meeting's notes and safety concerns, the session's notes.
    org.vomcase.support.CaseApi.everyoneConsents(engine, mara, instanceId);
    String meeting = org.vomcase.support.CaseApi.MEETING;
    kept.put(ConfidentialField.PREPARATION_NOTES, marker("meeting"));
    kept.put(ConfidentialField.SAFETY_CONCERNS, marker("safety"));
    submit(mara, caseTask(mara, "Task_HoldPreparationMeeting", caseNumber, "O1"), "{" + meeting + "}");
    submit(mara, caseTask(mara, "Task_HoldPreparationMeeting", caseNumber, "V1"), "{" + meeting
        + ",\"meetingType\":{\"value\":\"direct\"},\"preferredPlace\":{\"value\":\"Community centre, room 2\"},"
        + "\"firstSpeaker\":{\"value\":\"victim\"},\"meetingNotes\":{\"value\":\"" + kept.get(ConfidentialField.PREPARATION_NOTES)
        + "\"},\"safetyConcerns\":{\"value\":\"" + kept.get(ConfidentialField.SAFETY_CONCERNS) + "\"}}");
    submit(mara, onlyTask(mara, instanceId, "Task_DecideSuitability"), "{\"suitability\":{\"value\":\"suitable\"}}");
    submit(mara, caseTask(mara, "Task_ScheduleSession", caseNumber, null), "{\"meetingType\":{\"value\":\"direct\"},"
        + "\"sessionDate\":{\"value\":\"2099-05-20\"},\"sessionTime\":{\"value\":\"14:30\"},"
        + "\"sessionPlace\":{\"value\":\"Community centre, room 2\"},\"sessionAttendeeIds\":{\"type\":\"Json\",\"value\":\"[\\\"V1\\\",\\\"O1\\\"]\"}}");
    runJobs(engine, instanceId);
    fireTimer(instanceId, "Event_SessionReminderDue");
    runJobs(engine, instanceId);
    fireTimer(instanceId, "Event_SessionTime");
    kept.put(ConfidentialField.SESSION_NOTES, marker("session"));
    kept.put(ConfidentialField.SAFETY_STOP_REASON, marker("stop"));
    submit(mara, caseTask(mara, "Task_RecordSessionOutcome", caseNumber, null), "{\"sessionHeld\":{\"value\":\"held\"},"
        + "\"sessionOutcome\":{\"value\":\"stopped_for_safety\"},\"safetyStopReason\":{\"value\":\""
        + kept.get(ConfidentialField.SAFETY_STOP_REASON) + "\"},\"sessionNotes\":{\"value\":\""
        + kept.get(ConfidentialField.SESSION_NOTES) + "\"}}");
    runJobs(engine, instanceId);

    // Clara reviews the stopped session through its form and closes the case; what happened is a note of the coordinators.
    Http clara = rest("clara");
    kept.put(ConfidentialField.SAFETY_REVIEW, marker("review"));
    String review = caseTask(clara, "Task_ReviewSafetyStop", caseNumber, null);
    clara.postJson("/engine-rest/task/" + review + "/claim", "{\"userId\":\"clara\"}");
    submit(clara, review, "{\"safetyReviewAccount\":{\"value\":\"" + kept.get(ConfidentialField.SAFETY_REVIEW) + "\"},"
        + "\"safetyReviewDecision\":{\"value\":\"refer_to_support\"},\"safetyReviewNote\":{\"value\":\"Victim support informed.\"}}");
    runJobs(engine, instanceId);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getEndTime()).as("the case closed after the review").isNotNull();

    assertThat(kept).hasSize(ConfidentialField.values().length);
    List<String> keptMarkers = new ArrayList<>(kept.values());
    keptMarkers.add(formMarker);
    for (String marker : keptMarkers) {
      List<String> where = jdbc.execute((java.sql.Connection connection) -> DatabaseScan.tablesContaining(connection, marker));
      assertThat(where).as(marker).singleElement()
          .satisfies(column -> assertThat(column.toLowerCase()).endsWith("vom_confidential_note.text"));
    }
    for (String marker : refused) {
      List<String> where = jdbc.execute((java.sql.Connection connection) -> DatabaseScan.tablesContaining(connection, marker));
      assertThat(where).as(marker).isEmpty();
    }
    String mails = mailText(caseNumber);
    String output = log.getAll();
    for (String marker : concat(keptMarkers, refused)) {
      assertThat(mails).as("mails").doesNotContain(marker);
      assertThat(output).as("the application's log").doesNotContain(marker);
    }
  }

  /** Tries to put the field's value into the engine through every route that is not the field's form. */
  private void attackWith(Http http, String field, String value, String taskId, String instanceId, String caseNumber) {
    String typed = "{\"value\":\"" + value + "\",\"type\":\"String\"}";
    String modification = "{\"modifications\":{\"" + field + "\":" + typed + "}}";
    List<HttpResponse<String>> answers = List.of(
        http.send("PUT", "/engine-rest/task/" + taskId + "/variables/" + field, typed),
        http.send("PUT", "/engine-rest/task/" + taskId + "/localVariables/" + field, typed),
        http.postJson("/engine-rest/task/" + taskId + "/variables", modification),
        http.postJson("/engine-rest/task/" + taskId + "/localVariables", modification),
        http.send("PUT", "/engine-rest/process-instance/" + instanceId + "/variables/" + field, typed),
        http.postJson("/engine-rest/process-instance/" + instanceId + "/variables", modification),
        http.postJson("/engine-rest/execution/" + instanceId + "/localVariables", modification),
        http.postJson("/engine-rest/task/" + taskId + "/comment/create", "{\"message\":\"" + value + "\"}"),
        http.postJson("/engine-rest/process-instance/" + instanceId + "/comment", "{\"message\":\"" + value + "\"}"),
        http.postJson("/engine-rest/task/" + taskId + "/attachment/create", "{\"attachment-name\":\"" + value + "\"}"),
        http.postJson("/engine-rest/message", "{\"messageName\":\"Msg_ConsentWithdrawn\",\"businessKey\":\"" + caseNumber
            + "\",\"processVariables\":{\"" + field + "\":" + typed + "}}"),
        http.postJson("/engine-rest/process-definition/key/vom-case/start", "{\"variables\":{\"" + field + "\":" + typed + "}}"),
        http.postJson("/engine-rest/process-instance/" + instanceId + "/modification", "{\"instructions\":[{\"type\":"
            + "\"startBeforeActivity\",\"activityId\":\"Task_AssignMediators\",\"variables\":{\"" + field + "\":" + typed + "}}]}"),
        http.postJson("/engine-rest/task/" + taskId + "/complete", "{\"variables\":{\"" + field + "\":" + typed + "}}"),
        http.postJson("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":{\"callOutcome\":{\"value\":\"agrees\"},\""
            + field + "\":" + typed + "}}"));
    assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isIn(400, 403, 404));
  }

  /** The referral as the Tasklist form submits it: the persons as the form's groups. */
  private static String formVariables(ObjectNode referral, String policeFile) {
    ObjectNode variables = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
    referral.fields().forEachRemaining(field -> {
      if (field.getValue().isArray()) {
        String role = field.getKey().substring(0, field.getKey().length() - 1);
        variables.putObject(role + "1").put("type", "Json").put("value", field.getValue().get(0).toString());
      } else {
        variables.putObject(field.getKey()).set("value", field.getValue());
      }
    });
    variables.putObject(ConfidentialField.POLICE_FILE.variable()).put("value", policeFile);
    return variables.toString();
  }

  private void fireTimer(String instanceId, String activityId) {
    String session = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instanceId)
        .processDefinitionKey("mediation-session").singleResult().getId();
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(session)
        .activityId(activityId).singleResult().getId());
  }

  private static String mailText(String caseNumber) throws Exception {
    StringBuilder all = new StringBuilder();
    for (MimeMessage mail : MailServer.mailsOf(caseNumber)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      mail.writeTo(out);
      all.append(out.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
    return all.toString();
  }

  private static String marker(String where) {
    return "MARK" + RUN + where.replaceAll("[^A-Za-z0-9]", "");
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
