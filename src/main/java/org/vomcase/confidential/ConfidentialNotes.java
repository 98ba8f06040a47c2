package org.vomcase.confidential;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseInputException;

/**
 * The store of the confidential parts of the cases ({@code vom_confidential_note}). Notes are written in
 * the transaction of the task or referral that carried them, so a refused form stores nothing, and are
 * deleted with the case (R20). Who may read them decides {@code CaseFileController}.
 */
@Service
public class ConfidentialNotes {

  /** One note: what kind, about whom (a person id, or none for the case), by whom and when. */
  public record Note(String id, String caseNumber, ConfidentialField field, String personId, String taskName, String writtenBy,
      java.time.Instant writtenAt, String text) {}

  private final JdbcTemplate jdbc;

  public ConfidentialNotes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Checks a submitted note: text, at most {@link ConfidentialField#MAX_LENGTH} characters; blank = none. */
  public static String checked(ConfidentialField field, Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw CaseInputException.of(field.variable(), "error.notText");
    }
    if (text.length() > ConfidentialField.MAX_LENGTH) {
      throw CaseInputException.of(field.variable(), "error.confidential.tooLong", text.length(), ConfidentialField.MAX_LENGTH);
    }
    return text.isBlank() ? null : text.strip();
  }

  public void record(String caseNumber, ConfidentialField field, String personId, String processInstanceId, String taskName,
      String writtenBy, String text) {
    jdbc.update("INSERT INTO vom_confidential_note (id, case_number, kind, person_id, process_instance_id, task_name, written_by,"
        + " written_at, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), caseNumber, field.name(), personId,
        processInstanceId, taskName, writtenBy, Timestamp.from(CaseClock.now().toInstant()), text);
  }

  /** The case's notes of the given kinds, oldest first; those of one form in the form's order. */
  public List<Note> ofCase(String caseNumber, Collection<ConfidentialField> fields) {
    if (fields.isEmpty()) {
      return List.of();
    }
    List<Note> notes = new NamedParameterJdbcTemplate(jdbc).query("SELECT * FROM vom_confidential_note WHERE case_number = :case"
        + " AND kind IN (:kinds) ORDER BY written_at, id", new MapSqlParameterSource("case", caseNumber)
        .addValue("kinds", fields.stream().map(Enum::name).toList()),
        (rs, row) -> new Note(rs.getString("id"), rs.getString("case_number"), ConfidentialField.valueOf(rs.getString("kind")),
            rs.getString("person_id"), rs.getString("task_name"), rs.getString("written_by"),
            rs.getTimestamp("written_at").toInstant(), rs.getString("text")));
    return notes.stream().sorted(java.util.Comparator.comparing(Note::writtenAt).thenComparing(Note::field)).toList();
  }

  public int deleteCase(String caseNumber) {
    return jdbc.update("DELETE FROM vom_confidential_note WHERE case_number = ?", caseNumber);
  }
}
