package org.vomcase.document;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vomcase.settings.VomProperties;
import org.vomcase.document.Templates;
import org.vomcase.kernel.CaseClock;

/**
 * The document store ({@code vom_document}): the bytes of each document, once per idempotency key;
 * the process keeps only the id. Uploaded documents (the case file's, checked by {@code DocumentUploads}) are kept
 * here too, with their kind, title and uploader. The agreement (R14) is rendered from the HTML template {@code
 * documents/agreement.<language>.html} in the programme's language and made a PDF, the binding version; a party whose
 * language has an agreement template of its own also gets a translation ({@link AgreementDocument}).
 */
@Service
public class StoredDocumentService implements DocumentService {

  public static final String PDF = "application/pdf";

  /** What the key of a document's translation adds to the document's key, before the language. */
  static final String TRANSLATION = ":translation:";

  private final JdbcTemplate jdbc;
  private final Templates templates;
  private final PdfRenderer pdf;
  private final String language;

  public StoredDocumentService(JdbcTemplate jdbc, Templates templates, PdfRenderer pdf, VomProperties properties) {
    this.jdbc = jdbc;
    this.templates = templates;
    this.pdf = pdf;
    this.language = properties.programme().language();
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
    // The translations first, each under its own key: the binding version, stored last, marks the whole as made.
    List<String> translated = new java.util.ArrayList<>();
    for (String other : translations(request.content())) {
      Map<String, Object> content = new LinkedHashMap<>(request.content());
      content.put("translation", Map.of("bindingLanguage", languageName(language, other)));
      store(request.idempotencyKey() + TRANSLATION + other, request.caseNumber(), request.document(),
          "agreement-" + request.caseNumber() + "-" + other + ".pdf", PDF,
          pdf.render(templates.document(AgreementDocument.NAME, other, content), "agreement of " + request.caseNumber()));
      translated.add(languageName(other, language));
    }
    Map<String, Object> content = new LinkedHashMap<>(request.content());
    if (!translated.isEmpty()) {
      content.put("translated", Map.of("languages", String.join(", ", translated)));
    }
    byte[] bytes = pdf.render(templates.document(AgreementDocument.NAME, language, content),
        "agreement of " + request.caseNumber());
    return store(request.idempotencyKey(), request.caseNumber(), request.document(),
        "agreement-" + request.caseNumber() + ".pdf", PDF, bytes);
  }

  /** The parties' languages other than the programme's that have an agreement template of their own. */
  private List<String> translations(Map<String, Object> content) {
    List<String> languages = new java.util.ArrayList<>();
    if (content.get(AgreementDocument.LANGUAGES) instanceof List<?> list) {
      for (Object other : list) {
        String code = String.valueOf(other);
        if (!code.equals(language) && !languages.contains(code) && templates.hasDocument(AgreementDocument.NAME, code)) {
          languages.add(code);
        }
      }
    }
    return languages;
  }

  /** A language's name in another language ("Deutsch", "German", "tysk"). */
  private static String languageName(String language, String in) {
    return Locale.forLanguageTag(language).getDisplayLanguage(Locale.forLanguageTag(in));
  }

  @Override
  public StoredDocument translation(String id, String language) {
    List<String> keys = jdbc.queryForList("SELECT idempotency_key FROM vom_document WHERE id = ?", String.class, id);
    if (keys.isEmpty()) {
      return null;
    }
    String translation = existing(keys.get(0) + TRANSLATION + language);
    return translation == null ? null : find(translation);
  }

  @Override
  public String store(String idempotencyKey, String caseNumber, String document, String fileName, String mediaType,
      byte[] bytes) {
    return insert(idempotencyKey, caseNumber, document, fileName, mediaType, bytes, null, null);
  }

  @Override
  public String upload(String caseNumber, String kind, String title, String fileName, String mediaType, byte[] bytes,
      String uploadedBy) {
    return insert("upload:" + UUID.randomUUID(), caseNumber, kind, fileName, mediaType, bytes, title, uploadedBy);
  }

  private String insert(String idempotencyKey, String caseNumber, String document, String fileName, String mediaType,
      byte[] bytes, String title, String uploadedBy) {
    String existing = existing(idempotencyKey);
    if (existing != null) {
      return existing;
    }
    String id = UUID.randomUUID().toString();
    try {
      jdbc.update("INSERT INTO vom_document (id, idempotency_key, case_number, document, file_name, media_type, created_at,"
          + " bytes, title, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, idempotencyKey, caseNumber, document,
          fileName, mediaType, Timestamp.from(CaseClock.now().toInstant()), bytes, title, uploadedBy);
    } catch (DuplicateKeyException concurrent) {
      return existing(idempotencyKey);
    }
    return id;
  }

  @Override
  public StoredDocument find(String id) {
    List<StoredDocument> found = jdbc.query("SELECT id, case_number, document, file_name, media_type, bytes, uploaded_by"
        + " FROM vom_document WHERE id = ?", (rs, i) -> new StoredDocument(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getString(5), rs.getBytes(6), rs.getString(7)), id);
    return found.isEmpty() ? null : found.get(0);
  }

  @Override
  public List<DocumentInfo> ofCase(String caseNumber) {
    return jdbc.query("SELECT id, document, file_name, media_type, created_at, title, uploaded_by, OCTET_LENGTH(bytes)"
        + " FROM vom_document WHERE case_number = ? ORDER BY created_at, file_name", (rs, i) -> new DocumentInfo(
        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6),
        rs.getString(7), rs.getLong(8)), caseNumber);
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
