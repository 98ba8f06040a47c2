package org.vomcase.process;

import static org.vomcase.kernel.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.vomcase.kernel.Person;

/**
 * A per-person process (contact, preparation) lays its person out as the variables its forms, gateways
 * and messages read: id, name, side, contact details, language, interpreter and whether a minor.
 */
public final class PersonVariables {

  private PersonVariables() {}

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
