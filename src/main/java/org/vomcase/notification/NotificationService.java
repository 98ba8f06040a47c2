package org.vomcase.notification;

/** Sends the messages of cases. Implementations must be idempotent per {@link OutgoingMessage#idempotencyKey()}. */
public interface NotificationService {

  /** Sends the message unless one with the same idempotency key was sent already; true if sent now. */
  boolean send(OutgoingMessage message);
}
