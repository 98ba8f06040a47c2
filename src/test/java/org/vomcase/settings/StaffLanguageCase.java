package org.vomcase.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vomcase.support.CaseApi.json;
import static org.vomcase.support.CaseApi.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.vomcase.deployment.ProcessResourceDeployer;
import org.vomcase.kernel.ErrorText;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.CaseApi;

/**
 * An installation whose staff work in another language than the repository's English (README "Languages: forms,
 * tasks, letters"), on a database of its own: the deployed forms carry the catalogue's texts, task and process names
 * and Tasklist's filters are in the language, Tasklist's locale is pinned to it, and a refused referral names the
 * field with the form's label and says what is wrong in the language, as the boundary's own refusals do. One subclass
 * per language ({@link GermanStaffIT}, {@link DanishStaffIT}).
 */
abstract class StaffLanguageCase extends AbstractApplicationIT {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The language the subclass's installation runs in. */
  abstract String language();

  Map<String, String> formCatalogue(String form) throws IOException {
    return JSON.readValue(Path.of("forms/i18n/" + form + "." + language() + ".json").toFile(),
        new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
  }

  Map<String, String> names() throws IOException {
    return JSON.readValue(Path.of("processes/i18n/" + language() + ".json").toFile(),
        new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
  }

  static JsonNode field(JsonNode components, String key) {
    for (JsonNode component : components) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
      JsonNode inner = field(component.path("components"), key);
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }

  @Test
  void theDeployedFormsReadInTheLanguageAndTheRepositoryKeepsItsEnglishSource() throws IOException {
    RepositoryService repository = engine.getRepositoryService();
    Deployment deployment = repository.createDeploymentQuery().deploymentName(ProcessResourceDeployer.DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().list().get(0);
    for (String form : List.of("referral", "consent-call", "record-agreement")) {
      JsonNode source = JSON.readTree(Files.readString(Path.of("forms/" + form + ".form")));
      JsonNode deployed = JSON.readTree(repository.getResourceAsStream(deployment.getId(), "forms/" + form + ".form"));
      Map<String, String> catalogue = formCatalogue(form);
      List<String> english = FormTranslationTest.texts(source);
      List<String> shown = FormTranslationTest.texts(deployed);
      assertThat(shown).as(form + ": every text from the catalogue").containsAll(english.stream().map(catalogue::get).toList());
    }
    JsonNode deployedReferral = JSON.readTree(repository.getResourceAsStream(deployment.getId(), "forms/referral.form"));
    JsonNode source = JSON.readTree(Files.readString(Path.of("forms/referral.form")));
    assertThat(field(deployedReferral.path("components"), "referralSource").path("values").get(0).path("value").asText())
        .isEqualTo(field(source.path("components"), "referralSource").path("values").get(0).path("value").asText());
    assertThat(field(deployedReferral.path("components"), "referralSource").path("values").get(0).path("label").asText())
        .as("a vocabulary's options in the language (vocabularies.yaml)").isEqualTo(language().equals("de") ? "Polizei" : "Politi");
  }

  @Test
  void tasksProcessesAndFiltersAreNamedInTheLanguageAndTasklistIsPinnedToIt() throws IOException {
    HttpResponse<String> accepted = rest("policeapi").postJson("/api/referrals", referral().toString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    String instance = json(accepted).path("processInstanceId").asText();
    CaseApi.runJobs(engine, instance);
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance).list();
    assertThat(tasks).isNotEmpty();
    Map<String, String> names = names();
    for (Task task : tasks) {
      String english = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
          .getModelElementById(task.getTaskDefinitionKey()).getAttributeValue("name");
      assertThat(task.getName()).as(task.getTaskDefinitionKey()).startsWith(names.get(english));
    }
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("vom-case")
        .latestVersion().singleResult().getName()).isEqualTo(names.get("Victim-offender mediation case"));

    List<String> filters = engine.getFilterService().createFilterQuery().list().stream().map(Filter::getName).toList();
    assertThat(filters).contains(StaffLanguage.of(language()).text("staff.filter.myTasks"),
        StaffLanguage.of(language()).text("staff.filter.intake")).doesNotContain("My tasks", "Intake and assignment");

    String config = anonymous().get("/camunda/app/tasklist/scripts/config.js").body();
    assertThat(config).contains("availableLocales: ['" + language() + "']", "fallbackLocale: '" + language() + "'")
        .contains("customScripts");
    for (String app : List.of("cockpit", "admin", "welcome")) {
      assertThat(anonymous().get("/camunda/app/" + app + "/scripts/config.js").body()).as(app)
          .contains("availableLocales: ['" + language() + "']", "fallbackLocale: '" + language() + "'");
    }
    assertThat(anonymous().get("/camunda/app/cockpit/locales/" + language() + ".json").statusCode()).isEqualTo(200);
    assertThat(anonymous().get("/camunda/assets/vom/language.js").body()).contains("export default '" + language() + "';");
  }

  @Test
  void aUsersOwnFilterNamedLikeTheApplicationsIsLeftAloneAtTheNextStart() {
    var filters = engine.getFilterService();
    var own = filters.newTaskFilter("My tasks").setOwner("mara").setQuery(engine.getTaskService().createTaskQuery());
    filters.saveFilter(own);
    try {
      roleSetup.apply(engine);
      roleSetup.apply(engine);
      var kept = filters.getFilter(own.getId());
      assertThat(kept.getName()).isEqualTo("My tasks");
      assertThat(kept.getOwner()).isEqualTo("mara");
      assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceId(own.getId()).list())
          .as("no group is given the user's own filter").allMatch(a -> a.getGroupId() == null);
      assertThat(filters.createFilterQuery().filterName(StaffLanguage.of(language()).text("staff.filter.myTasks")).count())
          .isEqualTo(1);
    } finally {
      filters.deleteFilter(own.getId());
    }
  }

  @org.springframework.beans.factory.annotation.Autowired org.vomcase.identity.RoleSetup roleSetup;

  @Test
  void aRefusedReferralNamesTheFieldWithTheFormsLabelInTheLanguage() throws IOException {
    ObjectNode bad = referral();
    bad.put("offenceCategory", "no_such_category");
    HttpResponse<String> refused = rest("policeapi").postJson("/api/referrals", bad.toString());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    String english = field(JSON.readTree(Files.readString(Path.of("forms/referral.form"))).path("components"),
        "offenceCategory").path("label").asText();
    JsonNode problem = json(refused).path("errors").get(0);
    assertThat(json(refused).path("errors")).hasSize(1);
    assertThat(problem.path("label").asText()).isEqualTo(formCatalogue("referral").get(english));
    // The sentence is error.notOneOf of labels/<language>.properties, naming the value and the categories (codes).
    String[] around = StaffLanguage.of(language()).text(ErrorText.of("error.notOneOf", "no_such_category", "\n")).split("\n");
    assertThat(around[0]).as("the language has its own sentence").doesNotContain("is not one of");
    assertThat(problem.path("message").asText()).startsWith(around[0]).contains("theft")
        .endsWith(around.length > 1 ? around[1] : "");
    assertThat(json(refused).path("message").asText())
        .isEqualTo(problem.path("label").asText() + ": " + problem.path("message").asText());
  }

  @Test
  void theBoundarysOwnRefusalsAreInTheLanguage() throws IOException {
    HttpResponse<String> denied = rest("policeapi").get("/vom/figures");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(json(denied).path("message").asText()).isEqualTo(StaffLanguage.of(language()).text(ErrorText.of(
        "error.notOpenToYourRole", "GET", "/vom/figures"))).doesNotContain("not open to your role");
    HttpResponse<String> notJson = rest("policeapi").postJson("/api/referrals", "{\"offenceCategory\": ");
    assertThat(notJson.statusCode()).as(notJson.body()).isEqualTo(400);
    assertThat(json(notJson).path("message").asText())
        .isEqualTo(StaffLanguage.of(language()).text(ErrorText.of("error.body.notAReferral")));
  }
}
