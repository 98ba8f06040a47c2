package org.vomcase.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;
import org.vomcase.kernel.Vocabularies;

/** What the deployer makes of the repository's forms and decision tables with the built-in and an extended vocabulary. */
class VocabularyFillTest {

  private static final Vocabularies EXTENDED = Vocabularies.builtIn().extendedBy("""
      offenceCategories:
        fraud_online: {en: Online fraud, de: Online-Betrug, da: Netbedrageri}
      itemKinds:
        mediation_fee: {en: Contribution to the mediation costs}
      """, "test");

  @Test
  void theBuiltInVocabulariesDeployEveryFileByteForByte() throws Exception {
    for (Path file : files()) {
      byte[] bytes = Files.readAllBytes(file);
      assertThat(VocabularyFill.fill(name(file), bytes, Vocabularies.builtIn())).as(file.toString()).isSameAs(bytes);
    }
  }

  @Test
  void anExtendedVocabularyFillsTheBoundFieldsAndInputs() throws Exception {
    byte[] referral = Files.readAllBytes(Path.of("forms/referral.form"));
    JsonNode filled = new ObjectMapper().readTree(VocabularyFill.fill("forms/referral.form", referral, EXTENDED));
    assertThat(options(filled, "offenceCategory")).containsSequence("fraud_online", "other");
    assertThat(labels(filled, "offenceCategory")).contains("Online fraud");
    assertThat(options(filled, "referralSource")).doesNotContain("fraud_online").contains("police");
    JsonNode original = new ObjectMapper().readTree(referral);
    assertThat(filled.path("id")).isEqualTo(original.path("id"));

    byte[] agreement = Files.readAllBytes(Path.of("forms/record-agreement.form"));
    JsonNode items = new ObjectMapper().readTree(VocabularyFill.fill("forms/record-agreement.form", agreement, EXTENDED));
    assertThat(options(items, "kind")).contains("mediation_fee");
    assertThat(VocabularyFill.offered(new ObjectMapper().writeValueAsBytes(items), EXTENDED.byField()).get("kind"))
        .contains("mediation_fee", "payment");

    byte[] eligibility = Files.readAllBytes(Path.of("processes/eligibility.dmn"));
    byte[] table = VocabularyFill.fill("processes/eligibility.dmn", eligibility, EXTENDED);
    String xml = new String(table, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(xml).contains("\"traffic_injury\",\"fraud_online\",\"other\"</text>");
    Dmn.readModelFromStream(new ByteArrayInputStream(table));
    byte[] mandate = Files.readAllBytes(Path.of("processes/mandate-required.dmn"));
    assertThat(VocabularyFill.fill("processes/mandate-required.dmn", mandate, EXTENDED)).as("no referral source added")
        .isSameAs(mandate);
  }

  @Test
  void theRulesThatNameACategoryAreFound() throws Exception {
    var model = Dmn.readModelFromFile(Path.of("processes/eligibility.dmn").toFile());
    assertThat(VocabularyRules.named(model, "offenceCategory")).containsExactlyInAnyOrder("domestic_violence",
        "sexual_offence", "other");
  }

  private static List<String> options(JsonNode form, String key) {
    List<String> values = new ArrayList<>();
    field(form, key).path("values").forEach(option -> values.add(option.path("value").asText()));
    return values;
  }

  private static List<String> labels(JsonNode form, String key) {
    List<String> values = new ArrayList<>();
    field(form, key).path("values").forEach(option -> values.add(option.path("label").asText()));
    return values;
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

  private static List<Path> files() throws Exception {
    List<Path> files = new ArrayList<>();
    for (String folder : List.of("forms", "processes")) {
      try (var stream = Files.list(Path.of(folder))) {
        stream.filter(p -> p.toString().endsWith(".form") || p.toString().endsWith(".dmn")).forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThan(10);
    return files;
  }

  private static String name(Path file) {
    return file.getParent().getFileName() + "/" + file.getFileName();
  }
}
