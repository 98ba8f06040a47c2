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
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vomcase.notification.NotificationService;
import org.vomcase.notification.OutgoingMessage;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.Http;

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
    assertThat(json(invalid).path("message").asText()).startsWith("Referral rejected: ");
    assertThat(json(invalid).path("errors").findValuesAsText("field")).containsExactly("offenceCategory", "offenders");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(json(notJson).path("message").asText()).isEqualTo("The body is not a JSON object of a referral");
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

    assertThat(json(rest("policeapi").get("/engine-rest/process-instance"))).isEmpty();
    assertThat(json(rest("policeapi").get("/engine-rest/task"))).isEmpty();
    assertThat(new Http(port).loginToWebapp("tasklist", "policeapi", DEMO_PASSWORD).statusCode()).isEqualTo(403);
  }

  @Test
  void caseGoesFromReferralToTheSessionOutcomeAsCoordinatorAndMediatorsWorkItInTasklist() throws IOException {
    String instanceId = json(rest("policeapi").postJson("/api/referrals", referral().toString())).path("processInstanceId").asText();
    runJobs(instanceId);
    Http clara = rest("clara");

    // Coordinator: assign the mediators (Tasklist: claim, open the form, complete).
    String assignTask = onlyTask(clara, instanceId, "Task_AssignMediators");
    assertThat(clara.postJson("/engine-rest/task/" + assignTask + "/claim", "{\"userId\":\"clara\"}").statusCode()).isEqualTo(204);
    assertThat(json(clara.get("/engine-rest/task/" + assignTask + "/deployed-form")).path("id").asText()).isEqualTo("assign-mediators");
    JsonNode options = json(clara.get("/engine-rest/task/" + assignTask + "/form-variables?variableNames=mediatorOptions&deserializeValues=false"));
    assertThat(options.path("mediatorOptions").path("value").asText()).contains("\"value\":\"mara\"").doesNotContain("clara");
    HttpResponse<String> wrong = clara.postJson("/engine-rest/task/" + assignTask + "/submit-form",
        "{\"variables\":{\"leadMediator\":{\"value\":\"sam\"}}}");
    assertThat(wrong.statusCode()).isEqualTo(500);
    assertThat(wrong.body()).contains("leadMediator: 'sam' is not a member of the mediators group");
    submit(clara, assignTask, "{\"leadMediator\":{\"value\":\"mara\"},\"coMediator\":{\"value\":\"jonas\"}}");
    runJobs(instanceId);

    // Mediator: the offender first (property damage: offender first), a minor, so the guardian too.
    Http mara = rest("mara");
    String offenderCall = mediatorTask(mara, "Task_CallForConsent", caseNumber(instanceId));
    assertThat(json(mara.get("/engine-rest/task/" + offenderCall + "/deployed-form")).path("id").asText()).isEqualTo("consent-call");
    JsonNode context = json(mara.get("/engine-rest/task/" + offenderCall + "/form-variables"));
    assertThat(context.path("personName").path("value").asText()).isEqualTo("Carl Vogt");
    assertThat(context.path("personMinor").path("value").asBoolean()).isTrue();
    assertThat(json(rest("lea").get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber(instanceId)))).isEmpty();
    submit(mara, offenderCall, "{\"callOutcome\":{\"value\":\"agrees\"}}");
    String guardianTask = mediatorTask(mara, "Task_RecordGuardianConsent", caseNumber(instanceId));
    submit(mara, guardianTask, "{\"guardianName\":{\"value\":\"Petra Vogt\"},\"guardianRelation\":{\"value\":\"parent\"},"
        + "\"guardianPhone\":{\"value\":\"+49 30 7654321\"},\"guardianConsent\":{\"value\":\"consents\"}}");
    runJobs(instanceId);

    // Then the victim: co-mediator Jonas takes the call.
    Http jonas = rest("jonas");
    String victimCall = mediatorTask(jonas, "Task_CallForConsent", caseNumber(instanceId));
    submit(jonas, victimCall, "{\"callOutcome\":{\"value\":\"agrees\"}}");

    assertThat(engine.getRuntimeService().getVariable(instanceId, "consents").toString())
        .contains("\"guardianName\":\"Petra Vogt\"").contains("\"V1\":{\"role\":\"victim\",\"outcome\":\"agreed\"}");

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
        + "\"sessionPlace\":{\"value\":\"Community centre, room 2\"},\"sessionAttendees\":{\"value\":\"Ana Roth, Carl Vogt, Petra Vogt\"}}");
    runJobs(instanceId);
    fireTimer(instanceId, "Event_UntilReminder");
    runJobs(instanceId);
    fireTimer(instanceId, "Event_UntilSession");
    submit(mara, mediatorTask(mara, "Task_RecordSessionOutcome", caseNumber(instanceId), null),
        "{\"sessionHeld\":{\"value\":\"held\"},\"sessionOutcome\":{\"value\":\"agreement\"}}");

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getEndActivityId()).isEqualTo("EndEvent_AgreementReached");
    assertThat(jdbc.queryForList("SELECT message FROM vom_message WHERE case_number = ? ORDER BY created_at", String.class,
        caseNumber(instanceId))).containsExactly("introduction", "introduction", "session-invitation", "session-reminder");
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

    assertThat(byLea.statusCode()).isIn(400, 500);
    assertThat(byLea.body()).contains("there is no open case " + caseNumber + " that you may record events on");
    assertThat(byMara.statusCode()).as(byMara.body()).isEqualTo(200);
    runJobs(instanceId);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableName("closureReason").singleResult().getValue()).isEqualTo("consent_withdrawn");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableName("withdrawals").singleResult().getValue().toString()).contains("\"recordedBy\":\"mara\"");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
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
        .isEqualTo("eventCaseNumber: there is no open case " + caseNumber + " that you may record events on");
    HttpResponse<String> unknownPerson = rest("policeapi").postJson("/api/cases/" + caseNumber + "/events",
        "{\"type\":\"consent_withdrawn\",\"personId\":\"V9\",\"reason\":\"x y z\"}");
    assertThat(json(unknownPerson).path("field").asText()).isEqualTo("eventPersonId");
    HttpResponse<String> withdrawn = rest("policeapi").postJson("/api/cases/" + caseNumber + "/events", event);

    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(json(withdrawn).path("result").asText()).isEqualTo("case_closed");
    runJobs(instanceId);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableName("closureReason").singleResult().getValue()).isEqualTo("referral_withdrawn");
    HttpResponse<String> again = rest("policeapi").postJson("/api/cases/" + caseNumber + "/events", event);
    assertThat(json(again).path("message").asText())
        .isEqualTo("eventCaseNumber: there is no open case " + caseNumber + " that you may record events on");
  }

  /** A case referred by the API and assigned to Mara and Jonas, now contacting the offender. */
  private String caseInContact() throws IOException {
    String instanceId = json(rest("policeapi").postJson("/api/referrals", referral().toString())).path("processInstanceId").asText();
    runJobs(instanceId);
    String assignTask = onlyTask(rest("clara"), instanceId, "Task_AssignMediators");
    rest("clara").postJson("/engine-rest/task/" + assignTask + "/claim", "{\"userId\":\"clara\"}");
    submit(rest("clara"), assignTask, "{\"leadMediator\":{\"value\":\"mara\"},\"coMediator\":{\"value\":\"jonas\"}}");
    runJobs(instanceId);
    return instanceId;
  }

  private String onlyTask(Http user, String instanceId, String taskDefinitionKey) throws IOException {
    JsonNode tasks = json(user.get("/engine-rest/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + taskDefinitionKey));
    assertThat(tasks).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  /** The mediator's own task of that kind, as the "My tasks" filter lists it. */
  private String mediatorTask(Http mediator, String taskDefinitionKey, String caseNumber) throws IOException {
    return mediatorTask(mediator, taskDefinitionKey, caseNumber, null);
  }

  /** The mediator's task of that kind in the case, for one person when personId is given. */
  private String mediatorTask(Http mediator, String taskDefinitionKey, String caseNumber, String personId) throws IOException {
    String filter = personId == null ? "" : "&processVariables=personId_eq_" + personId;
    JsonNode tasks = json(mediator.get("/engine-rest/task?taskDefinitionKey=" + taskDefinitionKey
        + "&processInstanceBusinessKey=" + caseNumber + filter));
    assertThat(tasks).as(taskDefinitionKey + " " + personId).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  private static void submit(Http user, String taskId, String variables) {
    HttpResponse<String> response = user.postJson("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":" + variables + "}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }

  private String caseNumber(String instanceId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey();
  }

  @Test
  void notEligibleReferralIsClosedAndTheReferrersNoticeIsRecordedOnce() throws IOException {
    ObjectNode referral = referral();
    referral.put("victimRefused", true);
    String instanceId = json(rest("policeapi").postJson("/api/referrals", referral.toString())).path("processInstanceId").asText();

    runJobs(instanceId);

    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableName("closureReason").singleResult().getValue()).isEqualTo("not_eligible");
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
        "mandate-reminder", "coordinators", Map.of());

    assertThat(notifications.send(message)).isTrue();
    assertThat(notifications.send(message)).isFalse();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vom_message WHERE idempotency_key = ?", Integer.class,
        message.idempotencyKey())).isEqualTo(1);
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

    assertThat(refused.statusCode()).isIn(400, 500);
    assertThat(refused.body()).contains("Referral rejected: offenders[0].dateOfBirth: must not be in the future");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  /** The variables as Tasklist submits a Camunda Form: scalars by value, lists as Json. */
  private static ObjectNode startFormSubmission(ObjectNode referral) {
    ObjectNode variables = JSON.createObjectNode();
    referral.fields().forEachRemaining(field -> {
      if (field.getValue().isArray()) {
        variables.putObject(field.getKey()).put("type", "Json").put("value", field.getValue().toString());
      } else {
        variables.putObject(field.getKey()).set("value", field.getValue());
      }
    });
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return body;
  }

  /** Runs the due jobs of the case and of the processes it called, as the job executor would. */
  private void runJobs(String instanceId) {
    for (int i = 0; i < 10; i++) {
      List<String> instances = new java.util.ArrayList<>(List.of(instanceId));
      engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instanceId).list()
          .forEach(sub -> instances.add(sub.getId()));
      List<Job> jobs = instances.stream()
          .flatMap(id -> engine.getManagementService().createJobQuery().processInstanceId(id).executable().list().stream())
          .toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  static ObjectNode referral() {
    ObjectNode referral = JSON.createObjectNode()
        .put("referralSource", "police")
        .put("referrerName", "Polizeiinspektion Mitte")
        .put("referrerEmail", "toa@polizei-mitte.example")
        .put("referrerReference", "PI-M 4711/26")
        .put("proceduralStage", "diversion")
        .put("offenceCategory", "property_damage")
        .put("offenceDate", "2026-02-14")
        .put("offenceSummary", "Two bicycles of the victim were damaged in the courtyard of a block of flats.")
        .put("responsibilityAdmission", "full");
    ArrayNode victims = referral.putArray("victims");
    victims.addObject().put("name", "Ana Roth").put("dateOfBirth", "1980-04-02").put("preferredLanguage", "de")
        .put("email", "ana.roth@example.org");
    ArrayNode offenders = referral.putArray("offenders");
    offenders.addObject().put("name", "Carl Vogt").put("dateOfBirth", "2009-01-15").put("preferredLanguage", "de")
        .put("phone", "+49 30 1234567").put("interpreterNeeded", false);
    return referral;
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body(), e);
    }
  }
}
