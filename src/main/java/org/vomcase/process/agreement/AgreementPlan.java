package org.vomcase.process.agreement;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.vomcase.settings.StaffLanguage;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.ConsentBook;
import org.vomcase.kernel.Guardian;
import org.vomcase.kernel.Option;
import org.vomcase.kernel.Owed;
import org.vomcase.kernel.PartEnded;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.Side;

/**
 * The agreement phase (process {@code agreement}, R13-R15): who may owe and be owed an item, who
 * signs (every party who took part and the guardian of each minor, R7), and who must consent before
 * the referrer receives the agreement (every party, R15).
 */
@Component("agreementPlan")
public class AgreementPlan {

  private final StaffLanguage language;

  /** Options in English (diagram tests). */
  public AgreementPlan() {
    this(StaffLanguage.of(StaffLanguage.SOURCE));
  }

  /** Options in the staff language. */
  @Autowired
  public AgreementPlan(StaffLanguage language) {
    this.language = language;
  }

  /**
   * The parties who took part (agreed to the mediation), victims first: as the case's consent book says now (a person
   * who withdraws while the agreement is recorded or signed is no longer one).
   */
  public List<Person> parties(DelegateExecution execution) {
    return Case.seenFrom(execution).parties();
  }

  /** Task listener (create) of "Record the agreement": the choices of the item selects and who takes part. */
  public void prepareItems(DelegateTask task) {
    List<Person> parties = parties(task.getExecution());
    List<Option> offenders = new ArrayList<>();
    List<Option> creditors = new ArrayList<>();
    for (Person person : parties) {
      (person.role() == Side.OFFENDER ? offenders : creditors).add(new Option(person.label(), person.personId()));
    }
    creditors.add(new Option(language.text("staff.agreement.community"), Owed.COMMUNITY));
    OFFENDER_OPTIONS.on(task).set(offenders);
    CREDITOR_OPTIONS.on(task).set(creditors);
    PARTIES_SHOWN.on(task).set(String.join("\n", parties.stream().map(p -> p.label() + ", " + p.role().code()).toList()));
  }

  /** Task listener (create) of "Record signatures and consent to share": signatories and parties. */
  public void prepareSignatures(DelegateTask task) {
    List<Option> signatories = new ArrayList<>();
    signatories(task.getExecution()).forEach((id, label) -> signatories.add(new Option(label, id)));
    SIGNATORY_OPTIONS.on(task).set(signatories);
    PARTY_OPTIONS.on(task).set(parties(task.getExecution()).stream().map(p -> new Option(p.label(), p.personId())).toList());
  }

  /** Everyone who must sign: id -> label. Parties by their person id, guardians as {@code G-<person id>}. */
  public Map<String, String> signatories(DelegateExecution execution) {
    Map<String, String> signatories = new LinkedHashMap<>();
    ConsentBook book = Case.seenFrom(execution).consents();
    for (Person person : parties(execution)) {
      signatories.put(person.personId(), person.label());
      Guardian guardian = book.guardianOf(person.personId());
      if (guardian != null) {
        signatories.put(Guardian.idOf(person.personId()), guardian.name() + " (" + language.text("staff.person.guardianOf", person.personId()) + ")");
      }
    }
    return signatories;
  }

  /**
   * Whether the person's own part ended by a withdrawal after the agreement, ending items a party who still takes part
   * shared with them (gateway "Was the person a party of the agreement?" of the withdrawal in {@code vom-case}): then
   * those parties are told their agreement goes on, and which items end.
   */
  public boolean partEndedAfterTheAgreement(DelegateExecution execution, String personId) {
    if (withdrewAfterTheAgreement(Case.seenFrom(execution), personId)) {
      return true;
    }
    // The agreement process may still be sending the copies: its record of the parts is the case's once it ends.
    var runtime = execution.getProcessEngineServices().getRuntimeService();
    return runtime.createProcessInstanceQuery().superProcessInstanceId(execution.getProcessInstanceId())
        .processDefinitionKey(org.vomcase.kernel.CaseProcess.AGREEMENT_KEY).list().stream()
        .anyMatch(agreement -> withdrewAfterTheAgreement(Case.of(name -> runtime.getVariable(agreement.getId(), name)),
            personId));
  }

  /**
   * The person withdrew after the agreement, items of theirs stopped, and a party who still takes part owed one of them
   * or was owed it: only then is there someone to tell, and something to tell them.
   */
  private static boolean withdrewAfterTheAgreement(Case theCase, String personId) {
    PartEnded part = theCase.partEnded(personId).orElse(null);
    if (part == null || !PartEnded.WITHDREW.equals(part.reason()) || part.itemsEnded().isEmpty()) {
      return false;
    }
    java.util.Set<String> parties = new java.util.HashSet<>(theCase.parties().stream().map(Person::personId).toList());
    return theCase.obligations().stream().filter(o -> part.itemsEnded().contains(o.obligationId()))
        .anyMatch(o -> parties.contains(o.offender()) || parties.contains(o.creditor()));
  }

  /** Person id -> "Ana Roth (V1)" of every person of the case, for the agreement in words. */
  public Map<String, String> names(DelegateExecution execution) {
    return Case.seenFrom(execution).names();
  }
}
