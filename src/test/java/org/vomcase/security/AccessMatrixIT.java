package org.vomcase.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vomcase.support.CaseApi.caseTask;
import static org.vomcase.support.CaseApi.json;
import static org.vomcase.support.CaseApi.onlyTask;
import static org.vomcase.support.CaseApi.referral;
import static org.vomcase.support.CaseApi.runJobs;
import static org.vomcase.support.CaseApi.submit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.DatabaseScan;
import org.vomcase.support.Http;

/**
 * The role matrix of the README ("Roles and what they can see"), asserted over the real HTTP routes
 * of the running application (R4, R24): for each role and each route, allowed or denied. The case is
 * one a coordinator registered with police-file details and the mediator Mara prepared, with notes and
 * safety concerns, and now decides on; it has a letter (PDF) for the offender, who has no email.
 */
class AccessMatrixIT extends AbstractApplicationIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String POLICE_FILE = "Previous warning for vandalism in 2025, file note " + RUN;
  private static final String MEETING_NOTES = "Ana told how much the damage frightened her children " + RUN;
  private static final String SAFETY_CONCERNS = "Carl's older brother once threatened Ana in the stairwell " + RUN;
  private static final List<String> SECRETS = List.of(POLICE_FILE, MEETING_NOTES, SAFETY_CONCERNS);

  /** The demo user of each role of the matrix (anonymous: none). */
  private static final Map<String, String> USERS = Map.of("coordinator", "clara", "mediator", "mara", "other mediator", "lea",
      "supervisor", "sam", "administrator", "admin");

  /** The case under test, made once for all rows (H2 and PostgreSQL keep it for the class). */
  private static CaseUnderTest theCase;

  @Autowired private JdbcTemplate jdbc;

  record CaseUnderTest(String caseNumber, String instanceId, String openTaskId, String letterId) {}

  /** What a route answered: allowed means it handed out the case (or did the action), denied that it did not. */
  record Outcome(int status, String body, boolean allowed) {}

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource({
    // role         route                       expected
    "coordinator,   tasklist task list,         deny",
    "coordinator,   task form,                  deny",
    "coordinator,   task variables,             deny",
    "coordinator,   process instance variables, deny",
    "coordinator,   historic variables,         deny",
    "coordinator,   historic details,           deny",
    "coordinator,   documents,                  allow",
    "coordinator,   case file,                  allow",
    "coordinator,   cockpit instances,          deny",
    "coordinator,   cockpit variables,          deny",
    "coordinator,   deployment create,          deny",
    "coordinator,   user management,            deny",
    "mediator,      tasklist task list,         allow",
    "mediator,      task form,                  allow",
    "mediator,      task variables,             allow",
    "mediator,      process instance variables, deny",
    "mediator,      historic variables,         deny",
    "mediator,      historic details,           deny",
    "mediator,      documents,                  allow",
    "mediator,      case file,                  allow",
    "mediator,      cockpit instances,          deny",
    "mediator,      cockpit variables,          deny",
    "mediator,      deployment create,          deny",
    "mediator,      user management,            deny",
    "other mediator, tasklist task list,        deny",
    "other mediator, task form,                 deny",
    "other mediator, task variables,            deny",
    "other mediator, process instance variables, deny",
    "other mediator, historic variables,        deny",
    "other mediator, historic details,          deny",
    "other mediator, documents,                 deny",
    "other mediator, case file,                 deny",
    "other mediator, cockpit instances,         deny",
    "other mediator, cockpit variables,         deny",
    "other mediator, deployment create,         deny",
    "other mediator, user management,           deny",
    "supervisor,    tasklist task list,         allow",
    "supervisor,    task form,                  allow",
    "supervisor,    task variables,             allow",
    "supervisor,    process instance variables, deny",
    "supervisor,    historic variables,         allow",
    "supervisor,    historic details,           allow",
    "supervisor,    documents,                  allow",
    "supervisor,    case file,                  allow",
    "supervisor,    cockpit instances,          allow",
    "supervisor,    cockpit variables,          allow",
    "supervisor,    deployment create,          deny",
    "supervisor,    user management,            deny",
    "administrator, tasklist task list,         allow",
    "administrator, task form,                  allow",
    "administrator, task variables,             deny",
    "administrator, process instance variables, deny",
    "administrator, historic variables,         deny",
    "administrator, historic details,           deny",
    "administrator, documents,                  deny",
    "administrator, case file,                  deny",
    "administrator, cockpit instances,          allow",
    "administrator, cockpit variables,          deny",
    "administrator, deployment create,          allow",
    "administrator, user management,            allow",
    "anonymous,     tasklist task list,         deny",
    "anonymous,     task form,                  deny",
    "anonymous,     task variables,             deny",
    "anonymous,     process instance variables, deny",
    "anonymous,     historic variables,         deny",
    "anonymous,     historic details,           deny",
    "anonymous,     documents,                  deny",
    "anonymous,     case file,                  deny",
    "anonymous,     cockpit instances,          deny",
    "anonymous,     cockpit variables,          deny",
    "anonymous,     deployment create,          deny",
    "anonymous,     user management,            deny"
  })
  void roleOnRoute(String role, String route, String expected) throws IOException {
    CaseUnderTest c = theCase();

    Outcome outcome = probe(role, route, c);

    assertThat(outcome.allowed()).as("%s on %s answered %s: %s", role, route, outcome.status(), abbreviated(outcome.body()))
        .isEqualTo("allow".equals(expected));
    if ("anonymous".equals(role)) {
      assertThat(outcome.status()).isEqualTo(401);
    }
    if ("other mediator".equals(role) || "anonymous".equals(role)) {
      // Not a single value of the case: no name, no summary, no case number.
      assertThat(outcome.body()).doesNotContain("Ana Roth", "Carl Vogt", "bicycles", c.caseNumber());
    }
    for (String secret : SECRETS) {
      if (!"case file".equals(route)) {
        assertThat(outcome.body()).as("%s on %s", role, route).doesNotContain(secret);
      }
    }
  }

  @Test
  void confidentialNotesReachOnlyTheirReadersAndNoEngineTableHoldsThem() throws IOException {
    CaseUnderTest c = theCase();
    String path = "/vom/case-file?case=" + c.caseNumber();

    String coordinator = rest("clara").get(path).body();
    String mediator = rest("mara").get(path).body();
    HttpResponse<String> supervisor = rest("sam").get(path);

    assertThat(coordinator).contains(POLICE_FILE).doesNotContain(MEETING_NOTES, SAFETY_CONCERNS);
    assertThat(mediator).contains(MEETING_NOTES, SAFETY_CONCERNS).doesNotContain(POLICE_FILE);
    assertThat(json(rest("mara").get(path)).path("confidentialNotes")).extracting(n -> n.path("kind").asText())
        .containsExactly("meetingNotes", "safetyConcerns");
    assertThat(supervisor.statusCode()).isEqualTo(200);
    assertThat(json(supervisor).has("confidentialNotes")).isFalse();
    assertThat(supervisor.body()).doesNotContain(POLICE_FILE, MEETING_NOTES, SAFETY_CONCERNS);
    assertThat(rest("jonas").get(path).statusCode()).isEqualTo(404);
    // The preparation summary says that there are concerns, not what they are.
    assertThat(json(rest("sam").get("/engine-rest/history/variable-instance?processInstanceId=" + c.instanceId()
        + "&variableName=preparationSummary")).get(0).path("value").asText()).contains("concerns recorded (in the confidential notes");
    for (String secret : SECRETS) {
      List<String> where = jdbc.execute((java.sql.Connection connection) -> DatabaseScan.tablesContaining(connection, secret));
      assertThat(where).as(secret).singleElement().satisfies(column -> assertThat(column.toLowerCase()).endsWith("vom_confidential_note.text"));
    }
    assertThat(jdbc.queryForList("SELECT user_id FROM vom_audit WHERE case_number = ? AND action = 'confidential_notes_read'",
        String.class, c.caseNumber())).contains("clara", "mara").doesNotContain("sam");
  }

  @Test
  void commentsAndAttachmentsAreSwitchedOffBecauseTheEngineHandsThemToEveryoneWhoSeesTheTask() throws IOException {
    CaseUnderTest c = theCase();
    String note = "{\"message\":\"What Ana said in the meeting " + RUN + "\"}";

    HttpResponse<String> create = rest("mara").postJson("/engine-rest/task/" + c.openTaskId() + "/comment/create", note);
    HttpResponse<String> read = rest("sam").get("/engine-rest/task/" + c.openTaskId() + "/comment");
    HttpResponse<String> instance = rest("sam").get("/engine-rest/process-instance/" + c.instanceId() + "/comment");
    HttpResponse<String> attachments = rest("sam").get("/engine-rest/task/" + c.openTaskId() + "/attachment");
    Http tasklist = new Http(port);
    tasklist.loginToWebapp("tasklist", "mara", DEMO_PASSWORD);
    HttpResponse<String> fromTasklist = tasklist.postJsonWithCsrf("/camunda/api/engine/engine/default/task/" + c.openTaskId()
        + "/comment/create", note);

    assertThat(List.of(create.statusCode(), read.statusCode(), instance.statusCode(), attachments.statusCode(),
        fromTasklist.statusCode())).containsOnly(403);
    assertThat(create.headers().firstValue("X-VOM-Boundary")).contains("route");
    assertThat(anonymous().get("/engine-rest/task/" + c.openTaskId() + "/comment").statusCode()).isEqualTo(401);
    assertThat(engine.getTaskService().getTaskComments(c.openTaskId())).isEmpty();
    // The task itself is still there for Mara.
    assertThat(rest("mara").get("/engine-rest/task/" + c.openTaskId()).statusCode()).isEqualTo(200);
  }

  @Test
  void reassigningTheCaseMovesEveryAccessFromTheOldToTheNewMediator() throws IOException {
    String instanceId = json(rest("policeapi").postJson("/api/referrals", referral().toString())).path("processInstanceId").asText();
    runJobs(engine, instanceId);
    String caseNumber = caseNumberOf(instanceId);
    assign(instanceId, "mara");
    Http mara = rest("mara");
    Http lea = rest("lea");
    String call = caseTask(mara, "Task_CallForConsent", caseNumber, null);
    submit(mara, call, "{\"callOutcome\":{\"value\":\"agrees\"}}");
    String guardian = caseTask(mara, "Task_RecordGuardianConsent", caseNumber, null);
    assertThat(json(lea.get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber))).isEmpty();

    HttpResponse<String> request = rest("clara").postJson("/api/cases/" + caseNumber + "/events",
        "{\"type\":\"mediators_change\",\"reason\":\"Mara is on long leave\"}");
    assertThat(request.statusCode()).as(request.body()).isEqualTo(200);
    HttpResponse<String> notByMediators = mara.postJson("/api/cases/" + caseNumber + "/events",
        "{\"type\":\"mediators_change\",\"reason\":\"I would rather not\"}");
    assertThat(json(notByMediators).path("message").asText()).isEqualTo("What happened: only coordinators change a case's mediators");
    String reassign = onlyTask(rest("clara"), instanceId, "Task_ReassignMediators");
    assertThat(json(rest("clara").get("/engine-rest/task/" + reassign + "/deployed-form")).path("id").asText())
        .isEqualTo("assign-mediators");
    rest("clara").postJson("/engine-rest/task/" + reassign + "/claim", "{\"userId\":\"clara\"}");
    submit(rest("clara"), reassign, "{\"leadMediator\":{\"value\":\"lea\"}}");

    // Lea has the open task, its form and values, the case file and the case's history, including Mara's finished call.
    assertThat(caseTask(lea, "Task_RecordGuardianConsent", caseNumber, null)).isEqualTo(guardian);
    assertThat(json(lea.get("/engine-rest/task/" + guardian)).path("assignee").asText()).isEqualTo("lea");
    assertThat(lea.get("/engine-rest/task/" + guardian + "/form-variables").body()).contains("Carl Vogt");
    assertThat(lea.get("/vom/case-file?case=" + caseNumber).statusCode()).isEqualTo(200);
    // The case's history is the desk's overview, read through the register: Lea's now, Mara's no longer.
    assertThat(lea.get("/vom/cases/" + caseNumber).statusCode()).isEqualTo(200);
    assertThat(mara.get("/vom/cases/" + caseNumber).statusCode()).isEqualTo(404);
    // The engine holds no grant per case or finished task (README "Performance at scale"): asked of the engine as a
    // mediator, its history and instances show nothing, to the new mediator as to the old one.
    for (String mediator : List.of("lea", "mara")) {
      assertThat(asUser(mediator, () -> engine.getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceId(instanceId).count())).isZero();
      assertThat(asUser(mediator, () -> engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId(instanceId).count())).isZero();
      assertThat(asUser(mediator, () -> engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(call).count())).isZero();
      assertThat(asUser(mediator, () -> engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(caseNumber).count())).isZero();
    }
    // Mara has nothing left of it.
    assertThat(json(mara.get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber))).isEmpty();
    assertThat(mara.get("/engine-rest/task/" + guardian + "/form-variables").statusCode()).isIn(403, 404);
    assertThat(mara.get("/vom/case-file?case=" + caseNumber).statusCode()).isEqualTo(404);
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().userIdIn("mara").list())
        .noneMatch(a -> a.getResourceId().equals(instanceId) || a.getResourceId().equals(call) || a.getResourceId().equals(guardian));
    // Lea's grants on the case: the open task's, nothing else.
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().userIdIn("lea").list())
        .filteredOn(a -> List.of(instanceId, call, guardian).contains(a.getResourceId()))
        .extracting(a -> a.getResourceId()).containsExactly(guardian);
    // The called process of the contact and the case itself now name Lea.
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().forEach(instance ->
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "leadMediator")).as(instance.getProcessDefinitionId())
            .isEqualTo("lea"));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}''s Tasklist filter ''{1}'' shows the case number")
  @CsvSource({"mara, Tasks of my cases", "mara, My tasks", "clara, Intake and assignment"})
  void tasklistListsShowTheCaseNumber(String user, String filterName) throws IOException {
    CaseUnderTest c = theCase();
    if ("clara".equals(user)) {
      runJobs(engine, json(rest("policeapi").postJson("/api/referrals", referral().toString())).path("processInstanceId").asText());
    }
    Http http = rest(user);
    String filterId = null;
    for (var filter : json(http.get("/engine-rest/filter"))) {
      if (filter.path("name").asText().equals(filterName)) {
        filterId = filter.path("id").asText();
      }
    }
    // As Tasklist asks for the list: HAL, with the variables the filter names embedded.
    HttpResponse<String> list = http.postJson("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=50", "{}",
        "application/hal+json");

    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    List<com.fasterxml.jackson.databind.JsonNode> tasks = new java.util.ArrayList<>();
    // Tasks of cases (other tests' test processes have no case number).
    json(list).path("_embedded").path("task").forEach(task -> {
      if (!task.path("processDefinitionId").asText().startsWith("role-check")) {
        tasks.add(task);
      }
    });
    assertThat(tasks).isNotEmpty();
    assertThat(tasks).allSatisfy(task -> assertThat(task.path("_embedded").path("variable")).as(task.path("name").asText())
        .anySatisfy(variable -> {
          assertThat(variable.path("name").asText()).isEqualTo("caseNumber");
          assertThat(variable.path("value").asText()).matches("VOM-\\d{4}-\\d{5}");
        }));
    if ("mara".equals(user)) {
      assertThat(list.body()).contains(c.caseNumber());
    }
  }

  // --- the routes -------------------------------------------------------------------------------

  private Outcome probe(String role, String route, CaseUnderTest c) throws IOException {
    if (!USERS.containsKey(role) && !"anonymous".equals(role)) {
      throw new IllegalArgumentException(role);
    }
    String user = USERS.get(role);
    Http http = user == null ? anonymous() : rest(user);
    return switch (route) {
      case "tasklist task list" -> listing(http.get("/engine-rest/task?processInstanceBusinessKey=" + c.caseNumber()), c.openTaskId());
      case "task form" -> status(http.get("/engine-rest/task/" + c.openTaskId() + "/deployed-form"), 200);
      case "task variables" -> holding(http.get("/engine-rest/task/" + c.openTaskId() + "/form-variables"), c.caseNumber());
      case "process instance variables" -> holding(http.get("/engine-rest/process-instance/" + c.instanceId() + "/variables"),
          c.caseNumber());
      case "historic variables" -> listing(http.get("/engine-rest/history/variable-instance?processInstanceId=" + c.instanceId()),
          c.caseNumber());
      // Any past value of the case handed out (the registration's first values are the register's, so the case number
      // itself need not be among them): a row of the case's instance.
      case "historic details" -> listing(http.get("/engine-rest/history/detail?processInstanceId=" + c.instanceId()),
          "\"processInstanceId\":\"" + c.instanceId() + "\"");
      case "documents" -> {
        HttpResponse<byte[]> pdf = http.getBytes("/vom/documents/" + c.letterId());
        yield new Outcome(pdf.statusCode(), new String(pdf.body(), java.nio.charset.StandardCharsets.ISO_8859_1),
            pdf.statusCode() == 200 && pdf.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
      }
      case "case file" -> holding(http.get("/vom/case-file?case=" + c.caseNumber()), c.caseNumber());
      case "cockpit instances" -> cockpit(user, "/camunda/api/engine/engine/default/process-instance?businessKey=" + c.caseNumber(),
          c.instanceId());
      case "cockpit variables" -> cockpit(user, "/camunda/api/engine/engine/default/variable-instance?processInstanceIdIn="
          + c.instanceId(), c.caseNumber());
      case "deployment create" -> deploy(http);
      case "user management" -> createUser(http);
      default -> throw new IllegalArgumentException(route);
    };
  }

  /** A list that names the case's item (allowed) or not (denied: empty, or 401/403). */
  private static Outcome listing(HttpResponse<String> response, String item) {
    return new Outcome(response.statusCode(), response.body(), response.statusCode() == 200 && response.body().contains(item));
  }

  private static Outcome holding(HttpResponse<String> response, String value) {
    return new Outcome(response.statusCode(), response.body(), response.statusCode() == 200 && response.body().contains(value));
  }

  private static Outcome status(HttpResponse<String> response, int allowedStatus) {
    return new Outcome(response.statusCode(), response.body(), response.statusCode() == allowedStatus);
  }

  /** Cockpit's own API (the webapp session of a Cockpit login), as its instance and variable views call it. */
  private Outcome cockpit(String user, String path, String expected) {
    Http session = new Http(port);
    if (user == null) {
      HttpResponse<String> response = session.get(path);
      return new Outcome(response.statusCode(), response.body(), false);
    }
    HttpResponse<String> login = session.loginToWebapp("cockpit", user, DEMO_PASSWORD);
    if (login.statusCode() != 200) {
      return new Outcome(login.statusCode(), login.body(), false);
    }
    return listing(session.get(path), expected);
  }

  private static Outcome deploy(Http http) throws IOException {
    byte[] bpmn;
    try (InputStream in = AccessMatrixIT.class.getResourceAsStream("/testprocesses/role-check.bpmn")) {
      bpmn = in.readAllBytes();
    }
    HttpResponse<String> response = http.postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", "matrix-" + UUID.randomUUID(), "deployment-source", "Camunda Modeler"), Map.of("role-check.bpmn", bpmn));
    return status(response, 200);
  }

  private Outcome createUser(Http http) {
    String id = "matrix" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> response = http.postJson("/engine-rest/user/create", "{\"profile\":{\"id\":\"" + id
        + "\",\"firstName\":\"Nora\",\"lastName\":\"Ulm\"},\"credentials\":{\"password\":\"New#UserPassword1\"}}");
    if (response.statusCode() == 204) {
      engine.getIdentityService().deleteUser(id);
    }
    return status(response, 204);
  }

  private static String abbreviated(String body) {
    return body == null || body.length() < 300 ? body : body.substring(0, 300) + "...";
  }

  // --- the case ---------------------------------------------------------------------------------

  /**
   * Registered by the coordinator with police-file details, assigned to Mara alone, both persons
   * agreed, both prepared (the victim's meeting with notes and safety concerns): waiting for Mara's
   * suitability decision.
   */
  private synchronized CaseUnderTest theCase() throws IOException {
    if (theCase != null && engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(theCase.instanceId()).count() == 1) {
      return theCase;
    }
    ObjectNode referral = referral();
    referral.put("policeFileDetails", POLICE_FILE);
    HttpResponse<String> registered = rest("clara").postJson("/api/referrals", referral.toString());
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String instanceId = json(registered).path("processInstanceId").asText();
    runJobs(engine, instanceId);
    String caseNumber = caseNumberOf(instanceId);
    assign(instanceId, "mara");
    Http mara = rest("mara");
    org.vomcase.support.CaseApi.everyoneConsents(engine, mara, instanceId);
    String meeting = org.vomcase.support.CaseApi.MEETING;
    submit(mara, caseTask(mara, "Task_HoldPreparationMeeting", caseNumber, "O1"), "{" + meeting + "}");
    submit(mara, caseTask(mara, "Task_HoldPreparationMeeting", caseNumber, "V1"), "{" + meeting
        + ",\"meetingType\":{\"value\":\"direct\"},\"preferredPlace\":{\"value\":\"Community centre, room 2\"},"
        + "\"firstSpeaker\":{\"value\":\"victim\"},\"meetingNotes\":{\"value\":\"" + MEETING_NOTES + "\"},"
        + "\"safetyConcerns\":{\"value\":\"" + SAFETY_CONCERNS + "\"}}");
    String decision = onlyTask(mara, instanceId, "Task_DecideSuitability");
    List<String> letters = jdbc.queryForList("SELECT id FROM vom_document WHERE case_number = ? AND media_type = 'application/pdf'",
        String.class, caseNumber);
    assertThat(letters).as("the offender's introduction letter").isNotEmpty();
    theCase = new CaseUnderTest(caseNumber, instanceId, decision, letters.get(0));
    return theCase;
  }

  private void assign(String instanceId, String mediator) throws IOException {
    Http clara = rest("clara");
    String assignTask = onlyTask(clara, instanceId, "Task_AssignMediators");
    clara.postJson("/engine-rest/task/" + assignTask + "/claim", "{\"userId\":\"clara\"}");
    submit(clara, assignTask, "{\"leadMediator\":{\"value\":\"" + mediator + "\"}}");
    runJobs(engine, instanceId);
  }

  private String caseNumberOf(String instanceId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey();
  }

  /** Asks the engine as the user (with their groups), as their requests would: what their grants let them see. */
  private <T> T asUser(String user, java.util.function.Supplier<T> query) {
    var identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    identity.setAuthentication(user, groups);
    try {
      return query.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
