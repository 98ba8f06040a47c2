package org.vomcase.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vomcase.support.CaseApi.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vomcase.kernel.CaseClock;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.CaseApi;
import org.vomcase.support.Http;

/**
 * Issue 22 on the real database (H2 with {@code ./mvnw verify}, PostgreSQL with {@code -Pit-postgres}): running cases
 * waiting at different steps move to a new version of the case process and of every process it calls, through the
 * migration run as an administrator starts it, and then run to their end on the new version.
 *
 * <p>{@link #PER_STEP} cases (10) wait at each of six steps: the consent call (contact-person), the call-again timer
 * (contact-person), the preparation meeting (prepare-person), the session timer (mediation-session), the monitoring of
 * an instalment (monitor-obligation) and the follow-up timer (follow-up). The new set of diagrams, deployed as Camunda
 * Modeler deploys it, renames the consent call in contact-person ({@code Task_ConsentCall}), adds a step to follow-up
 * (an event after the follow-up period) and gives vom-case a new version tag. The dry run of vom-case reports exactly
 * the cases at the consent call as not movable, with the step; the run moves the others with their called instances;
 * a second run with the administrator's mapping moves the rest, so no instance of these cases is left on an old
 * version; every case then runs to its end on the new versions (the added step taken by the cases at the follow-up
 * timer). A rollback run of the new version, the mapping the other way, leaves the database as it was.
 */
class RunningCasesMigrationIT extends AbstractApplicationIT {

  /**
   * Cases per step: on PostgreSQL 10, the 60 cases in all; on H2 (the quick run of {@code ./mvnw verify}) 2, the same
   * steps and checks with 12 cases. {@code -Dit.migration.perStep=N} sets it for either.
   */
  static final int PER_STEP = Integer.getInteger("it.migration.perStep",
      "postgres".equals(System.getProperty("vom.it.database")) ? 10 : 2);

  private static final String CONSENT_CALL = "Task_CallForConsent";
  private static final String RENAMED = "Task_ConsentCall";
  private static final String ADDED = "Event_FollowUpPeriodNoted";
  private static final String MAPPING = "\"extraMappings\":[{\"from\":\"" + CONSENT_CALL + "\",\"to\":\"" + RENAMED + "\"},"
      + "{\"from\":\"BoundaryEvent_ConsentCallOverdue\",\"to\":\"BoundaryEvent_ConsentCallOverdue\"}]";

  private final List<String> cases = new ArrayList<>();
  private String newDeployment;
  private Http mara;

