package org.vomcase.process.events;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Service;
import org.vomcase.audit.AuditLog;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.CaseVariable;
import org.vomcase.kernel.ContactPolicy;
import org.vomcase.kernel.Guardian;
import org.vomcase.kernel.InputCheck;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.SafeContact;
import org.vomcase.kernel.Vocabulary;

/**
 * The case event "contact details changed" (issue 18): a victim's or offender's phone, email, postal address, language
 * or interpreter need, or a minor's parent or guardian (corrected, or added as the next one), changed after intake.
 *
 * <p>What it guarantees: the change is checked as the referral checks a person (formats, vocabularies, at least one way
 * to reach them, the person's safe-contact choice still possible: an email preferred needs an email) and refused at
 * its field with nothing changed; a name of a victim or offender is never changed this way. Once accepted, every
 * running part of the case sees the new values at once: the case's list of victims or offenders, and the copies the
 * called processes hold (their {@code victims}, {@code offenders}, the {@code person} of a contact or a preparation and
 * the variables laid out from it), so the next message, letter or call uses them. Who changed which fields of whom
 * (never the values) is in the audit trail; a change made with Tasklist's start form is also the history of "Record a
 * case event". Both are deleted with the case.
 */
@Service
public class ContactCorrection {

  /** What the event says to change; null or blank fields keep their value. */
  public record ContactChange(String name, String relation, String phone, String email, String postalAddress, String language,
      String interpreterNeeded, List<String> remove) {

    public ContactChange {
      remove = remove == null ? List.of() : List.copyOf(remove);
    }

    /** No change at all. */
    public static final ContactChange NONE = new ContactChange(null, null, null, null, null, null, null, List.of());

    boolean empty() {
      return blank(name) && blank(relation) && blank(phone) && blank(email) && blank(postalAddress) && blank(language)
          && blank(interpreterNeeded) && remove.isEmpty();
    }
  }

  private static final int MAX_GUARDIANS = 2;

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final AuditLog audit;

