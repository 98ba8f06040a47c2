package org.vomcase.notification;

import java.util.Map;

/**
 * A message a case sends: which message of the catalogue, to which recipient role, with the content
 * its template needs. The idempotency key identifies one sending: a retried job carries the same key.
 */
public record OutgoingMessage(
    String idempotencyKey,
    String caseNumber,
    String processInstanceId,
    String message,
    String recipientRole,
    Map<String, Object> content) {}
