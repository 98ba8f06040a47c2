package org.vomcase.notification;

import java.util.List;
import java.util.Map;

/**
 * A message a case sends: which message of the catalogue, to which recipient role and the persons
 * that role is in the case, with the content its template needs. The idempotency key identifies one
 * sending: a retried job carries the same key; each recipient's delivery is keyed by it and their id.
 */
public record OutgoingMessage(
    String idempotencyKey,
    String caseNumber,
    String processInstanceId,
    String message,
    String recipientRole,
    Map<String, Object> content,
    List<Recipient> recipients) {

  public OutgoingMessage {
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
  }
}
