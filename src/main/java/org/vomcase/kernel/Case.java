package org.vomcase.kernel;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A case as the adapters read it (messages, documents, figures, access, the REST controllers), typed:
 * its persons, their consents, the parties who took part, the agreement and its monitoring, the follow-up.
 * A view of the case's variables from any source (a running execution, its history, a map); it reads on
 * demand and changes nothing.
 */
public final class Case {

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

  /** The parties: the persons who agreed to take part (and have not withdrawn), in the case's order. */
  public List<Person> parties() {
    ConsentBook book = consents();
    return persons().stream().filter(p -> book.agreed(p.personId())).toList();
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
