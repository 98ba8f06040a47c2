package org.vomcase.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vomcase.support.CaseApi.assign;
import static org.vomcase.support.CaseApi.caseNumber;
import static org.vomcase.support.CaseApi.caseTask;
import static org.vomcase.support.CaseApi.json;
import static org.vomcase.support.CaseApi.referral;
import static org.vomcase.support.CaseApi.runJobs;
import static org.vomcase.support.CaseApi.submit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.Http;

/**
 * Authorization that stays flat at scale (README "Performance at scale", issue 21), with the rules unchanged: the
 * engine runs {@link ScalableAuthorizationManager}; a running case holds one grant per mediator on its open task and
 * nothing else, a closed case none; the task query's other form still honours grants, group grants and REVOKE
 * authorizations exactly; grants written by earlier versions are removed at start.
 */
class AuthorizationAtScaleIT extends AbstractApplicationIT {

  @Test
  void theEngineChecksAuthorizationsWithTheScalableManager() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getSessionFactories().get(AuthorizationManager.class).openSession())
        .isInstanceOf(ScalableAuthorizationManager.class);
    assertThat(configuration.isEnableHistoricInstancePermissions()).isFalse();
  }

  @Test
  void aRunningCaseHoldsOneGrantPerMediatorOnItsOpenTaskAndAClosedCaseNone() throws IOException {
    Http mara = rest("mara");
    String instanceId = json(rest("policeapi").postJson("/api/referrals", referral().toString())).path("processInstanceId").asText();
    runJobs(engine, instanceId);
    assign(engine, rest("clara"), instanceId, "mara", "jonas");
    String caseNumber = caseNumber(engine, instanceId);
    String call = caseTask(mara, "Task_CallForConsent", caseNumber, null);

    List<String> openTasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber).list().stream()
        .map(t -> t.getId()).toList();
    assertThat(openTasks).containsExactly(call);
    List<Authorization> grants = grantsOn(caseNumber);
    assertThat(grants).extracting(Authorization::getResourceId).containsOnly(call);
    assertThat(grants).extracting(Authorization::getUserId).containsExactlyInAnyOrder("mara", "jonas");
    // Both mediators see and work it; another mediator does not see it.
    assertThat(json(rest("jonas").get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber))).hasSize(1);
    assertThat(json(rest("lea").get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber))).isEmpty();
    assertThat(rest("lea").get("/engine-rest/task/" + call).statusCode()).isIn(403, 404);

    submit(mara, call, "{\"callOutcome\":{\"value\":\"declines\"}}");
    runJobs(engine, instanceId);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
    assertThat(grantsOn(caseNumber)).isEmpty();
  }

  @Test
  void theTaskQueryHonoursGrantsGroupsAndRevokesAsTheEngineDefinesThem() throws IOException {
    Http mara = rest("mara");
    String instanceId = json(rest("policeapi").postJson("/api/referrals", referral().toString())).path("processInstanceId").asText();
    runJobs(engine, instanceId);
    String caseNumber = caseNumber(engine, instanceId);
    // The coordinators see the assignment through their group's grant on it; Mara does not.
    JsonNode intake = json(rest("clara").get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber));
    assertThat(intake).hasSize(1);
    String assignment = intake.get(0).path("id").asText();
    assertThat(json(mara.get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber))).isEmpty();

    assign(engine, rest("clara"), instanceId, "mara", null);
    String call = caseTask(mara, "Task_CallForConsent", caseNumber, null);
    long before = json(mara.get("/engine-rest/task/count")).path("count").asLong();
    assertThat(rest("clara").get("/engine-rest/task/" + assignment).statusCode()).isIn(403, 404);

    // Supervisors see every task through their group's grant on all tasks; a REVOKE of READ on one task for one
    // supervisor (a user's REVOKE beats a group's GRANT) hides it from his lists, counts and the task itself.
    Http sam = rest("sam");
    AuthorizationService authorizations = engine.getAuthorizationService();
    long samSees = json(sam.get("/engine-rest/task/count")).path("count").asLong();
    assertThat(json(sam.get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber))).hasSize(1);
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("sam");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(call);
    revoke.removePermission(Permissions.READ);
    revoke = authorizations.saveAuthorization(revoke);
    try {
      assertThat(json(sam.get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber))).isEmpty();
      assertThat(json(sam.get("/engine-rest/task/count")).path("count").asLong()).isEqualTo(samSees - 1);
      assertThat(sam.get("/engine-rest/task/" + call).statusCode()).isIn(403, 404);
      // Mara's own grant on her task is untouched by his REVOKE.
      assertThat(json(mara.get("/engine-rest/task/count")).path("count").asLong()).isEqualTo(before);
    } finally {
      authorizations.deleteAuthorization(revoke.getId());
    }
    assertThat(json(sam.get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber))).hasSize(1);
    assertThat(json(sam.get("/engine-rest/task/count")).path("count").asLong()).isEqualTo(samSees);

    // A group grant on a single task opens it to the group's members, as the engine defines it.
    String group = save(authorizations, null, "mediators", Resources.TASK, call, Permissions.READ);
    try {
      assertThat(json(rest("lea").get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber))).hasSize(1);
    } finally {
      authorizations.deleteAuthorization(group);
    }
    assertThat(json(rest("lea").get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber))).isEmpty();
  }

  @Test
  void grantsOfEarlierVersionsPerCaseAreRemovedAtStart() {
    AuthorizationService authorizations = engine.getAuthorizationService();
    List<String> written = new ArrayList<>();
    written.add(save(authorizations, "mara", null, Resources.PROCESS_INSTANCE, "an-old-case", Permissions.READ));
    // The engine refuses grants on history while historic instance permissions are off: written as an earlier version left them.
    written.add(insert("mara", Resources.HISTORIC_PROCESS_INSTANCE, "an-old-case"));
    written.add(insert("jonas", Resources.HISTORIC_TASK, "an-old-task"));
    // Kept: a supervisor's grant on a single instance (not a mediator's), and every grant on all resources ('*').
    String kept = save(authorizations, "sam", null, Resources.PROCESS_INSTANCE, "an-old-case", Permissions.READ);

    new ScalableAuthorizationPlugin().postProcessEngineBuild(engine);

    assertThat(written).allSatisfy(id -> assertThat(authorizations.createAuthorizationQuery().authorizationId(id).count()).isZero());
    assertThat(authorizations.createAuthorizationQuery().authorizationId(kept).count()).isOne();
    assertThat(authorizations.createAuthorizationQuery().resourceId("*").count()).isPositive();
    authorizations.deleteAuthorization(kept);
  }

  private String insert(String user, org.camunda.bpm.engine.authorization.Resource resource, String resourceId) {
    String id = java.util.UUID.randomUUID().toString();
    jdbc.update("INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)"
        + " VALUES (?, 1, 1, ?, ?, ?, 3)", id, user, resource.resourceType(), resourceId);
    return id;
  }

  @org.springframework.beans.factory.annotation.Autowired private org.springframework.jdbc.core.JdbcTemplate jdbc;

  private static String save(AuthorizationService authorizations, String user, String group,
      org.camunda.bpm.engine.authorization.Resource resource, String resourceId, org.camunda.bpm.engine.authorization.Permission permission) {
    Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setUserId(user);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    return authorizations.saveAuthorization(authorization).getId();
  }

  /** Every authorization on the case's instances and tasks, running or finished. */
  private List<Authorization> grantsOn(String caseNumber) {
    List<String> resources = new ArrayList<>();
    engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
        .forEach(instance -> resources.add(instance.getId()));
    engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber).list()
        .forEach(task -> resources.add(task.getId()));
    List<Authorization> grants = new ArrayList<>();
    resources.forEach(id -> grants.addAll(engine.getAuthorizationService().createAuthorizationQuery().resourceId(id).list()));
    return grants;
  }
}
