package org.vomcase.notification;

import org.vomcase.document.Templates;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.vomcase.document.DocumentService;
import org.vomcase.document.PdfRenderer;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.kernel.ContactPolicy;
import org.vomcase.kernel.Guardian;
import org.vomcase.kernel.Side;

/**
 * Sends the messages of cases (R21, R22): for each recipient, the message's template in their
 * language (where it has none, in the programme's language and English: {@link Templates#message}; the calendar
 * file's title is the mail's subject, so it follows the same rule), by email when they have an address (with the
 * calendar file of a session invitation and
 * the agreement PDF of an agreement copy), otherwise as a PDF letter in the document store, listed
 * on the case for the mediator to post. Staff without email are reached through Tasklist; the
 * message is still recorded.
 *
 * <p>At least once, never lost in silence: each recipient's sending is keyed by the message's idempotency
 * key and the recipient's id, and recorded (committed on its own) before the mail leaves; the mail's
 * Message-ID is derived from the same key. A retried job skips the recipients already served; a failed mail
 * is recorded as failed, a mail whose outcome is unknown (a time-out during the SMTP session) as unknown, the
 * job fails and retries (an incident after the last try). A sending interrupted mid-way (the record found at
 * {@code sending} by the retried job) is recorded as unknown and sent again with the same Message-ID, as is
 * every unknown one ({@code resending}, then {@code resent}): the receiver and the case file recognise the
 * repeat by its Message-ID.
 */
