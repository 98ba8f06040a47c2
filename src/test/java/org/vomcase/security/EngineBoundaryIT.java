package org.vomcase.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vomcase.support.CaseApi.caseTask;
import static org.vomcase.support.CaseApi.json;
import static org.vomcase.support.CaseApi.onlyTask;
import static org.vomcase.support.CaseApi.referral;
import static org.vomcase.support.CaseApi.runJobs;
import static org.vomcase.support.CaseApi.submit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.vomcase.access.CaseRegistry;
import org.vomcase.boundary.EngineBoundary;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.Http;

/**
 * The attacks on the engine boundary as an attacker with a mediator's, a supervisor's, an administrator's
 * or a referring system's login would make them, each over real HTTP against the running application, and
 * what must hold afterwards.
 */
class EngineBoundaryIT extends AbstractApplicationIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Autowired private CaseRegistry registry;

  record OpenCase(String caseNumber, String instanceId, String taskId) {}

  /** A case referred by the police's system, assigned to Mara; its open task is Mara's first consent call. */
  private OpenCase openCase() throws IOException {
    String instanceId = org.vomcase.support.CaseApi.assignedCase(engine, rest("policeapi"), rest("clara"));
    String caseNumber = org.vomcase.support.CaseApi.caseNumber(engine, instanceId);
    return new OpenCase(caseNumber, instanceId, caseTask(rest("mara"), "Task_CallForConsent", caseNumber, null));
  }

  @Test
  void aPathParameterDoesNotOpenTheSwitchedOffComments() throws IOException {
    OpenCase c = openCase();
    String note = "{\"message\":\"What Ana said " + RUN + "\"}";
    Http tasklist = new Http(port);
    tasklist.loginToWebapp("tasklist", "mara", DEMO_PASSWORD);
    Http cockpit = new Http(port);
    cockpit.loginToWebapp("cockpit", "sam", DEMO_PASSWORD);

    List<HttpResponse<String>> answers = List.of(
        rest("mara").postJson("/engine-rest/task/" + c.taskId() + "/comment;x=1/create", note),
        rest("sam").postJson("/engine-rest/task/" + c.taskId() + "/comment;x=1/create", note),
        rest("sam").get("/engine-rest/task/" + c.taskId() + "/comment;x=1"),
        rest("admin").get("/engine-rest/task/" + c.taskId() + "/comment;x=1"),
        rest("mara").postJson("/engine-rest/task/" + c.taskId() + "/%63omment/create", note),
        rest("mara").postJson("/engine-rest/task/" + c.taskId() + "/comment/create/", note),
        rest("mara").postJson("/engine-rest/engine/default/task/" + c.taskId() + "/comment/create", note),
        tasklist.postJsonWithCsrf("/camunda/api/engine/engine/default/task/" + c.taskId() + "/comment;x=1/create", note),
        tasklist.postJsonWithCsrf("/camunda/api/engine/engine/default/task/" + c.taskId() + "/comment/create", note),
        cockpit.get("/camunda/api/engine/engine/default/task/" + c.taskId() + "/comment;x=1"));

    assertThat(answers).allSatisfy(answer -> {
      assertThat(answer.statusCode()).isIn(400, 403);
      assertThat(answer.headers().firstValue(EngineBoundary.REFUSED_HEADER)).isPresent();
    });
    assertThat(engine.getTaskService().getTaskComments(c.taskId())).isEmpty();
  }

  @Test
  void noUserRouteRewritesWhoMediatesOrWhereReportsGo() throws IOException {
    OpenCase c = openCase();
    Http mara = rest("mara");
    String lea = "{\"value\":[\"mara\",\"lea\"],\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.util.ArrayList\","
        + "\"serializationDataFormat\":\"application/json\"}}";
    String outside = "{\"value\":\"leak@outside.example\",\"type\":\"String\"}";
    String forgedReferral = "{\"value\":\"{\\\"referrerEmail\\\":\\\"leak@outside.example\\\"}\",\"type\":\"Json\"}";

    List<HttpResponse<String>> answers = List.of(
        mara.send("PUT", "/engine-rest/task/" + c.taskId() + "/variables/mediators", lea),
        mara.send("PUT", "/engine-rest/task/" + c.taskId() + "/variables/referrerEmail", outside),
        mara.send("PUT", "/engine-rest/task/" + c.taskId() + "/localVariables/referrerEmail", outside),
        mara.postJson("/engine-rest/task/" + c.taskId() + "/variables", "{\"modifications\":{\"referrerEmail\":" + outside + "}}"),
        mara.postJson("/engine-rest/process-instance/" + c.instanceId() + "/variables",
            "{\"modifications\":{\"referrerEmail\":" + outside + "}}"),
        mara.postJson("/engine-rest/process-instance/" + c.instanceId() + "/modification",
            "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_AssignMediators\"}]}"),
        rest("admin").postJson("/engine-rest/process-instance/" + c.instanceId() + "/variables",
            "{\"modifications\":{\"referrerEmail\":" + outside + "}}"),
        rest("admin").postJson("/engine-rest/execution/" + c.instanceId() + "/localVariables",
            "{\"modifications\":{\"referrerEmail\":" + outside + "}}"),
        // The record of the referral itself, which the reports' recipients and the decisions read.
        mara.send("PUT", "/engine-rest/task/" + c.taskId() + "/variables/referral", forgedReferral),
        mara.postJson("/engine-rest/process-instance/" + c.instanceId() + "/variables",
            "{\"modifications\":{\"referral\":" + forgedReferral + "}}"),
        rest("clara").send("PUT", "/engine-rest/process-instance/" + c.instanceId() + "/variables/referral", forgedReferral),
        rest("clara").postJson("/engine-rest/message", "{\"messageName\":\"Msg_ReferralWithdrawn\",\"businessKey\":\""
            + c.caseNumber() + "\"}"));
    assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403));

    // Through the task's own form: only the form's fields, and the process's variables are not among them.
    HttpResponse<String> throughTheForm = mara.postJson("/engine-rest/task/" + c.taskId() + "/submit-form",
        "{\"variables\":{\"callOutcome\":{\"value\":\"agrees\"},\"mediators\":" + lea + ",\"referrerEmail\":" + outside
            + ",\"referral\":" + forgedReferral + "}}");
    assertThat(throughTheForm.statusCode()).isEqualTo(400);
    assertThat(json(throughTheForm).path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("mediators",
        "referrerEmail", "referral");

    assertThat(registry.mediators(c.caseNumber())).containsExactly("mara");
    assertThat(registry.find(c.caseNumber()).orElseThrow().referrerEmail()).isEqualTo("toa@polizei-mitte.example");
    // The referrer's address is a fact of the referral, kept in the case's record of it: neither the record nor a
    // variable of the fact's own name (which would count over the record) was written.
    assertThat(org.vomcase.kernel.CaseVariables.REFERRER_EMAIL.from(engine.getRuntimeService().getVariables(c.instanceId())::get))
        .isEqualTo("toa@polizei-mitte.example");
    assertThat(engine.getRuntimeService().getVariable(c.instanceId(), "referrerEmail")).isNull();
    assertThat(engine.getTaskService().createTaskQuery().taskId(c.taskId()).count()).as("the task stays open").isOne();
    assertThat(rest("lea").get("/vom/case-file?case=" + c.caseNumber()).statusCode()).isEqualTo(404);
  }

  @Test
  void whatAFormOnlyShowsIsNotWrittenBack() throws IOException {
    OpenCase c = openCase();
    String summary = org.vomcase.kernel.CaseVariables.OFFENCE_SUMMARY.from(engine.getRuntimeService().getVariables(c.instanceId())::get);
    String contact = engine.getTaskService().createTaskQuery().taskId(c.taskId()).singleResult().getProcessInstanceId();
    assertThat(summary).isNotBlank();

    // Tasklist submits the form's read-only fields too (form-js does): they are dropped, the case keeps its values.
    submit(rest("mara"), c.taskId(), "{\"callOutcome\":{\"value\":\"declines\"},\"offenceSummary\":{\"value\":\"Rewritten "
        + RUN + "\"},\"personName\":{\"value\":\"Someone else\"},\"caseNumber\":{\"value\":\"VOM-1999-00001\"}}");

    // The consent call shows the summary its process was given; the case keeps it in its record of the referral.
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(contact)
        .variableName("offenceSummary").list()).isNotEmpty().allSatisfy(v -> assertThat(v.getValue()).isEqualTo(summary));
    assertThat(org.vomcase.kernel.CaseVariables.OFFENCE_SUMMARY.from(org.vomcase.kernel.CaseRecord.of(c.instanceId(),
        engine.getHistoryService()))).as("the case's record of the referral, as its history keeps it").isEqualTo(summary);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("offenceSummary").list())
        .noneMatch(v -> String.valueOf(v.getValue()).contains(RUN));
  }

  @Test
  void aFormRouteAnswersOnlyWhatTheFormReads() throws IOException {
    OpenCase c = openCase();
    java.util.Set<String> reads = org.vomcase.boundary.FormFields.parse(new String(engine.getFormService()
        .getDeployedTaskForm(c.taskId()).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).readNames();
    java.util.Set<String> inScope = engine.getTaskService().getVariables(c.taskId()).keySet();
    assertThat(inScope).as("the task's process holds more than its form reads").isNotEqualTo(reads)
        .anyMatch(name -> !reads.contains(name));
    Http tasklist = new Http(port);
    tasklist.loginToWebapp("tasklist", "mara", DEMO_PASSWORD);

    // The values of the task's form, through the REST API and through Tasklist's: what the form reads, nothing else.
    for (HttpResponse<String> values : List.of(rest("mara").get("/engine-rest/task/" + c.taskId() + "/form-variables"),
        rest("sam").get("/engine-rest/task/" + c.taskId() + "/form-variables"),
        tasklist.get("/camunda/api/engine/engine/default/task/" + c.taskId() + "/form-variables"))) {
      assertThat(values.statusCode()).as(values.body()).isEqualTo(200);
      java.util.Set<String> names = new java.util.HashSet<>();
      json(values).fieldNames().forEachRemaining(names::add);
      assertThat(names).contains("personName").allMatch(reads::contains);
    }

    // Completing the task withVariablesInReturn (as Tasklist does): the engine would answer with every variable of
    // the task's process after the completion, checking only that she may work the task; she gets what the form reads.
    HttpResponse<String> submitted = tasklist.postJsonWithCsrf("/camunda/api/engine/engine/default/task/" + c.taskId()
        + "/submit-form", "{\"variables\":{\"callOutcome\":{\"value\":\"declines\"}},\"withVariablesInReturn\":true}");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    java.util.Set<String> answered = new java.util.HashSet<>();
    json(submitted).fieldNames().forEachRemaining(answered::add);
    assertThat(answered).contains("callOutcome").allMatch(reads::contains);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(c.taskId()).finished().count()).isOne();
  }

  @Test
  void aTaskListCarriesNoCaseValues() throws IOException {
    OpenCase c = openCase();
    Http tasklist = new Http(port);
    tasklist.loginToWebapp("tasklist", "mara", DEMO_PASSWORD);
    // The task query would answer with every variable of every task's process: refused for every role, in every form.
    List<HttpResponse<String>> answers = List.of(
        rest("mara").get("/engine-rest/task?withTaskVariablesInReturn=true"),
        rest("mara").get("/engine-rest/task?processInstanceBusinessKey=" + c.caseNumber() + "&withTaskLocalVariablesInReturn=1"),
        rest("sam").get("/engine-rest/task?WITHTASKVARIABLESINRETURN=true"),
        rest("clara").postJson("/engine-rest/task", "{\"withTaskVariablesInReturn\":true}"),
        rest("mara").postJson("/engine-rest/task", "{\"withTaskLocalVariablesInReturn\":\"true\"}"),
        tasklist.get("/camunda/api/engine/engine/default/task?withTaskVariablesInReturn=true"));
    assertThat(answers).allSatisfy(answer -> {
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
      assertThat(answer.headers().firstValue(EngineBoundary.REFUSED_HEADER)).contains(EngineBoundary.REFUSED_BY_RULE);
      assertThat(answer.body()).doesNotContain("offenceSummary", "personName");
    });
    // Without the flag (or with it false) the list goes on as Tasklist asks it.
    HttpResponse<String> list = rest("mara").get("/engine-rest/task?processInstanceBusinessKey=" + c.caseNumber()
        + "&withTaskVariablesInReturn=false");
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(json(list).findValuesAsText("id")).contains(c.taskId());
  }

  @Test
  void aCaseStartsOnlyThroughItsRegistrationAndItsNumberIsNeverGivenTwice() throws IOException {
    OpenCase c = openCase();
    String aroundTheIntake = "{\"businessKey\":\"" + c.caseNumber() + "\",\"startInstructions\":[{\"type\":\"startBeforeActivity\","
        + "\"activityId\":\"Task_AssignMediators\"}]}";
    long casesBefore = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("vom-case").count();

    for (String user : List.of("policeapi", "clara", "admin", "mara")) {
      assertThat(rest(user).postJson("/engine-rest/process-definition/key/vom-case/start", aroundTheIntake).statusCode())
          .as(user).isEqualTo(403);
      assertThat(rest(user).postJson("/engine-rest/process-definition/key/vom-case/restart", "{}").statusCode())
          .as(user).isEqualTo(403);
    }
    HttpResponse<String> withANumber = rest("clara").postJson("/engine-rest/process-definition/key/vom-case/submit-form",
        "{\"businessKey\":\"" + c.caseNumber() + "\",\"variables\":{}}");
    assertThat(withANumber.statusCode()).isEqualTo(400);
    assertThat(json(withANumber).path("errors").get(0).path("field").asText()).isEqualTo("businessKey");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("vom-case").count())
        .isEqualTo(casesBefore);
    // The events API and the case file still answer for the one real case.
    assertThat(rest("clara").get("/vom/case-file?case=" + c.caseNumber()).statusCode()).isEqualTo(200);

    // The database itself refuses a second case under the number, whoever tries.
    assertThatThrownBy(() -> registry.register(c.caseNumber(), "another-instance", "clara", null, null, OffsetDateTime.now()))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aConfidentialFieldNeverBecomesAVariable() throws IOException {
    OpenCase c = openCase();
    String secret = "{\"value\":\"Draft of a session note " + RUN + "\",\"type\":\"String\"}";
    Http mara = rest("mara");

    assertThat(mara.send("PUT", "/engine-rest/task/" + c.taskId() + "/variables/sessionNotes", secret).statusCode()).isEqualTo(403);
    assertThat(mara.send("PUT", "/engine-rest/task/" + c.taskId() + "/localVariables/safetyConcerns", secret).statusCode())
        .isEqualTo(403);
    assertThat(mara.postJson("/engine-rest/task/" + c.taskId() + "/submit-form",
        "{\"variables\":{\"callOutcome\":{\"value\":\"agrees\"},\"sessionNotes\":" + secret + "}}").statusCode()).isEqualTo(400);

    assertThat(engine.getRuntimeService().createVariableInstanceQuery().variableName("sessionNotes").count()).isZero();
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().variableName("safetyConcerns").count()).isZero();
    assertThat(rest("sam").get("/engine-rest/variable-instance?variableName=sessionNotes").body()).doesNotContain(RUN);
  }

  @Test
  void supervisorsChangeNothing() throws IOException {
    OpenCase c = openCase();
    String letter = "x1";

    assertThat(rest("sam").post("/vom/messages/" + letter + "/posted", "X-VOM-Request", "1").statusCode()).isEqualTo(403);
    assertThat(rest("sam").postJson("/engine-rest/task/" + c.taskId() + "/claim", "{\"userId\":\"sam\"}").statusCode())
        .isEqualTo(403);
    assertThat(rest("sam").postJson("/engine-rest/task/" + c.taskId() + "/submit-form", "{}").statusCode()).isEqualTo(403);
    assertThat(rest("sam").send("PUT", "/engine-rest/process-instance/" + c.instanceId() + "/suspended",
        "{\"suspended\":true}").statusCode()).isEqualTo(403);
    assertThat(rest("sam").send("DELETE", "/engine-rest/process-instance/" + c.instanceId(), null).statusCode()).isEqualTo(403);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(c.instanceId()).active().count()).isOne();
  }

  @Test
  void administratorsSeeNoPersonalDataInTasksOrTheirHistory() throws IOException {
    OpenCase c = openCase();
    Http admin = rest("admin");

    String tasks = admin.get("/engine-rest/task?processInstanceBusinessKey=" + c.caseNumber()).body();
    String history = admin.get("/engine-rest/history/task?processInstanceBusinessKey=" + c.caseNumber()).body();
    assertThat(tasks).contains("Call the person for consent: O1, " + c.caseNumber());
    assertThat(tasks + history).doesNotContain("Carl Vogt").doesNotContain("Ana Roth");
    assertThat(admin.get("/engine-rest/task/" + c.taskId() + "/form-variables").statusCode()).isEqualTo(403);
    assertThat(admin.get("/engine-rest/task?processVariables=personName_eq_Carl%20Vogt").statusCode()).as("probing values")
        .isEqualTo(400);
    // Mara sees the person in her list: the filters' "Person" column is a task variable she reads.
    Http mara = rest("mara");
    String myTasks = null;
    for (JsonNode filter : json(mara.get("/engine-rest/filter"))) {
      if (filter.path("name").asText().equals("My tasks")) {
        myTasks = filter.path("id").asText();
      }
    }
    HttpResponse<String> list = mara.postJson("/engine-rest/filter/" + myTasks + "/list", "{}", "application/hal+json");
    assertThat(list.body()).contains("\"personLabel\"").contains("Carl Vogt (O1)");
  }

  @Test
  void messageCorrelationIsNotOfferedAndNamesNoCase() throws IOException {
    OpenCase c = openCase();
    for (String user : List.of("policeapi", "clara", "mara", "sam", "admin")) {
      HttpResponse<String> answer = rest(user).postJson("/engine-rest/message",
          "{\"messageName\":\"Msg_ConsentWithdrawn\",\"businessKey\":\"" + c.caseNumber() + "\"}");
      assertThat(answer.statusCode()).as(user).isEqualTo(403);
      assertThat(answer.body()).doesNotContain(c.instanceId());
    }
    assertThat(rest("mara").postJson("/engine-rest/signal", "{\"name\":\"x\"}").statusCode()).isEqualTo(403);
  }

  @Test
  void noObjectOfAnArbitraryClassIsAcceptedOrReadBack() throws IOException {
    OpenCase c = openCase();
    HttpResponse<String> object = rest("mara").postJson("/engine-rest/task/" + c.taskId() + "/submit-form",
        "{\"variables\":{\"callOutcome\":{\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":"
            + "\"java.net.URL\",\"serializationDataFormat\":\"application/json\"}}}}");
    assertThat(object.statusCode()).isEqualTo(400);
    assertThat(json(object).path("errors").get(0).path("message").asText()).contains("Object");

    // A transient value would not outlive the step: refused, for a task's form and for the referral's start form alike.
    HttpResponse<String> fleeting = rest("mara").postJson("/engine-rest/task/" + c.taskId() + "/submit-form",
        "{\"variables\":{\"callOutcome\":{\"value\":\"agrees\",\"type\":\"String\",\"valueInfo\":{\"transient\":true}}}}");
    assertThat(fleeting.statusCode()).isEqualTo(400);
    assertThat(json(fleeting).path("errors").get(0).path("message").asText()).contains("transient");
    HttpResponse<String> start = rest("clara").postJson("/engine-rest/process-definition/key/vom-case/submit-form",
        "{\"variables\":{\"proceduralStage\":{\"value\":\"diversion\",\"type\":\"String\",\"valueInfo\":{\"transient\":true}}}}");
    assertThat(start.statusCode()).isEqualTo(400);
    assertThat(start.body()).contains("transient");
    assertThat(engine.getTaskService().createTaskQuery().taskId(c.taskId()).count()).as("the task is still open").isOne();

    // Even a value stored by the engine's own API is read back only as an allowed type.
    engine.getRuntimeService().setVariable(c.instanceId(), "planted", Variables.serializedObjectValue("\"http://x\"")
        .objectTypeName("java.net.URL").serializationDataFormat("application/json").create());
    assertThatThrownBy(() -> engine.getRuntimeService().getVariable(c.instanceId(), "planted"))
        .hasMessageContaining("java.net.URL");
    engine.getRuntimeService().removeVariable(c.instanceId(), "planted");
  }

  @Test
  void wrongPasswordsLockForAWhileNotForGood() {
    String user = "lockme" + RUN.replace("-", "");
    var identity = engine.getIdentityService();
    var victim = identity.newUser(user);
    victim.setPassword("Locked#Out-2026");
    identity.saveUser(victim);
    try {
      for (int i = 0; i < 15; i++) {
        identity.checkPassword(user, "wrong-" + i);
      }
      assertThat(identity.checkPassword(user, "Locked#Out-2026")).as("locked right after the guesses").isFalse();
      org.camunda.bpm.engine.impl.util.ClockUtil.offset(61_000L);
      assertThat(identity.checkPassword(user, "Locked#Out-2026")).as("unlocked a minute later").isTrue();
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
      identity.deleteUser(user);
    }
  }

  @Test
  void settingADueDateChangesTheDateAndNothingElse() throws IOException {
    OpenCase c = openCase();
    var before = engine.getTaskService().createTaskQuery().taskId(c.taskId()).singleResult();
    Http mara = rest("mara");

    // Only the date, as a client might send it: the engine would empty every field left out; the boundary keeps them.
    HttpResponse<String> due = mara.send("PUT", "/engine-rest/task/" + c.taskId(), "{\"due\":\"2099-12-20T10:00:00.000+0100\"}");
    assertThat(due.statusCode()).as(due.body()).isEqualTo(204);
    var after = engine.getTaskService().createTaskQuery().taskId(c.taskId()).singleResult();
    assertThat(after.getName()).isEqualTo(before.getName());
    assertThat(after.getAssignee()).isEqualTo(before.getAssignee());
    assertThat(after.getPriority()).isEqualTo(before.getPriority());
    assertThat(after.getDueDate()).isNotEqualTo(before.getDueDate());

    HttpResponse<String> renamed = mara.send("PUT", "/engine-rest/task/" + c.taskId(), "{\"name\":\"Ana Roth\"}");
    assertThat(renamed.statusCode()).isEqualTo(400);
    assertThat(engine.getTaskService().createTaskQuery().taskId(c.taskId()).singleResult().getName()).isEqualTo(before.getName());
  }

  @Test
  void aDeploymentThatRunsCodeIsRefusedAndNothingIsDeployed() {
    String leak = "<?xml version='1.0' encoding='UTF-8'?><bpmn:definitions xmlns:bpmn='http://www.omg.org/spec/BPMN/20100524/MODEL'"
        + " xmlns:camunda='http://camunda.org/schema/1.0/bpmn' id='d' targetNamespace='x'><bpmn:process id='leak"
        + RUN.replace("-", "") + "' isExecutable='true' camunda:historyTimeToLive='P1D'><bpmn:startEvent id='S'>"
        + "<bpmn:timerEventDefinition><bpmn:timeDate>2020-01-01T00:00:00</bpmn:timeDate></bpmn:timerEventDefinition>"
        + "</bpmn:startEvent><bpmn:serviceTask id='T' camunda:expression='${\"\".getClass().forName(execution"
        + ".getProcessEngineServices().getRuntimeService().createVariableInstanceQuery().list().toString())}'/>"
        + "<bpmn:sequenceFlow id='F' sourceRef='S' targetRef='T'/></bpmn:process></bpmn:definitions>";
    long before = engine.getRepositoryService().createDeploymentQuery().count();

    HttpResponse<String> deployed = rest("admin").postMultipart("/engine-rest/deployment/create",
        java.util.Map.of("deployment-name", "leak", "deployment-source", "Camunda Modeler"),
        java.util.Map.of("leak.bpmn", leak.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    assertThat(deployed.statusCode()).isEqualTo(400);
    assertThat(deployed.body()).contains("The deployment is refused").contains("getClass");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void administratorsSeeThatSomethingFailedButNotWhatTheMessageQuotes() throws IOException {
    OpenCase c = openCase();
    String execution = engine.getTaskService().createTaskQuery().taskId(c.taskId()).singleResult().getExecutionId();
    var incident = engine.getRuntimeService().createIncident("vomTest", execution, "x", "Value 'Ana Roth' refused " + RUN);
    try {
      String asAdministrator = rest("admin").get("/engine-rest/incident?incidentId=" + incident.getId()).body();
      String asSupervisor = rest("sam").get("/engine-rest/incident?incidentId=" + incident.getId()).body();
      assertThat(asAdministrator).contains(incident.getId()).doesNotContain("Ana Roth").contains("hidden from administrators");
      assertThat(asSupervisor).contains("Ana Roth");
      assertThat(rest("admin").get("/engine-rest/history/incident?incidentId=" + incident.getId()).body())
          .contains(incident.getId()).doesNotContain("Ana Roth");
    } finally {
      engine.getRuntimeService().resolveIncident(incident.getId());
    }
  }
}
