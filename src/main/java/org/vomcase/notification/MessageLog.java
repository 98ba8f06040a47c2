package org.vomcase.notification;

import org.vomcase.document.Templates;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vomcase.kernel.CaseClock;

/**
 * The record of every message on its case ({@code vom_message}): what, to whom, when, how, and
 * whether it left. Each change is committed in its own transaction, independent of the job that
 * sends: the record of a mail that left survives a rollback of the job, so the retry skips it.
 *
 * <p>The states of a mail (delivery at least once, R22): {@code sending} (handed to the mail server) ends
 * {@code sent}, {@code failed} (certainly not delivered: sent again by the retry) or {@code unknown} (outcome
 * unknown: a time-out during the SMTP session, or a row found at {@code sending} because the node stopped
 * mid-send). A mail whose outcome was ever unknown is sent again with the same Message-ID as {@code
 * resending}, ending {@code resent} (the recipient may hold it twice, recognisable by its Message-ID) or again
 * {@code failed} or {@code unknown}. Letters are {@code to_post}, then {@code posted}; {@code refused} and
 * {@code no_address} record a message that had no channel.
 */
@Component
public class MessageLog {

  public static final String SENDING = "sending";
  public static final String SENT = "sent";
  /** Outcome unknown: the mail may or may not have reached the mail server; the retry sends it again (same Message-ID). */
  public static final String UNKNOWN = "unknown";
  /** Sent again after an attempt whose outcome is unknown, with the same Message-ID. */
  public static final String RESENDING = "resending";
  /** Delivered on a resend: the recipient may have it twice, with the same Message-ID. */
  public static final String RESENT = "resent";
  public static final String TO_POST = "to_post";
  public static final String FAILED = "failed";
  public static final String NO_ADDRESS = "no_address";
  public static final String POSTED = "posted";
  /** Not sent: no channel the case may use for the recipient (victim safety); the job retries, then an incident. */
  public static final String REFUSED = "refused";

