package org.vomcase.notification;

import static org.vomcase.kernel.CaseVariables.OBLIGATION;
import static org.vomcase.kernel.CaseVariables.PERSON;
import static org.vomcase.kernel.CaseVariables.PERSON_ID;
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
import org.vomcase.kernel.ContactPolicy;
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

  /** The introductory message: where the contact-order decision may restrict its channel. */
  static final String INTRODUCTION = "introduction";

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
   * The recipients of a role in a case; {@code theCase} is the case as {@link Case#seenFrom} shows
   * it. A role with nobody to reach (a group without members) gives an empty list.
   */
  public List<Recipient> of(String role, Case theCase, IdentityService identity) {
    return of(role, theCase, identity, null);
  }

  /**
   * The recipients of a role for one message: persons with the channels the case may use for them, and
   * the parents or guardians of a minor with them (in a programme that reaches minors through their guardians,
   * the introduction goes to the guardians only).
   */
  public List<Recipient> of(String role, Case theCase, IdentityService identity, String message) {
    boolean introduction = INTRODUCTION.equals(message);
    return switch (role) {
      case REFERRER -> referrer(theCase);
      case VICTIM -> person(Side.VICTIM, theCase, introduction);
      case OFFENDER -> person(Side.OFFENDER, theCase, introduction);
      case PARTICIPANTS, PARTIES -> withGuardians(theCase.parties(), theCase, false);
      case PARTICIPANT -> withGuardians(theCase.parties().stream().filter(p -> p.personId().equals(theCase.get(PERSON_ID))).toList(),
          theCase, false);
      case COUNTERPARTS -> withGuardians(theCase.parties().stream().filter(p -> theCase.items().stream().anyMatch(item ->
          p.personId().equals(item.offender()) && item.creditor().equals(theCase.get(PERSON_ID))
              || p.personId().equals(item.creditor()) && item.offender().equals(theCase.get(PERSON_ID)))).toList(), theCase, false);
      case INVITED_PERSON -> withGuardians(theCase.persons().stream().filter(p -> p.personId().equals(theCase.get(PERSON_ID)))
          .toList(), theCase, false);
      case WITHDRAWN_PERSON -> withGuardians(theCase.persons().stream()
          .filter(p -> p.personId().equals(theCase.get(PERSON_ID)) && !theCase.parties().contains(p)).toList(), theCase, false);
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
   * A victim or an offender: the person of the contact in progress ({@code person}), else the person the
   * message is about ({@code personId}, or the obligation's offender), with their guardians.
   */
  private List<Recipient> person(Side side, Case theCase, boolean introduction) {
    Person inContact = theCase.get(PERSON);
    if (inContact != null && inContact.role() == side) {
      return withGuardians(List.of(inContact), theCase, introduction);
    }
    String personId = blankToNull(theCase.get(PERSON_ID));
    Obligation obligation = theCase.get(OBLIGATION);
    if (personId == null && obligation != null) {
      personId = obligation.offender();
    }
    String wanted = personId;
    return withGuardians(theCase.side(side).stream().filter(p -> wanted == null || wanted.equals(p.personId())).toList(),
        theCase, introduction);
  }

  /**
   * The persons with the parents or guardians of each minor among them: those the referral names, else the one
   * recorded with the minor's consent. A guardian writes in the minor's language and, without an address of their
   * own, lives at the minor's; they are reached under the minor's contact policy (the same household).
   */
  private List<Recipient> withGuardians(List<Person> persons, Case theCase, boolean introduction) {
    boolean guardiansFirst = theCase.guardiansFirst();
    List<Recipient> recipients = new ArrayList<>();
    for (Person person : persons) {
      String language = language(person.preferredLanguage());
      String address = blankToNull(person.postalAddress());
      ContactPolicy policy = theCase.contactPolicy(person, introduction);
      List<Guardian> guardians = theCase.guardiansOf(person);
      if (!(introduction && guardiansFirst && person.minor() && !guardians.isEmpty())) {
        recipients.add(new Recipient(person.personId(), person.name(), blankToNull(person.email()), address, language, policy));
      }
      for (int n = 1; n <= guardians.size(); n++) {
        Guardian guardian = guardians.get(n - 1);
        String own = blankToNull(guardian.postalAddress());
        recipients.add(new Recipient(Guardian.idOf(person.personId(), n), guardian.name(), blankToNull(guardian.email()),
            own != null ? own : address, language, own != null ? policy.withOwnAddress() : policy));
      }
    }
    return recipients;
  }

  /**
   * The referrer of record, as the case register has it, which no user route can change: the authority that gave a
   * self-referral's mandate once there is one (its reports serve that authority's proceedings; email, else a letter),
   * before that the referrer the registration recorded.
   */
  private List<Recipient> referrer(Case theCase) {
    Optional<CaseRegistry.RegisteredCase> registered = registered(theCase);
    if (registered.isPresent() && registered.get().mandateAuthority() != null) {
      CaseRegistry.Authority authority = registered.get().mandateAuthority();
      return List.of(new Recipient(REFERRER, authority.name(), blankToNull(authority.email()),
          blankToNull(authority.postalAddress()), programmeLanguage));
    }
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