  public ContactCorrection(RuntimeService runtime, TaskService tasks, AuditLog audit) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.audit = audit;
  }

  /**
   * Checks the change of the person or guardian {@code givenId} of the open case, writes it everywhere the case runs,
   * and records in the audit trail who changed which fields of whom (never the values).
   */
  public void apply(ProcessInstance theCase, String givenId, ContactChange change, String userId) {
    String given = givenId == null ? "" : givenId.trim();
    String personId = Guardian.isGuardianId(given) ? Guardian.personOf(given) : given;
    Case current = Case.of(name -> runtime.getVariable(theCase.getId(), name));
    Person found = current.person(personId).orElseThrow(() -> CaseInputException.of(EVENT_PERSON_ID, "error.event.notAPerson",
        given, theCase.getBusinessKey()));
    // A running contact of the person may hold a newer safe-contact choice than the case's list: the check obeys it.
    Person person = withNewestSafeContact(theCase, found);
    if (change == null || change.empty()) {
      throw CaseInputException.of(CONTACT_PHONE, "error.contact.nothingChanged");
    }
    Person changed = Guardian.isGuardianId(given) ? withGuardian(current, person, given, change)
        : withContact(person, change, current);
    if (changed.equals(person)) {
      throw CaseInputException.of(CONTACT_PHONE, "error.contact.unchanged", given);
    }
    write(theCase, changed);
    audit.record(userId, AuditLog.CONTACT_CHANGED, theCase.getBusinessKey(), given + ": " + changedFields(change));
  }

  /** The fields the change names, in the form's words. */
  private static String changedFields(ContactChange change) {
    List<String> fields = new ArrayList<>();
    Map<String, String> given = new LinkedHashMap<>();
    given.put("name", change.name());
    given.put("relation", change.relation());
    given.put("phone", change.phone());
    given.put("email", change.email());
    given.put("postal address", change.postalAddress());
    given.put("language", change.language());
    given.put("interpreter", change.interpreterNeeded());
    given.forEach((field, value) -> {
      if (!blank(value)) {
        fields.add(field);
      }
    });
    change.remove().forEach(way -> fields.add(way + " removed"));
    return String.join(", ", fields);
  }

  /** The person's own ways to reach them, language and interpreter need, checked. */
  private static Person withContact(Person person, ContactChange change, Case current) {
    InputCheck check = InputCheck.failFirst();
    if (!blank(change.name()) || !blank(change.relation())) {
      check.refuse(blank(change.name()) ? CONTACT_RELATION.name() : CONTACT_NAME.name(), "error.contact.nameOfAParty",
          person.personId());
    }
    List<String> remove = removals(check, change);
    String phone = value(check, change, remove, "phone", person.phone());
    String email = value(check, change, remove, "email", person.email());
    String address = value(check, change, remove, "postalAddress", person.postalAddress());
    String language = blank(change.language()) ? person.preferredLanguage()
        : check.oneOf(CONTACT_LANGUAGE.name(), change.language().trim(), Vocabulary.LANGUAGES, true);
    boolean interpreter = blank(change.interpreterNeeded()) ? person.interpreterNeeded()
        : "yes".equals(check.oneOf(CONTACT_INTERPRETER_NEEDED.name(), change.interpreterNeeded().trim(), Vocabulary.YES_NO, true));
    Person changed = person.withContact(email, phone, address, language, interpreter);
    ContactPolicy policy = current.contactPolicy(changed, false);
    if (!(policy.email() && email != null || policy.letter() && address != null || policy.calls() && phone != null)) {
      if (policy.why() == null) {
        check.refuse(CONTACT_REMOVE.name(), "error.contact.noWayLeft");
      } else {
        check.refuse(CONTACT_REMOVE.name(), "error.contact.noWayLeftBecause", policy.whyInTheirLanguage());
      }
    }
    SafeContact safety = person.safety();
    if ("email".equals(safety.preferredChannel()) && email == null) {
      check.refuse(CONTACT_REMOVE.name(), "error.contact.safeEmail");
    }
    if ("phone".equals(safety.preferredChannel()) && phone == null) {
      check.refuse(CONTACT_REMOVE.name(), "error.contact.safePhone");
    }
    if ("letter".equals(safety.preferredChannel()) && address == null) {
      check.refuse(CONTACT_REMOVE.name(), "error.contact.safeLetter");
    }
    return changed;
  }

  /** A parent or guardian of a minor corrected ({@code G-V1}: the first) or added (the next id). */
  private static Person withGuardian(Case current, Person person, String guardianId, ContactChange change) {
    InputCheck check = InputCheck.failFirst();
    if (!person.minor()) {
      check.refuse(EVENT_PERSON_ID.name(), "error.contact.notAMinor", person.personId());
    }
    if (!blank(change.language()) || !blank(change.interpreterNeeded())) {
      check.refuse(blank(change.language()) ? CONTACT_INTERPRETER_NEEDED.name() : CONTACT_LANGUAGE.name(),
          "error.contact.languageOfTheMinor", person.personId());
    }
    List<Guardian> guardians = new ArrayList<>(current.guardiansOf(person));
    int index = -1;
    for (int n = 1; n <= MAX_GUARDIANS; n++) {
      if (Guardian.idOf(person.personId(), n).equals(guardianId)) {
        index = n - 1;
      }
    }
    if (index < 0 || index > guardians.size()) {
      if (guardians.size() < MAX_GUARDIANS) {
        check.refuse(EVENT_PERSON_ID.name(), "error.contact.noSuchGuardianNext", guardianId, person.personId(),
            Guardian.idOf(person.personId(), guardians.size() + 1));
      } else {
        check.refuse(EVENT_PERSON_ID.name(), "error.contact.noSuchGuardianAtMost", guardianId, person.personId(), MAX_GUARDIANS);
      }
    }
    boolean adding = index == guardians.size();
    Guardian before = adding ? new Guardian(null, null, null, null, null) : guardians.get(index);
    List<String> remove = removals(check, change);
    String name = blank(change.name()) ? before.name()
        : check.plain(CONTACT_NAME.name(), check.text(CONTACT_NAME.name(), change.name().trim(), 2, 200, true), false);
    if (name == null) {
      check.refuse(CONTACT_NAME.name(), "error.contact.requiredForAGuardian");
    }
    String relation = blank(change.relation()) ? before.relation()
        : check.oneOf(CONTACT_RELATION.name(), change.relation().trim(), Vocabulary.GUARDIAN_RELATIONS, true);
    if (relation == null) {
      check.refuse(CONTACT_RELATION.name(), "error.contact.requiredForAGuardian");
    }
    String phone = value(check, change, remove, "phone", before.phone());
    String email = value(check, change, remove, "email", before.email());
    String address = value(check, change, remove, "postalAddress", before.postalAddress());
    // A guardian without an address of their own gets the minor's letters at the minor's address.
    if (phone == null && email == null && address == null && person.postalAddress() == null) {
      check.refuse(CONTACT_PHONE.name(), "error.contact.guardianContact");
    }
    Guardian guardian = new Guardian(name, relation, phone, email, address);
    if (adding) {
      guardians.add(guardian);
    } else {
      guardians.set(index, guardian);
    }
    return person.withGuardians(guardians);
  }

  /** The ways to reach that no longer hold, checked against the vocabulary and against a new value for the same way. */
  private static List<String> removals(InputCheck check, ContactChange change) {
    for (String way : change.remove()) {
      check.oneOf(CONTACT_REMOVE.name(), way, Vocabulary.CONTACT_REMOVABLE, true);
    }
    return change.remove();
  }

  /** The new value of one way to reach: removed, replaced (checked), or as it was. */
  private static String value(InputCheck check, ContactChange change, List<String> remove, String way, String before) {
    String given = switch (way) {
      case "phone" -> change.phone();
      case "email" -> change.email();
      default -> change.postalAddress();
    };
    CaseVariable<String> field = switch (way) {
      case "phone" -> CONTACT_PHONE;
      case "email" -> CONTACT_EMAIL;
      default -> CONTACT_POSTAL_ADDRESS;
    };
    if (remove.contains(way)) {
      if (!blank(given)) {
        check.refuse(field.name(), "error.contact.givenAndRemoved");
      }
      return null;
    }
    if (blank(given)) {
      return before;
    }
    return switch (way) {
      case "phone" -> check.phone(field.name(), given.trim(), true);
      case "email" -> check.email(field.name(), given.trim(), true);
      default -> check.plain(field.name(), check.text(field.name(), given.trim(), 5, 300, true), true);
    };
  }


  /**
   * The person as corrected, everywhere the running case holds them: the case's list of victims or offenders and every
   * copy of it a called process holds; every {@code person} (the element of a call for each person, the person of a
   * contact, a preparation, a follow-up); and the variables laid out from the person wherever a scope (an instance, an
   * execution, a task) is about that person ({@code personId}): phone, email, address, language, interpreter, and the
   * first parent or guardian the guardian's consent form starts from. A laid-out variable is changed only where it exists,
   * or added where a called process about the person left it out for want of a value.
   */
  private void write(ProcessInstance theCase, Person changed) {
    CaseVariable<List<Person>> side = changed.victim() ? VICTIMS : OFFENDERS;
    Set<String> ids = new java.util.LinkedHashSet<>();
    ids.add(theCase.getId());
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(theCase.getBusinessKey()).list()
        .forEach(instance -> ids.add(instance.getId()));
    for (VariableInstance variable : runtime.createVariableInstanceQuery().processInstanceIdIn(ids.toArray(String[]::new))
        .variableNameIn(side.name(), PERSON.name(), PERSON_ID.name()).disableCustomObjectDeserialization().list()) {
      Map<String, Object> updates = new LinkedHashMap<>();
      if (side.name().equals(variable.getName())) {
        List<Person> persons = side.read(variable.getValue());
        if (persons.stream().anyMatch(p -> p.personId().equals(changed.personId()))) {
          updates.put(side.name(), side.value(persons.stream()
              .map(p -> p.personId().equals(changed.personId()) ? keepSafeContact(changed, p) : p).toList()));
        }
      } else if (PERSON.name().equals(variable.getName())) {
        Person own = variable.getValue() == null ? null : PERSON.read(variable.getValue());
        if (own != null && own.personId().equals(changed.personId())) {
          updates.put(PERSON.name(), PERSON.value(keepSafeContact(changed, own)));
        }
      } else if (changed.personId().equals(String.valueOf(variable.getValue()))) {
        updates.putAll(laidOut(variable, changed));
      }
      if (!updates.isEmpty()) {
        if (variable.getTaskId() != null) {
          tasks.setVariablesLocal(variable.getTaskId(), updates);
        } else {
          runtime.setVariablesLocal(variable.getExecutionId(), updates);
        }
      }
    }
  }

  /** The laid-out variables of the scope that is about the person, those it has, with the corrected values. */
  private Map<String, Object> laidOut(VariableInstance personId, Person changed) {
    List<String> names = List.of(PERSON_PHONE.name(), PERSON_EMAIL.name(), PERSON_POSTAL_ADDRESS.name(), PERSON_LANGUAGE.name(),
        PERSON_INTERPRETER_NEEDED.name(), GUARDIAN_NAME.name(), GUARDIAN_RELATION.name(), GUARDIAN_PHONE.name(),
        GUARDIAN_EMAIL.name());
    // One read of the scope: its laid-out values and, for an execution, whether it holds the person itself.
    Map<String, Object> present = personId.getTaskId() != null ? tasks.getVariablesLocal(personId.getTaskId(), names)
        : runtime.getVariablesLocal(personId.getExecutionId(), java.util.stream.Stream.concat(names.stream(),
            java.util.stream.Stream.of(PERSON.name())).toList());
    // A called process about the person (a contact, a preparation) lays out only what the person has (PersonVariables):
    // a value the correction adds (a first phone number) is laid out there too.
    boolean laidOutFromPerson = personId.getTaskId() == null && present.get(PERSON.name()) != null;
    Map<String, Object> updates = new LinkedHashMap<>();
    // Where the scope laid out "none" as empty text (a follow-up task, a monitored item), it stays text.
    java.util.function.BiConsumer<CaseVariable<String>, String> text = (variable, value) -> {
      if (present.containsKey(variable.name())) {
        updates.put(variable.name(), value == null && present.get(variable.name()) instanceof String ? "" : value);
      } else if (laidOutFromPerson && value != null) {
        updates.put(variable.name(), value);
      }
    };
    text.accept(PERSON_PHONE, changed.phone());
    text.accept(PERSON_EMAIL, changed.email());
    text.accept(PERSON_POSTAL_ADDRESS, changed.postalAddress());
    text.accept(PERSON_LANGUAGE, changed.preferredLanguage());
    if (present.containsKey(PERSON_INTERPRETER_NEEDED.name())) {
      updates.put(PERSON_INTERPRETER_NEEDED.name(), changed.interpreterNeeded());
    }
    if (!changed.guardians().isEmpty() && present.get(GUARDIAN_NAME.name()) != null) {
      Guardian first = changed.guardians().get(0);
      text.accept(GUARDIAN_NAME, first.name());
      text.accept(GUARDIAN_RELATION, first.relation());
      text.accept(GUARDIAN_PHONE, first.phone());
      text.accept(GUARDIAN_EMAIL, first.email());
    }
    return updates;
  }

  /** The person with the safe-contact choice a running contact of theirs recorded, where it has one. */
  private Person withNewestSafeContact(ProcessInstance theCase, Person person) {
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(theCase.getBusinessKey()).list()) {
      Object copy = runtime.getVariableLocal(instance.getId(), PERSON.name());
      Person own = copy == null ? null : PERSON.read(copy);
      if (own != null && own.personId().equals(person.personId()) && own.safeContact() != null) {
        return person.withSafeContact(own.safeContact());
      }
    }
    return person;
  }

  /** A contact running meanwhile may have recorded a newer safe-contact choice on its copy: that choice stands. */
  private static Person keepSafeContact(Person changed, Person copy) {
    return copy.safeContact() != null ? changed.withSafeContact(copy.safeContact()) : changed;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
