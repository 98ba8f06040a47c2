package org.vomcase.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;

/** Driving a case over the HTTP APIs in integration tests: a referral, tasks, forms, due jobs. */
public final class CaseApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The preparation meeting's checklist with every point covered, as Tasklist submits it (Json). */
  public static final String FULL_CHECKLIST = "{\"type\":\"Json\",\"value\":\"[\\\"confidentiality\\\",\\\"ground_rules\\\","
      + "\\\"account\\\",\\\"harm\\\",\\\"wishes\\\",\\\"support\\\",\\\"safety\\\",\\\"readiness\\\"]\"}";

  /** A preparation meeting held in person on 1 March 2026 and the person ready: the form's fields, without braces. */
  public static final String MEETING = "\"meetingDate\":{\"value\":\"2026-03-01\"},\"meetingFormat\":{\"value\":\"in_person\"},"
      + "\"checklist\":" + FULL_CHECKLIST + ",\"readiness\":{\"value\":\"ready\"}";

  private CaseApi() {}

  /** The case's number (its business key), also of a case that has ended. */
  public static String caseNumber(ProcessEngine engine, String instanceId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getBusinessKey();
  }

  /** The coordinator (clara) claims the case's assignment and gives it to the mediators (lead first); the case goes on. */
  public static void assign(ProcessEngine engine, Http coordinator, String instanceId, String lead, String co) throws IOException {
    String assignment = onlyTask(coordinator, instanceId, "Task_AssignMediators");
    coordinator.postJson("/engine-rest/task/" + assignment + "/claim", "{\"userId\":\"clara\"}");
    submit(coordinator, assignment, "{\"leadMediator\":{\"value\":\"" + lead + "\"}"
        + (co == null ? "" : ",\"coMediator\":{\"value\":\"" + co + "\"}") + "}");
    runJobs(engine, instanceId);
  }

  /** A referral sent by the referrer, checked, and assigned by clara to Mara: the case waits at the offender's call. */
  public static String assignedCase(ProcessEngine engine, Http referrer, Http clara) throws IOException {
    String instanceId = json(referrer.postJson("/api/referrals", referral().toString())).path("processInstanceId").asText();
    runJobs(engine, instanceId);
    assign(engine, clara, instanceId, "mara", null);
    return instanceId;
  }

  /**
   * The mediator's consent calls of {@link #referral()}: the minor offender agrees, his guardian Petra Vogt consents,
   * then the victim agrees; the case waits at the preparation meetings.
   */
  public static void everyoneConsents(ProcessEngine engine, Http mediator, String instanceId) throws IOException {
    String caseNumber = caseNumber(engine, instanceId);
    submit(mediator, caseTask(mediator, "Task_CallForConsent", caseNumber, null), "{\"callOutcome\":{\"value\":\"agrees\"}}");
    submit(mediator, caseTask(mediator, "Task_RecordGuardianConsent", caseNumber, null), "{\"guardianName\":{\"value\":"
        + "\"Petra Vogt\"},\"guardianRelation\":{\"value\":\"parent\"},\"guardianPhone\":{\"value\":\"+49 30 7654321\"},"
        + "\"guardianConsent\":{\"value\":\"consents\"}}");
    runJobs(engine, instanceId);
    submit(mediator, caseTask(mediator, "Task_CallForConsent", caseNumber, null), "{\"callOutcome\":{\"value\":\"agrees\"}}");
  }

  /**
   * A referral of Ana Roth (victim) and Carl Vogt (offender, adult), both with email, assigned to Mara, both consented
   * and prepared, the case found suitable: it waits at "Schedule the session". {@code victimsChoice}: the victim's
   * choices in her preparation meeting (form fields as JSON members, e.g. the meeting type).
   */
  public static String readyToSchedule(ProcessEngine engine, Http referrer, Http coordinator, Http mediator, String victimEmail,
      String offenderEmail, String victimsChoice) throws IOException {
    ObjectNode referral = referral();
    ((ObjectNode) referral.path("victims").get(0)).put("name", "Ana Roth").put("email", victimEmail);
    ((ObjectNode) referral.path("offenders").get(0)).put("dateOfBirth", "1990-01-15").put("email", offenderEmail);
    String instanceId = json(referrer.postJson("/api/referrals", referral.toString())).path("processInstanceId").asText();
    runJobs(engine, instanceId);
    submit(coordinator, onlyTask(coordinator, instanceId, "Task_AssignMediators"), "{\"leadMediator\":{\"value\":\"mara\"}}");
    runJobs(engine, instanceId);
    String caseNumber = caseNumber(engine, instanceId);
    for (int call = 0; call < 2; call++) {
      submit(mediator, caseTask(mediator, "Task_CallForConsent", caseNumber, null), "{\"callOutcome\":{\"value\":\"agrees\"}}");
      runJobs(engine, instanceId);
    }
    submit(mediator, caseTask(mediator, "Task_HoldPreparationMeeting", caseNumber, "O1"), "{" + MEETING + "}");
    submit(mediator, caseTask(mediator, "Task_HoldPreparationMeeting", caseNumber, "V1"), "{" + MEETING + "," + victimsChoice + "}");
    submit(mediator, onlyTask(mediator, instanceId, "Task_DecideSuitability"), "{\"suitability\":{\"value\":\"suitable\"}}");
    runJobs(engine, instanceId);
    return instanceId;
  }

  /**
   * After {@link #everyoneConsents}: both preparation meetings (the victim chooses a direct meeting), the case found
   * suitable, and a direct session scheduled for 2099-05-20 14:30 at the community centre; the invitations are sent
   * and "Change the session if needed" is open.
   */
  public static void directSessionScheduled(ProcessEngine engine, Http mediator, String instanceId) throws IOException {
    String caseNumber = caseNumber(engine, instanceId);
    submit(mediator, caseTask(mediator, "Task_HoldPreparationMeeting", caseNumber, "O1"), "{" + MEETING + "}");
    submit(mediator, caseTask(mediator, "Task_HoldPreparationMeeting", caseNumber, "V1"), "{" + MEETING
        + ",\"meetingType\":{\"value\":\"direct\"},\"preferredPlace\":{\"value\":\"Community centre\"},"
        + "\"firstSpeaker\":{\"value\":\"victim\"}}");
    submit(mediator, onlyTask(mediator, instanceId, "Task_DecideSuitability"), "{\"suitability\":{\"value\":\"suitable\"}}");
    submit(mediator, caseTask(mediator, "Task_ScheduleSession", caseNumber, null), "{\"meetingType\":{\"value\":\"direct\"},"
        + "\"sessionDate\":{\"value\":\"2099-05-20\"},\"sessionTime\":{\"value\":\"14:30\"},"
        + "\"sessionPlace\":{\"value\":\"Community centre\"},\"sessionAttendeeIds\":{\"type\":\"Json\",\"value\":\"[\\\"V1\\\",\\\"O1\\\"]\"}}");
    runJobs(engine, instanceId);
  }

  /**
   * A case where everyone consented ({@link #everyoneConsents}) prepared, found suitable and scheduled (direct, 20 May 2099), its
   * session held and stopped for safety by the mediator with this reason: the case waits at the coordinators' safety review.
   */
  public static void sessionStoppedForSafety(ProcessEngine engine, Http mediator, String instanceId, String reason)
      throws IOException {
    directSessionScheduled(engine, mediator, instanceId);
    String caseNumber = caseNumber(engine, instanceId);
    for (String timer : List.of("Event_SessionReminderDue", "Event_SessionTime")) {
      String session = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instanceId)
          .processDefinitionKey("mediation-session").singleResult().getId();
      engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(session)
          .activityId(timer).singleResult().getId());
      runJobs(engine, instanceId);
    }
    submit(mediator, caseTask(mediator, "Task_RecordSessionOutcome", caseNumber, null), "{\"sessionHeld\":{\"value\":\"held\"},"
        + "\"sessionOutcome\":{\"value\":\"stopped_for_safety\"},\"safetyStopReason\":{\"value\":\"" + reason + "\"}}");
    runJobs(engine, instanceId);
  }

  /** Sets the engine's clock, as if the job executor had waited until then (reset it with ClockUtil.reset()). */
  public static void moveClockTo(String localDateTime) {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.LocalDateTime.parse(localDateTime)
        .atZone(java.time.ZoneId.systemDefault()).toInstant()));
  }

  /** A Json variable as Tasklist submits it ({@code {"type":"Json","value":"..."}}). */
  public static String jsonVariable(String json) {
    return JSON.createObjectNode().put("type", "Json").put("value", json).toString();
  }

  /** Runs the due jobs of every running instance of the case (its retention included) and the batches they started. */
  public static void runCaseJobs(ProcessEngine engine, String caseNumber) {
    var management = engine.getManagementService();
    for (int i = 0; i < 10; i++) {
      List<Job> jobs = new java.util.ArrayList<>();
      engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().forEach(instance ->
          jobs.addAll(management.createJobQuery().processInstanceId(instance.getId()).executable().list()));
      for (var batch : management.createBatchQuery().list()) {
        for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(), batch.getMonitorJobDefinitionId())) {
          jobs.addAll(management.createJobQuery().jobDefinitionId(definition).list());
        }
      }
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  /** Runs the due jobs of the case instance and its called instances until none is left. */
  public static void runJobs(ProcessEngine engine, String instanceId) {
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

  /** A valid referral: a victim with email, a minor offender with phone only, both German-speaking. */
  public static ObjectNode referral() {
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

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body(), e);
    }
  }
  public static String onlyTask(Http user, String instanceId, String taskDefinitionKey) throws IOException {
    JsonNode tasks = json(user.get("/engine-rest/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + taskDefinitionKey));
    assertThat(tasks).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  public static void submit(Http user, String taskId, String variables) {
    HttpResponse<String> response = user.postJson("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":" + variables + "}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }

  /** The task of that kind the user sees in the case, for one person when personId is given. */
  public static String caseTask(Http user, String taskDefinitionKey, String caseNumber, String personId) throws IOException {
    String filter = personId == null ? "" : "&processVariables=personId_eq_" + personId;
    JsonNode tasks = json(user.get("/engine-rest/task?taskDefinitionKey=" + taskDefinitionKey
        + "&processInstanceBusinessKey=" + caseNumber + filter));
    assertThat(tasks).as(taskDefinitionKey + " " + personId).hasSize(1);
    return tasks.get(0).path("id").asText();
  }
}
