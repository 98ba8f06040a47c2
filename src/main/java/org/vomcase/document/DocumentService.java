package org.vomcase.document;

import java.util.Map;

/**
 * Generates the documents of cases and keeps them in the document store; implementations are
 * idempotent per {@link DocumentRequest#idempotencyKey()} (a retried job gets the same document).
 */
public interface DocumentService {

  /** A document to generate: which one ({@code agreement}), for which case, with the content it shows. */
  record DocumentRequest(String idempotencyKey, String caseNumber, String document, Map<String, Object> content) {}

  /** A stored document. */
  record StoredDocument(String id, String caseNumber, String document, String fileName, String mediaType, String content) {}

  /** Generates and stores the document unless it exists for the key; returns its id either way. */
  String generate(DocumentRequest request);

  /** The stored document, or null. */
  StoredDocument find(String id);

  /** Deletes every document of a case (R20); returns how many. */
  int deleteCase(String caseNumber);
}
