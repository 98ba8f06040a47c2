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
  /** Everyone taking part in the session: the parties who agreed, their guardians and support persons. */
  public static final String PARTICIPANTS = "participants";
  /**
   * One person taking part in the session: the party the message is about ({@code personId}) while they still take
   * part, and their guardians; nobody else (indirect mediation: each party's own appointment).
   */
  public static final String PARTICIPANT = "participant";
  /**
   * The person the message is about ({@code personId}) whether or not they still take part, and their guardians: only
   * to withdraw what they had been sent (a person who withdrew consent: their invitation or appointment is cancelled).
   */
  public static final String WITHDRAWN_PERSON = "withdrawn_person";
  /**
   * A person invited to a session or appointment that is called off because the case closed ({@code personId}),
   * whether or not they still take part, with their guardians: only for the cancellation.
   */
  public static final String INVITED_PERSON = "invited_person";
  /**
   * The parties whose agreement shares an item with the person the message is about ({@code personId}): who owes them
   * an item or is owed one by them, with their guardians.
   */
  public static final String COUNTERPARTS = "counterparts";
  /** The parties of the agreement and the guardians of minors among them (R14). */
  public static final String PARTIES = "parties";
  public static final String SUPERVISORS = "supervisors";

  public static final Map<String, Set<String>> MESSAGES = Map.ofEntries(
      Map.entry("referral-not-eligible", Set.of(REFERRER)),
      Map.entry("mandate-refused", Set.of(REFERRER)),
      Map.entry("mandate-reminder", Set.of(COORDINATORS)),
      Map.entry("proceedings-wait-reminder", Set.of(COORDINATORS)),
      Map.entry("introduction", Set.of(VICTIM, OFFENDER)),
      Map.entry("consent-call-overdue", Set.of(MEDIATOR)),
      Map.entry("consent-withdrawn", Set.of(MEDIATOR)),
      Map.entry("case-closed-consent-withdrawn", Set.of(MEDIATOR)),
      Map.entry("case-closed-referral-withdrawn", Set.of(MEDIATOR)),
      Map.entry("preparation-overdue", Set.of(MEDIATOR)),
      Map.entry("task-overdue", Set.of(MEDIATOR, COORDINATORS)),
      Map.entry("session-invitation", Set.of(PARTICIPANTS)),
      Map.entry("session-reminder", Set.of(PARTICIPANTS)),
      Map.entry("session-cancellation", Set.of(PARTICIPANTS, WITHDRAWN_PERSON, INVITED_PERSON)),
      // Indirect mediation: each to one party (the person whose appointment it is, and their guardians) only.
      Map.entry("appointment-invitation", Set.of(PARTICIPANT)),
      Map.entry("appointment-reminder", Set.of(PARTICIPANT)),
      Map.entry("appointment-cancellation", Set.of(PARTICIPANT, WITHDRAWN_PERSON, INVITED_PERSON)),
      Map.entry("agreement-copy", Set.of(PARTIES)),
      Map.entry("agreement-goes-on", Set.of(COUNTERPARTS)),
      Map.entry("referrer-report", Set.of(REFERRER)),
      Map.entry("obligation-reminder", Set.of(OFFENDER)),
      Map.entry("obligation-escalation", Set.of(SUPERVISORS)),
      Map.entry("follow-up-invitation", Set.of(PARTICIPANTS)),
      Map.entry("proceedings-end-request", Set.of(REFERRER)));

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
