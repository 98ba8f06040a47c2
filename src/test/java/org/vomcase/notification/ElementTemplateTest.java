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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;
import org.vomcase.process.TaskNameProperty;
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

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

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


  /**
   * "Mediator's step": a user task built from the template (its 7-day choice) has the properties of the diagrams' own
   * mediator steps (Schedule the session): the form bound to the deployment, the lead mediator as assignee and both
   * mediators as candidates, the due date, and a name with the case number; on an engine with the application's plugin
   * the task is created so.
   */
  @Test
  void aMediatorsStepFromTheTemplateIsSetUpAsTheDiagramsOwnMediatorSteps() throws IOException {
    JsonNode template = new ObjectMapper().readTree(Path.of("processes/.camunda/element-templates/mediator-step.json")
        .toFile()).get(0);
    assertThat(template.path("appliesTo").toString()).isEqualTo("[\"bpmn:UserTask\"]");
    UserTask existing = Bpmn.readModelFromFile(Path.of("processes/mediation-session.bpmn").toFile())
        .getModelElementById("Task_ScheduleSession");

    // The task the Modeler writes: the template's property bindings, the form the modeller names.
    BpmnModelInstance model = Bpmn.createExecutableProcess("template-step").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_FromTemplate").name("Do the new step").endEvent().done();
    UserTask built = model.getModelElementById("Task_FromTemplate");
    built.setAttributeValueNs(CAMUNDA, "formRef", "schedule-session");
    template.path("properties").forEach(p -> {
      JsonNode binding = p.path("binding");
      String value = p.has("choices") ? choiceFor(p, "7 days") : p.path("value").asText(null);
      if ("property".equals(binding.path("type").asText()) && value != null) {
        built.setAttributeValueNs(CAMUNDA, binding.path("name").asText().substring("camunda:".length()), value);
      } else if ("camunda:property".equals(binding.path("type").asText())) {
        CamundaProperties properties = model.newInstance(CamundaProperties.class);
        CamundaProperty property = model.newInstance(CamundaProperty.class);
        property.setCamundaName(binding.path("name").asText());
        property.setCamundaValue(value);
        properties.addChildElement(property);
        built.builder().addExtensionElement(properties);
      }
    });
    assertThat(built.getCamundaFormRef()).isEqualTo(existing.getCamundaFormRef());
    assertThat(built.getCamundaFormRefBinding()).isEqualTo(existing.getCamundaFormRefBinding()).isEqualTo("deployment");
    assertThat(built.getCamundaAssignee()).isEqualTo(existing.getCamundaAssignee()).isEqualTo("${leadMediator}");
    assertThat(built.getCamundaCandidateUsers()).isEqualTo(existing.getCamundaCandidateUsers()).isEqualTo("${mediators}");
    assertThat(built.getCamundaCandidateGroups()).isEqualTo(existing.getCamundaCandidateGroups());
    assertThat(built.getCamundaDueDate()).isEqualTo(existing.getCamundaDueDate());
    // The existing step names itself with the case number by a listener; the template asks the plugin to.
    assertThat(Bpmn.convertToString(Bpmn.readModelFromFile(Path.of("processes/mediation-session.bpmn").toFile())))
        .contains("${taskNames.forCase(task)}");
    // The due choices name the reminder's duration: the existing step's reminder is P7D, its due date 7 days.
    assertThat(Files.readString(Path.of("processes/mediation-session.bpmn"))).contains("TaskListener_ScheduleSessionOverdue");

    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration().setJdbcUrl("jdbc:h2:mem:template-" + System.nanoTime())
        .setProcessEngineName("template-" + System.nanoTime());
    configuration.setProcessEnginePlugins(List.of(new TaskNameProperty()));
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("template-step.bpmn", model).deploy();
      String caseNumber = "VOM-2026-00042";
      engine.getRuntimeService().startProcessInstanceByKey("template-step", caseNumber, Map.of("caseNumber", caseNumber,
          "leadMediator", "mara", "mediators", List.of("mara", "lea")));
      Task task = engine.getTaskService().createTaskQuery().singleResult();
      assertThat(task.getName()).isEqualTo("Do the new step: " + caseNumber);
      assertThat(task.getAssignee()).isEqualTo("mara");
      assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getUserId)).containsExactlyInAnyOrder("mara", "lea");
      assertThat(Duration.between(Instant.now(), task.getDueDate().toInstant()).toHours()).isBetween(167L, 168L);
    } finally {
      engine.close();
    }
  }

  private static String choiceFor(JsonNode property, String name) {
    for (JsonNode choice : property.path("choices")) {
      if (choice.path("name").asText().startsWith(name)) {
        return choice.path("value").asText();
      }
    }
    throw new AssertionError("no choice " + name);
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
