package org.vomcase.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vomcase.kernel.ClosureReason;
import org.vomcase.process.CaseClosure;

/**
 * The Camunda Modeler element templates: "Send notification" offers exactly the catalogue's messages
 * and recipients, "Generate document" the documents the delegate makes; both run after a transaction
 * boundary (the retry cycle is the engine's default, R3/PT5M, see application.yaml). "Close the case"
 * offers exactly the closure reasons of R19, and its variant for a reason the case works out takes the
 * expressions the case diagram uses.
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

  @Test
  void closeTheCaseTemplateOffersExactlyTheClosureReasons() throws IOException {
    JsonNode template = closeCase("org.vomcase.CloseCase");

    assertThat(template.path("appliesTo").toString()).isEqualTo("[\"bpmn:EndEvent\"]");
    assertThat(choices(template, CaseClosure.REASON_INPUT)).containsExactlyElementsOf(
        Arrays.stream(ClosureReason.values()).map(ClosureReason::code).toList());
    // A Camunda 7 template binds "property" to the end event itself, where the engine does not look for the
    // implementation (it reads the message event definition's): the modeller sets ${caseClosure} there.
    assertThat(values(template, "camunda:delegateExpression")).isEmpty();
  }

  @Test
  void closeTheCaseByExpressionTemplateTakesTheExpressionsOfTheCaseDiagram() throws IOException {
    JsonNode template = closeCase("org.vomcase.CloseCaseByExpression");
    JsonNode reason = template.path("properties").get(0);
    Pattern expression = Pattern.compile(reason.path("constraints").path("pattern").path("value").asText());

    assertThat(template.path("appliesTo").toString()).isEqualTo("[\"bpmn:EndEvent\"]");
    assertThat(reason.path("binding").path("name").asText()).isEqualTo(CaseClosure.REASON_INPUT);
    List<String> used = closureReasonInputs().stream().filter(input -> input.startsWith("${")).toList();
    assertThat(used).isNotEmpty().allMatch(input -> expression.matcher(input).matches());
    assertThat(used).allMatch(input -> reason.path("description").asText().contains(input));
    assertThat(expression.matcher("not_eligible").matches()).isFalse();
  }

  /** The closure reasons the closing events of the case diagram give (input parameter closureReason). */
  private static List<String> closureReasonInputs() throws IOException {
    Matcher inputs = Pattern.compile("<camunda:inputParameter name=\"" + CaseClosure.REASON_INPUT + "\">([^<]*)</camunda:inputParameter>")
        .matcher(Files.readString(Path.of("processes/vom-case.bpmn")));
    List<String> found = new ArrayList<>();
    while (inputs.find()) {
      found.add(inputs.group(1).trim());
    }
    return found;
  }

  private static JsonNode closeCase(String id) throws IOException {
    for (JsonNode template : new ObjectMapper().readTree(Path.of("processes/.camunda/element-templates/close-case.json").toFile())) {
      if (id.equals(template.path("id").asText())) {
        return template;
      }
    }
    throw new AssertionError("no template " + id);
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
