package org.vomcase.notification;

import static org.vomcase.kernel.CaseVariables.OBLIGATION;
import static org.vomcase.kernel.CaseVariables.PERSON_EMAIL;
import static org.vomcase.kernel.CaseVariables.PERSON_ID;
import static org.vomcase.kernel.CaseVariables.PERSON_LANGUAGE;
import static org.vomcase.kernel.CaseVariables.PERSON_NAME;
import static org.vomcase.kernel.CaseVariables.PERSON_POSTAL_ADDRESS;
import static org.vomcase.kernel.CaseVariables.REFERRER_EMAIL;
import static org.vomcase.kernel.CaseVariables.REFERRER_NAME;
import static org.vomcase.notification.MessageCatalogue.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.vomcase.access.CaseRegistry;
import org.vomcase.identity.StaffNames;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.ConsentBook;
import org.vomcase.kernel.Guardian;
import org.vomcase.kernel.Obligation;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.Roles;
import org.vomcase.kernel.Side;
import org.vomcase.settings.VomProperties;

/**
 * Who a recipient role of the {@link MessageCatalogue} is in a case: the persons with their contact
 * details and language. Parties come from the case's persons and consent book, guardians of minors
 * with them (id {@code G-<person id>}); staff from the engine's users and groups; the referrer and the
 * mediators from the case register. Persons write in their preferred language; staff and referrers in
 * the programme's.
 */
@Component
public class Recipients {

  private final String programmeLanguage;
  private final CaseRegistry registry;

  @Autowired
  public Recipients(VomProperties properties, CaseRegistry registry) {
    this.programmeLanguage = properties.programme().language();
    this.registry = registry;
  }

  /** Recipients without the case register: the referrer and mediators from the case's variables (diagram tests). */
  public Recipients(String programmeLanguage) {
    this.programmeLanguage = programmeLanguage;
    this.registry = null;
  }

  public String programmeLanguage() {
    return programmeLanguage;
  }

  /**
   * The recipients of a role in a case; {@code theCase} is the case as {@link CaseVariablesView} shows
   * it. A role with nobody to reach (a group without members) gives an empty list.
   */
  public List<Recipient> of(String role, Case theCase, IdentityService identity) {
    return switch (role) {
      case REFERRER -> referrer(theCase);
      case VICTIM -> person(Side.VICTIM, theCase);
      case OFFENDER -> person(Side.OFFENDER, theCase);
      case PARTICIPANTS, PARTIES -> withGuardians(theCase.parties(), theCase);
      case MEDIATOR -> users(mediators(theCase), identity);
      case COORDINATORS -> users(members(Roles.COORDINATORS, identity), identity);
      case SUPERVISORS -> users(members(Roles.SUPERVISORS, identity), identity);
      default -> throw new IllegalArgumentException("Unknown recipient role '" + role + "'");
    };
  }

  /** The staff member a task is assigned to (the overdue reminder of a task). */
  public List<Recipient> user(String userId, IdentityService identity) {
    return users(List.of(userId), identity);
  }

  /**
   * A victim or an offender: the person of the contact in progress ({@code personName} ...), else the
   * person the message is about ({@code personId}, or the obligation's offender), with their guardian.
   */
  private List<Recipient> person(Side side, Case theCase) {
    if (theCase.get(PERSON_NAME) != null) {
      String id = theCase.get(PERSON_ID);
      return List.of(new Recipient(id == null ? side.code() : id, blankToNull(theCase.get(PERSON_NAME)),
          blankToNull(theCase.get(PERSON_EMAIL)), blankToNull(theCase.get(PERSON_POSTAL_ADDRESS)),
          language(theCase.get(PERSON_LANGUAGE))));
    }
    String personId = blankToNull(theCase.get(PERSON_ID));
    Obligation obligation = theCase.get(OBLIGATION);
    if (personId == null && obligation != null) {
      personId = obligation.offender();
    }
    String wanted = personId;
    return withGuardians(theCase.side(side).stream().filter(p -> wanted == null || wanted.equals(p.personId())).toList(),
        theCase);
  }

  private List<Recipient> withGuardians(List<Person> persons, Case theCase) {
    ConsentBook book = theCase.consents();
    List<Recipient> recipients = new ArrayList<>();
    for (Person person : persons) {
      String language = language(person.preferredLanguage());
      String address = blankToNull(person.postalAddress());
      recipients.add(new Recipient(person.personId(), person.name(), blankToNull(person.email()), address, language));
      Guardian guardian = book.guardianOf(person.personId());
      if (guardian != null) {
        // A minor's guardian lives, as a rule, at the minor's address.
        recipients.add(new Recipient(Guardian.idOf(person.personId()), guardian.name(), blankToNull(guardian.email()), address,
            language));
      }
    }
    return recipients;
  }

  /** The referrer of record: as the case register has it (registration), which no user route can change. */
  private List<Recipient> referrer(Case theCase) {
    Optional<CaseRegistry.RegisteredCase> registered = registered(theCase);
    if (registered.isPresent()) {
      return List.of(new Recipient(REFERRER, registered.get().referrerName(), blankToNull(registered.get().referrerEmail()), null,
          programmeLanguage));
    }
    return List.of(new Recipient(REFERRER, blankToNull(theCase.get(REFERRER_NAME)), blankToNull(theCase.get(REFERRER_EMAIL)),
        null, programmeLanguage));
  }

  private Optional<CaseRegistry.RegisteredCase> registered(Case theCase) {
    return registry == null ? Optional.empty() : registry.find(theCase.caseNumber());
  }

  /** The case's mediators: as the case register has them (the assignment), which no user route can change. */
  private List<String> mediators(Case theCase) {
    if (registered(theCase).isPresent()) {
      return registry.mediators(theCase.caseNumber());
    }
    return theCase.mediators();
  }

  private static List<String> members(String group, IdentityService identity) {
    return identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream().map(User::getId).toList();
  }

  private List<Recipient> users(List<String> ids, IdentityService identity) {
    Map<String, Recipient> recipients = new LinkedHashMap<>();
    for (String id : ids) {
      User user = identity.createUserQuery().userId(id).singleResult();
      if (user != null) {
        recipients.put(id, new Recipient(id, StaffNames.displayName(user), blankToNull(user.getEmail()), null, programmeLanguage));
      }
    }
    return List.copyOf(recipients.values());
  }

  private String language(String preferred) {
    return preferred == null || preferred.isBlank() ? programmeLanguage : preferred;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