@Service
public class DeliveringNotificationService implements NotificationService {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveringNotificationService.class);

  /** Messages with the session's calendar file attached. */
  public static final Set<String> WITH_CALENDAR = Set.of("session-invitation", "session-cancellation",
      "appointment-invitation", "appointment-cancellation");

  /** The message that withdraws one party's appointment (indirect mediation): its calendar file is a cancellation. */
  public static final String APPOINTMENT_CANCELLATION = "appointment-cancellation";

  /** The message that cancels a direct meeting for everyone taking part: its calendar file is a cancellation. */
  public static final String SESSION_CANCELLATION = "session-cancellation";

  private static final Set<String> STAFF = Set.of(MessageCatalogue.MEDIATOR, MessageCatalogue.COORDINATORS,
      MessageCatalogue.SUPERVISORS);

  /** The channels a message goes by, as the case file names them. */
  public static final String EMAIL = "email";
  public static final String LETTER = "letter";

  /** Optional content of a message: the channel a diagram asks for ({@code ${introductionChannel}}). */
  public static final String CHANNEL = "channel";

  private final Templates templates;
  private final MailDelivery mail;
  private final MessageLog log;
  private final DocumentService documents;
  private final PdfRenderer pdf;

  public DeliveringNotificationService(Templates templates, MailDelivery mail, MessageLog log, DocumentService documents,
      PdfRenderer pdf) {
    this.templates = templates;
    this.mail = mail;
    this.log = log;
    this.documents = documents;
    this.pdf = pdf;
  }

  @Override
  public boolean send(OutgoingMessage message) {
    if (message.recipients().isEmpty()) {
      // Nobody to reach (say, a group without members): recorded, so the case shows it was due.
      String key = message.idempotencyKey();
      if (log.status(key) != null) {
        return false;
      }
      log.begin(key, message, null, "none", null, templates.message(message.message(), Templates.FALLBACK_LANGUAGE,
          model(message, new Recipient("nobody", "", null, null, Templates.FALLBACK_LANGUAGE))), null, null, MessageLog.NO_ADDRESS);
      LOG.warn("Message {} of case {} has no recipient ({})", message.message(), message.caseNumber(), message.recipientRole());
      return true;
    }
    boolean sentNow = false;
    for (Recipient recipient : message.recipients()) {
      sentNow |= send(message, recipient);
    }
    return sentNow;
  }

  private boolean send(OutgoingMessage message, Recipient recipient) {
    String key = message.idempotencyKey() + "|" + recipient.id();
    String status = log.status(key);
    if (MessageLog.inFlight(status)) {
      // The node stopped between handing the mail over and recording the answer: it may have arrived. At least
      // once: recorded as outcome unknown and sent again below, with the same Message-ID.
      log.interrupted(key);
      LOG.warn("Message {} to {} of case {} was interrupted while sending; outcome unknown, sending it again with the same"
          + " Message-ID", message.message(), recipient.id(), message.caseNumber());
      status = MessageLog.UNKNOWN;
    }
    if (status != null && !MessageLog.retried(status)) {
      return false;
    }
    Templates.Rendered text = templates.message(message.message(), recipient.language(), model(message, recipient));
    if (STAFF.contains(message.recipientRole()) && !recipient.hasEmail()) {
      log.begin(key, message, recipient, "tasklist", null, text, null, null, MessageLog.NO_ADDRESS);
      return true;
    }
    String channel = channel(message, recipient);
    if (channel == null) {
      String reason = "Delivery refused: message '" + message.message() + "' of case " + message.caseNumber() + " to "
          + recipient.id() + ": no channel the case may use (" + refusal(message, recipient) + ")";
      log.begin(key, message, recipient, "none", null, text, null, null, MessageLog.REFUSED);
      log.refuse(key, reason);
      throw new DeliveryRefused(reason);
    }
    List<MailDelivery.Attachment> attachments = attachments(message, recipient, text.subject());
    String names = String.join(", ", attachments.stream().map(MailDelivery.Attachment::fileName).toList());
    if (EMAIL.equals(channel)) {
      log.begin(key, message, recipient, EMAIL, recipient.email(), text, names.isEmpty() ? null : names, null, MessageLog.SENDING);
      try {
        mail.deliver(new MailDelivery.Mail(key, message.caseNumber(), message.message(), recipient.id(), recipient.email(),
            recipient.name(), text.subject(), text.body(), attachments));
      } catch (MailDelivery.DeliveryFailed e) {
        if (e.outcomeUnknown()) {
          log.unknown(key, e.detail());
        } else {
          log.fail(key, e.detail());
        }
        throw e;
      } catch (RuntimeException e) {
        log.fail(key, e.getMessage());
        throw e;
      }
      log.sent(key);
      return true;
    }
    String letterId = documents.store("letter:" + key, message.caseNumber(), "letter",
        "letter-" + message.caseNumber() + "-" + message.message() + "-" + recipient.id() + ".pdf", "application/pdf",
        pdf.render(letter(message, recipient, text), text.subject()));
    log.begin(key, message, recipient, LETTER, recipient.postalAddress(), text, names.isEmpty() ? null : names, letterId,
        MessageLog.TO_POST);
    return true;
  }

  /**
   * The channel for one recipient: the ones the case may use for them (their contact policy) and the message
   * allows (a diagram's {@code channel}: {@code letter_only} or {@code letter} means a letter, {@code email} an
   * email), in the person's order of preference (email first unless they prefer letters; email only to an
   * address). Null when none is left: then nothing is sent.
   */
  static String channel(OutgoingMessage message, Recipient recipient) {
    ContactPolicy policy = recipient.policy();
    Object requested = message.content().get(CHANNEL);
    boolean emailAsked = requested == null || !List.of("letter_only", LETTER).contains(requested.toString());
    boolean letterAsked = requested == null || !EMAIL.equals(requested.toString());
    boolean email = policy.email() && emailAsked && recipient.hasEmail();
    boolean letter = policy.letter() && letterAsked;
    if (letter && (!email || LETTER.equals(policy.preferred()))) {
      return LETTER;
    }
    return email ? EMAIL : null;
  }

  private static String refusal(OutgoingMessage message, Recipient recipient) {
    List<String> why = new ArrayList<>(recipient.policy().reasons());
    Object requested = message.content().get(CHANNEL);
    if (requested != null) {
      why.add("the message asks for " + requested);
    }
    if (!recipient.hasEmail()) {
      why.add("no email address");
    }
    return String.join("; ", why);
  }

  /** A message that the case may not send by any channel to a recipient: the job fails and ends as an incident. */
  public static class DeliveryRefused extends RuntimeException {
    public DeliveryRefused(String message) {
      super(message);
    }
  }

  /** What the template sees: the content, the recipient, and which kind of recipient it is. */
  private static Map<String, Object> model(OutgoingMessage message, Recipient recipient) {
    Map<String, Object> model = new LinkedHashMap<>(message.content());
    model.put("recipientName", recipient.name());
    model.put("recipientEmail", recipient.email());
    String kind = Guardian.isGuardianId(recipient.id()) ? "guardian"
        : STAFF.contains(message.recipientRole()) ? "staff"
        : MessageCatalogue.REFERRER.equals(message.recipientRole()) ? "referrer"
        : recipient.id().startsWith(Side.VICTIM.idPrefix()) ? Side.VICTIM.code()
        : recipient.id().startsWith(Side.OFFENDER.idPrefix()) ? Side.OFFENDER.code() : message.recipientRole();
    model.put("recipientIs", Map.of(kind, true));
    return model;
  }

  /**
   * The session's calendar file (named like the mail) and the agreement PDF, when the message has them; with the
   * agreement, its translation into the recipient's language when there is one.
   */
  private List<MailDelivery.Attachment> attachments(OutgoingMessage message, Recipient recipient, String subject) {
    List<MailDelivery.Attachment> attachments = new ArrayList<>();
    Object appointmentFor = message.content().get(CaseVariables.APPOINTMENT_FOR.name());
    Object appointmentStart = message.content().get(CaseVariables.APPOINTMENT_START.name());
    if (WITH_CALENDAR.contains(message.message()) && appointmentFor != null && appointmentStart != null) {
      // One party's own appointment: its own UID and sequence, and only this party's time and place.
      boolean cancelled = APPOINTMENT_CANCELLATION.equals(message.message());
      Object sequence = message.content().get(CaseVariables.APPOINTMENT_SEQUENCE.name());
      attachments.add(new MailDelivery.Attachment(CalendarInvitation.APPOINTMENT_FILE_NAME,
          cancelled ? CalendarInvitation.CANCEL_MEDIA_TYPE : CalendarInvitation.MEDIA_TYPE,
          CalendarInvitation.appointment(message.caseNumber(), appointmentFor.toString(),
              sequence instanceof Number n ? n.intValue() : 0, OffsetDateTime.parse(appointmentStart.toString()), templates.zone(),
              subject, (String) message.content().get(CaseVariables.APPOINTMENT_PLACE.name()), cancelled)));
    }
    Object start = message.content().get(CaseVariables.SESSION_START.name());
    if (WITH_CALENDAR.contains(message.message()) && appointmentFor == null && start != null) {
      // The session's one calendar entry: a higher sequence for every move, a cancellation removes it.
      Object occurrence = message.content().get(CaseVariables.SESSION_SEQUENCE.name());
      int sequence = occurrence instanceof Number n ? n.intValue() : 0;
      boolean cancelled = SESSION_CANCELLATION.equals(message.message());
      attachments.add(new MailDelivery.Attachment(CalendarInvitation.FILE_NAME,
          cancelled ? CalendarInvitation.CANCEL_MEDIA_TYPE : CalendarInvitation.MEDIA_TYPE,
          CalendarInvitation.session(message.caseNumber(), sequence, OffsetDateTime.parse(start.toString()), templates.zone(),
              subject, (String) message.content().get(CaseVariables.SESSION_PLACE.name()), cancelled)));
    }
    Object documentId = message.content().get(CaseVariables.AGREEMENT_DOCUMENT_ID.name());
    if (documentId != null) {
      DocumentService.StoredDocument document = documents.find(documentId.toString());
      if (document == null) {
        throw new IllegalStateException("Document " + documentId + " of case " + message.caseNumber() + " is missing");
      }
      attachments.add(new MailDelivery.Attachment(document.fileName(), document.mediaType(), document.bytes()));
      DocumentService.StoredDocument translation = documents.translation(documentId.toString(), recipient.language());
      if (translation != null) {
        attachments.add(new MailDelivery.Attachment(translation.fileName(), translation.mediaType(), translation.bytes()));
      }
    }
    return attachments;
  }

  /**
   * A letter's text without the template's hard line breaks: a long line runs on into the next line of
   * its paragraph; short lines (greeting, closing), empty lines and indented or listed lines keep theirs.
   */
  static String reflow(String body) {
    String[] lines = body.split("\n", -1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      text.append(lines[i]);
      if (i + 1 < lines.length) {
        String next = lines[i + 1];
        boolean runsOn = lines[i].length() >= 60 && !next.isBlank() && !Character.isWhitespace(next.charAt(0))
            && !next.startsWith("-") && !Character.isWhitespace(lines[i].charAt(0));
        text.append(runsOn ? " " : "\n");
      }
    }
    return text.toString();
  }

  private String letter(OutgoingMessage message, Recipient recipient, Templates.Rendered text) {
    Map<String, Object> letter = new LinkedHashMap<>();
    letter.put("sender", "");
    letter.put("recipientName", recipient.name());
    letter.put("postalAddress", recipient.postalAddress() == null ? "" : recipient.postalAddress());
    letter.put("date", CaseClock.today().toString());
    letter.put("subject", text.subject());
    letter.put("body", reflow(text.letterBody()));
    letter.put(CaseVariables.CASE_NUMBER.name(), message.caseNumber());
    // A bilingual letter is printed on the programme's letter (its letterhead and date), the text in both languages.
    return templates.document("letter", text.documentLanguage(), letter);
  }
}
