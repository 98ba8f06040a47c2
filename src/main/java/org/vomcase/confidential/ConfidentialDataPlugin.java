package org.vomcase.confidential;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Keeps the confidential fields ({@link ConfidentialField}) out of the engine: every user task of every
 * deployed diagram moves them into the confidential store when it completes, and the history writer
 * drops their events. What Camunda's authorizations cannot protect per variable (a supervisor reads a
 * case's variables in Cockpit) is thereby never a variable at all.
 */
@Component
public class ConfidentialDataPlugin extends AbstractProcessEnginePlugin {

  private final ConfidentialNotes notes;

  public ConfidentialDataPlugin(ConfidentialNotes notes) {
    this.notes = notes;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    install(configuration, new ConfidentialFieldsListener(notes));
  }

  /** Installs the listener on every user task and the history filter (also used by the tests' engines). */
  public static void install(ProcessEngineConfigurationImpl configuration, TaskListener listener) {
    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    parseListeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
      }
    });
    configuration.setCustomPostBPMNParseListeners(parseListeners);
    configuration.setHistoryEventHandler(new ConfidentialHistoryFilter(
        new CompositeDbHistoryEventHandler(configuration.getCustomHistoryEventHandlers())));
  }
}
