package org.vomcase.process.followup;

import static org.vomcase.kernel.CaseVariables.*;
import static org.vomcase.kernel.JsonVariables.text;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.JsonVariables;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;

/**
 * "Follow-up conversation" (R18): the outcome and, for a conversation held, the satisfaction
 * questionnaire (fear of the offender for victims only), recorded per person in {@code followUps}
 * (role and answers only: the figures of R25). The answers are then removed from the process so the
 * next person's form starts empty.
 */
@Component("followUpListener")
public class FollowUpListener implements TaskListener {

  static final List<String> ANSWERS = List.of(SATISFACTION, FAIR, HEARD, RECOMMEND, FEAR_CHANGE);

  @Override
  public void notify(DelegateTask task) {
    String outcome = TaskInput.required(task, FOLLOW_UP_OUTCOME, Vocabulary.FOLLOW_UP_OUTCOMES);
    SpinJsonNode person = JsonVariables.node(task.getVariable(PERSON));
    SpinJsonNode entry = Spin.JSON("{}");
    entry.prop("role", text(person, "role"));
    entry.prop("outcome", outcome);
    if ("held".equals(outcome)) {
      entry.prop(SATISFACTION, TaskInput.required(task, SATISFACTION, Vocabulary.SATISFACTION));
      entry.prop(FAIR, TaskInput.required(task, FAIR, Vocabulary.YES_PARTLY_NO));
      entry.prop(HEARD, TaskInput.required(task, HEARD, Vocabulary.YES_PARTLY_NO));
      entry.prop(RECOMMEND, TaskInput.required(task, RECOMMEND, Vocabulary.RECOMMEND));
      if ("victim".equals(text(person, "role"))) {
        entry.prop(FEAR_CHANGE, TaskInput.required(task, FEAR_CHANGE, Vocabulary.FEAR_CHANGES));
      }
    }
    entry.prop("recordedAt", CaseClock.timestamp());
    DelegateExecution instance = task.getExecution().getProcessInstance();
    SpinJsonNode book = JsonVariables.objectOrEmpty(instance.getVariable(FOLLOW_UPS));
    book.prop(text(person, "personId"), entry);
    instance.setVariable(FOLLOW_UPS, JsonVariables.json(book));
    instance.removeVariable(FOLLOW_UP_OUTCOME);
    ANSWERS.forEach(instance::removeVariable);
  }
}
