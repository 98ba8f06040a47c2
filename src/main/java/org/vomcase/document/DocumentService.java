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

  /**
   * A stored document with its bytes; {@code uploadedBy} is who uploaded it to the case file, null for a generated one
   * (then {@code document} names the document, else the kind of the upload).
   */
  record StoredDocument(String id, String caseNumber, String document, String fileName, String mediaType, byte[] bytes,
      String uploadedBy) {

    /** Whether a person uploaded it (its bytes came from outside) rather than the case generated it. */
    public boolean uploaded() {
      return uploadedBy != null;
    }
  }

  /** A stored document without its bytes, for lists; title and uploadedBy only for uploaded ones. */
  record DocumentInfo(String id, String document, String fileName, String mediaType, java.time.Instant createdAt, String title,
      String uploadedBy, long size) {}

  /** Generates and stores the document unless it exists for the key; returns its id either way. */
  String generate(DocumentRequest request);

  /** Stores bytes made elsewhere (a letter) unless a document exists for the key; returns its id either way. */
  String store(String idempotencyKey, String caseNumber, String document, String fileName, String mediaType, byte[] bytes);

  /**
   * Stores a document someone uploaded to the case file (checked before: its kind, title, a safe file name and the
   * media type its bytes show); returns its id.
   */
  String upload(String caseNumber, String kind, String title, String fileName, String mediaType, byte[] bytes,
      String uploadedBy);

  /** The stored document, or null. */
  StoredDocument find(String id);

  /** The translation of a generated document into the language (the agreement's, for a party), or null. */
  default StoredDocument translation(String id, String language) {
    return null;
  }

  /** The documents of a case, oldest first. */
  List<DocumentInfo> ofCase(String caseNumber);

  /** Deletes every document of a case (R20); returns how many. */
  int deleteCase(String caseNumber);
}
