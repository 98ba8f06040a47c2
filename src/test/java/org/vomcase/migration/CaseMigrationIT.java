package org.vomcase.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vomcase.support.CaseApi.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.CaseApi;
import org.vomcase.support.Http;

/**
 * Migration as administrators do it (README "Deploying a changed diagram from Camunda Modeler"): two cases wait at the
 * offender's consent call in {@code contact-person}; a new version of {@code contact-person} is deployed in which that step
 * has another id ({@code Task_ConsentCall}) and another label. The plan reports both cases as not movable, in words; with
 * the administrator's extra mapping they can move; the dry run changes nothing; the run moves them (audited), the mediator
 * works the step on the new version, and a rollback takes the other case back. Nobody but administrators may call it.
 */
class CaseMigrationIT extends AbstractApplicationIT {

  private static final String KEY = "contact-person";

  @Autowired JdbcTemplate jdbc;
  @Autowired MigrationRuns runs;
  @Autowired CaseMigration migration;

  private final List<String> cases = new ArrayList<>();
  private String newDeployment;

  @AfterEach
  void removeTheCasesAndTheNewVersion() {
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
  void administratorsPlanDryRunRunAndRollBackACalledProcessOthersMayNot() throws IOException {
    Http referrer = rest("policeapi");
    Http clara = rest("clara");
    Http mara = rest("mara");
    Http admin = rest("admin");
    String first = CaseApi.assignedCase(engine, referrer, clara);
    String second = CaseApi.assignedCase(engine, referrer, clara);
    cases.addAll(List.of(first, second));
    String firstCase = CaseApi.caseNumber(engine, first);
    String secondCase = CaseApi.caseNumber(engine, second);
    ProcessDefinition old = called(first).orElseThrow();
    int from = old.getVersion();
    assertThat(called(second).orElseThrow().getId()).isEqualTo(old.getId());

    int to = deployRenamedConsentCall(old);
    String body = "{\"processKey\":\"" + KEY + "\",\"sourceVersion\":" + from + ",\"targetVersion\":" + to;
    // The renamed step, and its overdue reminder (a timer attached to it, which mapEqualActivities leaves out).
    String mapping = ",\"extraMappings\":[{\"from\":\"Task_CallForConsent\",\"to\":\"Task_ConsentCall\"},"
        + "{\"from\":\"BoundaryEvent_ConsentCallOverdue\",\"to\":\"BoundaryEvent_ConsentCallOverdue\"}]";

    // Only administrators.
    for (Http other : List.of(clara, mara, rest("sam"))) {
      assertThat(post(other, "/vom/migrations/plan", body + "}").statusCode()).isEqualTo(403);
      assertThat(post(other, "/vom/migrations/run", body + ",\"dryRun\":false}").statusCode()).isEqualTo(403);
      assertThat(other.get("/vom/migrations/runs").statusCode()).isEqualTo(403);
    }
    assertThat(post(anonymous(), "/vom/migrations/run", body + "}").statusCode()).isEqualTo(401);
    assertThat(anonymous().get("/vom/migrations/runs").statusCode()).isEqualTo(401);

    // The plan without a mapping for the renamed step: neither case can move, and why, in words.
    JsonNode plan = ok(post(admin, "/vom/migrations/plan", body + "}"));
    assertThat(plan.at("/target/version").asInt()).isEqualTo(to);
    assertThat(plan.at("/dryRun").asBoolean()).isTrue();
    for (String caseNumber : List.of(firstCase, secondCase)) {
      JsonNode result = resultOf(plan, caseNumber);
      assertThat(result.path("migratable").asBoolean()).as(result.toString()).isFalse();
      assertThat(result.path("problems").toString()).contains("Call the person for consent", "Task_CallForConsent");
    }
    assertThat(plan.at("/plans/0/unmapped").toString()).contains("\\\"Call the person for consent\\\" (Task_CallForConsent)",
        "BoundaryEvent_ConsentCallOverdue");
    assertThat(called(first).orElseThrow().getId()).isEqualTo(old.getId());
    long timers = timers(first);
    assertThat(timers).as("the consent call's overdue reminder").isPositive();

    // With the administrator's mapping both can move; the plan and the default run (a dry run) change nothing.
    JsonNode mapped = ok(post(admin, "/vom/migrations/plan", body + mapping + "}"));
    assertThat(mapped.at("/plans/0/instructions").toString()).contains("{\"from\":\"Task_CallForConsent\",\"to\":\"Task_ConsentCall\"}");
    JsonNode dry = ok(post(admin, "/vom/migrations/run", body + mapping + "}"));
    assertThat(dry.at("/dryRun").asBoolean()).isTrue();
    for (JsonNode report : List.of(mapped, dry)) {
      for (String caseNumber : List.of(firstCase, secondCase)) {
        JsonNode result = resultOf(report, caseNumber);
        assertThat(result.path("migratable").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("migrated").asBoolean()).isFalse();
      }
    }
    assertThat(called(first).orElseThrow().getId()).isEqualTo(old.getId());
    assertThat(called(second).orElseThrow().getId()).isEqualTo(old.getId());
    assertThat(audited(firstCase)).isZero();

    // The run moves both cases with their called instance, audited per case.
    JsonNode run = runToTheEnd(admin, body + mapping + ",\"dryRun\":false}");
    assertThat(run.at("/startedBy").asText()).isEqualTo("admin");
    assertThat(run.at("/startedAt").asText()).isNotBlank();
    assertThat(run.at("/progress/total").asInt()).isEqualTo(2);
    assertThat(run.at("/progress/done").asInt()).isEqualTo(2);
    assertThat(run.at("/progress/migrated").asInt()).isEqualTo(2);
    assertThat(run.at("/progress/failed").asInt()).isZero();
    assertThat(run.at("/extraMappings/0/to").asText()).isEqualTo("Task_ConsentCall");
    for (String caseNumber : List.of(firstCase, secondCase)) {
      assertThat(caseOf(run, caseNumber).path("status").asText()).isEqualTo("migrated");
      assertThat(caseOf(run, caseNumber).path("instances").toString()).contains(KEY + " " + from + " -> " + to);
      assertThat(audited(caseNumber)).isEqualTo(1);
    }
    assertThat(called(first).orElseThrow().getVersion()).isEqualTo(to);
    assertThat(called(second).orElseThrow().getVersion()).isEqualTo(to);
    assertThat(timers(first)).as("the mapped timer kept").isEqualTo(timers);

    // The mediator works the renamed step on the new version: the case goes on (the guardian's consent is next).
    CaseApi.submit(mara, CaseApi.caseTask(mara, "Task_ConsentCall", secondCase, null), "{\"callOutcome\":{\"value\":\"agrees\"}}");
    CaseApi.runJobs(engine, second);
    CaseApi.caseTask(mara, "Task_RecordGuardianConsent", secondCase, null);

    // Rollback: the same request with the previous version as the target and the mapping the other way.
    String back = "{\"processKey\":\"" + KEY + "\",\"sourceVersion\":" + to + ",\"targetVersion\":" + from
        + ",\"extraMappings\":[{\"from\":\"Task_ConsentCall\",\"to\":\"Task_CallForConsent\"},"
        + "{\"from\":\"BoundaryEvent_ConsentCallOverdue\",\"to\":\"BoundaryEvent_ConsentCallOverdue\"}],\"dryRun\":false}";
    JsonNode rollback = runToTheEnd(admin, back);
    assertThat(caseOf(rollback, firstCase).path("status").asText()).as(rollback.toString()).isEqualTo("migrated");
    assertThat(rollback.at("/progress/done").asInt()).isEqualTo(2);
    assertThat(called(first).orElseThrow().getId()).isEqualTo(old.getId());
    assertThat(timers(first)).isEqualTo(timers);
    CaseApi.caseTask(mara, "Task_CallForConsent", firstCase, null);
  }

  @Test
  void aRequestWithoutAProcessOrWithAnUnknownVersionIsRefusedWithTheReason() {
    Http admin = rest("admin");
    HttpResponse<String> noKey = post(admin, "/vom/migrations/plan", "{}");
    assertThat(noKey.statusCode()).isEqualTo(400);
    assertThat(noKey.body()).contains("processKey is required");
    HttpResponse<String> unknown = post(admin, "/vom/migrations/plan", "{\"processKey\":\"" + KEY + "\",\"targetVersion\":999}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("no version 999 of contact-person", "Target version");
    HttpResponse<String> badMapping = post(admin, "/vom/migrations/run", "{\"processKey\":\"" + KEY
        + "\",\"extraMappings\":[{\"from\":\"Task A\",\"to\":\"Task_B\"}],\"dryRun\":false}");
    assertThat(badMapping.statusCode()).isEqualTo(400);
    assertThat(badMapping.body()).contains("Extra mappings");
    assertThat(post(admin, "/vom/migrations/run", "{\"processKey\":\"" + KEY + "\",\"targetVersion\":999,\"dryRun\":false}")
        .statusCode()).isEqualTo(400);
    assertThat(admin.get("/vom/migrations/runs/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);
    assertThat(admin.get("/vom/migrations/runs/not-a-run").statusCode()).isEqualTo(404);
    assertThat(post(admin, "/vom/migrations/plan", "{\"processKey\": 1,").statusCode()).isEqualTo(400);
  }

  @Test
  void aCaseThatGoesOnWhileItIsBeingMovedIsNotHalfMigrated() throws IOException {
    String first = CaseApi.assignedCase(engine, rest("policeapi"), rest("clara"));
    cases.add(first);
    ProcessDefinition old = called(first).orElseThrow();
    int to = deployRenamedConsentCall(old);
    CaseMigration.Scope scope = migration.scope(new CaseMigration.Request(KEY, old.getVersion(), to, List.of(
        new CaseMigration.Mapping("Task_CallForConsent", "Task_ConsentCall"),
        new CaseMigration.Mapping("BoundaryEvent_ConsentCallOverdue", "BoundaryEvent_ConsentCallOverdue"))));
    var runtime = engine.getRuntimeService();
    // Between the look at the case's instances and its move, the case calls contact-person once more (as a mediator's
    // step would), on the version its deployment binds: the old one.
    CaseMigration.Bookkeeping goesOn = new CaseMigration.Bookkeeping() {
      @Override
      public boolean claim() {
        var call = runtime.getActivityInstance(first).getActivityInstances("CallActivity_ContactPerson")[0];
        String sub = runtime.createProcessInstanceQuery().superProcessInstanceId(first).processDefinitionKey(KEY).list().get(0)
            .getId();
        runtime.createProcessInstanceModification(first)
            .startBeforeActivity("CallActivity_ContactPerson", call.getParentActivityInstanceId())
            .setVariableLocal("person", runtime.getVariableTyped(sub, "person")).execute();
        return true;
      }

      @Override
      public void record(CaseMigration.CaseResult result) {}
    };
    CaseMigration.CaseResult result = migration.migrateCase(scope, first, false, "admin", goesOn);
    List<String> versions = runtime.createProcessInstanceQuery().superProcessInstanceId(first).processDefinitionKey(KEY).list()
        .stream().map(ProcessInstance::getProcessDefinitionId).distinct().toList();
    assertThat(versions).as("the case's contact-person instances run on one version: " + result).hasSize(1);
    assertThat(result.migrated()).isFalse();
    assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("went on while it was being moved"));
  }

  @Test
  void aBodyOfTheWrongShapeIsRefusedNamingTheFieldAndStartsNothing() {
    Http admin = rest("admin");
    int runsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM vom_migration_run", Integer.class);
    String k = "\"processKey\":\"" + KEY + "\"";
    List<String[]> refused = List.of(
        new String[] {"/vom/migrations/run", "{" + k + ",\"dryRun\":\"false\"}", "dryRun"},
        new String[] {"/vom/migrations/run", "{" + k + ",\"dryRun\":0}", "dryRun"},
        new String[] {"/vom/migrations/plan", "{\"processKey\":[\"vom-case\"]}", "processKey"},
        new String[] {"/vom/migrations/plan", "{\"processKey\":5}", "processKey"},
        new String[] {"/vom/migrations/plan", "{" + k + ",\"sourceVersion\":\"abc\"}", "sourceVersion"},
        new String[] {"/vom/migrations/plan", "{" + k + ",\"sourceVersion\":1.5}", "sourceVersion"},
        new String[] {"/vom/migrations/plan", "{" + k + ",\"targetVersion\":99999999999999}", "targetVersion"},
        new String[] {"/vom/migrations/plan", "{" + k + ",\"targetVersion\":true}", "targetVersion"},
        new String[] {"/vom/migrations/plan", "{" + k + ",\"extraMappings\":\"Task_A\"}", "extraMappings"},
        new String[] {"/vom/migrations/plan", "{" + k + ",\"extraMappings\":[{\"from\":1,\"to\":{}}]}", "extraMappings"},
        new String[] {"/vom/migrations/run", "{" + k + ",\"dryrun\":false}", "dryrun"});
    for (String[] request : refused) {
      HttpResponse<String> answer = post(admin, request[0], request[1]);
      assertThat(answer.statusCode()).as(request[1]).isEqualTo(400);
      assertThat(json(answer).path("errors").path(0).path("field").asText()).as(request[1]).isEqualTo(request[2]);
    }
    assertThat(post(admin, "/vom/migrations/plan", "{" + k + "} {}").statusCode()).isEqualTo(400);
    assertThat(post(admin, "/vom/migrations/plan", "[]").statusCode()).isEqualTo(400);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vom_migration_run", Integer.class)).as("no run started")
        .isEqualTo(runsBefore);
  }

  @Test
  void aRunLeftUnfinishedByAStopIsResumedAtTheNextStart() throws IOException {
    Http admin = rest("admin");
    String first = CaseApi.assignedCase(engine, rest("policeapi"), rest("clara"));
    cases.add(first);
    ProcessDefinition old = called(first).orElseThrow();
    int to = deployRenamedConsentCall(old);
    // As the node left it when it stopped right after answering 202: the run written, its cases not listed yet.
    String id = java.util.UUID.randomUUID().toString();
    jdbc.update("INSERT INTO vom_migration_run (id, process_key, source_version, target_version, extra_mappings, started_by, "
        + "started_at) VALUES (?, ?, ?, ?, ?, 'admin', CURRENT_TIMESTAMP)", id, KEY, old.getVersion(), to,
        "[{\"from\":\"Task_CallForConsent\",\"to\":\"Task_ConsentCall\"}]");
    assertThat(ok(admin.get("/vom/migrations/runs/" + id)).path("status").asText()).isEqualTo("preparing");

    runs.resumeUnfinished();

    long until = System.currentTimeMillis() + 60_000;
    JsonNode run = ok(admin.get("/vom/migrations/runs/" + id));
    while (!run.path("status").asText().equals("finished") && System.currentTimeMillis() < until) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      run = ok(admin.get("/vom/migrations/runs/" + id));
    }
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("finished");
    assertThat(caseOf(run, CaseApi.caseNumber(engine, first)).path("status").asText()).isEqualTo("migrated");
    assertThat(called(first).orElseThrow().getVersion()).isEqualTo(to);
    assertThat(audited(CaseApi.caseNumber(engine, first))).isEqualTo(1);
  }

  /** Deploys contact-person again with its consent call renamed (id Task_ConsentCall, a new label), with the forms it uses. */
  private int deployRenamedConsentCall(ProcessDefinition old) throws IOException {
    RepositoryService repository = engine.getRepositoryService();
    String xml;
    try (InputStream in = repository.getProcessModel(old.getId())) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    xml = xml.replace("Task_CallForConsent", "Task_ConsentCall")
        .replace("name=\"Call the person for consent\"", "name=\"Call the person and ask for consent\"");
    DeploymentBuilder deployment = repository.createDeployment().name("contact-person renamed step (CaseMigrationIT)")
        .addString("contact-person.bpmn", xml);
    for (String resource : repository.getDeploymentResourceNames(old.getDeploymentId())) {
      if (resource.endsWith(".form")) {
        try (InputStream in = repository.getResourceAsStream(old.getDeploymentId(), resource)) {
          deployment.addInputStream(resource, new java.io.ByteArrayInputStream(in.readAllBytes()));
        }
      }
    }
    newDeployment = deployment.deploy().getId();
    ProcessDefinition created = repository.createProcessDefinitionQuery().deploymentId(newDeployment).processDefinitionKey(KEY)
        .singleResult();
    assertThat(created.getVersion()).isGreaterThan(old.getVersion());
    return created.getVersion();
  }

  /** The case's running contact-person instance's version. */
  private java.util.Optional<ProcessDefinition> called(String caseInstanceId) {
    ProcessInstance sub = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caseInstanceId)
        .processDefinitionKey(KEY).singleResult();
    return sub == null ? java.util.Optional.empty()
        : java.util.Optional.of(engine.getRepositoryService().getProcessDefinition(sub.getProcessDefinitionId()));
  }

  /** The case file's endpoints take a change only with the header X-VOM-Request (README "The case file"). */
  private static HttpResponse<String> post(Http http, String path, String json) {
    return http.postJsonWithHeader(path, json, "X-VOM-Request", "1");
  }

  /** The timers (jobs) of the case's running contact-person instance. */
  private long timers(String caseInstanceId) {
    ProcessInstance sub = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caseInstanceId)
        .processDefinitionKey(KEY).singleResult();
    return engine.getManagementService().createJobQuery().processInstanceId(sub.getId()).timers().count();
  }

