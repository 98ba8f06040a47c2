package org.vomcase.document;

import java.util.List;
import java.util.Map;

/**
 * Generates the documents of cases and keeps them in the document store; implementations are
 * idempotent per key (a retried job gets the same document).
 */
public interface DocumentService {

  /** A document to generate: which one ({@code agreement}), for which case, with the content it shows. */
  record DocumentRequest(String idempotencyKey, String caseNumber, String document, Map<String, Object> content) {}

  /** A stored document with its bytes. */
  record StoredDocument(String id, String caseNumber, String document, String fileName, String mediaType, byte[] bytes) {}

  /** A stored document without its bytes, for lists. */
  record DocumentInfo(String id, String document, String fileName, String mediaType, java.time.Instant createdAt) {}

  /** Generates and stores the document unless it exists for the key; returns its id either way. */
  String generate(DocumentRequest request);

  /** Stores bytes made elsewhere (a letter) unless a document exists for the key; returns its id either way. */
  String store(String idempotencyKey, String caseNumber, String document, String fileName, String mediaType, byte[] bytes);

  /** The stored document, or null. */
  StoredDocument find(String id);

  /** The documents of a case, oldest first. */
  List<DocumentInfo> ofCase(String caseNumber);

  /** Deletes every document of a case (R20); returns how many. */
  int deleteCase(String caseNumber);
}
