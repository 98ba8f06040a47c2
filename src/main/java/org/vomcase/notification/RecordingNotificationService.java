package org.vomcase.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vomcase.process.CaseClock;

/**
 * Records every message of a case in the message log ({@code vom_message}), once per idempotency
 * key, with status {@code recorded}. Delivery by mail and letter comes with the notifications work
 * (issue "Notifications and documents"), behind the same {@link NotificationService} interface.
 */
@Service
public class RecordingNotificationService implements NotificationService {

  private static final Logger LOG = LoggerFactory.getLogger(RecordingNotificationService.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;

  public RecordingNotificationService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean send(OutgoingMessage message) {
    if (alreadySent(message.idempotencyKey())) {
      LOG.info("Message {} to {} of case {} was sent already; not again", message.message(), message.recipientRole(),
          message.caseNumber());
      return false;
    }
    try {
      jdbc.update(
          "INSERT INTO vom_message (id, idempotency_key, case_number, process_instance_id, message, recipient_role,"
              + " channel, status, created_at, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          UUID.randomUUID().toString(), message.idempotencyKey(), message.caseNumber(), message.processInstanceId(),
          message.message(), message.recipientRole(), channel(message), "recorded",
          Timestamp.from(CaseClock.now().toInstant()), JSON.writeValueAsString(message.content()));
    } catch (DuplicateKeyException concurrentSend) {
      return false;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Message content is not serialisable: " + message.content(), e);
    }
    LOG.info("Recorded message {} to {} of case {}", message.message(), message.recipientRole(), message.caseNumber());
    return true;
  }

  private boolean alreadySent(String idempotencyKey) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM vom_message WHERE idempotency_key = ?", Integer.class,
        idempotencyKey);
    return count != null && count > 0;
  }

  private static String channel(OutgoingMessage message) {
    Object email = message.content().get("recipientEmail");
    return email == null || email.toString().isBlank() ? "letter" : "email";
  }
}
