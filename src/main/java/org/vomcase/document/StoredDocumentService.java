package org.vomcase.document;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vomcase.process.CaseClock;

/**
 * The document store ({@code vom_document}): renders a document from its template and keeps it once
 * per idempotency key. The agreement is rendered as text by {@link AgreementDocument}.
 */
@Service
public class StoredDocumentService implements DocumentService {

  private final JdbcTemplate jdbc;

  public StoredDocumentService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String generate(DocumentRequest request) {
    String existing = existing(request.idempotencyKey());
    if (existing != null) {
      return existing;
    }
    if (!AgreementDocument.NAME.equals(request.document())) {
      throw new IllegalArgumentException("Unknown document '" + request.document() + "'; known: " + AgreementDocument.NAME);
    }
    String id = UUID.randomUUID().toString();
    try {
      jdbc.update("INSERT INTO vom_document (id, idempotency_key, case_number, document, file_name, media_type, created_at,"
              + " content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, request.idempotencyKey(), request.caseNumber(),
          request.document(), "agreement-" + request.caseNumber() + ".txt", "text/plain;charset=UTF-8",
          Timestamp.from(CaseClock.now().toInstant()), AgreementDocument.render(request.content()));
    } catch (DuplicateKeyException concurrent) {
      return existing(request.idempotencyKey());
    }
    return id;
  }

  @Override
  public StoredDocument find(String id) {
    List<StoredDocument> found = jdbc.query("SELECT id, case_number, document, file_name, media_type, content FROM vom_document"
        + " WHERE id = ?", (rs, i) -> new StoredDocument(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6)), id);
    return found.isEmpty() ? null : found.get(0);
  }

  @Override
  public int deleteCase(String caseNumber) {
    return jdbc.update("DELETE FROM vom_document WHERE case_number = ?", caseNumber);
  }

  private String existing(String key) {
    List<String> ids = jdbc.queryForList("SELECT id FROM vom_document WHERE idempotency_key = ?", String.class, key);
    return ids.isEmpty() ? null : ids.get(0);
  }
}