  /** A row of the log, as mediators and supervisors read it. */
  public record Entry(String id, String caseNumber, String message, String recipientRole, String recipientName, String recipientAddress,
      String channel, String status, String language, String subject, String body, String attachments, String documentId,
      Instant createdAt, Instant sentAt, String error) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public MessageLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = org.vomcase.settings.OwnTransactions.of(transactions);
  }

  /** The status of a sending, or null when it never started. */
  public String status(String key) {
    List<String> status = jdbc.queryForList("SELECT status FROM vom_message WHERE idempotency_key = ?", String.class, key);
    return status.isEmpty() ? null : status.get(0);
  }

  /**
   * Records a sending as started (or restarted after a failure or an unknown outcome: then {@code sending} becomes
   * {@code resending}), committed before the mail leaves.
   */
  public void begin(String key, OutgoingMessage message, Recipient recipient, String channel, String address,
      Templates.Rendered text, String attachments, String documentId, String status) {
    ownTransaction.executeWithoutResult(tx -> {
      Timestamp now = Timestamp.from(CaseClock.now().toInstant());
      // A mail whose earlier attempt may have arrived is a resend (same Message-ID), whatever failed in between.
      String resend = SENDING.equals(status) ? RESENDING : status;
      int updated = jdbc.update("UPDATE vom_message SET status = CASE WHEN outcome_unknown THEN ? ELSE ? END,"
          + " channel = ?, recipient_address = ?, subject = ?, body = ?, attachments = ?, document_id = ?, error = NULL"
          + " WHERE idempotency_key = ? AND status IN (?, ?, ?)", resend, status, channel, address,
          text.subject(), text.body(), attachments, documentId, key, FAILED, REFUSED, UNKNOWN);
      if (updated == 0) {
        jdbc.update("INSERT INTO vom_message (id, idempotency_key, case_number, process_instance_id, message, recipient_role,"
            + " channel, status, created_at, content, recipient_name, recipient_address, language, subject, body, attachments,"
            + " document_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), key,
            message.caseNumber(), message.processInstanceId(), message.message(), message.recipientRole(), channel, status, now,
            json(message), recipient == null ? null : recipient.name(), address, text.language(), text.subject(), text.body(),
            attachments, documentId);
      }
    });
  }

  /** The mail server took the mail: {@code sent}, or {@code resent} when an earlier attempt's outcome is unknown. */
  public void sent(String key) {
    ownTransaction.executeWithoutResult(tx -> jdbc.update("UPDATE vom_message SET status = CASE WHEN outcome_unknown THEN ?"
        + " ELSE ? END, sent_at = ?, error = NULL WHERE idempotency_key = ?", RESENT, SENT,
        Timestamp.from(CaseClock.now().toInstant()), key));
  }

  /** The mail was certainly not delivered (refused by the server, server unreachable): the retry sends it again. */
  public void fail(String key, String error) {
    mark(key, FAILED, error);
  }

  /** The mail may or may not have reached the server: the retry sends it again with the same Message-ID. */
  public void unknown(String key, String error) {
    ownTransaction.executeWithoutResult(tx -> jdbc.update("UPDATE vom_message SET status = ?, outcome_unknown = TRUE, error = ?"
        + " WHERE idempotency_key = ?", UNKNOWN, truncated(error), key));
  }

  /**
   * A sending found still {@code sending} or {@code resending} when its job runs again: the node stopped between
   * handing the mail over and recording the answer. Recorded as {@code unknown}; true when this call marked it.
   */
  public boolean interrupted(String key) {
    Boolean marked = ownTransaction.execute(tx -> jdbc.update("UPDATE vom_message SET status = ?, outcome_unknown = TRUE,"
        + " error = ? WHERE idempotency_key = ? AND status IN (?, ?)", UNKNOWN, "Outcome unknown: the sending was interrupted"
        + " (the application stopped before the mail server's answer was recorded); sent again with the same Message-ID",
        key, SENDING, RESENDING) == 1);
    return Boolean.TRUE.equals(marked);
  }

  /** Whether a row in this status was cut off mid-send (the job that sent it did not record the answer). */
  public static boolean inFlight(String status) {
    return SENDING.equals(status) || RESENDING.equals(status);
  }

  /** The sending was refused (no allowed channel): the case file shows it with the reason. */
  public void refuse(String key, String reason) {
    mark(key, REFUSED, reason);
  }

  /** Whether a sending with this status is to be tried again (a failed mail, an unknown outcome, a refused channel). */
  public static boolean retried(String status) {
    return FAILED.equals(status) || REFUSED.equals(status) || UNKNOWN.equals(status);
  }

  private void mark(String key, String status, String error) {
    ownTransaction.executeWithoutResult(tx -> jdbc.update("UPDATE vom_message SET status = ?, error = ? WHERE idempotency_key = ?",
        status, truncated(error), key));
  }

  private static String truncated(String error) {
    return error == null ? null : error.substring(0, Math.min(error.length(), 500));
  }

  /** The messages of a case, oldest first. */
  public List<Entry> ofCase(String caseNumber) {
    return jdbc.query(SELECT + " WHERE case_number = ? ORDER BY created_at, id", ENTRY, caseNumber);
  }

  /** One message, or null. */
  public Entry find(String id) {
    List<Entry> found = jdbc.query(SELECT + " WHERE id = ?", ENTRY, id);
    return found.isEmpty() ? null : found.get(0);
  }

  /** A letter was posted (by the user): recorded with the time. */
  public void posted(String id, String userId) {
    jdbc.update("UPDATE vom_message SET status = ?, sent_at = ?, error = ? WHERE id = ? AND status = ?", POSTED,
        Timestamp.from(CaseClock.now().toInstant()), "posted by " + userId, id, TO_POST);
  }

  private static final String SELECT = "SELECT id, case_number, message, recipient_role, recipient_name, recipient_address,"
      + " channel, status, language, subject, body, attachments, document_id, created_at, sent_at, error FROM vom_message";

  private static final org.springframework.jdbc.core.RowMapper<Entry> ENTRY = (rs, i) -> new Entry(rs.getString(1),
      rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
      rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getTimestamp(14).toInstant(),
      rs.getTimestamp(15) == null ? null : rs.getTimestamp(15).toInstant(), rs.getString(16));

  private static String json(OutgoingMessage message) {
    try {
      return JSON.writeValueAsString(message.content());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Message content is not serialisable: " + message.content(), e);
    }
  }
}
