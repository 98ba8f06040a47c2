package org.vomcase.confidential;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.springframework.stereotype.Component;
import org.vomcase.settings.EveryUserTask;

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
    EveryUserTask.addListener(configuration, TaskListener.EVENTNAME_COMPLETE, listener);
    configuration.setHistoryEventHandler(new ConfidentialHistoryFilter(
        new CompositeDbHistoryEventHandler(configuration.getCustomHistoryEventHandlers())));
  }
}