  @AfterEach
  void removeTheCasesAndTheNewVersions() {
    cases.forEach(id -> {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        engine.getRuntimeService().deleteProcessInstance(id, "test over", true, true);
      }
    });
    if (newDeployment != null) {
      engine.getRepositoryService().deleteDeployment(newDeployment, true, true);
    }
  }

  @Test
  void casesAtSixStepsMoveWithTheirCalledInstancesAndRunToTheirEndOnTheNewVersion() throws IOException {
    Http admin = rest("admin");
    mara = rest("mara");
    Http referrer = rest("policeapi");
    Http clara = rest("clara");

    // The cases, PER_STEP at each step.
    Map<String, String> stepOf = new LinkedHashMap<>(); // case instance -> where it waits
    for (int i = 0; i < PER_STEP; i++) {
      stepOf.put(waitingAt(referrer, clara, "consent call"), "consent call");
      stepOf.put(waitingAt(referrer, clara, "call-again timer"), "call-again timer");
      stepOf.put(waitingAt(referrer, clara, "preparation"), "preparation");
      stepOf.put(waitingAt(referrer, clara, "session timer"), "session timer");
      stepOf.put(waitingAt(referrer, clara, "instalment monitoring"), "instalment monitoring");
      stepOf.put(waitingAt(referrer, clara, "follow-up timer"), "follow-up timer");
    }
    Map<String, String> numbers = new LinkedHashMap<>();
    stepOf.keySet().forEach(id -> numbers.put(id, CaseApi.caseNumber(engine, id)));
    Set<String> oldDefinitions = new HashSet<>();
    for (String id : stepOf.keySet()) {
      tree(id).forEach(instance -> oldDefinitions.add(instance.getProcessDefinitionId()));
    }
    assertThat(oldDefinitions).as("the cases run in six processes at least").hasSizeGreaterThanOrEqualTo(6);
    ProcessDefinition oldCase = engine.getRepositoryService().getProcessDefinition(
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(stepOf.keySet().iterator().next())
            .singleResult().getProcessDefinitionId());

    ProcessDefinition newCase = deployTheChangedSet(oldCase);

    java.util.Date migrating = new java.util.Date();

    // The dry run: exactly the cases at the consent call cannot move, because of the renamed step.
    String request = "{\"processKey\":\"vom-case\",\"targetVersion\":" + newCase.getVersion();
    JsonNode plan = ok(post(admin, "/vom/migrations/plan", request + "}"));
    assertThat(plan.at("/target/version").asInt()).isEqualTo(newCase.getVersion());
    for (Map.Entry<String, String> entry : stepOf.entrySet()) {
      JsonNode result = resultOf(plan, numbers.get(entry.getKey()));
      boolean atConsentCall = entry.getValue().equals("consent call");
      assertThat(result.path("migratable").asBoolean()).as(entry.getValue() + ": " + result).isEqualTo(!atConsentCall);
      if (atConsentCall) {
        assertThat(result.path("problems").toString()).contains("Call the person for consent", CONSENT_CALL);
      }
    }
    assertThat(plan.path("plans").toString()).contains("\"key\":\"contact-person\"", "\"key\":\"follow-up\"",
        "\"key\":\"monitor-obligation\"", "\"key\":\"mediation-session\"", "\"key\":\"prepare-person\"");

    // The run moves the others, each with its called instances; the cases at the consent call stay, with the reason.
    JsonNode run = runToTheEnd(admin, request + ",\"dryRun\":false}");
    for (Map.Entry<String, String> entry : stepOf.entrySet()) {
      JsonNode result = caseOf(run, numbers.get(entry.getKey()));
      boolean atConsentCall = entry.getValue().equals("consent call");
      assertThat(result.path("status").asText()).as(entry.getValue() + ": " + result).isEqualTo(atConsentCall ? "failed" : "migrated");
      if (!atConsentCall) {
        assertThat(tree(entry.getKey())).as(entry.getValue()).allSatisfy(instance ->
            assertThat(oldDefinitions).doesNotContain(instance.getProcessDefinitionId()));
        assertThat(result.path("instances").size()).as(entry.getValue()).isGreaterThanOrEqualTo(2);
      }
    }

    // With the administrator's mapping of the renamed step the rest moves: nothing of these cases on an old version.
    JsonNode mapped = runToTheEnd(admin, request + "," + MAPPING + ",\"dryRun\":false}");
    for (Map.Entry<String, String> entry : stepOf.entrySet()) {
      if (entry.getValue().equals("consent call")) {
        assertThat(caseOf(mapped, numbers.get(entry.getKey())).path("status").asText()).isEqualTo("migrated");
      }
    }
    for (String id : stepOf.keySet()) {
      assertThat(tree(id)).as(numbers.get(id)).isNotEmpty().allSatisfy(instance ->
          assertThat(oldDefinitions).as("no instance left on an old version").doesNotContain(instance.getProcessDefinitionId()));
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(Set.copyOf(stepOf.keySet()))
        .processDefinitionId(newCase.getId()).count()).isEqualTo(stepOf.size());

    // Every case runs to its end on the new versions; the follow-up cases take the added step.
    for (Map.Entry<String, String> entry : stepOf.entrySet()) {
      playToTheEnd(entry.getKey());
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(entry.getKey()).count())
          .as(entry.getValue() + " ended").isZero();
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(numbers.get(entry.getKey()))
          .list()).filteredOn(instance -> instance.getEndTime() == null || instance.getEndTime().after(migrating))
          .as(entry.getValue() + ": what ran after the migration ran on the new set")
          .allSatisfy(instance -> assertThat(oldDefinitions).doesNotContain(instance.getProcessDefinitionId()));
      if (entry.getValue().equals("follow-up timer")) {
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(ADDED).list()
            .stream().anyMatch(a -> numbers.get(entry.getKey()).equals(businessKeyOf(a.getProcessInstanceId())))).isTrue();
      }
    }

    // The rollback: cases other tests left running that the runs moved go back to the previous version.
    JsonNode back = runToTheEnd(admin, "{\"processKey\":\"vom-case\",\"sourceVersion\":" + newCase.getVersion()
        + ",\"targetVersion\":" + oldCase.getVersion() + ",\"extraMappings\":[{\"from\":\"" + RENAMED + "\",\"to\":\""
        + CONSENT_CALL + "\"},{\"from\":\"BoundaryEvent_ConsentCallOverdue\",\"to\":\"BoundaryEvent_ConsentCallOverdue\"}],"
        + "\"dryRun\":false}");
    assertThat(back.at("/progress/failed").asInt()).as(back.toString()).isZero();
  }

  // --- the cases ---------------------------------------------------------------------------------------------

  /** A new case, driven to the step (as the mediator works it in Tasklist; timers fired as the job executor would). */
  private String waitingAt(Http referrer, Http clara, String step) throws IOException {
    String id = CaseApi.assignedCase(engine, referrer, clara);
    cases.add(id);
    String number = CaseApi.caseNumber(engine, id);
    switch (step) {
      case "consent call" -> assertThat(activeIn(id, CONSENT_CALL)).isTrue();
      case "call-again timer" -> {
        CaseApi.submit(mara, CaseApi.caseTask(mara, CONSENT_CALL, number, null), "{\"callOutcome\":{\"value\":\"call_again\"},"
            + "\"nextCallDate\":{\"value\":\"" + CaseClock.today().plusDays(3) + "\"}}");
        runJobs(id);
        assertThat(activeIn(id, "Event_WaitForNextCall")).isTrue();
      }
      case "preparation" -> playUntil(id, "Task_HoldPreparationMeeting");
      case "session timer" -> playUntil(id, "Task_ChangeSession");
      case "instalment monitoring" -> playUntil(id, "Event_ItemFallsDue");
      case "follow-up timer" -> playUntil(id, "Event_FollowUpPeriodOver");
      default -> throw new IllegalArgumentException(step);
    }
    return id;
  }

  private void playToTheEnd(String caseInstanceId) throws IOException {
    playUntil(caseInstanceId, null);
  }

  /**
   * Works the case as its mediator does until one of its instances waits at the activity (null: until it ends):
   * the due jobs run, every open task is answered (the case goes the way of an agreement paid in two instalments),
   * and when nothing else is left the earliest timer fires, as the job executor would at its due date.
   */
  private void playUntil(String caseInstanceId, String activityId) throws IOException {
    String number = CaseApi.caseNumber(engine, caseInstanceId);
    for (int round = 0; round < 120; round++) {
      runJobs(caseInstanceId);
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(caseInstanceId).count() == 0) {
        assertThat(activityId).as("the case ended before " + activityId).isNull();
        return;
      }
      if (activityId != null && activeIn(caseInstanceId, activityId)) {
        return;
      }
      // "Change the session if needed" stays open until the session: the session's timer closes it.
      List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).list().stream()
          .filter(task -> !"Task_ChangeSession".equals(task.getTaskDefinitionKey())).toList();
      if (!tasks.isEmpty()) {
        Task task = tasks.get(0);
        CaseApi.submit(mara, task.getId(), answer(task));
        continue;
      }
      Job timer = tree(caseInstanceId).stream()
          .flatMap(instance -> engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().list().stream())
          .min(java.util.Comparator.comparing(Job::getDuedate)).orElseThrow(() -> new AssertionError(number + " waits for nothing"));
      engine.getManagementService().executeJob(timer.getId());
    }
    throw new AssertionError(number + " did not reach " + (activityId == null ? "its end" : activityId));
  }

  /** Runs the due jobs of the case's instances (not its timers) until none is left. */
  private void runJobs(String caseInstanceId) {
    for (int i = 0; i < 20; i++) {
      List<Job> jobs = tree(caseInstanceId).stream().flatMap(instance -> engine.getManagementService().createJobQuery()
          .processInstanceId(instance.getId()).executable().list().stream()).toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  /** What the mediator enters in each task's form. */
  private String answer(Task task) {
    String person = (String) engine.getRuntimeService().getVariable(task.getExecutionId(), "personId");
    LocalDate today = CaseClock.today();
    return switch (task.getTaskDefinitionKey()) {
      case CONSENT_CALL, RENAMED -> "{\"callOutcome\":{\"value\":\"agrees\"}}";
      case "Task_RecordGuardianConsent" -> "{\"guardianName\":{\"value\":\"Petra Vogt\"},\"guardianRelation\":{\"value\":\"parent\"},"
          + "\"guardianPhone\":{\"value\":\"+49 30 7654321\"},\"guardianConsent\":{\"value\":\"consents\"}}";
      case "Task_HoldPreparationMeeting" -> "{" + CaseApi.MEETING + ("V1".equals(person)
          ? ",\"meetingType\":{\"value\":\"direct\"},\"preferredPlace\":{\"value\":\"Community centre\"},\"firstSpeaker\":{\"value\":\"victim\"}"
          : "") + "}";
      case "Task_DecideSuitability" -> "{\"suitability\":{\"value\":\"suitable\"}}";
      case "Task_ScheduleSession" -> "{\"meetingType\":{\"value\":\"direct\"},\"sessionDate\":{\"value\":\"" + today.plusDays(14)
          + "\"},\"sessionTime\":{\"value\":\"14:30\"},\"sessionPlace\":{\"value\":\"Community centre\"},"
          + "\"sessionAttendeeIds\":" + jsonVariable("[\"V1\",\"O1\"]") + "}";
      case "Task_RecordSessionOutcome" -> "{\"sessionHeld\":{\"value\":\"held\"},\"sessionOutcome\":{\"value\":\"agreement\"}}";
      case "Task_RecordAgreement" -> "{\"item1\":" + jsonVariable("{\"kind\":\"payment\",\"offender\":\"O1\",\"creditor\":\"V1\","
          + "\"amount\":200,\"instalments\":2,\"dueDate\":\"" + today.plusDays(30) + "\",\"status\":\"open\"}") + "}";
      case "Task_RecordSignatures" -> "{\"signatureOutcome\":{\"value\":\"all_signed\"},\"signedBy\":"
          + jsonVariable("[\"V1\",\"O1\",\"G-O1\"]") + ",\"shareConsentBy\":" + jsonVariable("[\"V1\",\"O1\"]") + "}";
      case "Task_CheckFulfilment" -> "{\"fulfilment\":{\"value\":\"fulfilled\"},\"fulfilmentConfirmation\":{\"value\":\"victim_confirmed\"}}";
      case "Task_FollowUpConversation" -> "{\"followUpOutcome\":{\"value\":\"declined\"}}";
      default -> throw new AssertionError("no answer for " + task.getTaskDefinitionKey() + " (" + task.getName() + ")");
    };
  }

  private static String jsonVariable(String json) {
    return "{\"type\":\"Json\",\"value\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(json) + "}";
  }

  /** The case's running instances: the case and, recursively, the processes it calls. */
  private List<ProcessInstance> tree(String caseInstanceId) {
    List<ProcessInstance> all = new ArrayList<>();
    ProcessInstance root = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(caseInstanceId).singleResult();
    if (root != null) {
      collect(root, all);
    }
    return all;
  }

  private void collect(ProcessInstance instance, List<ProcessInstance> all) {
    all.add(instance);
    engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list()
        .forEach(child -> collect(child, all));
  }

  private boolean activeIn(String caseInstanceId, String activityId) {
    return tree(caseInstanceId).stream().anyMatch(i -> engine.getRuntimeService().getActiveActivityIds(i.getId()).contains(activityId));
  }

  private String businessKeyOf(String processInstanceId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getBusinessKey();
  }

  // --- the new set of diagrams ---------------------------------------------------------------------------------

  /**
   * Deploys the whole set again (as Camunda Modeler's "include additional files" does): contact-person with its
   * consent call renamed, follow-up with an added step, vom-case with a new version tag; the rest unchanged.
   */
  private ProcessDefinition deployTheChangedSet(ProcessDefinition oldCase) throws IOException {
    RepositoryService repository = engine.getRepositoryService();
    DeploymentBuilder deployment = repository.createDeployment().name("vom-case with changed called processes (RunningCasesMigrationIT)");
    for (String resource : repository.getDeploymentResourceNames(oldCase.getDeploymentId())) {
      byte[] bytes;
      try (InputStream in = repository.getResourceAsStream(oldCase.getDeploymentId(), resource)) {
        bytes = in.readAllBytes();
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (resource.endsWith("contact-person.bpmn")) {
        text = text.replace(CONSENT_CALL, RENAMED).replace("name=\"Call the person for consent\"",
            "name=\"Call the person and ask for consent\"");
        text = newTag(text);
      } else if (resource.endsWith("follow-up.bpmn")) {
        text = text.replace("<bpmn:sequenceFlow id=\"SequenceFlow_PeriodToInvitations\" sourceRef=\"Event_FollowUpPeriodOver\" "
            + "targetRef=\"Task_SendFollowUpInvitations\" />", "<bpmn:sequenceFlow id=\"SequenceFlow_PeriodToInvitations\" "
            + "sourceRef=\"Event_FollowUpPeriodOver\" targetRef=\"" + ADDED + "\" />"
            + "<bpmn:intermediateThrowEvent id=\"" + ADDED + "\" name=\"Follow-up period noted\" />"
            + "<bpmn:sequenceFlow id=\"SequenceFlow_NotedToInvitations\" sourceRef=\"" + ADDED + "\" "
            + "targetRef=\"Task_SendFollowUpInvitations\" />");
        assertThat(text).contains(ADDED);
        text = newTag(text);
      } else if (resource.endsWith("vom-case.bpmn")) {
        text = newTag(text);
      }
      deployment.addInputStream(resource, new ByteArrayInputStream(resource.endsWith(".bpmn")
          ? text.getBytes(StandardCharsets.UTF_8) : bytes));
    }
    newDeployment = deployment.deploy().getId();
    ProcessDefinition created = repository.createProcessDefinitionQuery().deploymentId(newDeployment).processDefinitionKey("vom-case")
        .singleResult();
    assertThat(created.getVersion()).isGreaterThan(oldCase.getVersion());
    return created;
  }

  private static String newTag(String xml) {
    return xml.replaceFirst("camunda:versionTag=\"([^\"]+)\"", "camunda:versionTag=\"$1-it\"");
  }

  // --- the endpoints ---------------------------------------------------------------------------------------------

  private static HttpResponse<String> post(Http http, String path, String json) {
    return http.postJsonWithHeader(path, json, "X-VOM-Request", "1");
  }

  private JsonNode runToTheEnd(Http admin, String body) {
    HttpResponse<String> started = post(admin, "/vom/migrations/run", body);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = json(started).path("id").asText();
    long until = System.currentTimeMillis() + 300_000;
    while (true) {
      JsonNode run = ok(admin.get("/vom/migrations/runs/" + id));
      if (run.path("status").asText().equals("finished")) {
        assertThat(run.at("/progress/done").asInt()).isEqualTo(run.at("/progress/total").asInt());
        return run;
      }
      assertThat(System.currentTimeMillis()).as("the run " + id + " to finish: " + run.path("progress")).isLessThan(until);
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private static JsonNode resultOf(JsonNode report, String caseNumber) {
    for (JsonNode result : report.at("/cases/results")) {
      if (result.path("caseNumber").asText().equals(caseNumber)) {
        return result;
      }
    }
    throw new AssertionError("case " + caseNumber + " not in the dry run");
  }

  private static JsonNode caseOf(JsonNode run, String caseNumber) {
    for (JsonNode result : run.path("cases")) {
      if (result.path("caseNumber").asText().equals(caseNumber)) {
        return result;
      }
    }
    throw new AssertionError("case " + caseNumber + " not in the run");
  }
}
