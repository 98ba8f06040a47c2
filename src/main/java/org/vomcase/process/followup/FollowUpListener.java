package org.vomcase.process.followup;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseVariable;
import org.vomcase.kernel.FollowUp;
import org.vomcase.kernel.Person;
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

  static final List<CaseVariable<String>> ANSWERS = List.of(SATISFACTION, FAIR, HEARD, RECOMMEND, FEAR_CHANGE);

  @Override
  public void notify(DelegateTask task) {
    String outcome = TaskInput.required(task, FOLLOW_UP_OUTCOME, Vocabulary.FOLLOW_UP_OUTCOMES);
    Person person = PERSON.from(task);
    FollowUp followUp = FollowUp.HELD.equals(outcome)
        ? new FollowUp(person.role(), outcome, TaskInput.required(task, SATISFACTION, Vocabulary.SATISFACTION),
            TaskInput.required(task, FAIR, Vocabulary.YES_PARTLY_NO), TaskInput.required(task, HEARD, Vocabulary.YES_PARTLY_NO),
            TaskInput.required(task, RECOMMEND, Vocabulary.RECOMMEND),
            person.victim() ? TaskInput.required(task, FEAR_CHANGE, Vocabulary.FEAR_CHANGES) : null, CaseClock.timestamp())
        : new FollowUp(person.role(), outcome, null, null, null, null, null, CaseClock.timestamp());
    DelegateExecution instance = task.getExecution().getProcessInstance();
    Map<String, FollowUp> book = FOLLOW_UPS.from(instance);
    book.put(person.personId(), followUp);
    FOLLOW_UPS.on(instance).set(book);
    FOLLOW_UP_OUTCOME.on(instance).remove();
    ANSWERS.forEach(answer -> answer.on(instance).remove());
  }
}
