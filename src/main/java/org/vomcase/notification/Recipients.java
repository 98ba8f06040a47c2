package org.vomcase.notification;

import static org.vomcase.notification.MessageCatalogue.*;
import static org.vomcase.kernel.JsonVariables.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.vomcase.access.CaseRegistry;
import org.vomcase.settings.VomProperties;
import org.vomcase.kernel.Roles;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.kernel.JsonVariables;
import org.vomcase.process.agreement.AgreementPlan;
import org.vomcase.process.contact.ContactPlan;
import org.vomcase.process.preparation.PreparationPlan;
import org.vomcase.process.referral.ReferralIntake;
import org.vomcase.process.referral.ReferralValidator;

/**
 * Who a recipient role of the {@link MessageCatalogue} is in a case: the persons with their contact
 * details and language. Parties come from the case's persons and consent book, guardians of minors
 * with them (id {@code G-<person id>}); staff from the engine's users and groups; the referrer from
 * the referral. Persons write in their preferred language; staff and referrers in the programme's.
 */
@Component
public class Recipients {

  private final String programmeLanguage;
  private final CaseRegistry registry;

  @org.springframework.beans.factory.annotation.Autowired
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
   * The recipients of a role in a case; {@code variables} is the case as {@link CaseVariablesView}
   * shows it. A role with nobody to reach (a group without members) gives an empty list.
   */
  public List<Recipient> of(String role, Function<String, Object> variables, IdentityService identity) {
    return switch (role) {
      case REFERRER -> referrer(variables);
      case VICTIM, OFFENDER -> person(role, variables);
      case PARTICIPANTS, PARTIES -> withGuardians(PreparationPlan.agreedPersons(variables), variables);
      case MEDIATOR -> users(mediators(variables), identity);
      case COORDINATORS -> users(members(Roles.COORDINATORS, identity), identity);
      case SUPERVISORS -> users(members(Roles.SUPERVISORS, identity), identity);
      default -> throw new IllegalArgumentException("Unknown recipient role '" + role + "'");
    };
  }

  /** The staff member a task is assigned to (the overdue reminder of a task). */
  public List<Recipient> user(String userId, IdentityService identity) {
    return users(List.of(userId), identity);
  }

  /** A staff member's name as messages show it ("Mara Berg"), or null for nobody. */
  public static String displayName(Object userId, IdentityService identity) {
    if (userId == null) {
      return null;
    }
    User user = identity.createUserQuery().userId(userId.toString()).singleResult();
    return user == null ? null : displayName(user);
  }

  /** "First Last", or the user id when the profile has no name. */
  public static String displayName(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }

  /**
   * A victim or an offender: the person of the contact in progress ({@code personName} ...), else the
   * person the message is about ({@code personId}, or the obligation's offender), with their guardian.
   */
  private List<Recipient> person(String role, Function<String, Object> variables) {
    if (variables.apply(CaseVariables.PERSON_NAME) != null) {
      Object id = variables.apply(CaseVariables.PERSON_ID);
      return List.of(new Recipient(id == null ? role : id.toString(), string(variables.apply(CaseVariables.PERSON_NAME)),
          string(variables.apply(CaseVariables.PERSON_EMAIL)), string(variables.apply(CaseVariables.PERSON_POSTAL_ADDRESS)),
          language(variables.apply(CaseVariables.PERSON_LANGUAGE))));
    }
    String personId = string(variables.apply(CaseVariables.PERSON_ID));
    Object obligation = variables.apply(CaseVariables.OBLIGATION);
    if (personId == null && obligation != null) {
      personId = text(JsonVariables.node(obligation), "offender");
    }
    String wanted = personId;
    List<SpinJsonNode> persons = JsonVariables.elements(variables.apply(
        VICTIM.equals(role) ? CaseVariables.VICTIMS : CaseVariables.OFFENDERS)).stream()
        .filter(p -> wanted == null || wanted.equals(text(p, ReferralIntake.PERSON_ID))).toList();
    return withGuardians(persons, variables);
  }

  private List<Recipient> withGuardians(List<SpinJsonNode> persons, Function<String, Object> variables) {
    SpinJsonNode book = ContactPlan.consentBook(variables.apply(ContactPlan.CONSENTS));
    List<Recipient> recipients = new ArrayList<>();
    for (SpinJsonNode person : persons) {
      String id = text(person, ReferralIntake.PERSON_ID);
      String language = language(text(person, ReferralValidator.PREFERRED_LANGUAGE));
      String address = string(text(person, ReferralValidator.POSTAL_ADDRESS));
      recipients.add(new Recipient(id, text(person, ReferralValidator.NAME), string(text(person, ReferralValidator.EMAIL)),
          address, language));
      SpinJsonNode entry = ContactPlan.entry(book, id);
      if (entry != null && !text(entry, CaseVariables.GUARDIAN_NAME).isBlank()) {
        // A minor's guardian lives, as a rule, at the minor's address.
        recipients.add(new Recipient(AgreementPlan.GUARDIAN_PREFIX + id, text(entry, CaseVariables.GUARDIAN_NAME),
            string(text(entry, CaseVariables.GUARDIAN_EMAIL)), address, language));
      }
    }
    return recipients;
  }

  /** The referrer of record: as the case register has it (registration), which no user route can change. */
  private List<Recipient> referrer(Function<String, Object> variables) {
    Optional<CaseRegistry.RegisteredCase> registered = registered(variables);
    if (registered.isPresent()) {
      return List.of(new Recipient(REFERRER, registered.get().referrerName(), string(registered.get().referrerEmail()), null,
          programmeLanguage));
    }
    return List.of(new Recipient(REFERRER, string(variables.apply(CaseVariables.REFERRER_NAME)),
        string(variables.apply(CaseVariables.REFERRER_EMAIL)), null, programmeLanguage));
  }

  private Optional<CaseRegistry.RegisteredCase> registered(Function<String, Object> variables) {
    Object caseNumber = variables.apply(CaseVariables.CASE_NUMBER);
    return registry == null || caseNumber == null ? Optional.empty() : registry.find(caseNumber.toString());
  }

  /** The case's mediators: as the case register has them (the assignment), which no user route can change. */
  private List<String> mediators(Function<String, Object> variables) {
    if (registered(variables).isPresent()) {
      return registry.mediators(variables.apply(CaseVariables.CASE_NUMBER).toString());
    }
    Object mediators = variables.apply(CaseVariables.MEDIATORS);
    if (mediators instanceof Collection<?> ids && !ids.isEmpty()) {
      return ids.stream().map(Object::toString).toList();
    }
    Object lead = variables.apply(CaseVariables.LEAD_MEDIATOR);
    return lead == null ? List.of() : List.of(lead.toString());
  }

  private static List<String> members(String group, IdentityService identity) {
    return identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream().map(User::getId).toList();
  }

  private List<Recipient> users(List<String> ids, IdentityService identity) {
    Map<String, Recipient> recipients = new LinkedHashMap<>();
    for (String id : ids) {
      User user = identity.createUserQuery().userId(id).singleResult();
      if (user != null) {
        recipients.put(id, new Recipient(id, displayName(user), string(user.getEmail()), null, programmeLanguage));
      }
    }
    return List.copyOf(recipients.values());
  }

  private String language(Object preferred) {
    return preferred == null || preferred.toString().isBlank() ? programmeLanguage : preferred.toString();
  }

  private static String string(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
