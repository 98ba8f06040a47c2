package org.vomcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vomcase.identity.RoleSetup;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.Http;

/** Each demo user reaches the apps of their role and nothing more (R24). */
class RoleAccessIT extends AbstractApplicationIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static boolean deployed;

  @BeforeAll
  static void resetDeployFlag() {
    deployed = false;
  }

  @ParameterizedTest(name = "{0} logs in to {1}: {2}")
  @CsvSource({
    "clara, tasklist, 200",
    "clara, cockpit, 403",
    "clara, admin, 403",
    "mara, tasklist, 200",
    "mara, cockpit, 403",
    "mara, admin, 403",
    "jonas, cockpit, 403",
    "lea, admin, 403",
    "sam, tasklist, 403",
    "sam, cockpit, 200",
    "sam, admin, 403",
    "admin, tasklist, 200",
    "admin, cockpit, 200",
    "admin, admin, 200",
    "policeapi, tasklist, 403",
    "policeapi, cockpit, 403",
    "policeapi, admin, 403"
  })
  void webappLoginIsAllowedOnlyForTheRolesApps(String user, String app, int expectedStatus) {
    HttpResponse<String> login = new Http(port).loginToWebapp(app, user, DEMO_PASSWORD);

    assertThat(login.statusCode()).isEqualTo(expectedStatus);
    if (expectedStatus == 200) {
      assertThat(json(login).path("userId").asText()).isEqualTo(user);
    }
  }

  @ParameterizedTest(name = "{0} sees the apps {1}")
  @CsvSource({
    "clara, tasklist welcome",
    "mara, tasklist welcome",
    "jonas, tasklist welcome",
    "lea, tasklist welcome",
    "sam, cockpit welcome",
    "admin, admin cockpit tasklist welcome"
  })
  void eachDemoUserIsOfferedExactlyTheAppsOfTheirRole(String user, String apps) {
    String firstApp = apps.split(" ")[0];
    HttpResponse<String> login = new Http(port).loginToWebapp(firstApp, user, DEMO_PASSWORD);

    Set<String> authorized = new TreeSet<>();
    json(login).path("authorizedApps").forEach(a -> authorized.add(a.asText()));
    assertThat(authorized).containsExactlyInAnyOrder(apps.split(" "));
  }

  @Test
  void supervisorSeesTheTaskButCannotCompleteIt() {
    Task task = startCaseAndGetTask();
    Http supervisor = rest("sam");

    assertThat(supervisor.get("/engine-rest/task/" + task.getId()).statusCode()).isEqualTo(200);
    HttpResponse<String> complete = supervisor.postJson("/engine-rest/task/" + task.getId() + "/complete", "{}");
    HttpResponse<String> claim =
        supervisor.postJson("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"sam\"}");
    HttpResponse<String> setVariable =
        supervisor.postJson(
            "/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables",
            "{\"modifications\":{\"x\":{\"value\":\"y\",\"type\":\"String\"}}}");

    assertThat(complete.statusCode()).isEqualTo(403);
    assertThat(claim.statusCode()).isEqualTo(403);
    assertThat(setVariable.statusCode()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    assertThat(engine.getRuntimeService().getVariable(task.getProcessInstanceId(), "x")).isNull();
  }

  @Test
  void supervisorReadsCasesButDoesNotChangeThem() {
    Task task = startCaseAndGetTask();
    Http supervisor = rest("sam");

    HttpResponse<String> instances =
        supervisor.get("/engine-rest/process-instance?processInstanceIds=" + task.getProcessInstanceId());
    HttpResponse<String> suspend =
        supervisor.send("PUT", "/engine-rest/process-instance/" + task.getProcessInstanceId() + "/suspended", "{\"suspended\":true}");
    HttpResponse<String> delete =
        supervisor.send("DELETE", "/engine-rest/process-instance/" + task.getProcessInstanceId(), null);

    assertThat(json(instances)).hasSize(1);
    assertThat(suspend.statusCode()).isEqualTo(403);
    assertThat(delete.statusCode()).isEqualTo(403);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).active().count())
        .isEqualTo(1);
  }

  @Test
  void mediatorOfTheCandidateGroupWorksTheTask() {
    Task task = startCaseAndGetTask();
    Http mediator = rest("mara");

    assertThat(mediator.postJson("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"mara\"}").statusCode())
        .isEqualTo(204);
    assertThat(mediator.postJson("/engine-rest/task/" + task.getId() + "/submit-form", "{}").statusCode()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
  }

  @Test
  void mediatorDoesNotSeeCasesOutsideTheirTasks() {
    Task task = startCaseAndGetTask();

    HttpResponse<String> instances =
        rest("mara").get("/engine-rest/process-instance?processInstanceIds=" + task.getProcessInstanceId());
    HttpResponse<String> history =
        rest("mara").get("/engine-rest/history/process-instance?processInstanceId=" + task.getProcessInstanceId());

    // Tasklist never asks for cases: the boundary keeps these routes closed to mediators.
    assertThat(instances.statusCode()).isEqualTo(403);
    assertThat(history.statusCode()).isEqualTo(403);
  }

  @ParameterizedTest(name = "{0} deploys: {1}")
  @CsvSource({"mara, 403", "clara, 403", "sam, 403", "admin, 200"})
  void onlyAdministratorsDeployDiagramsAndForms(String user, int expectedStatus) throws IOException {
    byte[] bpmn;
    try (InputStream in = getClass().getResourceAsStream("/testprocesses/role-check.bpmn")) {
      bpmn = in.readAllBytes();
    }
    String name = "modeler-deploy-" + UUID.randomUUID();

    HttpResponse<String> response =
        rest(user)
            .postMultipart(
                "/engine-rest/deployment/create",
                Map.of("deployment-name", name, "deployment-source", "Camunda Modeler"),
                Map.of("role-check.bpmn", bpmn));

    assertThat(response.statusCode()).isEqualTo(expectedStatus);
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName(name).count())
        .isEqualTo(expectedStatus == 200 ? 1 : 0);
  }

  @ParameterizedTest(name = "coordinator starts {0}: {1}")
  @CsvSource({"contact-person, 403", "prepare-person, 403", "mediation-session, 403"})
  void coordinatorsStartOnlyCasesAndCaseEvents(String processKey, int expectedStatus) {
    long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey).count();

    HttpResponse<String> response = rest("clara").postJson("/engine-rest/process-definition/key/" + processKey + "/start",
        "{\"variables\":{\"person\":{\"value\":\"{}\",\"type\":\"Json\"}}}");

    assertThat(response.statusCode()).isEqualTo(expectedStatus);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey).count()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} creates a user: {1}")
  @CsvSource({"mara, 403", "clara, 403", "sam, 403", "admin, 204"})
  void onlyAdministratorsManageUsers(String user, int expectedStatus) {
    String newUser = "createdby" + user + UUID.randomUUID().toString().substring(0, 8).replace("-", "");

    HttpResponse<String> response =
        rest(user)
            .postJson(
                "/engine-rest/user/create",
                "{\"profile\":{\"id\":\"" + newUser + "\",\"firstName\":\"Nora\",\"lastName\":\"Ulm\"},"
                    + "\"credentials\":{\"password\":\"New#UserPassword1\"}}");

    assertThat(response.statusCode()).isEqualTo(expectedStatus);
    assertThat(engine.getIdentityService().createUserQuery().userId(newUser).count()).isEqualTo(expectedStatus == 204 ? 1 : 0);
    if (expectedStatus == 204) {
      engine.getIdentityService().deleteUser(newUser);
    }
  }

  @Test
  void anOlderInstallationsAllForAdministratorsLosesWhatHandsOutCaseContent() {
    var authorizations = engine.getAuthorizationService();
    var definitions = authorizations.createAuthorizationQuery().groupIdIn("camunda-admin")
        .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION).resourceId("*").singleResult();
    definitions.addPermission(org.camunda.bpm.engine.authorization.Permissions.ALL);
    authorizations.saveAuthorization(definitions);
    assertThat(authorizations.isUserAuthorized("admin", List.of("camunda-admin"),
        org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
        org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, "vom-case")).isTrue();

    roleSetup.apply(engine);

    // Grants on history per instance or task mean nothing while historic instance permissions are off (the engine
    // refuses to evaluate them); the history's values are withheld through the process definitions.
    assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .isEnableHistoricInstancePermissions()).isFalse();
    for (var withheld : RoleSetup.ADMINISTRATOR_WITHHELD.entrySet()) {
      if (withheld.getKey() == org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK
          || withheld.getKey() == org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE) {
        continue;
      }
      for (var permission : withheld.getValue()) {
        assertThat(authorizations.isUserAuthorized("admin", List.of("camunda-admin"), permission, withheld.getKey(), "vom-case"))
            .as("%s on %s", permission, withheld.getKey()).isFalse();
      }
    }
    assertThat(authorizations.isUserAuthorized("admin", List.of("camunda-admin"),
        org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.UPDATE_INSTANCE,
        org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, "vom-case")).isTrue();
  }

  @org.springframework.beans.factory.annotation.Autowired private RoleSetup roleSetup;

  @ParameterizedTest(name = "{0} has the Tasklist filters {1}")
  @CsvSource({
    "clara, 'Intake and assignment;My overdue tasks;My tasks;Tasks I can take'",
    "mara, 'My overdue tasks;My tasks;Tasks I can take;Tasks of my cases'",
    "sam, ''"
  })
  void eachRoleHasItsTasklistFilters(String user, String filters) {
    List<String> names = new ArrayList<>();
    HttpResponse<String> list = rest(user).get("/engine-rest/filter");
    if (filters.isEmpty()) {
      assertThat(list.statusCode()).as("no Tasklist, no filters").isEqualTo(403);
      return;
    }
    json(list).forEach(f -> names.add(f.path("name").asText()));

    assertThat(new TreeSet<>(names)).containsExactlyElementsOf(filters.isEmpty() ? List.of() : List.of(filters.split(";")));
  }

  @Test
  void myTasksFilterListsWhatIsAssignedToTheMediatorAndNothingElse() {
    Task mine = startCaseAndGetTask();
    Task offered = startCaseAndGetTask();
    engine.getTaskService().setAssignee(mine.getId(), "jonas");
    Http jonas = rest("jonas");
    String myTasks = filterId(jonas, RoleSetup.FILTER_MY_TASKS);
    String canTake = filterId(jonas, RoleSetup.FILTER_TASKS_I_CAN_TAKE);

    List<String> assigned = new ArrayList<>();
    json(jonas.get("/engine-rest/filter/" + myTasks + "/list")).forEach(t -> assigned.add(t.path("id").asText()));
    List<String> available = new ArrayList<>();
    json(jonas.get("/engine-rest/filter/" + canTake + "/list")).forEach(t -> available.add(t.path("id").asText()));

    assertThat(assigned).contains(mine.getId()).doesNotContain(offered.getId());
    assertThat(available).contains(offered.getId()).doesNotContain(mine.getId());
  }

  private String filterId(Http user, String name) {
    for (JsonNode filter : json(user.get("/engine-rest/filter"))) {
      if (filter.path("name").asText().equals(name)) {
        return filter.path("id").asText();
      }
    }
    throw new AssertionError("No filter " + name);
  }

  private Task startCaseAndGetTask() {
    synchronized (RoleAccessIT.class) {
      if (!deployed
          && engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("role-check").count() == 0) {
        engine.getRepositoryService().createDeployment().addClasspathResource("testprocesses/role-check.bpmn").deploy();
      }
      deployed = true;
    }
    ProcessInstance instance =
        engine.getRuntimeService().startProcessInstanceByKey("role-check", "ROLE-" + UUID.randomUUID());
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body(), e);
    }
  }
}
