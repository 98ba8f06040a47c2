package org.vomcase.process.events;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.vomcase.audit.AuditLog;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.CaseVariable;
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
  private final AuditLog audit;

  public ContactCorrection(RuntimeService runtime, AuditLog audit) {
    this.runtime = runtime;
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
    Person person = current.person(personId).orElseThrow(() -> new CaseInputException(EVENT_PERSON_ID, "'" + given
        + "' is not a person of case " + theCase.getBusinessKey() + " (V1, V2, ... for victims, O1, O2, ... for offenders,"
        + " G-V1 for a minor's parent or guardian)"));
    if (change == null || change.empty()) {
      throw new CaseInputException(CONTACT_PHONE, "give what changed: a phone, an email, a postal address, a language,"
          + " the interpreter need, or what no longer holds");
    }
    Person changed = Guardian.isGuardianId(given) ? withGuardian(current, person, given, change) : withContact(person, change);
    if (changed.equals(person)) {
      throw new CaseInputException(CONTACT_PHONE, "these are the contact details " + given + " has already");
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
  private static Person withContact(Person person, ContactChange change) {
    InputCheck check = InputCheck.failFirst();
    if (!blank(change.name()) || !blank(change.relation())) {
      check.refuse(blank(change.name()) ? CONTACT_RELATION.name() : CONTACT_NAME.name(), "name and relation are given for"
          + " a parent or guardian (G-" + person.personId() + "); a victim's or offender's name is not changed by a case event");
    }
    List<String> remove = removals(check, change);
    String phone = value(check, change, remove, "phone", person.phone());
    String email = value(check, change, remove, "email", person.email());
    String address = value(check, change, remove, "postalAddress", person.postalAddress());
    String language = blank(change.language()) ? person.preferredLanguage()
        : check.oneOf(CONTACT_LANGUAGE.name(), change.language().trim(), Vocabulary.LANGUAGES, true);
    boolean interpreter = blank(change.interpreterNeeded()) ? person.interpreterNeeded()
        : "yes".equals(check.oneOf(CONTACT_INTERPRETER_NEEDED.name(), change.interpreterNeeded().trim(), Vocabulary.YES_NO, true));
    reachable(check, phone, email, address, "the person");
    SafeContact safety = person.safety();
    if ("email".equals(safety.preferredChannel()) && email == null) {
      check.refuse(CONTACT_REMOVE.name(), "email is the person's safe way to be reached: record another safe channel with"
          + " the person first");
    }
    if ("phone".equals(safety.preferredChannel()) && phone == null) {
      check.refuse(CONTACT_REMOVE.name(), "phone is the person's safe way to be reached: record another safe channel with"
          + " the person first");
    }
    if ("letter".equals(safety.preferredChannel()) && address == null) {
      check.refuse(CONTACT_REMOVE.name(), "a letter is the person's safe way to be reached: record another safe channel with"
          + " the person first");
    }
    return person.withContact(email, phone, address, language, interpreter);
  }

  /** A parent or guardian of a minor corrected ({@code G-V1}: the first) or added (the next id). */
  private static Person withGuardian(Case current, Person person, String guardianId, ContactChange change) {
    InputCheck check = InputCheck.failFirst();
    if (!person.minor()) {
      check.refuse(EVENT_PERSON_ID.name(), person.personId() + " is not a minor: only a minor's parents or guardians are"
          + " part of a case");
    }
    if (!blank(change.language()) || !blank(change.interpreterNeeded())) {
      check.refuse(blank(change.language()) ? CONTACT_INTERPRETER_NEEDED.name() : CONTACT_LANGUAGE.name(), "language and"
          + " interpreter are the minor's (" + person.personId() + "), not the parent's or guardian's");
    }
    List<Guardian> guardians = new ArrayList<>(current.guardiansOf(person));
    int index = -1;
    for (int n = 1; n <= MAX_GUARDIANS; n++) {
      if (Guardian.idOf(person.personId(), n).equals(guardianId)) {
        index = n - 1;
      }
    }
    if (index < 0 || index > guardians.size()) {
      check.refuse(EVENT_PERSON_ID.name(), "'" + guardianId + "' is not a parent or guardian of " + person.personId()
          + (guardians.size() < MAX_GUARDIANS ? "; the next one to add is " + Guardian.idOf(person.personId(), guardians.size() + 1)
          : "; a case keeps at most " + MAX_GUARDIANS));
    }
    boolean adding = index == guardians.size();
    Guardian before = adding ? new Guardian(null, null, null, null, null) : guardians.get(index);
    List<String> remove = removals(check, change);
    String name = blank(change.name()) ? before.name() : check.text(CONTACT_NAME.name(), change.name().trim(), 2, 200, true);
    if (name == null) {
      check.refuse(CONTACT_NAME.name(), "is required to add a parent or guardian");
    }
    String relation = blank(change.relation()) ? before.relation()
        : check.oneOf(CONTACT_RELATION.name(), change.relation().trim(), Vocabulary.GUARDIAN_RELATIONS, true);
    if (relation == null) {
      check.refuse(CONTACT_RELATION.name(), "is required to add a parent or guardian");
    }
    String phone = value(check, change, remove, "phone", before.phone());
    String email = value(check, change, remove, "email", before.email());
    String address = value(check, change, remove, "postalAddress", before.postalAddress());
    // A guardian without an address of their own gets the minor's letters at the minor's address.
    if (phone == null && email == null && address == null && person.postalAddress() == null) {
      check.refuse(CONTACT_PHONE.name(), "give at least one way to reach the parent or guardian (phone, email or postal address)");
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
        check.refuse(field.name(), "is both given and marked as no longer holding");
      }
      return null;
    }
    if (blank(given)) {
      return before;
    }
    return switch (way) {
      case "phone" -> check.phone(field.name(), given.trim(), true);
      case "email" -> check.email(field.name(), given.trim(), true);
      default -> check.text(field.name(), given.trim(), 5, 300, true);
    };
  }

  private static void reachable(InputCheck check, String phone, String email, String address, String who) {
    if (phone == null && email == null && address == null) {
      check.refuse(CONTACT_REMOVE.name(), "leaves no way to reach " + who + ": keep or give a phone, an email or a postal address");
    }
  }

  /**
   * The person as corrected, in the case's list of victims or offenders and in every copy a running called process
   * holds; a contact or preparation of that person also gets the variables its forms and messages read.
   */
  private void write(ProcessInstance theCase, Person changed) {
    CaseVariable<List<Person>> side = changed.victim() ? VICTIMS : OFFENDERS;
    List<ProcessInstance> running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(theCase.getBusinessKey()).list();
    Set<String> ids = new java.util.LinkedHashSet<>();
    ids.add(theCase.getId());
    running.forEach(instance -> ids.add(instance.getId()));
    for (String instanceId : ids) {
      Map<String, Object> local = runtime.getVariablesLocal(instanceId, List.of(side.name(), PERSON.name()));
      Map<String, Object> updates = new LinkedHashMap<>();
      if (local.get(side.name()) != null) {
        List<Person> persons = side.read(local.get(side.name()));
        updates.put(side.name(), side.value(persons.stream()
            .map(p -> p.personId().equals(changed.personId()) ? keepSafeContact(changed, p) : p).toList()));
      }
      Person own = local.get(PERSON.name()) == null ? null : PERSON.read(local.get(PERSON.name()));
      if (own != null && own.personId().equals(changed.personId())) {
        Person kept = keepSafeContact(changed, own);
        updates.put(PERSON.name(), PERSON.value(kept));
        updates.put(PERSON_PHONE.name(), PERSON_PHONE.value(kept.phone()));
        updates.put(PERSON_EMAIL.name(), PERSON_EMAIL.value(kept.email()));
        updates.put(PERSON_POSTAL_ADDRESS.name(), PERSON_POSTAL_ADDRESS.value(kept.postalAddress()));
        updates.put(PERSON_LANGUAGE.name(), PERSON_LANGUAGE.value(kept.preferredLanguage()));
        updates.put(PERSON_INTERPRETER_NEEDED.name(), PERSON_INTERPRETER_NEEDED.value(kept.interpreterNeeded()));
      }
      if (!updates.isEmpty()) {
        runtime.setVariablesLocal(instanceId, updates);
      }
    }
  }

  /** A contact running meanwhile may have recorded a newer safe-contact choice on its copy: that choice stands. */
  private static Person keepSafeContact(Person changed, Person copy) {
    return copy.safeContact() != null ? changed.withSafeContact(copy.safeContact()) : changed;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