  private int audited(String caseNumber) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM vom_audit WHERE case_number = ? AND action = ? AND user_id = 'admin'",
        Integer.class, caseNumber, CaseMigration.CASE_MIGRATED);
  }

  /** Starts a run (202 with its id) and reads its progress until it is finished; the list shows it too. */
  private JsonNode runToTheEnd(Http admin, String body) {
    HttpResponse<String> started = post(admin, "/vom/migrations/run", body);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = json(started).path("id").asText();
    assertThat(started.headers().firstValue("Location")).hasValue("/vom/migrations/runs/" + id);
    long until = System.currentTimeMillis() + 60_000;
    while (true) {
      JsonNode run = ok(admin.get("/vom/migrations/runs/" + id));
      if (run.path("status").asText().equals("finished")) {
        assertThat(run.path("finishedAt").asText()).isNotBlank();
        assertThat(ok(admin.get("/vom/migrations/runs")).at("/runs/0/id").asText()).isEqualTo(id);
        return run;
      }
      assertThat(System.currentTimeMillis()).as("the run " + id + " to finish: " + run).isLessThan(until);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static JsonNode caseOf(JsonNode run, String caseNumber) {
    for (JsonNode result : run.path("cases")) {
      if (result.path("caseNumber").asText().equals(caseNumber)) {
        return result;
      }
    }
    throw new AssertionError("case " + caseNumber + " not in " + run);
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
    throw new AssertionError("case " + caseNumber + " not in " + report);
  }
}
