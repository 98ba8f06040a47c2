package org.vomcase.deployment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.kernel.Vocabularies;

/**
 * At start-up: which offence categories the administrators added that the deployed {@code eligibility} table has no
 * rule of its own for. Such referrals are decided by the rules that test no offence category (the catch-all makes them
 * eligible unless another fact decides), which is right for an ordinary offence and wrong for one that needs screening:
 * the log says so, once per category. A failing check never stops the start.
 */
@Component
public class VocabularyRules {

  public static final String ELIGIBILITY = "eligibility";

  private static final Logger LOG = LoggerFactory.getLogger(VocabularyRules.class);
  private static final Pattern QUOTED_CODE = Pattern.compile("\"([^\"]*)\"");

  private final ProcessEngine engine;
  private final Vocabularies vocabularies;

  public VocabularyRules(ProcessEngine engine, Vocabularies vocabularies) {
    this.engine = engine;
    this.vocabularies = vocabularies;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void log() {
    try {
      without().forEach(code -> LOG.warn("Vocabularies: the offence category '{}' has no rule of its own in the deployed"
          + " decision table {}: its referrals are decided by the rules for every category (eligible unless another fact"
          + " decides). Add a rule to processes/eligibility.dmn if it needs its own decision.", code, ELIGIBILITY));
    } catch (RuntimeException e) {
      LOG.warn("Vocabularies: the eligibility rules could not be checked: {}", e.toString());
    }
  }

  /** The added offence categories no rule of the latest deployed eligibility table names. */
  public List<String> without() {
    List<String> added = vocabularies.offenceCategories().added();
    if (added.isEmpty()) {
      return List.of();
    }
    DecisionDefinition table = engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(ELIGIBILITY)
        .latestVersion().singleResult();
    if (table == null) {
      return List.of();
    }
    Set<String> named = named(engine.getRepositoryService().getDmnModelInstance(table.getId()),
        CaseVariables.OFFENCE_CATEGORY.name());
    List<String> without = new ArrayList<>();
    added.stream().filter(code -> !named.contains(code)).forEach(without::add);
    return without;
  }

  /** The codes the rules' entries for the input of {@code variable} name (in quotes). */
  static Set<String> named(DmnModelInstance model, String variable) {
    Set<String> named = new LinkedHashSet<>();
    for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
      List<Input> inputs = new ArrayList<>(table.getInputs());
      int column = -1;
      for (int i = 0; i < inputs.size(); i++) {
        if (inputs.get(i).getInputExpression() != null && inputs.get(i).getInputExpression().getText() != null
            && variable.equals(inputs.get(i).getInputExpression().getText().getTextContent().strip())) {
          column = i;
        }
      }
      if (column < 0) {
        continue;
      }
      for (Rule rule : table.getRules()) {
        List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
        if (column < entries.size() && entries.get(column).getText() != null) {
          Matcher quoted = QUOTED_CODE.matcher(entries.get(column).getText().getTextContent());
          while (quoted.find()) {
            named.add(quoted.group(1));
          }
        }
      }
    }
    return named;
  }
}
