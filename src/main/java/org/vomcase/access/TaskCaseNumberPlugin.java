package org.vomcase.access;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import org.vomcase.settings.EveryUserTask;
import org.vomcase.kernel.CaseVariables;

/**
 * Every user task carries its case number as a task variable. With specific variable permissions a
 * mediator may read the variables of their own tasks (READ_VARIABLE) but not the process's, and the
 * Tasklist lists show the filters' "Case number" column from exactly those; without this the column
 * would stay empty for everyone but supervisors.
 */
@Component
public class TaskCaseNumberPlugin extends AbstractProcessEnginePlugin {

  /** Sets the task-local case number (the business key every process of a case carries). */
  public static final TaskListener CASE_NUMBER_ON_TASK = (DelegateTask task) -> {
    String caseNumber = task.getExecution().getProcessBusinessKey();
    if (caseNumber != null) {
      CaseVariables.CASE_NUMBER.on(task).setLocal(caseNumber);
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.addListener(configuration, TaskListener.EVENTNAME_CREATE, CASE_NUMBER_ON_TASK);
  }
}
