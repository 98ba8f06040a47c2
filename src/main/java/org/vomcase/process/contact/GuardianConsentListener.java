package org.vomcase.process.contact;

import static org.vomcase.kernel.CaseVariables.GUARDIAN_CONSENT;
import static org.vomcase.kernel.CaseVariables.GUARDIAN_EMAIL;
import static org.vomcase.kernel.CaseVariables.GUARDIAN_NAME;
import static org.vomcase.kernel.CaseVariables.GUARDIAN_PHONE;
import static org.vomcase.kernel.CaseVariables.GUARDIAN_RELATION;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.InputCheck;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;

/** "Record the guardian's consent" (R7): who the guardian is, how to reach them, and their answer. */
@Component("guardianConsentListener")
public class GuardianConsentListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskInput.text(task, GUARDIAN_NAME, 2, 200);
    TaskInput.required(task, GUARDIAN_RELATION, Vocabulary.GUARDIAN_RELATIONS);
    TaskInput.required(task, GUARDIAN_CONSENT, Vocabulary.GUARDIAN_CONSENTS);
    Object phone = task.getVariable(GUARDIAN_PHONE.name());
    Object email = task.getVariable(GUARDIAN_EMAIL.name());
    if (!InputCheck.present(phone) && !InputCheck.present(email)) {
      throw CaseInputException.of(GUARDIAN_PHONE, "error.guardians.phoneOrEmail");
    }
    InputCheck check = InputCheck.failFirst();
    check.phone(GUARDIAN_PHONE.name(), phone, false);
    check.email(GUARDIAN_EMAIL.name(), email, false);
  }
}
