package org.vomcase.settings;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Staff read the diagrams' process and task names in their language ({@link StaffLanguage#name}): a post-parse
 * listener gives every process and every user task the name of {@code processes/i18n/<language>.json} for its
 * English label. The diagram keeps its English label (what administrators model and Cockpit draws); Tasklist's task
 * list, its start menu and the case's history read the translation. A label without translation stays as modelled.
 */
@Component
public class StaffLanguagePlugin extends AbstractProcessEnginePlugin {

  private final StaffLanguage language;

  public StaffLanguagePlugin(StaffLanguage language) {
    this.language = language;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (language.isSource()) {
      return;
    }
    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    parseListeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.setName(language.name(processDefinition.getName()));
      }

      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        activity.setName(language.name(activity.getName()));
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        Expression name = task.getNameExpression();
        if (name != null && !name.getExpressionText().contains("${") && !name.getExpressionText().contains("#{")) {
          String translated = language.name(name.getExpressionText());
          if (!translated.equals(name.getExpressionText())) {
            task.setNameExpression(configuration.getExpressionManager().createExpression(translated));
          }
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(parseListeners);
  }
}
