package org.vomcase.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vomcase.support.CaseApi.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.CaseApi;
import org.vomcase.support.Http;

/**
 * The decision-table preview as an administrator runs it before deploying a changed {@code eligibility}: three referrals
 * are checked by the deployed table (property damage with a full confession: eligible; theft with a full confession:
 * eligible; theft denied: needs review). A copy of {@code eligibility.dmn} in which one rule changed (the rule "offence not
 * in the catalogue" also takes theft) is previewed on the last three recorded decisions: exactly the second case would
 * change, from "eligible" (Rule_Eligible) to "needs review" (Rule_OffenceNotInCatalogue, with its annotation); the
 * others stay. The answer names cases by number and shows the table's input codes only, never a name. Only
 * administrators may run it, and a file that is not the table, or reads an input no recorded decision has, is a 400.
 */
class DecisionPreviewIT extends AbstractApplicationIT {

  @Autowired JdbcTemplate jdbc;

  private final List<String> cases = new ArrayList<>();

  @AfterEach
  void removeTheCases() {
    cases.forEach(id -> {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        engine.getRuntimeService().deleteProcessInstance(id, "test over", true, true);
      }
    });
  }

  @Test
  void reportsTheExactChangedDecisionsForASeededHistoryAndATableWithOneChangedRule() throws IOException {
    Http referrer = rest("policeapi");
    String propertyDamage = refer(referrer, "property_damage", "full");
    String theft = refer(referrer, "theft", "full");
    String theftDenied = refer(referrer, "theft", "none");
    assertThat(outcome(propertyDamage)).isEqualTo("eligible");
    assertThat(outcome(theft)).isEqualTo("eligible");
    assertThat(outcome(theftDenied)).isEqualTo("needs_review");

    String changed = eligibility().replace(
        "<inputEntry id=\"InputEntry_OffenceNotInCatalogue_OffenceCategory\">\n          <text>\"other\"</text>",
        "<inputEntry id=\"InputEntry_OffenceNotInCatalogue_OffenceCategory\">\n          <text>\"other\",\"theft\"</text>")
        .replace("camunda:versionTag=\"1.3.0\"", "camunda:versionTag=\"1.4.0\"");
    assertThat(changed).contains("\"other\",\"theft\"");
    Http admin = rest("admin");
    int auditedBefore = audited();

    HttpResponse<String> response = upload(admin, changed, "3");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode report = json(response);
    assertThat(report.path("decisionKey").asText()).isEqualTo("eligibility");
    assertThat(report.path("newVersionTag").asText()).isEqualTo("1.4.0");
    assertThat(report.path("examined").asInt()).isEqualTo(3);
    assertThat(report.path("changed").asInt()).isEqualTo(1);
    JsonNode change = report.path("changes").get(0);
    assertThat(change.path("caseNumber").asText()).isEqualTo(CaseApi.caseNumber(engine, theft));
    assertThat(change.path("inputs").path("Offence category").asText()).isEqualTo("theft");
    assertThat(change.path("inputs").path("Offender's position").asText()).isEqualTo("full");
    assertThat(change.path("inputs").path("Programme profile").asText()).isEqualTo("de_toa");
    assertThat(change.at("/before/0/ruleId").asText()).isEqualTo("Rule_Eligible");
    assertThat(change.at("/before/0/outputs/outcome").asText()).isEqualTo("eligible");
    assertThat(change.at("/after/0/ruleId").asText()).isEqualTo("Rule_OffenceNotInCatalogue");
    assertThat(change.at("/after/0/outputs/outcome").asText()).isEqualTo("needs_review");
    assertThat(change.at("/after/0/description").asText()).contains("offence");
    // Case numbers and codes only: no person's name, no free text of the referral.
    assertThat(response.body()).doesNotContain("Ana Roth", "Carl Vogt", "bicycles", "Polizeiinspektion");
    assertThat(audited()).isEqualTo(auditedBefore + 1);

    // The same as JSON, and the deployed table itself changes nothing.
    ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("xml", changed).put("last", 3);
    JsonNode same = json(admin.postJsonWithHeader("/vom/decisions/preview", body.toString(), "X-VOM-Request", "1"));
    assertThat(same.path("changes")).isEqualTo(report.path("changes"));
    JsonNode unchanged = json(upload(admin, eligibility(), "3"));
    assertThat(unchanged.path("examined").asInt()).isEqualTo(3);
    assertThat(unchanged.path("changed").asInt()).isZero();
    // Nothing was deployed.
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("eligibility")
        .latestVersion().singleResult().getVersionTag()).isEqualTo("1.3.0");
  }

  @Test
  void onlyAdministratorsPreviewAndAFileThatIsNotTheTableIsRefusedInWords() throws IOException {
    String table = eligibility();
    for (String user : List.of("clara", "mara", "sam")) {
      assertThat(upload(rest(user), table, "10").statusCode()).as(user).isEqualTo(403);
    }
    assertThat(upload(anonymous(), table, "10").statusCode()).isEqualTo(401);
    Http admin = rest("admin");
    assertThat(admin.postMultipart("/vom/decisions/preview", Map.of(), Map.of("file", bytes(table))).statusCode())
        .as("without X-VOM-Request").isEqualTo(403);

    assertRefused(upload(admin, "<definitions", "10"), "not a readable XML file");
    assertRefused(upload(admin, "<?xml version=\"1.0\"?><note>no table</note>", "10"), "not a DMN decision table");
    assertRefused(upload(admin, Files.readString(Path.of("processes/mandate-required.dmn")), "10"),
        "mandate-required", "eligibility or contact-order");
    assertRefused(upload(admin, table.replace("<text>victimRefused</text>", "<text>victimAge</text>"), "10"),
        "Victim has expressly refused", "victimAge", "do not have");
    assertRefused(upload(admin, table, "0"), "last", "1 to 5000");
    assertRefused(upload(admin, table, "many"), "last", "'many'");
    assertRefused(upload(admin, table, "5001"), "last");
    assertRefused(admin.postMultipart("/vom/decisions/preview", Map.of("last", "10"), Map.of(), "X-VOM-Request", "1"),
        "the decision table (a .dmn file) is missing");
    assertRefused(admin.postJsonWithHeader("/vom/decisions/preview", "{\"xml\": 5}", "X-VOM-Request", "1"), "xml");
    assertRefused(admin.postJsonWithHeader("/vom/decisions/preview", "[1,", "X-VOM-Request", "1"), "not JSON");
    // Every refusal in the shape of the other entries (README "Errors"), naming the field; types are strict.
    assertField(upload(admin, table, "0"), "last");
    assertField(upload(admin, Files.readString(Path.of("processes/mandate-required.dmn")), "10"), "file");
    assertField(admin.postMultipart("/vom/decisions/preview", Map.of("last", "10"), Map.of(), "X-VOM-Request", "1"), "file");
    assertField(admin.postJsonWithHeader("/vom/decisions/preview", "{\"xml\": 5}", "X-VOM-Request", "1"), "xml");
    assertField(admin.postJsonWithHeader("/vom/decisions/preview", "{\"xml\": \"<x/>\", \"last\": [1]}", "X-VOM-Request", "1"),
        "last");
    assertField(admin.postJsonWithHeader("/vom/decisions/preview", "{\"xml\": \"<x/>\", \"last\": \"10\"}", "X-VOM-Request", "1"),
        "last");
    assertField(admin.postJsonWithHeader("/vom/decisions/preview", "{\"xml\": \"<x/>\", \"decisionKey\": 5}", "X-VOM-Request",
        "1"), "decisionKey");
    assertField(admin.postJsonWithHeader("/vom/decisions/preview", "{\"xml\": \"<x/>\", \"lst\": 10}", "X-VOM-Request", "1"),
        "lst");
    assertThat(json(rest("mara").postJsonWithHeader("/vom/decisions/preview", "{}", "X-VOM-Request", "1")).path("type").asText())
        .isEqualTo("Forbidden");
    // A table that would run a script is refused before it is evaluated, as its deployment would be.
    assertRefused(upload(admin, table.replace("<inputExpression id=\"InputExpression_VictimRefused\" typeRef=\"boolean\">",
        "<inputExpression id=\"InputExpression_VictimRefused\" typeRef=\"boolean\" expressionLanguage=\"javascript\">"), "10"),
        "would be refused on deployment", "javascript");
  }

  private static void assertField(HttpResponse<String> response, String field) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json(response).path("type").asText()).as(response.body()).isEqualTo("InvalidRequest");
    assertThat(json(response).path("errors").path(0).path("field").asText()).as(response.body()).isEqualTo(field);
  }

  private static void assertRefused(HttpResponse<String> response, String... words) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains(words);
  }

  private static HttpResponse<String> upload(Http http, String xml, String last) {
    return http.postMultipart("/vom/decisions/preview", Map.of("last", last), Map.of("file", bytes(xml)), "X-VOM-Request", "1");
  }

  private String refer(Http referrer, String offenceCategory, String admission) throws IOException {
    ObjectNode referral = CaseApi.referral().put("offenceCategory", offenceCategory).put("responsibilityAdmission", admission);
    String instanceId = json(referrer.postJson("/api/referrals", referral.toString())).path("processInstanceId").asText();
    cases.add(instanceId);
    CaseApi.runJobs(engine, instanceId);
    return instanceId;
  }

  private String outcome(String instanceId) {
    return (String) engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(instanceId)
        .decisionDefinitionKey("eligibility").includeOutputs().singleResult().getOutputs().stream()
        .filter(o -> o.getVariableName().equals("outcome")).findFirst().orElseThrow().getValue();
  }

  private int audited() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM vom_audit WHERE action = 'decision_previewed' AND user_id = 'admin'",
        Integer.class);
  }

  private static String eligibility() throws IOException {
    return Files.readString(Path.of("processes/eligibility.dmn"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
