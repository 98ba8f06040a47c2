package org.vomcase.process.contact;

import static org.vomcase.kernel.CaseVariables.CALL_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;
import org.vomcase.process.PersonVariables;

/**
 * "Record the person's answer to the letter": a victim contacted in writing only is never called; they get in
 * touch themselves, and the mediator records whether they take part, and how they may be reached safely.
 */
@Component("letterAnswerListener")
public class LetterAnswerListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskInput.required(task, CALL_OUTCOME, Vocabulary.LETTER_ANSWERS);
    PersonVariables.recordSafeContact(task);
  }
}
