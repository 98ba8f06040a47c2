package org.vomcase.document;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.JsonVariables;
import org.vomcase.process.agreement.AgreementItems;
import org.vomcase.process.contact.ContactPlan;
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

  /** What the agreement document shows: parties, items, instalment plan, a signature line for each party and guardian. */
  public Map<String, Object> agreementContent(DelegateExecution execution) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put(CASE_NUMBER, execution.getVariable(CASE_NUMBER));
    Object profile = execution.getVariable(PROGRAMME_PROFILE);
    content.put("programme", profile == null ? null : profile.toString());
    SpinJsonNode book = ContactPlan.consentBook(execution.getVariable(ContactPlan.CONSENTS));
    List<Map<String, Object>> parties = new ArrayList<>();
    List<Map<String, Object>> signatories = new ArrayList<>();
    for (SpinJsonNode party : agreementPlan.parties(execution)) {
      String name = JsonVariables.text(party, "name");
      parties.add(Map.of("name", name, "role", JsonVariables.text(party, "role")));
      signatories.add(Map.of("name", name));
      SpinJsonNode entry = ContactPlan.entry(book, JsonVariables.text(party, "personId"));
      if (entry != null && !JsonVariables.text(entry, GUARDIAN_NAME).isBlank()) {
        signatories.add(Map.of("name", JsonVariables.text(entry, GUARDIAN_NAME), "guardianOf", name));
      }
    }
    content.put("parties", parties);
    content.put("signatories", signatories);
    List<Map<String, Object>> items = new ArrayList<>();
    for (SpinJsonNode item : JsonVariables.elements(execution.getVariable(AGREEMENT_ITEMS))) {
      Map<String, Object> words = new LinkedHashMap<>(AgreementItems.forMessage(item, execution::getVariable));
      String description = JsonVariables.text(item, AgreementItems.DESCRIPTION);
      if (!description.isBlank()) {
        words.put(AgreementItems.DESCRIPTION, description);
      }
      items.add(words);
    }
    content.put("items", items);
    List<Map<String, Object>> plan = new ArrayList<>();
    for (SpinJsonNode obligation : JsonVariables.elements(execution.getVariable(OBLIGATIONS))) {
      if (obligation.hasProp(AgreementItems.INSTALMENT)) {
        plan.add(AgreementItems.forMessage(obligation, execution::getVariable));
      }
    }
    content.put("instalmentPlan", plan);
    content.put("hasInstalments", !plan.isEmpty());
    return content;
  }
}
