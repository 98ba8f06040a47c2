package org.vomcase.settings;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds a task listener to every user task of every diagram the engine parses, after the diagram's own
 * listeners of that event (a post-parse listener): for rules that must hold whatever an administrator
 * models, such as the confidential fields or the task's case number.
 */
public final class EveryUserTask {

  private EveryUserTask() {}

  public static void addListener(ProcessEngineConfigurationImpl configuration, String event, TaskListener listener) {
    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    parseListeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition().addTaskListener(event, listener);
      }
    });
    configuration.setCustomPostBPMNParseListeners(parseListeners);
  }
}
