package org.vomcase.process.contact;

import static org.vomcase.kernel.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.vomcase.settings.VomProperties;
import org.vomcase.process.referral.ReferralIntake;
import org.vomcase.process.referral.ReferralValidator;

/**
 * "Contact started": lays the person (a Json entry of victims / offenders) out as the variables the
 * forms and gateways read, and sets the contact rules of the programme.
 */
@Component("contactPersonListener")
public class ContactPersonListener implements ExecutionListener {

  /** Weeks after which a person who could not be reached counts as not reachable (R6). */
  public static final int CONTACT_WEEKS = 6;

  private final int maxUnreachedCalls;

  public ContactPersonListener(VomProperties properties) {
    this.maxUnreachedCalls = properties.contact().maxUnreachedCalls();
  }

  @Override
  public void notify(DelegateExecution execution) {
    layOut(execution);
    execution.setVariable(CONTACT_DEADLINE, org.vomcase.kernel.CaseClock.now()
        .plusWeeks(CONTACT_WEEKS).toOffsetDateTime().toString());
    execution.setVariable(UNREACHED_CALLS, 0);
    execution.setVariable(MAX_UNREACHED_CALLS, maxUnreachedCalls);
  }

  /** Sets personId, personName, personRole, contact details, language, interpreter and minor from the variable person. */
  public static void layOut(DelegateExecution execution) {
    Object value = execution.getVariable(PERSON);
    if (!(value instanceof SpinJsonNode person)) {
      throw new IllegalStateException("The called process needs the variable 'person' (a Json person of the case), got " + value);
    }
    execution.setVariable(PERSON_ID, text(person, ReferralIntake.PERSON_ID));
    execution.setVariable(PERSON_ROLE, text(person, ReferralIntake.ROLE));
    execution.setVariable(PERSON_NAME, text(person, ReferralValidator.NAME));
    execution.setVariable(PERSON_PHONE, text(person, ReferralValidator.PHONE));
    execution.setVariable(PERSON_EMAIL, text(person, ReferralValidator.EMAIL));
    execution.setVariable(PERSON_POSTAL_ADDRESS, text(person, ReferralValidator.POSTAL_ADDRESS));
    execution.setVariable(PERSON_LANGUAGE, text(person, ReferralValidator.PREFERRED_LANGUAGE));
    execution.setVariable(PERSON_INTERPRETER_NEEDED, flag(person, ReferralValidator.INTERPRETER_NEEDED));
    execution.setVariable(PERSON_MINOR, flag(person, ReferralIntake.MINOR));
  }

  private static String text(SpinJsonNode person, String property) {
    return person.hasProp(property) && !person.prop(property).isNull() ? person.prop(property).stringValue() : null;
  }

  private static boolean flag(SpinJsonNode person, String property) {
    return person.hasProp(property) && person.prop(property).isBoolean() && person.prop(property).boolValue();
  }
}
