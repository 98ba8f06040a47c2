package org.vomcase.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Camunda Modeler element templates: "Send notification" offers exactly the catalogue's messages
 * and recipients, "Generate document" the documents the delegate makes; both run after a transaction
 * boundary (the retry cycle is the engine's default, R3/PT5M, see application.yaml).
 */
class ElementTemplateTest {

  private static final Path TEMPLATE = Path.of("processes/.camunda/element-templates/send-notification.json");

  @Test
  void sendNotificationTemplateOffersTheCataloguesMessagesAndRecipients() throws IOException {
    JsonNode template = new ObjectMapper().readTree(TEMPLATE.toFile()).get(0);

    assertThat(template.path("appliesTo").toString()).contains("bpmn:ServiceTask");
    assertThat(values(template, "camunda:delegateExpression")).containsExactly("${sendNotificationDelegate}");
    assertThat(values(template, "camunda:asyncBefore")).containsExactly("true");
    // Every message but the report to the referrer, whose content is an allow-list of its own delegate.
    assertThat(choices(template, "message")).containsExactlyInAnyOrderElementsOf(MessageCatalogue.MESSAGES.keySet().stream()
        .filter(message -> !message.equals(ReferrerReportDelegate.MESSAGE)).toList());
    List<String> recipients = choices(template, "recipient");
    MessageCatalogue.MESSAGES.values().forEach(allowed -> assertThat(recipients).containsAll(allowed));
    assertThat(recipients).contains("${personRole}");
  }

  @Test
  void generateDocumentTemplateOffersTheDocumentsTheDelegateMakes() throws IOException {
    JsonNode template = new ObjectMapper().readTree(Path.of("processes/.camunda/element-templates/generate-document.json")
        .toFile()).get(0);

    assertThat(template.path("appliesTo").toString()).contains("bpmn:ServiceTask");
    assertThat(values(template, "camunda:delegateExpression")).containsExactly("${generateDocumentDelegate}");
    assertThat(values(template, "camunda:asyncBefore")).containsExactly("true");
    assertThat(choices(template, "document")).containsExactly(org.vomcase.document.AgreementDocument.NAME);
  }

  private static List<String> values(JsonNode template, String property) {
    List<String> values = new ArrayList<>();
    template.path("properties").forEach(p -> {
      if (property.equals(p.path("binding").path("name").asText())) {
        values.add(p.path("value").asText());
      }
    });
    return values;
  }

  private static List<String> choices(JsonNode template, String inputParameter) {
    List<String> choices = new ArrayList<>();
    template.path("properties").forEach(p -> {
      if ("camunda:inputParameter".equals(p.path("binding").path("type").asText())
          && inputParameter.equals(p.path("binding").path("name").asText())) {
        p.path("choices").forEach(c -> choices.add(c.path("value").asText()));
      }
    });
    return choices;
  }
}
