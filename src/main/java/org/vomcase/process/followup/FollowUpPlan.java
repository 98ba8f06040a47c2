package org.vomcase.process.followup;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.Person;
import org.vomcase.process.TaskNames;
import org.vomcase.settings.Programme;

/**
 * Follow-up (R18): who is asked (everyone who took part and has not withdrawn), when (the
 * programme's period after the session or the end of monitoring), and the person a conversation is
 * about, laid out on its task.
 */
@Component("followUpPlan")
public class FollowUpPlan {

  private final Programme rules;

  public FollowUpPlan(Programme rules) {
    this.rules = rules;
  }

  /** The persons who took part and have not withdrawn their consent (the multi-instance collection). */
  public List<Object> participants(DelegateExecution execution) {
    return Case.seenFrom(execution).parties().stream().map(PERSON::value).toList();
  }

  /** When the follow-up conversations are due: the profile's period from now (ISO date-time). */
  public String followUpAt(DelegateExecution execution) {
    return CaseClock.now().plus(rules.of(PROGRAMME_PROFILE.from(execution)).followUpAfter()).toOffsetDateTime().toString();
  }

  /** Task listener (create) of a follow-up conversation: the person on the task only (parallel conversations). */
  public void layOutPerson(DelegateTask task) {
    Person person = PERSON.from(task);
    PERSON_ID.on(task).setLocal(person.personId());
    PERSON_ROLE.on(task).setLocal(person.role());
    PERSON_NAME.on(task).setLocal(person.name());
    PERSON_PHONE.on(task).setLocal(person.phone() == null ? "" : person.phone());
    PERSON_EMAIL.on(task).setLocal(person.email() == null ? "" : person.email());
    TaskNames.forPerson(task, person);
  }
}
