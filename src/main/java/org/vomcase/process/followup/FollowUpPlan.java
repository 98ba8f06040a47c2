package org.vomcase.process.followup;

import static org.vomcase.kernel.CaseVariables.*;
import static org.vomcase.kernel.JsonVariables.text;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.JsonVariables;
import org.vomcase.settings.Programme;
import org.vomcase.process.preparation.PreparationPlan;
import org.vomcase.process.referral.ReferralValidator;

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

  /** The persons who took part and have not withdrawn their consent. */
  public List<SpinJsonNode> participants(DelegateExecution execution) {
    return new PreparationPlan().agreedPersons(execution);
  }

  /** When the follow-up conversations are due: the profile's period from now (ISO date-time). */
  public String followUpAt(DelegateExecution execution) {
    return CaseClock.now().plus(rules.of(execution.getVariable(PROGRAMME_PROFILE)).followUpAfter())
        .toOffsetDateTime().toString();
  }

  /** Task listener (create) of a follow-up conversation: the person on the task only (parallel conversations). */
  public void layOutPerson(DelegateTask task) {
    SpinJsonNode person = JsonVariables.node(task.getVariable(PERSON));
    task.setVariableLocal(PERSON_ID, text(person, "personId"));
    task.setVariableLocal(PERSON_ROLE, text(person, "role"));
    task.setVariableLocal(PERSON_NAME, text(person, ReferralValidator.NAME));
    task.setVariableLocal(PERSON_PHONE, text(person, ReferralValidator.PHONE));
    task.setVariableLocal(PERSON_EMAIL, text(person, ReferralValidator.EMAIL));
    org.vomcase.process.TaskNames.forPerson(task, text(person, "personId"), text(person, ReferralValidator.NAME));
  }
}
