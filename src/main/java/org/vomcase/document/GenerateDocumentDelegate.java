package org.vomcase.document;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.AgreementItem;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.ConsentBook;
import org.vomcase.kernel.Guardian;
import org.vomcase.kernel.Obligation;
import org.vomcase.kernel.Person;

/**
 * "Generate document" service tasks: input parameter {@code document} names the document ({@code
 * agreement}); the document is stored in the document store and its id written to {@code
 * <document>DocumentId} (the agreement: {@code agreementDocumentId}), and its file name with the case file's download
 * address to {@code agreementDocumentShown} for the signing form (never the bare store id). Runs after a transaction
 * boundary with retries; the key (case instance, activity) makes a retry return the same document.
 */
@Component("generateDocumentDelegate")
public class GenerateDocumentDelegate implements JavaDelegate {

  public static final String DOCUMENT = "document";

  private final DocumentService documents;

  public GenerateDocumentDelegate(DocumentService documents) {
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String document = (String) execution.getVariableLocal(DOCUMENT);
    if (!AgreementDocument.NAME.equals(document)) {
      throw new IllegalArgumentException("Unknown document '" + document + "'; known: " + AgreementDocument.NAME);
    }
    String key = String.join(":", execution.getProcessInstanceId(), execution.getCurrentActivityId(), document);
    String id = documents.generate(new DocumentService.DocumentRequest(key, CASE_NUMBER.from(execution), document,
        agreementContent(Case.seenFrom(execution))));
    AGREEMENT_DOCUMENT_ID.on(execution).set(id);
    DocumentService.StoredDocument stored = documents.find(id);
    AGREEMENT_DOCUMENT_SHOWN.on(execution).set((stored == null ? id : stored.fileName())
        + " (in the case file; download: /vom/documents/" + id + ")");
  }

  /** What the agreement document shows: parties, items, instalment plan, a signature line for each party and guardian. */
  public static Map<String, Object> agreementContent(Case theCase) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put(CASE_NUMBER.name(), theCase.caseNumber());
    content.put("programme", theCase.get(PROGRAMME_PROFILE));
    ConsentBook book = theCase.consents();
    List<Map<String, Object>> parties = new ArrayList<>();
    List<Map<String, Object>> signatories = new ArrayList<>();
    for (Person party : theCase.parties()) {
      parties.add(Map.of("name", party.name(), "role", party.role().code()));
      signatories.add(Map.of("name", party.name()));
      Guardian guardian = book.guardianOf(party.personId());
      if (guardian != null) {
        signatories.add(Map.of("name", guardian.name(), "guardianOf", party.name()));
      }
    }
    content.put("parties", parties);
    content.put(AgreementDocument.LANGUAGES, theCase.parties().stream().map(Person::preferredLanguage)
        .filter(language -> language != null && !language.isBlank()).distinct().toList());
    content.put("signatories", signatories);
    List<Map<String, Object>> items = new ArrayList<>();
    for (AgreementItem item : theCase.items()) {
      Map<String, Object> words = new LinkedHashMap<>(theCase.words(item));
      if (item.description() != null && !item.description().isBlank()) {
        words.put(AgreementItem.DESCRIPTION, item.description());
      }
      items.add(words);
    }
    content.put("items", items);
    List<Map<String, Object>> plan = new ArrayList<>();
    for (Obligation obligation : theCase.obligations()) {
      if (obligation.instalment() != null) {
        plan.add(theCase.words(obligation));
      }
    }
    content.put("instalmentPlan", plan);
    content.put("hasInstalments", !plan.isEmpty());
    return content;
  }
}
