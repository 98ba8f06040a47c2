package org.vomcase.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listeners (create) that make a task's name say which case and which person it is about, so
 * Tasklist's list reads "Call the person for consent: Ana Roth (V1), VOM-2026-00042" while the
 * diagram keeps its business label.
 */
@Component("taskNames")
public class TaskNames {

  public void forCase(DelegateTask task) {
    task.setName(task.getName() + ": " + task.getVariable(CaseVariables.CASE_NUMBER));
  }

  public void forPerson(DelegateTask task) {
    task.setName(task.getName() + ": " + task.getVariable(CaseVariables.PERSON_NAME) + " ("
        + task.getVariable(CaseVariables.PERSON_ID) + "), " + task.getVariable(CaseVariables.CASE_NUMBER));
  }
}
