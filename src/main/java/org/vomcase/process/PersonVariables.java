package org.vomcase.process;

import static org.vomcase.kernel.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.vomcase.kernel.Guardian;
import org.vomcase.kernel.InputCheck;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.SafeContact;

/**
 * A per-person process (contact, preparation) lays its person out as the variables its forms, gateways
 * and messages read: id, name, side, contact details, language, interpreter, whether a minor, how to reach
 * them safely, and the parent or guardian the referral names.
 */
public final class PersonVariables {

  private PersonVariables() {}

  /**
   * Sets personId, personName, personRole, contact details, language, interpreter and minor from the variable person;
   * what the person does not have (no postal address, no safe time to call) is not written: the forms show it empty.
   */
  public static void layOut(DelegateExecution execution) {
    Person person = PERSON.from(execution);
    if (person == null) {
      throw new IllegalStateException("The called process needs the variable 'person' (a person of the case)");
    }
    PERSON_ID.on(execution).setKnown(person.personId());
    PERSON_ROLE.on(execution).setKnown(person.role());
    PERSON_NAME.on(execution).setKnown(person.name());
    PERSON_PHONE.on(execution).setKnown(person.phone());
    PERSON_EMAIL.on(execution).setKnown(person.email());
    PERSON_POSTAL_ADDRESS.on(execution).setKnown(person.postalAddress());
    PERSON_LANGUAGE.on(execution).setKnown(person.preferredLanguage());
    PERSON_INTERPRETER_NEEDED.on(execution).setKnown(person.interpreterNeeded());
    PERSON_MINOR.on(execution).setKnown(person.minor());
    SafeContact safety = person.safety();
    SAFE_PREFERRED_CHANNEL.on(execution).setKnown(safety.preferredChannel());
    SAFE_DO_NOT_WRITE.on(execution).setKnown(safety.lettersForbidden());
    SAFE_NO_MESSAGES.on(execution).setKnown(safety.messagesForbidden());
    SAFE_TIME_TO_CALL.on(execution).setKnown(safety.safeTimeToCall());
    if (!person.guardians().isEmpty()) {
      // The parent or guardian the referral names first: the guardian's consent task starts from them.
      Guardian guardian = person.guardians().get(0);
      GUARDIAN_NAME.on(execution).setKnown(guardian.name());
      GUARDIAN_RELATION.on(execution).setKnown(guardian.relation());
      GUARDIAN_PHONE.on(execution).setKnown(guardian.phone());
      GUARDIAN_EMAIL.on(execution).setKnown(guardian.email());
    }
  }

  /**
   * The safe contact the mediator recorded on a contact task (fields {@code safePreferredChannel}, {@code
   * safeDoNotWrite}, {@code safeNoMessages}, {@code safeTimeToCall}), checked, kept on the person of the contact:
   * messages from now on obey it, and the case's list of persons takes it when the contact ends.
   */
  public static void recordSafeContact(DelegateTask task) {
    InputCheck check = InputCheck.failFirst();
    String channel = check.oneOf(SAFE_PREFERRED_CHANNEL.name(), blankToNull(task.getVariable(SAFE_PREFERRED_CHANNEL.name())),
        SafeContact.CHANNELS.keySet(), false);
    Boolean doNotWrite = check.flag(SAFE_DO_NOT_WRITE.name(), task.getVariable(SAFE_DO_NOT_WRITE.name()));
    Boolean noMessages = check.flag(SAFE_NO_MESSAGES.name(), task.getVariable(SAFE_NO_MESSAGES.name()));
    String time = check.text(SAFE_TIME_TO_CALL.name(), task.getVariable(SAFE_TIME_TO_CALL.name()), 0, 200, false);
    if ("letter".equals(channel) && Boolean.TRUE.equals(doNotWrite)) {
      check.refuse(SAFE_DO_NOT_WRITE.name(), "error.safeContact.letterContradicted");
    }
    Person person = PERSON.from(task);
    if (person == null) {
      return;
    }
    SafeContact safe = new SafeContact(channel, Boolean.TRUE.equals(doNotWrite) ? Boolean.TRUE : null,
        Boolean.TRUE.equals(noMessages) ? Boolean.TRUE : null, time);
    PERSON.on(task.getExecution()).set(person.withSafeContact(safe.equals(SafeContact.NONE) ? null : safe));
  }

  private static Object blankToNull(Object value) {
    return value instanceof String text && text.isBlank() ? null : value;
  }
}
