package org.vomcase.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vomcase.support.CaseApi.json;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.Http;

/**
 * Drift between the repository and the engine, as administrators see it at {@code GET /vom/deployments/drift}: after the
 * start every diagram, decision table and form of the repository equals its latest deployed version, deployed by the
 * application. A change of {@code contact-order} deployed by hand from Camunda Modeler shows as "differs", by hand, with
 * the new version and version tag, while everything else stays equal; the same file deployed again with Windows line
 * endings counts as equal (by hand). Only administrators may ask.
 */
class DeploymentDriftIT extends AbstractApplicationIT {

  @Autowired DeploymentDrift drift;
  @Autowired ProcessResourceDeployer deployer;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void removeTheHandDeployments() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true, true));
  }

  @Test
  void everyResourceEqualsTheRepositoryAfterTheStartAndAModelerDeploymentOfAChangedTableDiffers() throws IOException {
    Http admin = rest("admin");
    JsonNode after = drift(admin);
    int files = deployer.collectResources().size();
    assertThat(after.path("resources").asInt()).isEqualTo(files).isGreaterThan(20);
    List<JsonNode> repository = repositoryEntries(after);
    assertThat(repository).hasSize(files);
    for (JsonNode entry : repository) {
      assertThat(entry.path("status").asText()).as(entry.toString()).isEqualTo("same");
      assertThat(entry.at("/deployed/byHand").asBoolean()).as(entry.toString()).isFalse();
      assertThat(entry.at("/deployed/from").asText()).isEqualTo("the application");
    }
    assertThat(entry(after, "processes/contact-order.dmn").path("kind").asText()).isEqualTo("decision table");
    assertThat(entry(after, "forms/referral.form").path("key").asText()).isNotBlank();
    int version = entry(after, "processes/contact-order.dmn").at("/deployed/version").asInt();

    // Camunda Modeler deploys a changed contact-order (a new reason, a new version tag) by hand.
    String table = Files.readString(Path.of("processes/contact-order.dmn"));
    String changed = table.replace("camunda:versionTag=\"1.1.0\"", "camunda:versionTag=\"1.2.0\"")
        .replace("the victim is approached first and in writing only", "the victim is approached first, in writing only");
    assertThat(changed).isNotEqualTo(table);
    modelerDeploys(admin, changed);

    JsonNode drifted = drift(admin);
    JsonNode contactOrder = entry(drifted, "processes/contact-order.dmn");
    assertThat(contactOrder.path("status").asText()).isEqualTo("differs");
    assertThat(contactOrder.at("/deployed/byHand").asBoolean()).isTrue();
    assertThat(contactOrder.at("/deployed/source").asText()).isEqualTo("Camunda Modeler");
    assertThat(contactOrder.at("/deployed/from").asText()).isEqualTo("by hand (Camunda Modeler)");
    assertThat(contactOrder.at("/deployed/version").asInt()).isEqualTo(version + 1);
    assertThat(contactOrder.at("/deployed/versionTag").asText()).isEqualTo("1.2.0");
    assertThat(contactOrder.at("/deployed/deploymentName").asText()).isEqualTo("contact-order (Modeler)");
    for (JsonNode entry : repositoryEntries(drifted)) {
      if (!entry.path("resource").asText().equals("processes/contact-order.dmn")) {
        assertThat(entry.path("status").asText()).as(entry.toString()).isEqualTo("same");
      }
    }
    assertThat(drifted.path("equal").asInt()).isEqualTo(after.path("equal").asInt() - 1);
    DeploymentDrift.Report report = drift.check();
    assertThat(drift.summary(report)).contains("decision table processes/contact-order.dmn (contact-order): differs; deployed"
        + " version " + (version + 1) + " (1.2.0) from by hand (Camunda Modeler)");

    // The repository's own file with \r\n line endings is the same file, though deployed by hand.
    modelerDeploys(admin, table.replace("\n", "\r\n"));
    JsonNode crlf = entry(drift(admin), "processes/contact-order.dmn");
    assertThat(crlf.path("status").asText()).isEqualTo("same");
    assertThat(crlf.at("/deployed/byHand").asBoolean()).isTrue();
    assertThat(crlf.at("/deployed/version").asInt()).isEqualTo(version + 2);
  }

  @Test
  void aReportWithEveryResourceEqualIsOneLine() {
    DeploymentDrift.Report report = new DeploymentDrift.Report(2, 2, List.of(
        new DeploymentDrift.Entry("processes/a.bpmn", "diagram", "a", DeploymentDrift.SAME, null),
        new DeploymentDrift.Entry("forms/b.form", "form", "b", DeploymentDrift.SAME, null)));
    assertThat(drift.summary(report)).containsExactly("all 2 resources equal the repository");
  }

  @Test
  void onlyAdministratorsSeeTheDrift() {
    for (String user : List.of("clara", "mara", "sam", "policeapi")) {
      assertThat(rest(user).get("/vom/deployments/drift").statusCode()).as(user).isEqualTo(403);
    }
    assertThat(anonymous().get("/vom/deployments/drift").statusCode()).isEqualTo(401);
  }

  private void modelerDeploys(Http admin, String table) {
    HttpResponse<String> response = admin.postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", "contact-order (Modeler)", "deployment-source", "Camunda Modeler"),
        Map.of("contact-order.dmn", table.getBytes(StandardCharsets.UTF_8)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    deployments.add(json(response).path("id").asText());
  }

  private static JsonNode drift(Http admin) {
    HttpResponse<String> response = admin.get("/vom/deployments/drift");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private static List<JsonNode> repositoryEntries(JsonNode report) {
    List<JsonNode> entries = new ArrayList<>();
    report.path("entries").forEach(e -> {
      if (!e.path("status").asText().equals("only in the engine")) {
        entries.add(e);
      }
    });
    return entries;
  }

  private static JsonNode entry(JsonNode report, String resource) {
    for (JsonNode e : report.path("entries")) {
      if (e.path("resource").asText().equals(resource)) {
        return e;
      }
    }
    throw new AssertionError(resource + " not in " + report);
  }
}
