package org.vomcase.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a deployed diagram may run: the product's own diagrams pass, code that reaches past the roles does not. */
class DeploymentPolicyTest {

  /** The application's beans the product's diagrams use (at run time: the Spring context decides). */
  private static final Set<String> BEANS = Set.of("taskNames", "caseClosure", "consentOutcome", "retentionPlan",
      "preparationPlan", "obligationPlan", "followUpPlan", "contactPlan", "agreementPlan", "sessionPlan",
      "sendNotificationDelegate", "taskOverdueReminder", "referrerReportDelegate", "generateDocumentDelegate", "referralFacts");

  private final DeploymentPolicy policy = new DeploymentPolicy(BEANS::contains);

  @Test
  void theProductsOwnDiagramsAndTablesPass() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(policy.check(file.getFileName().toString(), Files.readAllBytes(file))).as(file.toString()).isEmpty();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "reflection in an expression | <bpmn:serviceTask id='T' camunda:expression='${\"\".getClass().forName(\"x\")}'/> | not one of the application's beans",
    "the engine through a variable | <bpmn:serviceTask id='T' camunda:expression='${execution.processEngineServices.runtimeService}'/> | processEngineServices",
    "the engine through a method | <bpmn:serviceTask id='T' camunda:expression='${execution.getProcessEngineServices()}'/> | getProcessEngineServices",
    "a script task | <bpmn:scriptTask id='T' scriptFormat='javascript'><bpmn:script>1</bpmn:script></bpmn:scriptTask> | scripts",
    "a Java class of the platform | <bpmn:serviceTask id='T' camunda:class='java.lang.Runtime'/> | java.lang.Runtime",
    "a name that shows a value | <bpmn:userTask id='T' name='Call ${personName}'/> | no expressions in names",
    "an assignee outside the role model | <bpmn:userTask id='T' camunda:assignee='${personName}'/> | case's mediators",
    "a method of a variable | <bpmn:serviceTask id='T' camunda:expression='${victims.toString().concat(\"x\")}'/> | not one of the application's beans",
    "a function of the engine | <bpmn:serviceTask id='T' camunda:expression='${S(victims)}'/> | function S()",
    "a computed property | <bpmn:serviceTask id='T' camunda:expression='${execution[name]}'/> | computed property",
    "an expression in CDATA | <bpmn:serviceTask id='T' camunda:expression='${taskNames.x()}'><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name='x'><![CDATA[${\"\".getClass().forName(\"x\")}]]></camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask> | not one of the application's beans",
    "an expression split by CDATA | <bpmn:serviceTask id='T' camunda:expression='${taskNames.x()}'><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name='x'>$<![CDATA[{execution.processEngineServices}]]></camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask> | processEngineServices",
    "an expression split by a comment | <bpmn:serviceTask id='T' camunda:expression='${taskNames.x()}'><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name='x'>$<!-- c -->{execution.processEngineServices}</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask> | processEngineServices"
  })
  void codeThatReachesPastTheRolesIsRefused(String what, String element, String message) {
    List<String> violations = policy.check("attack.bpmn", diagram(element));
    assertThat(violations).as(what).anySatisfy(v -> assertThat(v).contains(message));
  }

  @Test
  void aCalledProcessCarriesTheCasesNumber() {
    String call = "<bpmn:callActivity id='C' calledElement='x'><bpmn:extensionElements>"
        + "<camunda:in businessKey='${personName}'/></bpmn:extensionElements></bpmn:callActivity>";
    assertThat(policy.check("a.bpmn", diagram(call))).anySatisfy(v -> assertThat(v).contains("case's number"));
    String fine = call.replace("${personName}", "#{execution.processBusinessKey}");
    assertThat(policy.check("a.bpmn", diagram(fine))).isEmpty();
  }

  @Test
  void decisionTablesUseFeelWithoutJava() {
    String table = "<?xml version='1.0'?><definitions xmlns='https://www.omg.org/spec/DMN/20191111/MODEL/' id='d' name='d'"
        + " namespace='x'><decision id='x' name='x'><decisionTable id='t'><input id='i'><inputExpression id='e'"
        + " typeRef='string'><text>EXPR</text></inputExpression></input><output id='o' typeRef='string'/></decisionTable>"
        + "</decision></definitions>";
    assertThat(policy.check("d.dmn", table.replace("EXPR", "offenceCategory").getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(policy.check("d.dmn", table.replace("EXPR", "function(x) external {java: {class: \"java.lang.System\"}}")
        .getBytes(StandardCharsets.UTF_8))).anySatisfy(v -> assertThat(v).contains("external"));
    // The same, with the word split by CDATA or a comment (the DMN parser reads the text as one).
    assertThat(policy.check("d.dmn", table.replace("EXPR", "function(x) exter<![CDATA[nal]]> {java: {class: \"java.lang.System\"}}")
        .getBytes(StandardCharsets.UTF_8))).anySatisfy(v -> assertThat(v).contains("external"));
    assertThat(policy.check("d.dmn", table.replace("EXPR", "function(x) exter<!-- -->nal {java: {class: \"java.lang.System\"}}")
        .getBytes(StandardCharsets.UTF_8))).anySatisfy(v -> assertThat(v).contains("external"));
    assertThat(policy.check("d.dmn", table.replace("<inputExpression id='e'", "<inputExpression id='e' expressionLanguage='javascript'")
        .replace("EXPR", "1").getBytes(StandardCharsets.UTF_8))).anySatisfy(v -> assertThat(v).contains("javascript"));
  }

  @Test
  void onlyDiagramsTablesAndFormsAreDeployed() {
    assertThat(policy.check("payload.js", new byte[] {1})).isNotEmpty();
    assertThat(policy.check("referral.form", "{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  private static byte[] diagram(String element) {
    return ("<?xml version='1.0'?><bpmn:definitions xmlns:bpmn='http://www.omg.org/spec/BPMN/20100524/MODEL'"
        + " xmlns:camunda='http://camunda.org/schema/1.0/bpmn' id='d' targetNamespace='x'><bpmn:process id='p'"
        + " isExecutable='true'>" + element + "</bpmn:process></bpmn:definitions>").getBytes(StandardCharsets.UTF_8);
  }
}
