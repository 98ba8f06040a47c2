package org.vomcase.casefile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vomcase.access.CaseRegistry;
import org.vomcase.audit.AuditLog;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.InputCheck;

/**
 * The plain notes of a case ({@code vom_case_note}; README "The mediator's desk"): a short text a case's mediator or a
 * coordinator writes down, with author and time, for everyone who may read the case (its mediators, the coordinators,
 * the supervisors). Not confidential: the confidential notes are {@code ConfidentialNotes}, kept apart and read by
 * fewer. A note has {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters (control characters but line breaks and
 * tabs removed), is taken only by a registered case that is not deleted ({@link CaseClosedToAdditions}), is audited
 * without its text, and is deleted with the case (R20). Who may write decides the controller, by the case file's rule.
 */
@Service
public class CaseNotes {

  public static final int MIN_LENGTH = 3;
  public static final int MAX_LENGTH = 2000;

  /** One note: who wrote it when. */
  public record Note(String id, String caseNumber, String writtenBy, Instant writtenAt, String text) {}

  private final JdbcTemplate jdbc;
  private final CaseRegistry registry;
  private final AuditLog audit;

  public CaseNotes(JdbcTemplate jdbc, CaseRegistry registry, AuditLog audit) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.audit = audit;
  }

  /** Checks and keeps a note of {@code userId} on the case (the field is {@code text}). */
  public Note add(String caseNumber, String userId, Object text) {
    CaseClosedToAdditions.check(registry, caseNumber);
    InputCheck check = InputCheck.collectAll();
    String theText = check.text("text", text instanceof String given ? clean(given) : text, MIN_LENGTH, MAX_LENGTH, true);
    check.done(CaseFileInputException::new);
    Note note = new Note(UUID.randomUUID().toString(), caseNumber, userId, CaseClock.now().toInstant(), theText);
    jdbc.update("INSERT INTO vom_case_note (id, case_number, written_by, written_at, text) VALUES (?, ?, ?, ?, ?)", note.id(),
        caseNumber, userId, Timestamp.from(note.writtenAt()), theText);
    audit.record(userId, AuditLog.NOTE_ADDED, caseNumber, "note " + note.id() + ", " + theText.length() + " characters");
    return note;
  }

  /** The case's notes, oldest first. */
  public List<Note> ofCase(String caseNumber) {
    return jdbc.query("SELECT id, case_number, written_by, written_at, text FROM vom_case_note WHERE case_number = ?"
        + " ORDER BY written_at, id", (rs, i) -> new Note(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getTimestamp(4).toInstant(), rs.getString(5)), caseNumber);
  }

  /** Deletes every note of the case (R20); returns how many. */
  public int deleteCase(String caseNumber) {
    return jdbc.update("DELETE FROM vom_case_note WHERE case_number = ?", caseNumber);
  }

  /** Line breaks as \n; control and format characters but line breaks and tabs removed. */
  static String clean(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]", "");
  }
}
