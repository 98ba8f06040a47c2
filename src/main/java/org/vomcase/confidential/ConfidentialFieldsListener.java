package org.vomcase.confidential;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.vomcase.kernel.CaseVariables;

/**
 * On every user task's completion, after the task's own listeners (which may check the notes, e.g. a
 * session stopped for safety needs its reason): moves the submitted confidential fields into {@link
 * ConfidentialNotes} and removes them from the case. The variable was created in this same
 * transaction, so it never reaches the runtime tables; {@link ConfidentialHistoryFilter} keeps it out
 * of the history. Added to every user task of every diagram by {@link ConfidentialDataPlugin}, so a
 * field an administrator adds to another form is protected as well.
 */
public class ConfidentialFieldsListener implements TaskListener {

  private final ConfidentialNotes notes;

  public ConfidentialFieldsListener(ConfidentialNotes notes) {
    this.notes = notes;
  }

  @Override
  public void notify(DelegateTask task) {
    for (ConfidentialField field : ConfidentialField.values()) {
      if (task.getVariableTyped(field.variable()) == null) {
        continue;
      }
      String text = ConfidentialNotes.checked(field, task.getVariable(field.variable()));
      if (text != null) {
        notes.record(caseNumber(task), field, CaseVariables.PERSON_ID.from(task), task.getProcessInstanceId(),
            task.getName(), writer(task), text);
      }
      // The variable may sit on the task, its execution or the process instance: remove it wherever it is.
      for (int scope = 0; scope < 5 && task.getVariableTyped(field.variable()) != null; scope++) {
        task.removeVariable(field.variable());
      }
    }
  }

  private static String caseNumber(DelegateTask task) {
    String businessKey = task.getExecution().getProcessBusinessKey();
    return businessKey != null ? businessKey : CaseVariables.CASE_NUMBER.from(task);
  }

  private static String writer(DelegateTask task) {
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user != null ? user.getUserId() : task.getAssignee();
  }
}
