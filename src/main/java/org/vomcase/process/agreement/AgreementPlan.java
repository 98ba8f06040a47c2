package org.vomcase.process.agreement;

import static org.vomcase.kernel.CaseVariables.*;
import static org.vomcase.kernel.JsonVariables.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.JsonVariables;
import org.vomcase.process.contact.ContactPlan;
import org.vomcase.process.preparation.PreparationPlan;
import org.vomcase.process.referral.ReferralIntake;

/**
 * The agreement phase (process {@code agreement}, R13-R15): who may owe and be owed an item, who
 * signs (every party who took part and the guardian of each minor, R7), and who must consent before
 * the referrer receives the agreement (every party, R15).
 */
@Component("agreementPlan")
public class AgreementPlan {

  /** Prefix of a guardian's signatory id: {@code G-O1} is the guardian of O1. */
  public static final String GUARDIAN_PREFIX = "G-";

  /** The parties who took part (agreed to the mediation), victims first. */
  public List<SpinJsonNode> parties(DelegateExecution execution) {
    return new PreparationPlan().agreedPersons(execution);
  }

  /** Task listener (create) of "Record the agreement": the choices of the item selects and who takes part. */
  public void prepareItems(DelegateTask task) {
    List<SpinJsonNode> parties = parties(task.getExecution());
    List<Map<String, String>> offenders = new ArrayList<>();
    List<Map<String, String>> creditors = new ArrayList<>();
    for (SpinJsonNode person : parties) {
      Map<String, String> option = option(label(person), text(person, ReferralIntake.PERSON_ID));
      ("offender".equals(text(person, ReferralIntake.ROLE)) ? offenders : creditors).add(option);
    }
    creditors.add(option("The community (community service, donation)", AgreementItems.COMMUNITY));
    task.setVariable(OFFENDER_OPTIONS, JsonVariables.json(JsonVariables.node(offenders)));
    task.setVariable(CREDITOR_OPTIONS, JsonVariables.json(JsonVariables.node(creditors)));
    task.setVariable(PARTIES_SHOWN, String.join("\n", parties.stream().map(p -> label(p) + ", "
        + text(p, ReferralIntake.ROLE)).toList()));
  }

  /** Task listener (create) of "Record signatures and consent to share": signatories and parties. */
  public void prepareSignatures(DelegateTask task) {
    List<Map<String, String>> signatories = new ArrayList<>();
    List<Map<String, String>> parties = new ArrayList<>();
    signatories(task.getExecution()).forEach((id, label) -> signatories.add(option(label, id)));
    for (SpinJsonNode person : parties(task.getExecution())) {
      parties.add(option(label(person), text(person, ReferralIntake.PERSON_ID)));
    }
    task.setVariable(SIGNATORY_OPTIONS, JsonVariables.json(JsonVariables.node(signatories)));
    task.setVariable(PARTY_OPTIONS, JsonVariables.json(JsonVariables.node(parties)));
  }

  /** Everyone who must sign: id -> label. Parties by their person id, guardians as {@code G-<person id>}. */
  public Map<String, String> signatories(DelegateExecution execution) {
    Map<String, String> signatories = new LinkedHashMap<>();
    SpinJsonNode book = ContactPlan.consentBook(execution.getVariable(ContactPlan.CONSENTS));
    for (SpinJsonNode person : parties(execution)) {
      String id = text(person, ReferralIntake.PERSON_ID);
      signatories.put(id, label(person));
      SpinJsonNode entry = ContactPlan.entry(book, id);
      if (entry != null && !text(entry, GUARDIAN_NAME).isBlank()) {
        signatories.put(GUARDIAN_PREFIX + id, text(entry, GUARDIAN_NAME) + " (guardian of " + id + ")");
      }
    }
    return signatories;
  }

  /** Person id -> "Ana Roth (V1)" of every person of the case, for the agreement in words. */
  public Map<String, String> names(DelegateExecution execution) {
    return AgreementItems.names(execution::getVariable);
  }


  private static String label(SpinJsonNode person) {
    return text(person, ReferralIntake.PERSON_ID) + " " + text(person, "name");
  }

  private static Map<String, String> option(String label, String value) {
    Map<String, String> option = new LinkedHashMap<>();
    option.put("label", label);
    option.put("value", value);
    return option;
  }

}
