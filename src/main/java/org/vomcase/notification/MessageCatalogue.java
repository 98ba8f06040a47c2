package org.vomcase.notification;


import java.util.Map;
import java.util.Set;

/** The messages cases send and the recipient roles each may go to. */
public final class MessageCatalogue {

  public static final String REFERRER = "referrer";
  public static final String COORDINATORS = "coordinators";
  public static final String VICTIM = "victim";
  public static final String OFFENDER = "offender";
  public static final String MEDIATOR = "mediator";

  public static final Map<String, Set<String>> MESSAGES = Map.of(
      "referral-not-eligible", Set.of(REFERRER),
      "mandate-refused", Set.of(REFERRER),
      "mandate-reminder", Set.of(COORDINATORS),
      "introduction", Set.of(VICTIM, OFFENDER),
      "consent-call-overdue", Set.of(MEDIATOR),
      "consent-withdrawn", Set.of(MEDIATOR),
      "case-closed-consent-withdrawn", Set.of(MEDIATOR));

  private MessageCatalogue() {}

  /** Throws when the diagram names a message or recipient the catalogue does not have (an incident in Cockpit). */
  public static void check(String message, String recipientRole) {
    Set<String> recipients = MESSAGES.get(message);
    if (recipients == null) {
      throw new IllegalArgumentException("Unknown message '" + message + "'; known: " + MESSAGES.keySet());
    }
    if (!recipients.contains(recipientRole)) {
      throw new IllegalArgumentException("Message '" + message + "' does not go to '" + recipientRole + "'; it goes to " + recipients);
    }
  }
}
