package org.vomcase.process.session;

import static org.vomcase.kernel.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;

/**
 * "Record the session outcome" (R12): a session that took place has an outcome (a stop for safety
 * with its reason); a no-show names who did not come and counts towards the reschedule limit.
 */
@Component("sessionOutcomeListener")
public class SessionOutcomeListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if ("held".equals(TaskInput.required(task, SESSION_HELD, Vocabulary.SESSION_HELD))) {
      if ("stopped_for_safety".equals(TaskInput.required(task, SESSION_OUTCOME, Vocabulary.SESSION_OUTCOMES))) {
        TaskInput.text(task, SAFETY_STOP_REASON, 10, 1000);
      }
    } else {
      TaskInput.required(task, NO_SHOW_PARTY, Vocabulary.NO_SHOW_PARTIES);
      Integer reschedules = RESCHEDULES.from(task);
      RESCHEDULES.on(task.getExecution()).set((reschedules == null ? 0 : reschedules) + 1);
    }
  }
}
