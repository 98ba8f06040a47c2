package org.vomcase.kernel;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A case as the adapters read it (messages, documents, figures, access, the REST controllers), typed:
 * its persons, their consents, the parties who took part, the agreement and its monitoring, the follow-up.
 * A view of the case's variables from any source (a running execution, its history, a map); it reads on
 * demand and changes nothing.
 */
public final class Case {

  /** The contact-order decision's introduction channel that allows letters only. */
  public static final String LETTER_ONLY = "letter_only";

  private final Function<String, Object> variables;

  private Case(Function<String, Object> variables) {
    this.variables = variables;
  }

  /** The case as a function from variable name to stored value (a running case, its history record). */
  public static Case of(Function<String, Object> variables) {
    return new Case(variables);
  }

  /** The case as an execution or a task sees it. */
  public static Case of(VariableScope scope) {
    return new Case(scope::getVariable);
  }

  /**
   * The case as an execution of any of its processes sees it: the execution's own variables first (the person
   * of a contact, the obligation of a check), then those of the case's own instance, found by walking up the
   * call activities; a closed case's retention process reads the case's record in the history ({@code
   * caseInstanceId}), since it keeps no personal data itself.
   */
  public static Case seenFrom(DelegateExecution execution) {
    DelegateExecution root = execution.getProcessInstance();
    while (root.getSuperExecution() != null) {
      root = root.getSuperExecution().getProcessInstance();
    }
    String caseInstanceId = CASE_INSTANCE_ID.from(root);
    Function<String, Object> caseScope = caseInstanceId == null ? root::getVariable
        : CaseRecord.of(caseInstanceId, execution.getProcessEngineServices().getHistoryService());
    return new Case(name -> {
      if (OWNED_BY_THE_CASE.contains(name)) {
        // Who takes part is the case's own record: a called process's copy (taken at its start by an earlier diagram)
        // would miss a withdrawal since.
        Object fromCase = caseScope.apply(name);
        return fromCase != null ? fromCase : execution.getVariable(name);
      }
      if (PARTS_ENDED.name().equals(name)) {
        return partsEndedOf(execution.getVariable(name), caseScope.apply(name));
      }
      Object own = execution.getVariable(name);
      return own != null ? own : caseScope.apply(name);
    });
  }

  /** The case's record of who takes part, read from the case itself wherever the case is seen from. */
  private static final java.util.Set<String> OWNED_BY_THE_CASE = java.util.Set.of(CONSENTS.name(), WITHDRAWALS.name());

  /**
   * The parts that ended, as the case and the called process see them together: the agreement process records the
   * parts that ended at its signing before the case has them; the case records those that ended by a withdrawal.
   */
  private static Object partsEndedOf(Object own, Object ofTheCase) {
    if (own == null || ofTheCase == null || own == ofTheCase) {
      return own != null ? own : ofTheCase;
    }
    Map<String, PartEnded> merged = new LinkedHashMap<>();
    PARTS_ENDED.read(ofTheCase).forEach(part -> merged.put(part.personId(), part));
    PARTS_ENDED.read(own).forEach(part -> merged.putIfAbsent(part.personId(), part));
    return PARTS_ENDED.value(new ArrayList<>(merged.values()));
  }

  /** The case from a map of its variables. */
  public static Case of(Map<String, ?> variables) {
    return new Case(variables::get);
  }

  /** A variable of the case, typed. */
  public <T> T get(CaseVariable<T> variable) {
    return variable.from(variables);
  }

  public String caseNumber() {
    return get(CASE_NUMBER);
  }

  public List<Person> victims() {
    return get(VICTIMS);
  }

  public List<Person> offenders() {
    return get(OFFENDERS);
  }

  /** Everyone the referral named: victims first, then offenders. */
  public List<Person> persons() {
    List<Person> persons = new ArrayList<>(victims());
    persons.addAll(offenders());
    return persons;
  }

  /** The persons of one side. */
  public List<Person> side(Side side) {
    return side == Side.VICTIM ? victims() : offenders();
  }

  public Optional<Person> person(String personId) {
    return persons().stream().filter(p -> p.personId().equals(personId)).findFirst();
  }

  public ConsentBook consents() {
    return get(CONSENTS);
  }

  /**
   * The parties: the persons who agreed to take part, have not withdrawn and whose own part has not ended (a party who
   * did not sign the agreement), in the case's order.
   */
  public List<Person> parties() {
    ConsentBook book = consents();
    return persons().stream().filter(p -> book.agreed(p.personId()) && partEnded(p.personId()).isEmpty()).toList();
  }

  /** The persons whose own part ended while the case went on for the others. */
  public List<PartEnded> partsEnded() {
    List<PartEnded> ended = get(PARTS_ENDED);
    return ended == null ? List.of() : ended;
  }

  /** How a person's own part ended, if it did before the case closed. */
  public Optional<PartEnded> partEnded(String personId) {
    return partsEnded().stream().filter(part -> part.personId().equals(personId)).findFirst();
  }

  /** Whether an obligation stopped when its offender or victim withdrew after the agreement. */
  public boolean stopped(Obligation obligation) {
    return partsEnded().stream().anyMatch(part -> part.itemsEnded().contains(obligation.obligationId()));
  }

