package org.vomcase.process;

import org.vomcase.kernel.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listeners (create) that make a task's name say which case and which person it is about, while
 * the diagram keeps its business label: "Call the person for consent: O1, VOM-2026-00042". A task's name
 * is seen by everyone who sees the task, administrators included, so it names the person by their id in
 * the case only; the name ("Carl Vogt (O1)") goes into the task variable {@value CaseVariables#PERSON_LABEL},
 * which only those who read the task's values see (Tasklist's "Person" column).
 */
@Component("taskNames")
public class TaskNames {

  public void forCase(DelegateTask task) {
    task.setName(task.getName() + ": " + task.getVariable(CaseVariables.CASE_NUMBER));
  }

  public void forPerson(DelegateTask task) {
    forPerson(task, task.getVariable(CaseVariables.PERSON_ID), task.getVariable(CaseVariables.PERSON_NAME));
  }

  /** The task's name with the person's id and the case number, and the person's name where only readers see it. */
  public static void forPerson(DelegateTask task, Object personId, Object personName) {
    task.setName(task.getName() + ": " + personId + ", " + task.getVariable(CaseVariables.CASE_NUMBER));
    task.setVariableLocal(CaseVariables.PERSON_LABEL, personName + " (" + personId + ")");
  }
}
