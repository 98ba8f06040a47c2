package org.vomcase.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vomcase.support.CaseApi.caseTask;
import static org.vomcase.support.CaseApi.json;
import static org.vomcase.support.CaseApi.onlyTask;
import static org.vomcase.support.CaseApi.referral;
import static org.vomcase.support.CaseApi.runJobs;
import static org.vomcase.support.CaseApi.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vomcase.boundary.FormFields;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.Http;

/**
 * Every server rule of every form, over real HTTP, as {@code lint/server-rules.json} lists them (the lint keeps
 * the forms declaring the same): each refused submission answers 400 naming the field as the form names it,
 * with the form's label and a message without engine wording; the task stays open with the values it had, and a
 * refused start form creates no case and uses up no case number. One case is taken through every task form,
 * two more through the self-referral's mandate and the eligibility review.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class FormRefusalsIT extends AbstractApplicationIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired private JdbcTemplate jdbc;

  private final Set<String> checkedForms = new LinkedHashSet<>();
  private final List<String> wrong = new ArrayList<>();

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  @Test
  void everyRuleOfEveryFormIsRefusedAtItsField(org.springframework.boot.test.system.CapturedOutput log) throws Exception {
    JsonNode rules = JSON.readTree(Files.readString(Path.of("lint/server-rules.json")));

    // The start forms.
    String openCase = caseNumber(json(rest("policeapi").postJson("/api/referrals", referral().toString()))
        .path("processInstanceId").asText());
    refusedStarts(rules, "referral", "vom-case", openCase);
    refusedStarts(rules, "record-case-event", "record-case-event", openCase);

    // A self-referral waits for its mandate; a case of domestic violence goes to the coordinators' review.
    ObjectNode selfReferral = referral();
    selfReferral.put("referralSource", "self_referral");
    String mandateCase = json(rest("clara").postJson("/api/referrals", selfReferral.toString())).path("processInstanceId").asText();
    runJobs(engine, mandateCase);
    refusedTask(rules, "record-mandate", rest("clara"), onlyTask(rest("clara"), mandateCase, "Task_RecordMandate"), true);
    ObjectNode review = referral();
    review.put("offenceCategory", "domestic_violence");
    String reviewCase = json(rest("clara").postJson("/api/referrals", review.toString())).path("processInstanceId").asText();
    runJobs(engine, reviewCase);
    refusedTask(rules, "review-eligibility", rest("clara"), onlyTask(rest("clara"), reviewCase, "Task_ReviewEligibility"), true);

    // A stalking victim is contacted in writing only: the mediator records her answer to the letter instead of calling.
    ObjectNode stalking = referral();
    stalking.put("offenceCategory", "stalking");
    String stalkingCase = json(rest("policeapi").postJson("/api/referrals", stalking.toString())).path("processInstanceId").asText();
    runJobs(engine, stalkingCase);
    submit(rest("clara"), onlyTask(rest("clara"), stalkingCase, "Task_AssignMediators"), "{\"leadMediator\":{\"value\":\"mara\"}}");
    runJobs(engine, stalkingCase);
    refusedTask(rules, "letter-answer", rest("mara"), caseTask(rest("mara"), "Task_RecordLetterAnswer", caseNumber(stalkingCase), "V1"),
        false);

    // A session stopped for safety goes to the coordinators' review.
    String safetyCase = org.vomcase.support.CaseApi.assignedCase(engine, rest("policeapi"), rest("clara"));
    org.vomcase.support.CaseApi.everyoneConsents(engine, rest("mara"), safetyCase);
    org.vomcase.support.CaseApi.sessionStoppedForSafety(engine, rest("mara"), safetyCase, "The offender shouted at the victim.");
    refusedTask(rules, "safety-review", rest("clara"), caseTask(rest("clara"), "Task_ReviewSafetyStop", caseNumber(safetyCase), null),
        true);

    // A direct session, scheduled: moving or cancelling it.
    String directCase = org.vomcase.support.CaseApi.assignedCase(engine, rest("policeapi"), rest("clara"));
    org.vomcase.support.CaseApi.everyoneConsents(engine, rest("mara"), directCase);
    org.vomcase.support.CaseApi.directSessionScheduled(engine, rest("mara"), directCase);
    refusedTask(rules, "change-session", rest("mara"), caseTask(rest("mara"), "Task_ChangeSession", caseNumber(directCase), null),
        false);

    // One case through every task form.
    String instanceId = json(rest("policeapi").postJson("/api/referrals", referral().toString())).path("processInstanceId").asText();
    runJobs(engine, instanceId);
    String caseNumber = caseNumber(instanceId);
    Http clara = rest("clara");
    String assign = onlyTask(clara, instanceId, "Task_AssignMediators");
    refusedTask(rules, "assign-mediators", clara, assign, true);
    submit(clara, assign, "{\"leadMediator\":{\"value\":\"mara\"}}");
    runJobs(engine, instanceId);
    Http mara = rest("mara");
    String offenderCall = caseTask(mara, "Task_CallForConsent", caseNumber, null);
    refusedTask(rules, "consent-call", mara, offenderCall, false);
    submit(mara, offenderCall, "{\"callOutcome\":{\"value\":\"agrees\"}}");
    String guardian = caseTask(mara, "Task_RecordGuardianConsent", caseNumber, null);
    refusedTask(rules, "guardian-consent", mara, guardian, false);
    submit(mara, guardian, "{\"guardianName\":{\"value\":\"Petra Vogt\"},\"guardianRelation\":{\"value\":\"parent\"},"
        + "\"guardianPhone\":{\"value\":\"+49 30 7654321\"},\"guardianConsent\":{\"value\":\"consents\"}}");
    runJobs(engine, instanceId);
    submit(mara, caseTask(mara, "Task_CallForConsent", caseNumber, null), "{\"callOutcome\":{\"value\":\"agrees\"}}");
    String meeting = org.vomcase.support.CaseApi.MEETING;
    String offenderMeeting = caseTask(mara, "Task_HoldPreparationMeeting", caseNumber, "O1");
    refusedTask(rules, "preparation-meeting", mara, offenderMeeting, false);
    submit(mara, offenderMeeting, "{" + meeting + "}");
    submit(mara, caseTask(mara, "Task_HoldPreparationMeeting", caseNumber, "V1"), "{" + meeting
        + ",\"meetingType\":{\"value\":\"direct\"},\"preferredPlace\":{\"value\":\"Community centre\"},"
        + "\"firstSpeaker\":{\"value\":\"victim\"}}");
    String suitability = onlyTask(mara, instanceId, "Task_DecideSuitability");
    refusedTask(rules, "decide-suitability", mara, suitability, false);
    submit(mara, suitability, "{\"suitability\":{\"value\":\"suitable\"}}");
    String schedule = caseTask(mara, "Task_ScheduleSession", caseNumber, null);
    refusedTask(rules, "schedule-session", mara, schedule, false);
    // Indirect mediation here (the direct meeting goes through ReferralApiIT): each party's own appointment.
    submit(mara, schedule, "{\"meetingType\":{\"value\":\"indirect\"},"
        + "\"victimAppointmentDate\":{\"value\":\"2099-05-20\"},\"victimAppointmentTime\":{\"value\":\"10:00\"},"
        + "\"victimAppointmentPlace\":{\"value\":\"Victim support office\"},\"offenderAppointmentDate\":{\"value\":\"2099-05-20\"},"
        + "\"offenderAppointmentTime\":{\"value\":\"14:30\"},\"offenderAppointmentPlace\":{\"value\":\"Community centre\"},"
        + "\"sessionAttendeeIds\":{\"type\":\"Json\",\"value\":\"[\\\"V1\\\",\\\"O1\\\"]\"}}");
    runJobs(engine, instanceId);
    String victimsAppointment = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_ChangeAppointment").taskNameLike("%: V1,%").singleResult().getId();
    refusedTask(rules, "change-appointment", mara, victimsAppointment, false);
    String session = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instanceId)
        .processDefinitionKey("mediation-session").singleResult().getId();
    engine.getManagementService().createJobQuery().processInstanceId(session).activityId("Event_AppointmentTime").list()
        .forEach(timer -> engine.getManagementService().executeJob(timer.getId()));
    runJobs(engine, instanceId);
    moveClockTo("2099-05-20T18:00:00");
    String outcome = caseTask(mara, "Task_RecordSessionOutcome", caseNumber, null);
    refusedTask(rules, "session-outcome", mara, outcome, false);
    submit(mara, outcome, "{\"sessionHeld\":{\"value\":\"held\"},\"sessionOutcome\":{\"value\":\"agreement\"}}");
    runJobs(engine, instanceId);
    String record = caseTask(mara, "Task_RecordAgreement", caseNumber, null);
    refusedTask(rules, "record-agreement", mara, record, false);
    submit(mara, record, "{\"item1\":{\"type\":\"Json\",\"value\":\"{\\\"kind\\\":\\\"payment\\\",\\\"offender\\\":\\\"O1\\\","
        + "\\\"creditor\\\":\\\"V1\\\",\\\"amount\\\":100,\\\"instalments\\\":1,\\\"dueDate\\\":\\\"2099-06-01\\\","
        + "\\\"status\\\":\\\"open\\\"}\"}}");
    runJobs(engine, instanceId);
    String sign = caseTask(mara, "Task_RecordSignatures", caseNumber, null);
    refusedTask(rules, "sign-agreement", mara, sign, false);
    submit(mara, sign, "{\"signatureOutcome\":{\"value\":\"all_signed\"},\"signedBy\":{\"type\":\"Json\","
        + "\"value\":\"[\\\"V1\\\",\\\"O1\\\",\\\"G-O1\\\"]\"},\"shareConsentBy\":{\"type\":\"Json\",\"value\":\"[]\"}}");
    runJobs(engine, instanceId);
    moveClockTo("2099-06-01T10:00:00");
    runJobs(engine, instanceId);
    String check = caseTask(mara, "Task_CheckFulfilment", caseNumber, null);
    refusedTask(rules, "check-fulfilment", mara, check, false);
    submit(mara, check, "{\"fulfilment\":{\"value\":\"fulfilled\"},\"fulfilmentConfirmation\":{\"value\":\"victim_confirmed\"}}");
    runJobs(engine, instanceId);
    moveClockTo("2099-09-02T10:00:00");
    runJobs(engine, instanceId);
    JsonNode conversations = json(mara.get("/engine-rest/task?taskDefinitionKey=Task_FollowUpConversation"
        + "&processInstanceBusinessKey=" + caseNumber));
    refusedTask(rules, "follow-up", mara, conversations.get(0).path("id").asText(), false);
    for (JsonNode conversation : conversations) {
      submit(mara, conversation.path("id").asText(), "{\"followUpOutcome\":{\"value\":\"declined\"}}");
    }
    runJobs(engine, instanceId);
    String retention = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey("case-retention").singleResult().getId();
    runJobs(engine, retention);
    refusedTask(rules, "record-proceedings-end", clara, onlyTask(clara, retention, "Task_RecordProceedingsEnd"), true);

    assertThat(wrong).as("refusals that do not keep the error contract").isEmpty();
    // A user's mistake is logged in one line at INFO, not as the engine's error with a stack trace.
    assertThat(log.getAll()).contains("Refused input to").doesNotContain("ENGINE-16004").doesNotContain("ENGINE-REST-HTTP500")
        .doesNotContain("Caused by: org.vomcase.kernel.CaseInputException");
    Set<String> listed = new LinkedHashSet<>();
    rules.fieldNames().forEachRemaining(name -> {
      if (!name.startsWith("$")) {
        listed.add(name);
      }
    });
    assertThat(checkedForms).as("every form of the rules was asked").containsExactlyInAnyOrderElementsOf(listed);
  }

  /** Each rule of a start form: 400 at the field, and no case, no case number, nothing created. */
  private void refusedStarts(JsonNode rules, String form, String processKey, String openCase) throws IOException {
    checkedForms.add(form);
    FormFields fields = formFields(form);
    for (JsonNode rule : rules.path(form).path("rules")) {
      long cases = engine.getRuntimeService().createProcessInstanceQuery().count();
      Integer numbers = jdbc.queryForObject("SELECT COALESCE(SUM(last_number), 0) FROM vom_case_counter", Integer.class);
      ObjectNode variables = "referral".equals(form) ? validReferralForm() : JSON.createObjectNode();
      variables.setAll(variables(rule.path("refuse"), openCase));
      HttpResponse<String> answer = rest("clara").postJson("/engine-rest/process-definition/key/" + processKey + "/submit-form",
          "{\"variables\":" + variables + "}");
      expectRefused(form, rule, fields, answer);
      if (engine.getRuntimeService().createProcessInstanceQuery().count() != cases) {
        wrong.add(form + " " + rule.path("field").asText() + ": a refused start created an instance");
      }
      if (!numbers.equals(jdbc.queryForObject("SELECT COALESCE(SUM(last_number), 0) FROM vom_case_counter", Integer.class))) {
        wrong.add(form + " " + rule.path("field").asText() + ": a refused start used up a case number");
      }
    }
  }

  /** Each rule of a task form: 400 at the field, and the task still open with the values it showed. */
  private void refusedTask(JsonNode rules, String form, Http user, String taskId, boolean claim) throws IOException {
    checkedForms.add(form);
    if (claim) {
      user.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"clara\"}");
    }
    FormFields fields = formFields(form);
    HttpResponse<String> before = user.get("/engine-rest/task/" + taskId + "/form-variables");
    for (JsonNode rule : rules.path(form).path("rules")) {
      HttpResponse<String> answer = user.postJson("/engine-rest/task/" + taskId + "/submit-form",
          "{\"variables\":" + variables(rule.path("refuse"), null) + "}");
      expectRefused(form, rule, fields, answer);
      if (engine.getTaskService().createTaskQuery().taskId(taskId).count() != 1) {
        wrong.add(form + " " + rule.path("field").asText() + ": the refused submission completed the task");
        return;
      }
      HttpResponse<String> after = user.get("/engine-rest/task/" + taskId + "/form-variables");
      if (!json(after).equals(json(before))) {
        wrong.add(form + " " + rule.path("field").asText() + ": the refused submission changed the task's values");
      }
    }
  }

  private void expectRefused(String form, JsonNode rule, FormFields fields, HttpResponse<String> answer) {
    String field = rule.path("field").asText();
    String what = form + " " + field + " (" + rule.path("refuse") + ")";
    if (answer.statusCode() != 400) {
      wrong.add(what + ": answered " + answer.statusCode() + " " + answer.body());
      return;
    }
    JsonNode body = json(answer);
    if (body.path("message").asText().matches("(?s).*(ENGINE-\\d|Exception|org\\.camunda|java\\.).*")) {
      wrong.add(what + ": engine wording in " + body.path("message").asText());
    }
    for (JsonNode error : body.path("errors")) {
      if (error.path("field").asText().equals(field)) {
        if (!error.path("label").asText().equals(fields.label(field))) {
          wrong.add(what + ": label '" + error.path("label").asText() + "' instead of the form's '" + fields.label(field) + "'");
        }
        if (error.path("message").asText().isBlank()) {
          wrong.add(what + ": no message");
        }
        return;
      }
    }
    wrong.add(what + ": the field is not named: " + answer.body());
  }

  /** The rule's submission as form variables, with the placeholders filled in for the engine's clock. */
  private static ObjectNode variables(JsonNode refuse, String openCase) throws IOException {
    ObjectNode variables = JSON.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> fields = refuse.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = fill(field.getValue(), openCase);
      if (value.has("$json")) {
        variables.putObject(field.getKey()).put("type", "Json").put("value", value.get("$json").toString());
      } else {
        variables.putObject(field.getKey()).set("value", value);
      }
    }
    return variables;
  }

  private static JsonNode fill(JsonNode value, String openCase) throws IOException {
    String text = value.toString();
    LocalDate today = LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault()).toLocalDate();
    text = text.replace("\"$today\"", "\"" + today + "\"").replace("\"$tomorrow\"", "\"" + today.plusDays(1) + "\"")
        .replace("\"$past\"", "\"" + today.minusDays(10) + "\"").replace("\"$future\"", "\"" + today.plusDays(30) + "\"")
        .replace("\"$case\"", "\"" + openCase + "\"");
    for (int length : new int[] {101, 201, 501, 1001, 20001}) {
      text = text.replace("\"$long" + length + "\"", "\"" + "x".repeat(length) + "\"");
    }
    return JSON.readTree(text);
  }

  /** The referral form with every field valid (the rule's fields then replace some). */
  private static ObjectNode validReferralForm() {
    ObjectNode variables = JSON.createObjectNode();
    referral().fields().forEachRemaining(field -> {
      if (field.getValue().isArray()) {
        String group = field.getKey().substring(0, field.getKey().length() - 1) + "1";
        variables.putObject(group).put("type", "Json").put("value", field.getValue().get(0).toString());
      } else {
        variables.putObject(field.getKey()).set("value", field.getValue());
      }
    });
    return variables;
  }

  private static FormFields formFields(String form) throws IOException {
    try (var files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        String text = Files.readString(file);
        if (JSON.readTree(text).path("id").asText().equals(form)) {
          return FormFields.parse(text);
        }
      }
    }
    throw new AssertionError("no form " + form);
  }

  private String caseNumber(String instanceId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getBusinessKey();
  }

  private static void moveClockTo(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.systemDefault()).toInstant()));
  }
}
