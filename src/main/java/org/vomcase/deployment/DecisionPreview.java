package org.vomcase.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.evaluation.DecisionTableEvaluationHandler;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Component;

/**
 * What a changed decision table would decide differently: the new table (parsed by the engine's DMN engine, never
 * deployed) is evaluated on the inputs of the last recorded decisions of the same table (the engine's decision
 * history, newest first), and every decision whose outputs would change is reported with its case number, the
 * table's input values, and the rules that fired before and would fire after.
 *
 * <p>What an administrator sees of a case here is its number and the values of the table's own inputs, and only
 * codes: an input without a list of allowed values (free text) and dates are not shown. No name, no text of the case.
 * The new table is held to the {@link DeploymentPolicy} before it is evaluated (no scripts, no Java), exactly as a
 * deployment would be. The evaluations count in the engine's decision metrics like any other evaluation; nothing is
 * written to the history.
 */
@Component
public class DecisionPreview {

  /** The decision tables that can be previewed. */
  public static final List<String> TABLES = List.of("eligibility", "contact-order");

  public static final int DEFAULT_LAST = 200;
  public static final int MAX_LAST = 5000;
  public static final int MAX_BYTES = 2_000_000;

  /** Shown instead of a value an administrator does not see. */
  public static final String NOT_SHOWN = "(not shown)";

  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final ProcessEngine engine;
  private final DeploymentGuard guard;

  public DecisionPreview(ProcessEngine engine, DeploymentGuard guard) {
    this.engine = engine;
    this.guard = guard;
  }

  /** A request the preview cannot answer, with the reason in words (a 400). */
  public static final class Refused extends RuntimeException {
    private final String field;

    /** A refusal of the uploaded table (the field {@code file}). */
    public Refused(String message) {
      this("file", message);
    }

    /** A refusal of one field of the request: {@code file}, {@code last} or {@code decisionKey}. */
    public Refused(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** A rule that fired: its id, its annotation (description) and its outputs. */
  public record Fired(String ruleId, String description, Map<String, Object> outputs) {}

  /** A recorded decision that the new table would decide differently. */
  public record Change(String caseNumber, Date evaluatedAt, int recordedVersion, Map<String, Object> inputs,
      List<Fired> before, List<Fired> after, String problem) {}

  /** The deployed table the new one would replace. */
  public record Deployed(int version, String versionTag) {}

  /** The answer: how many recorded decisions were evaluated, and those that would change. */
  public record Report(String decisionKey, String decisionName, String newVersionTag, Deployed deployed, int last,
      int examined, int changed, int sameOutputsOtherRule, List<Change> changes) {}

  /** Previews the table of this DMN file (the key is read from the file when not given) on the last recorded decisions. */
  public Report preview(byte[] xml, String requestedKey, Integer last) {
    int count = last == null ? DEFAULT_LAST : last;
    if (count < 1 || count > MAX_LAST) {
      throw new Refused("last", "last (how many recorded decisions to compare) is a number from 1 to " + MAX_LAST + ", not " + count);
    }
    if (xml == null || xml.length == 0) {
      throw new Refused("the decision table (a .dmn file) is missing");
    }
    if (xml.length > MAX_BYTES) {
      throw new Refused("the decision table is larger than " + MAX_BYTES / 1_000_000 + " MB");
    }
    List<String> violations = new DeploymentPolicy(guard::isApplicationBean).check("uploaded.dmn", xml);
    if (!violations.isEmpty()) {
      throw new Refused("The decision table would be refused on deployment: " + String.join("; ", violations));
    }
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
    } catch (ModelException | IllegalArgumentException e) {
      throw new Refused("The file is not a DMN decision table: " + firstLine(e));
    }
    String key = keyOf(model, requestedKey);
    DmnDecision decision = parse(model, key);
    DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
    if (table.getHitPolicyHandler() != null && table.getHitPolicyHandler().getHitPolicyEntry().getAggregator() != null) {
      throw new Refused("the preview compares the rules that fire; a COLLECT table with an aggregation (SUM, COUNT, MIN,"
          + " MAX) has none to compare");
    }
    Map<String, String> newRules = ruleDescriptions(model, key);
    Decision element = model.getModelElementById(key);

    List<HistoricDecisionInstance> recorded = engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(key).includeInputs().includeOutputs().orderByEvaluationTime().desc().listPage(0, count);
    Map<String, RecordedTable> tables = new HashMap<>();
    for (HistoricDecisionInstance instance : recorded) {
      tables.computeIfAbsent(instance.getDecisionDefinitionId(), this::recordedTable);
    }
    List<RecordedTable> known = new ArrayList<>(tables.values());
    DecisionDefinition deployed = engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().singleResult();
    if (deployed != null) {
      known.add(recordedTable(deployed.getId()));
    }
    requireRecordedInputs(key, table, known);

    DefaultDmnEngineConfiguration dmn = dmnConfiguration();
    List<Change> changes = new ArrayList<>();
    int sameOutputsOtherRule = 0;
    for (HistoricDecisionInstance instance : recorded) {
      RecordedTable old = tables.get(instance.getDecisionDefinitionId());
      Map<String, Object> variables = new HashMap<>();
      for (DmnDecisionTableInputImpl input : table.getInputs()) {
        variables.put(input.getExpression().getExpression().trim(), null);
      }
      Map<String, Object> shown = new LinkedHashMap<>();
      for (HistoricDecisionInputInstance input : instance.getInputs()) {
        String variable = old.variables().get(input.getClauseId());
        if (variable != null) {
          variables.put(variable, input.getValue());
        }
        shown.put(input.getClauseName() == null ? input.getClauseId() : input.getClauseName(),
            old.shown().contains(input.getClauseId()) && !(input.getValue() instanceof Date) ? input.getValue() : NOT_SHOWN);
      }
      List<Fired> before = before(instance, old.rules());
      List<Fired> after;
      String problem = null;
      try {
        DmnDecisionTableEvaluationEvent event = (DmnDecisionTableEvaluationEvent) new DecisionTableEvaluationHandler(dmn)
            .evaluate(decision, Variables.fromMap(variables).asVariableContext());
        after = new ArrayList<>();
        for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
          Map<String, Object> outputs = new LinkedHashMap<>();
          for (DmnEvaluatedOutput output : rule.getOutputEntries().values()) {
            outputs.put(output.getOutputName(), output.getValue() == null ? null : output.getValue().getValue());
          }
          after.add(new Fired(rule.getId(), newRules.get(rule.getId()), outputs));
        }
      } catch (RuntimeException e) {
        after = List.of();
        problem = "the new table cannot decide it: " + firstLine(e);
      }
      if (problem == null && outputs(before).equals(outputs(after))) {
        if (!before.stream().map(Fired::ruleId).toList().equals(after.stream().map(Fired::ruleId).toList())) {
          sameOutputsOtherRule++;
        }
        continue;
      }
      changes.add(new Change(instance.getRootProcessInstanceId() != null ? instance.getRootProcessInstanceId()
          : instance.getProcessInstanceId(), instance.getEvaluationTime(), old.version(), shown, before, after, problem));
    }
    return new Report(key, decision.getName(), element.getVersionTag(),
        deployed == null ? null : new Deployed(deployed.getVersion(), deployed.getVersionTag()), count, recorded.size(),
        changes.size(), sameOutputsOtherRule, withCaseNumbers(changes));
  }

