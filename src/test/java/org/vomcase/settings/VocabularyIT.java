package org.vomcase.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vomcase.support.CaseApi.json;
import static org.vomcase.support.CaseApi.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ResourceLoader;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vomcase.deployment.ProcessResourceDeployer;
import org.vomcase.deployment.VocabularyRules;
import org.vomcase.kernel.Vocabularies;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.CaseApi;

/**
 * An offence category added by the administrators' vocabulary file ({@code fraud_online}, labels in en, de, da), on a
 * database of its own: the deployed referral form offers it and the deployed eligibility table lists it while the
 * repository's files stay as they are (and nothing counts as drift); a referral with it is accepted by the referral API
 * and the Tasklist start form and decided by the eligibility table; an unknown category is refused with 400 naming the
 * field in the form's words;
 * the figures label it in the programme's language; the start-up check names it as a category without its own rule;
 * and a configuration that drops it again is refused, since the deployed forms offer it.
 */
@DirtiesContext
@DisabledIfSystemProperty(named = "vom.it.database", matches = "postgres",
    disabledReason = "needs a database of its own: its deployment would be the shared database's latest")
class VocabularyIT extends AbstractApplicationIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String FILE = """
      # The administrators' vocabulary file of this test.
      offenceCategories:
        fraud_online: {en: Online fraud, de: Online-Betrug, da: Netbedrageri}
      """;

  @DynamicPropertySource
  static void vocabularyFileAndOwnDatabase(DynamicPropertyRegistry registry) {
    try {
      Path file = Files.createTempDirectory("vom-vocabulary").resolve("vocabularies.yaml");
      Files.writeString(file, FILE, StandardCharsets.UTF_8);
      registry.add("vom.vocabulary.file", file::toString);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:vocabulary-it;DB_CLOSE_DELAY=-1");
  }

  @Autowired Vocabularies vocabularies;
  @Autowired ProcessResourceDeployer deployer;
  @Autowired VocabularyRules rules;
  @Autowired ResourceLoader resourceLoader;

  @Test
  void theDeployedFormsAndTablesOfferTheAddedCategoryAndNothingCountsAsDrift() throws IOException {
    assertThat(vocabularies.offenceCategories().added()).containsExactly("fraud_online");
    RepositoryService repository = engine.getRepositoryService();
    Deployment deployment = repository.createDeploymentQuery().deploymentName(ProcessResourceDeployer.DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().list().get(0);
    JsonNode form = JSON.readTree(repository.getResourceAsStream(deployment.getId(), "forms/referral.form"));
    JsonNode options = field(form, "offenceCategory").path("values");
    List<String> values = new ArrayList<>();
    options.forEach(option -> values.add(option.path("value").asText()));
    assertThat(values).containsSequence("traffic_injury", "fraud_online", "other");
    assertThat(options.toString()).contains("{\"label\":\"Online fraud\",\"value\":\"fraud_online\"}");
    assertThat(Files.readString(Path.of("forms/referral.form"))).as("the repository's form keeps the built-in options")
        .doesNotContain("fraud_online");
    String table = new String(repository.getResourceAsStream(deployment.getId(), "processes/eligibility.dmn").readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(table).contains("\"traffic_injury\",\"fraud_online\",\"other\"</text>");

    JsonNode drift = json(rest("admin").get("/vom/deployments/drift"));
    assertThat(drift.path("differing").asInt()).as(drift.toString()).isZero();
    assertThat(rules.without()).as("no rule of the eligibility table names it").containsExactly("fraud_online");
  }

  @Test
  void aReferralWithTheAddedCategoryIsAcceptedAndDecidedAnUnknownOneIsRefused() throws IOException {
    ObjectNode referral = referral();
    referral.put("offenceCategory", "fraud_online");
    HttpResponse<String> accepted = rest("policeapi").postJson("/api/referrals", referral.toString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    String instance = json(accepted).path("processInstanceId").asText();
    CaseApi.runJobs(engine, instance);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName("eligibilityOutcome").singleResult().getValue()).isEqualTo("eligible");
    assertThat(org.vomcase.kernel.CaseVariables.OFFENCE_CATEGORY.from(org.vomcase.kernel.CaseRecord.of(instance,
        engine.getHistoryService()))).isEqualTo("fraud_online");

    referral.put("offenceCategory", "fraud_offline");
    HttpResponse<String> refused = rest("policeapi").postJson("/api/referrals", referral.toString());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json(refused).path("errors").findValuesAsText("field")).containsExactly("offenceCategory");
    assertThat(json(refused).path("errors").findValuesAsText("label")).containsExactly("Offence category");
    assertThat(json(refused).path("message").asText()).contains("Offence category").contains("fraud_online");
  }

  @Test
  void theTasklistStartFormTakesTheAddedCategoryAndRefusesAnUnknownOneNamingTheField() throws IOException {
    ObjectNode referral = referral();
    referral.put("offenceCategory", "fraud_online");
    HttpResponse<String> started = rest("clara").postJson("/engine-rest/process-definition/key/vom-case/submit-form",
        startForm(referral));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

    referral.put("offenceCategory", "fraud_offline");
    HttpResponse<String> refused = rest("clara").postJson("/engine-rest/process-definition/key/vom-case/submit-form",
        startForm(referral));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("Offence category");
  }

  /** The referral as the start form submits it: {"field": {"value": ...}}, the persons as Json groups. */
  private static String startForm(ObjectNode referral) {
    ObjectNode variables = JSON.createObjectNode();
    referral.fields().forEachRemaining(field -> {
      if (field.getValue().isArray()) {
        String group = field.getKey().substring(0, field.getKey().length() - 1) + "1";
        variables.putObject(group).put("type", "Json").put("value", field.getValue().get(0).toString());
      } else {
        variables.putObject(field.getKey()).set("value", field.getValue());
      }
    });
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return body.toString();
  }

  @Test
  void theFiguresLabelTheAddedCategoryInTheProgrammesLanguage() throws IOException {
    JsonNode figures = json(rest("sam").get("/vom/figures"));
    assertThat(figures.at("/labels/language").asText()).isEqualTo("de");
    assertThat(figures.at("/labels/offenceCategory/fraud_online").asText()).isEqualTo("Online-Betrug");
    assertThat(figures.at("/labels/offenceCategory/theft").asText()).isEqualTo("Diebstahl");
  }

  @Test
  void aConfigurationThatDropsTheAddedCategoryIsRefusedAndDeploysNothing() {
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();
    ProcessResourceDeployer builtInOnly = new ProcessResourceDeployer(resourceLoader, Vocabularies.builtIn());
    assertThatThrownBy(() -> builtInOnly.deploy(engine.getRepositoryService()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("offenceCategory 'fraud_online' (forms/referral.form)")
        .hasMessageContaining("keep it in the administrators' vocabulary file");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
  }

  private static JsonNode field(JsonNode node, String key) {
    for (JsonNode component : node.path("components")) {
      if (key.equals(component.path("key").asText()) && component.has("values")) {
        return component;
      }
      JsonNode nested = field(component, key);
      if (!nested.isMissingNode()) {
        return nested;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }
}
