package org.vomcase.process.preparation;

import static org.vomcase.kernel.CaseVariables.SUITABILITY;
import static org.vomcase.kernel.CaseVariables.SUITABILITY_REASON;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;

/** "Decide whether the case is suitable" (R9): the decision, with a reason when the case is not suitable. */
@Component("suitabilityListener")
public class SuitabilityListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if ("unsuitable".equals(TaskInput.required(task, SUITABILITY, Vocabulary.SUITABILITY))) {
      TaskInput.text(task, SUITABILITY_REASON, 10, 1000);
    }
  }
}
