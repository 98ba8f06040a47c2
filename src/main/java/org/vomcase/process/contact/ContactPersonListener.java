package org.vomcase.process.contact;

import static org.vomcase.kernel.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.Person;
import org.vomcase.settings.VomProperties;

/**
 * "Contact started": lays the person (the variable {@code person}, a person of the case) out as the
 * variables the forms and gateways read, and sets the contact rules of the programme.
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
    CONTACT_DEADLINE.on(execution).set(CaseClock.now().plusWeeks(CONTACT_WEEKS).toOffsetDateTime());
    UNREACHED_CALLS.on(execution).set(0);
    MAX_UNREACHED_CALLS.on(execution).set(maxUnreachedCalls);
  }

  /** Sets personId, personName, personRole, contact details, language, interpreter and minor from the variable person. */
  public static void layOut(DelegateExecution execution) {
    Person person = PERSON.from(execution);
    if (person == null) {
      throw new IllegalStateException("The called process needs the variable 'person' (a person of the case)");
    }
    PERSON_ID.on(execution).set(person.personId());
    PERSON_ROLE.on(execution).set(person.role());
    PERSON_NAME.on(execution).set(person.name());
    PERSON_PHONE.on(execution).set(person.phone());
    PERSON_EMAIL.on(execution).set(person.email());
    PERSON_POSTAL_ADDRESS.on(execution).set(person.postalAddress());
    PERSON_LANGUAGE.on(execution).set(person.preferredLanguage());
    PERSON_INTERPRETER_NEEDED.on(execution).set(person.interpreterNeeded());
    PERSON_MINOR.on(execution).set(person.minor());
  }
}
