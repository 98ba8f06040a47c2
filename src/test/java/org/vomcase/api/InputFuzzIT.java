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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.Http;

/**
 * Hundreds of broken bodies per entry, the same on every run (seed {@value #SEED}): wrong types in every field,
 * nulls, huge strings, trailing bytes, deep nesting, unknown fields, broken JSON. No entry answers 5xx, and a
 * refused request creates nothing: no case, no case number, no variable, the task still open.
 */
class InputFuzzIT extends AbstractApplicationIT {

  static final long SEED = 20261130L;
  private static final int BODIES = 250;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Autowired private JdbcTemplate jdbc;

  private final Random random = new Random(SEED);
  private final List<String> wrong = new ArrayList<>();

  @Test
  void noBrokenBodyGetsA5xxOrLeavesAnythingBehind() throws Exception {
    String instanceId = json(rest("policeapi").postJson("/api/referrals", referral().toString())).path("processInstanceId").asText();
    runJobs(engine, instanceId);
    String caseNumber = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getBusinessKey();
    Http clara = rest("clara");
    String assignment = onlyTask(clara, instanceId, "Task_AssignMediators");
    clara.postJson("/engine-rest/task/" + assignment + "/claim", "{\"userId\":\"clara\"}");
    String other = org.vomcase.support.CaseApi.assignedCase(engine, rest("policeapi"), clara);
    String call = caseTask(rest("mara"), "Task_CallForConsent", caseNumber(other), null);

    ObjectNode referral = referral();
    fuzz("/api/referrals", rest("policeapi"), () -> mutate(referral.deepCopy()).toString(), null);
    // Case events on a case of their own (a valid one may close it).
    String eventCase = json(rest("policeapi").postJson("/api/referrals", referral().toString())).path("processInstanceId").asText();
    runJobs(engine, eventCase);
    ObjectNode event = JSON.createObjectNode().put("type", "consent_withdrawn").put("personId", "V1").put("reason", "No contact.");
    fuzz("/api/cases/" + caseNumber(eventCase) + "/events", rest("clara"), () -> mutate(event.deepCopy()).toString(), null);
    ObjectNode contact = JSON.createObjectNode().put("type", "contact_changed").put("personId", "V1").put("reason", "New number.")
        .put("phone", "+49 30 1234567").put("preferredLanguage", "da").put("interpreterNeeded", "no");
    contact.putArray("remove").add("postalAddress");
    fuzz("/api/cases/" + caseNumber(eventCase) + "/events", rest("clara"), () -> mutate(contact.deepCopy()).toString(), null);
    ObjectNode note = JSON.createObjectNode().put("text", "The victim called: she is on holiday until Monday.");
    fuzz("/vom/cases/" + caseNumber(eventCase) + "/notes", rest("clara"), () -> mutate(note.deepCopy()).toString(), null,
        "X-VOM-Request");
    ObjectNode startForm = formBody(referral);
    fuzz("/engine-rest/process-definition/key/vom-case/submit-form", clara, () -> wrapVariables(mutate(startForm.deepCopy())), null);
    ObjectNode eventForm = JSON.createObjectNode();
    eventForm.putObject("eventCaseNumber").put("value", caseNumber(eventCase));
    eventForm.putObject("eventType").put("value", "consent_withdrawn");
    eventForm.putObject("eventPersonId").put("value", "V1");
    eventForm.putObject("eventReason").put("value", "No contact.");
    fuzz("/engine-rest/process-definition/key/record-case-event/submit-form", clara, () -> wrapVariables(mutate(eventForm.deepCopy())),
        null);
    ObjectNode assign = JSON.createObjectNode();
    assign.putObject("leadMediator").put("value", "mara");
    fuzz("/engine-rest/task/" + assignment + "/submit-form", clara, () -> wrapVariables(mutate(assign.deepCopy())), assignment);
    ObjectNode consent = JSON.createObjectNode();
    consent.putObject("callOutcome").put("value", "call_again");
    consent.putObject("nextCallDate").put("value", "2026-12-24");
    fuzz("/engine-rest/task/" + call + "/submit-form", rest("mara"), () -> wrapVariables(mutate(consent.deepCopy())), call);

    assertThat(wrong).as("broken bodies answered with a fault or leaving something behind").isEmpty();
  }

  /**
   * Sends the bodies; a 5xx is wrong, and a refused one (4xx) must leave the number of cases, the case numbers and
   * the variables as they were, and the task (if any) open.
   */
  private void fuzz(String path, Http user, Supplier<String> body, String taskId) {
    fuzz(path, user, body, taskId, null);
  }

