package org.vomcase.document;

import static org.vomcase.process.CaseVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.vomcase.process.JsonVariables;
import org.vomcase.process.Vocabulary;
import org.vomcase.process.agreement.AgreementItems;
import org.vomcase.process.agreement.AgreementPlan;

/**
 * "Generate document" service tasks: input parameter {@code document} names the document ({@code
 * agreement}); the document is stored in the document store and its id written to {@code
 * <document>DocumentId} (the agreement: {@code agreementDocumentId}). Runs after a transaction
 * boundary with retries; the key (case instance, activity) makes a retry return the same document.
 */
@Component("generateDocumentDelegate")
public class GenerateDocumentDelegate implements JavaDelegate {

  public static final String DOCUMENT = "document";

  private final DocumentService documents;
  private final AgreementPlan agreementPlan;

  public GenerateDocumentDelegate(DocumentService documents, AgreementPlan agreementPlan) {
    this.documents = documents;
    this.agreementPlan = agreementPlan;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String document = (String) execution.getVariableLocal(DOCUMENT);
    if (!AgreementDocument.NAME.equals(document)) {
      throw new IllegalArgumentException("Unknown document '" + document + "'; known: " + AgreementDocument.NAME);
    }
    String key = String.join(":", execution.getProcessInstanceId(), execution.getCurrentActivityId(), document);
    String id = documents.generate(new DocumentService.DocumentRequest(key, (String) execution.getVariable(CASE_NUMBER),
        document, agreementContent(execution)));
    execution.setVariable(AGREEMENT_DOCUMENT_ID, id);
  }

  /** What the agreement document shows: parties, items, instalment plan, signature lines. */
  public Map<String, Object> agreementContent(DelegateExecution execution) {
    Map<String, String> names = agreementPlan.names(execution);
    Map<String, Object> content = new LinkedHashMap<>();
    content.put(CASE_NUMBER, execution.getVariable(CASE_NUMBER));
    Object profile = execution.getVariable(PROGRAMME_PROFILE);
    content.put("programme", profile == null ? null : Vocabulary.PROGRAMME_PROFILES.get(profile.toString()));
    List<String> parties = new ArrayList<>();
    for (SpinJsonNode party : agreementPlan.parties(execution)) {
      parties.add(names.get(JsonVariables.text(party, "personId")) + ", " + JsonVariables.text(party, "role"));
    }
    content.put("parties", parties);
    List<String> items = new ArrayList<>();
    JsonVariables.elements(execution.getVariable(AGREEMENT_ITEMS)).forEach(item -> items.add(AgreementItems.describe(item, names)));
    content.put("items", items);
    List<String> plan = new ArrayList<>();
    JsonVariables.elements(execution.getVariable(OBLIGATIONS)).forEach(o -> plan.add(AgreementItems.describe(o, names)));
    content.put("instalmentPlan", plan);
    content.put("signatories", new ArrayList<>(agreementPlan.signatories(execution).values()));
    return content;
  }
}