  /** The key of the table to preview: the one asked for, or the only previewable decision in the file. */
  private static String keyOf(DmnModelInstance model, String requested) {
    Set<String> inFile = new TreeSet<>();
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      inFile.add(decision.getId());
    }
    if (requested != null && !requested.isBlank()) {
      if (!TABLES.contains(requested)) {
        throw new Refused("decisionKey", "decisionKey is one of " + TABLES + ", not '" + requested + "'");
      }
      if (!inFile.contains(requested)) {
        throw new Refused("The file holds the decision " + inFile + ", not '" + requested + "'");
      }
      return requested;
    }
    List<String> previewable = TABLES.stream().filter(inFile::contains).toList();
    if (previewable.isEmpty()) {
      throw new Refused("The file holds the decision " + inFile + "; the preview compares " + String.join(" or ", TABLES)
          + " (a table with another key is another decision)");
    }
    if (previewable.size() > 1) {
      throw new Refused("decisionKey", "The file holds " + previewable + ": say which with decisionKey");
    }
    return previewable.get(0);
  }

  private DmnDecision parse(DmnModelInstance model, String key) {
    List<DmnDecision> decisions;
    try {
      // The engine's DMN transformer reads the engine's settings (history time to live): parse within a command.
      ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      decisions = configuration.getCommandExecutorTxRequired()
          .execute(context -> configuration.getDmnEngine().parseDecisions(model));
    } catch (DmnEngineException | ModelException e) {
      throw new Refused("The engine cannot read the decision table: " + firstLine(e));
    }
    DmnDecision decision = decisions.stream().filter(d -> key.equals(d.getKey())).findFirst()
        .orElseThrow(() -> new Refused("The file holds no decision " + key));
    if (!decision.isDecisionTable()) {
      throw new Refused("The decision " + key + " is not a decision table");
    }
    if (!decision.getRequiredDecisions().isEmpty()) {
      throw new Refused("The decision " + key + " requires other decisions; the preview compares a single table");
    }
    DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
    for (DmnDecisionTableInputImpl input : table.getInputs()) {
      String expression = input.getExpression() == null ? null : input.getExpression().getExpression();
      if (expression == null || !VARIABLE.matcher(expression.trim()).matches()) {
        throw new Refused("The input '" + label(input) + "' reads '" + expression + "': the preview gives each input the"
            + " recorded value of a variable, so its expression is a variable name");
      }
    }
    return decision;
  }

  /** Every input of the new table reads a variable the recorded decisions had an input for. */
  private static void requireRecordedInputs(String key, DmnDecisionTableImpl table, Collection<RecordedTable> recorded) {
    if (recorded.isEmpty()) {
      return;
    }
    Set<String> known = new TreeSet<>();
    recorded.forEach(t -> known.addAll(t.variables().values()));
    List<String> missing = new ArrayList<>();
    for (DmnDecisionTableInputImpl input : table.getInputs()) {
      String variable = input.getExpression().getExpression().trim();
      if (!known.contains(variable)) {
        missing.add("'" + label(input) + "' (" + variable + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new Refused("The new table has the input " + String.join(", ", missing) + ", which the recorded and the deployed "
          + key + " decisions do not have (they have " + String.join(", ", known) + "): the preview cannot know its values");
    }
  }

  /** A deployed version of the table: which variable each input reads, which inputs are codes, its rules' annotations. */
  private record RecordedTable(int version, Map<String, String> variables, Set<String> shown, Map<String, String> rules) {}

  private RecordedTable recordedTable(String definitionId) {
    DecisionDefinition definition = engine.getRepositoryService().getDecisionDefinition(definitionId);
    DmnModelInstance model;
    try (InputStream in = engine.getRepositoryService().getDecisionModel(definitionId)) {
      model = Dmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Decision decision = model.getModelElementById(definition.getKey());
    Map<String, String> variables = new HashMap<>();
    Set<String> shown = new java.util.HashSet<>();
    for (DecisionTable table : decision.getChildElementsByType(DecisionTable.class)) {
      for (Input input : table.getInputs()) {
        String text = input.getInputExpression() == null || input.getInputExpression().getText() == null ? null
            : input.getInputExpression().getText().getTextContent().trim();
        if (text != null && VARIABLE.matcher(text).matches()) {
          variables.put(input.getId(), text);
        }
        String type = input.getInputExpression() == null ? null : input.getInputExpression().getTypeRef();
        boolean codes = input.getInputValues() != null;
        if (codes || "boolean".equals(type) || "integer".equals(type) || "long".equals(type) || "double".equals(type)) {
          shown.add(input.getId());
        }
      }
    }
    return new RecordedTable(definition.getVersion(), variables, shown, ruleDescriptions(model, definition.getKey()));
  }

  private static Map<String, String> ruleDescriptions(DmnModelInstance model, String key) {
    Map<String, String> descriptions = new HashMap<>();
    Decision decision = model.getModelElementById(key);
    for (DecisionTable table : decision.getChildElementsByType(DecisionTable.class)) {
      for (Rule rule : table.getRules()) {
        descriptions.put(rule.getId(), rule.getDescription() == null ? null : rule.getDescription().getTextContent().trim());
      }
    }
    return descriptions;
  }

  /** The rules that fired when the decision was taken, as the history recorded them. */
  private static List<Fired> before(HistoricDecisionInstance instance, Map<String, String> rules) {
    Map<String, Map<String, Object>> byRule = new LinkedHashMap<>();
    instance.getOutputs().stream()
        .sorted(java.util.Comparator.comparing(o -> o.getRuleOrder() == null ? 0 : o.getRuleOrder()))
        .forEach((HistoricDecisionOutputInstance output) -> byRule
            .computeIfAbsent(output.getRuleId() + "#" + output.getRuleOrder(), r -> new LinkedHashMap<>())
            .put(output.getVariableName(), output.getValue()));
    List<Fired> fired = new ArrayList<>();
    byRule.forEach((rule, outputs) -> {
      String id = rule.substring(0, rule.lastIndexOf('#'));
      fired.add(new Fired(id, rules.get(id), outputs));
    });
    return fired;
  }

  /** The outputs of the fired rules, values compared as text (a number as its plain value). */
  private static List<Map<String, String>> outputs(List<Fired> fired) {
    List<Map<String, String>> all = new ArrayList<>();
    for (Fired rule : fired) {
      Map<String, String> values = new HashMap<>();
      rule.outputs().forEach((name, value) -> values.put(name, value instanceof Number number
          ? new BigDecimal(number.toString()).stripTrailingZeros().toPlainString() : value == null ? null : value.toString()));
      all.add(values);
    }
    return all;
  }

  /** Replaces the root process instance ids of the changes by their case numbers (the business key). */
  private List<Change> withCaseNumbers(List<Change> changes) {
    Set<String> ids = new TreeSet<>();
    changes.forEach(c -> {
      if (c.caseNumber() != null) {
        ids.add(c.caseNumber());
      }
    });
    Map<String, String> numbers = new HashMap<>();
    List<String> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += 500) {
      for (HistoricProcessInstance instance : engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceIds(new java.util.HashSet<>(all.subList(from, Math.min(all.size(), from + 500)))).list()) {
        numbers.put(instance.getId(), instance.getBusinessKey());
      }
    }
    return changes.stream().map(c -> new Change(c.caseNumber() == null ? null : numbers.get(c.caseNumber()),
        c.evaluatedAt(), c.recordedVersion(), c.inputs(), c.before(), c.after(), c.problem())).toList();
  }

  private DefaultDmnEngineConfiguration dmnConfiguration() {
    return (DefaultDmnEngineConfiguration) ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDmnEngineConfiguration();
  }

  private static String label(DmnDecisionTableInputImpl input) {
    return input.getName() != null ? input.getName() : input.getId();
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