  /** With {@code header}: sent with every body (the X-VOM-Request a change of /vom needs). */
  private void fuzz(String path, Http user, Supplier<String> body, String taskId, String header) {
    for (int i = 0; i < BODIES; i++) {
      String sent = withNesting(i % 25 == 7 ? broken(body.get()) : body.get());
      long cases = engine.getRuntimeService().createProcessInstanceQuery().count();
      long variables = engine.getRuntimeService().createVariableInstanceQuery().count();
      Integer numbers = jdbc.queryForObject("SELECT COALESCE(SUM(last_number), 0) FROM vom_case_counter", Integer.class);
      HttpResponse<String> answer = header == null ? user.postJson(path, sent) : user.postJsonWithHeader(path, sent, header, "1");
      String what = path + " #" + i + " " + (sent.length() > 300 ? sent.substring(0, 300) + "..." : sent);
      if (answer.statusCode() >= 500) {
        wrong.add(what + " answered " + answer.statusCode() + ": " + answer.body());
        continue;
      }
      if (answer.statusCode() >= 400) {
        if (engine.getRuntimeService().createProcessInstanceQuery().count() != cases
            || engine.getRuntimeService().createVariableInstanceQuery().count() != variables
            || !numbers.equals(jdbc.queryForObject("SELECT COALESCE(SUM(last_number), 0) FROM vom_case_counter", Integer.class))) {
          wrong.add(what + " was refused (" + answer.statusCode() + ") but left something behind");
        }
        if (taskId != null && engine.getTaskService().createTaskQuery().taskId(taskId).count() != 1) {
          wrong.add(what + " was refused but the task is gone");
          return;
        }
        if (answer.body().matches("(?s).*(ENGINE-\\d|Exception|org\\.camunda|java\\.lang).*")) {
          wrong.add(what + " answered in engine words: " + answer.body());
        }
      } else if (taskId != null) {
        return; // a valid body completed the task: nothing more to send to it
      }
    }
  }

  /** One random change: a field's value of another type, removed, a huge string, an unknown field, deep nesting. */
  private JsonNode mutate(ObjectNode body) {
    List<String> fields = new ArrayList<>();
    body.fieldNames().forEachRemaining(fields::add);
    int kind = random.nextInt(10);
    String field = fields.isEmpty() ? "x" : fields.get(random.nextInt(fields.size()));
    switch (kind) {
      case 0 -> body.set(field, NODES.numberNode(random.nextInt(1000) - 500));
      case 1 -> body.set(field, NODES.booleanNode(random.nextBoolean()));
      case 2 -> body.set(field, NODES.objectNode().put("value", random.nextInt()));
      case 3 -> body.set(field, NODES.arrayNode().add(NODES.nullNode()).add(1));
      case 4 -> body.set(field, NODES.nullNode());
      case 5 -> body.remove(field);
      case 6 -> body.put(field, "é".repeat(20_000 + random.nextInt(20_000)));
      case 7 -> body.put("unknown" + random.nextInt(100), "x");
      case 8 -> body.put(field, NESTED + (200 + random.nextInt(2000)));
      default -> {
        JsonNode value = body.get(field);
        if (value instanceof ObjectNode inner && inner.size() > 0) {
          mutate(inner);
        } else if (value instanceof ArrayNode list && list.size() > 0 && list.get(0) instanceof ObjectNode first) {
          mutate(first);
          if (random.nextBoolean()) {
            for (int i = 0; i < 30; i++) {
              list.add(first.deepCopy());
            }
          }
        } else {
          body.put(field, "'\";--<script>" + random.nextLong());
        }
      }
    }
    return body;
  }

  /** A placeholder for arrays nested this deep, written into the text (a JSON library refuses to write them). */
  private static final String NESTED = "__nested__";

  private static String withNesting(String body) {
    java.util.regex.Matcher placeholder = java.util.regex.Pattern.compile("\"" + NESTED + "(\\d+)\"").matcher(body);
    StringBuilder out = new StringBuilder();
    while (placeholder.find()) {
      int depth = Integer.parseInt(placeholder.group(1));
      placeholder.appendReplacement(out, "[".repeat(depth) + "]".repeat(depth));
    }
    placeholder.appendTail(out);
    return out.toString();
  }

  /** A body that is no longer one JSON value: cut short, trailing garbage, a second object, or nothing. */
  private String broken(String body) {
    return switch (random.nextInt(4)) {
      case 0 -> body.substring(0, Math.max(1, body.length() / 2));
      case 1 -> body + " trailing";
      case 2 -> body + body;
      default -> "";
    };
  }

  private static String wrapVariables(JsonNode variables) {
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return body.toString();
  }

  /** The referral as the start form submits it: {"field": {"value": ...}}, the persons as Json groups. */
  private static ObjectNode formBody(ObjectNode referral) {
    ObjectNode variables = JSON.createObjectNode();
    for (Iterator<String> names = referral.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      JsonNode value = referral.get(name);
      if (value.isArray()) {
        variables.putObject(name.substring(0, name.length() - 1) + "1").put("type", "Json").put("value", value.get(0).toString());
      } else {
        variables.putObject(name).set("value", value);
      }
    }
    return variables;
  }

  private String caseNumber(String instanceId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey();
  }
}
