package org.vomcase.audit;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseClock;

/**
 * The audit trail of the application's own pages ({@code vom_audit}): document downloads and uploads, notes
 * added, figures exports, with user and time. Engine actions are in the engine's user operation log. A case's
 * entries are deleted with the case (R20).
 */
@Component
public class AuditLog {

  public static final String DOCUMENT_OPENED = "document_opened";
  /** A document was uploaded to a case file (its id, kind, type and size; never its name or content). */
  public static final String DOCUMENT_UPLOADED = "document_uploaded";
  /** A note was added to a case file (its id and length; never its text). */
  public static final String NOTE_ADDED = "note_added";
  public static final String FIGURES_EXPORTED = "figures_exported";
  /** An administrator ran a changed decision table on the recorded decisions (what it compared, how many changed). */
  public static final String DECISION_PREVIEWED = "decision_previewed";
  /** A case's confidential notes were shown to someone allowed to read them. */
  public static final String CONFIDENTIAL_NOTES_READ = "confidential_notes_read";
  /** A person's or guardian's contact details changed (which person, which fields; never the values). */
  public static final String CONTACT_CHANGED = "contact_changed";

  private final JdbcTemplate jdbc;

  public AuditLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String userId, String action, String caseNumber, String detail) {
    jdbc.update("INSERT INTO vom_audit (id, at, user_id, action, case_number, detail) VALUES (?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), Timestamp.from(CaseClock.now().toInstant()), userId, action, caseNumber,
        detail == null ? null : detail.substring(0, Math.min(detail.length(), 500)));
  }

  /** A case's entries, oldest first. */
  public List<Map<String, Object>> ofCase(String caseNumber) {
    return jdbc.queryForList("SELECT at, user_id, action, detail FROM vom_audit WHERE case_number = ? ORDER BY at", caseNumber);
  }

  public int deleteCase(String caseNumber) {
    return jdbc.update("DELETE FROM vom_audit WHERE case_number = ?", caseNumber);
  }
}