  /** The obligations still in force: those of the agreement less the ones stopped when a party's part ended. */
  public List<Obligation> obligationsInForce() {
    java.util.Set<String> stopped = new java.util.HashSet<>();
    partsEnded().forEach(part -> stopped.addAll(part.itemsEnded()));
    return obligations().stream().filter(o -> !stopped.contains(o.obligationId())).toList();
  }

  /** Person id → "Ana Roth (V1)" of every person, and {@code community} → "the community": the agreement in words. */
  public Map<String, String> names() {
    Map<String, String> names = new LinkedHashMap<>();
    persons().forEach(p -> names.put(p.personId(), p.nameWithId()));
    names.put(Owed.COMMUNITY, "the community");
    return names;
  }

  /** Person id → plain name ("Ana Roth"), as messages name debtor and creditor. */
  public Map<String, String> plainNames() {
    Map<String, String> names = new LinkedHashMap<>();
    persons().forEach(p -> names.put(p.personId(), p.name()));
    return names;
  }

  public List<AgreementItem> items() {
    return get(AGREEMENT_ITEMS);
  }

  public List<Obligation> obligations() {
    return get(OBLIGATIONS);
  }

  public Map<String, Fulfilment> fulfilments() {
    return get(FULFILMENTS);
  }

  public Map<String, Preparation> preparations() {
    return get(PREPARATIONS);
  }

  public Map<String, FollowUp> followUps() {
    return get(FOLLOW_UPS);
  }

  public List<Withdrawal> withdrawals() {
    return get(WITHDRAWALS);
  }

  /**
   * Whether the case's victims are contacted in writing only (contact-order decision {@code writtenOnly}); a case
   * decided before that output existed (table version 1.0.0) counts as written-only where that table's written-only
   * rule decided it: the victim first, by letter only.
   */
  public boolean victimsInWritingOnly() {
    Boolean writtenOnly = get(WRITTEN_ONLY);
    return writtenOnly != null ? writtenOnly
        : LETTER_ONLY.equals(get(INTRODUCTION_CHANNEL)) && get(FIRST_CONTACT) == Side.VICTIM;
  }

  /**
   * How the case may reach a person: the contact-order decision for their side and their safe-contact record;
   * {@code introduction}: for the introductory message, which goes by letter where the decision says so.
   */
  public ContactPolicy contactPolicy(Person person, boolean introduction) {
    return ContactPolicy.of(person, person.victim() && victimsInWritingOnly(), LETTER_ONLY.equals(get(INTRODUCTION_CHANNEL)),
        introduction);
  }

  /**
   * The parents or guardians of a minor: those the referral names, else the one recorded with the minor's consent;
   * none for an adult. The n-th of them has the id {@link Guardian#idOf(String, int)}.
   */
  public List<Guardian> guardiansOf(Person person) {
    if (!person.minor()) {
      return List.of();
    }
    if (!person.guardians().isEmpty()) {
      return person.guardians();
    }
    Guardian recorded = consents().guardianOf(person.personId());
    return recorded == null ? List.of() : List.of(recorded);
  }

  /** The parent or guardian of a minor with that id ({@code G-V1}, {@code G-V1-2}), if the case has them. */
  public Optional<Guardian> guardian(Person minor, String guardianId) {
    List<Guardian> guardians = guardiansOf(minor);
    for (int n = 1; n <= guardians.size(); n++) {
      if (Guardian.idOf(minor.personId(), n).equals(guardianId)) {
        return Optional.of(guardians.get(n - 1));
      }
    }
    return Optional.empty();
  }

  /**
   * The language staff read the case in, as a locale (dates in forms in the programme's words): the language of the
   * programme profile the case was registered under; English for a case without one.
   */
  public java.util.Locale locale() {
    String profile = get(PROGRAMME_PROFILE);
    return java.util.Locale.forLanguageTag(profile != null && ProgrammeProfile.DEFAULTS.containsKey(profile)
        ? ProgrammeProfile.of(profile).language() : "en");
  }

  /** Whether the case's programme reaches minors through their parents or guardians first. */
  public boolean guardiansFirst() {
    String profile = get(PROGRAMME_PROFILE);
    return profile != null && ProgrammeProfile.DEFAULTS.containsKey(profile) && ProgrammeProfile.of(profile).guardiansFirst();
  }

  /** An item or instalment as a message shows it (kind, amounts, due date, plain names of debtor and creditor). */
  public Map<String, Object> words(Owed owed) {
    return owed.words(plainNames());
  }

  /**
   * The case's mediators as its variables record them (the assignment: {@code mediators}, else the lead
   * mediator). The case register ({@code org.vomcase.access.CaseRegistry}) is the authority for access and
   * delivery; this is what a case's own record says, e.g. in diagram tests and for the register's backfill.
   */
  public List<String> mediators() {
    List<String> mediators = get(MEDIATORS);
    if (!mediators.isEmpty()) {
      return mediators;
    }
    String lead = get(LEAD_MEDIATOR);
    return lead == null ? List.of() : List.of(lead);
  }
}
