package org.vomcase.notification;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.vomcase.settings.VomProperties;

/**
 * Delivers a mail (R21): through the SMTP server of {@code spring.mail.host} when one is configured
 * (docker-compose: Mailpit; production: the programme's server), otherwise as an {@code .eml} file in
 * the mail-drop folder ({@code vom.mail.drop-dir}, default {@code ./data/mail-drop}), which any mail
 * program opens. Each mail's Message-ID ({@code <sha256 of the sending's key@vom-case>}) is derived from its
 * sending's key, so a mail sent again (after a crash or a time-out whose outcome is unknown) carries the same
 * Message-ID and receivers and the case file recognise the repeat.
 */
@Component
public class MailDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

  /** An attachment: file name, media type, bytes. */
  public record Attachment(String fileName, String mediaType, byte[] bytes) {}

  /**
   * A mail to send; {@code caseNumber} and {@code message} go into the headers {@code X-VOM-Case} and
   * {@code X-VOM-Message} (for filters), and with the recipient's id name its file in the mail-drop folder.
   */
  public record Mail(String key, String caseNumber, String message, String recipientId, String to, String toName,
      String subject, String body, List<Attachment> attachments) {}

  public static final String CASE_HEADER = "X-VOM-Case";
  public static final String MESSAGE_HEADER = "X-VOM-Message";

  private final JavaMailSender smtp;
  private final String from;
  private final Path dropDir;

  public MailDelivery(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host,
      VomProperties properties) {
    this.smtp = host == null || host.isBlank() ? null : sender.getIfAvailable();
    this.from = properties.mail().from();
    this.dropDir = Path.of(properties.mail().dropDir()).toAbsolutePath().normalize();
  }

  /** Where mails go, for the start-up log and the README: {@code smtp} or the mail-drop folder. */
  public String destination() {
    return smtp == null ? "mail-drop folder " + dropDir : "SMTP server " + ((smtp instanceof JavaMailSenderImpl impl)
        ? impl.getHost() + ":" + impl.getPort() : "");
  }

  public boolean usesSmtp() {
    return smtp != null;
  }

  public Path dropDir() {
    return dropDir;
  }

  /** Sends the mail, or writes it to the mail-drop folder; throws when it could not be delivered. */
  public void deliver(Mail mail) {
    MimeMessage message;
    try {
      message = message(mail);
    } catch (MessagingException | IOException e) {
      throw new DeliveryFailed(mail, destination(), e, false, false);
    }
    try {
      if (smtp != null) {
        smtp.send(message);
      } else {
        drop(mail, message);
      }
    } catch (MessagingException | MailException | IOException e) {
      throw new DeliveryFailed(mail, destination(), e, smtp != null && !certainlyNotDelivered(e), smtp != null && unreachable(e));
    }
  }

  /**
   * Whether the mail server answers now: a connection, the greeting and the login when one is configured, then
   * QUIT (no mail is sent). The mail-drop folder answers when it can be written to.
   */
  public boolean reachable() {
    if (smtp instanceof JavaMailSenderImpl impl) {
      try {
        impl.testConnection();
        return true;
      } catch (MessagingException e) {
        return false;
      }
    }
    if (smtp != null) {
      return true;
    }
    return !Files.exists(dropDir) || Files.isWritable(dropDir);
  }

  /**
   * Whether a failure happened before any mail was handed over because the server could not be reached: no
   * connection, no greeting within the time-out, an unknown host.
   */
  static boolean unreachable(Throwable failure) {
    if (failure instanceof MailSendException send && connectionFailed(send)) {
      return true;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a failure certainly left the mail undelivered: the mail could not be made, the server could not
   * be reached or logged into, or it refused the mail with an SMTP reply. Anything else (a time-out or a broken
   * connection during the SMTP session, above all after DATA) may have left the mail with the server: its
   * outcome is unknown. A mail-drop file is written atomically, so its failure is always certain.
   */
  static boolean certainlyNotDelivered(Throwable failure) {
    if (failure instanceof MailPreparationException || failure instanceof MailParseException
        || failure instanceof MailAuthenticationException
        || failure instanceof MailSendException send && connectionFailed(send)) {
      return true;
    }
    if (failure instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
      return send.getFailedMessages().values().stream().allMatch(MailDelivery::refusedOrUnreachable);
    }
    return refusedOrUnreachable(failure);
  }

  /**
   * Spring's failure to connect (no connection, no greeting, a time-out before the session began). Its message
   * starts so; with the failed messages attached, Spring appends them to it.
   */
  private static boolean connectionFailed(MailSendException send) {
    return send.getMessage() != null && send.getMessage().startsWith("Mail server connection failed");
  }

  private static boolean refusedOrUnreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SendFailedException || cause instanceof AuthenticationFailedException
          || cause instanceof ConnectException || cause instanceof UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  private MimeMessage message(Mail mail) throws MessagingException, IOException {
    Session session = smtp instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
    String messageId = "<" + hash(mail.key()) + "@vom-case>";
    MimeMessage message = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    MimeMessageHelper helper = new MimeMessageHelper(message, !mail.attachments().isEmpty(), StandardCharsets.UTF_8.name());
    helper.setFrom(new jakarta.mail.internet.InternetAddress(from));
    helper.setTo(new jakarta.mail.internet.InternetAddress(mail.to(), mail.toName(), StandardCharsets.UTF_8.name()));
    helper.setSubject(mail.subject());
    helper.setText(mail.body(), false);
    helper.setSentDate(new java.util.Date(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime()));
    for (Attachment attachment : mail.attachments()) {
      helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.bytes()), attachment.mediaType());
    }
    message.setHeader(CASE_HEADER, String.valueOf(mail.caseNumber()));
    message.setHeader(MESSAGE_HEADER, mail.message());
    message.saveChanges();
    return message;
  }

  private void drop(Mail mail, MimeMessage message) throws IOException, MessagingException {
    Files.createDirectories(dropDir);
    String label = String.join("-", String.valueOf(mail.caseNumber()), mail.message(), mail.recipientId());
    Path file = dropDir.resolve(label.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + hash(mail.key()).substring(0, 8) + ".eml");
    Path partial = dropDir.resolve(file.getFileName() + ".part");
    try (OutputStream out = Files.newOutputStream(partial)) {
      message.writeTo(out);
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    LOG.info("Mail '{}' written to {}", mail.subject(), file);
  }

  /** Deletes the case's mails from the mail-drop folder (R20); returns how many. */
  public int deleteCase(String caseNumber) {
    if (!Files.isDirectory(dropDir)) {
      return 0;
    }
    String prefix = caseNumber.replaceAll("[^A-Za-z0-9._-]", "_") + "-";
    try (var files = Files.list(dropDir)) {
      int deleted = 0;
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
        Files.deleteIfExists(file);
        deleted++;
      }
      return deleted;
    } catch (IOException e) {
      throw new IllegalStateException("The mail-drop files of case " + caseNumber + " could not be deleted: " + e.getMessage(), e);
    }
  }

  static String hash(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A mail that could not be delivered. Its message, which the case file shows its readers, says why in
   * the mail server's words; what reaches the engine (the failed job, the incident an administrator sees in
   * Cockpit) names only the case, the message, the recipient's id in the case and the kind of failure:
   * no address, name or subject, and no cause chain that would carry them.
   */
  public static final class DeliveryFailed extends IllegalStateException {
    private final String detail;

    private final boolean outcomeUnknown;

    DeliveryFailed(Mail mail, String destination, Exception cause, boolean outcomeUnknown, boolean unreachable) {
      super((outcomeUnknown ? "Delivery outcome unknown: mail '" : "Delivery failed: mail '") + mail.message() + "' of case "
          + mail.caseNumber() + " to " + mail.recipientId() + (outcomeUnknown
              ? " may or may not have reached the " + destination + "; it is sent again with the same Message-ID"
              : " could not be delivered to the " + destination) + (unreachable ? UNREACHABLE : "")
          + " (" + cause.getClass().getSimpleName() + ")");
      this.detail = getMessage() + ": " + cause.getMessage();
      this.outcomeUnknown = outcomeUnknown;
    }

    /** What a failure message says when the mail server could not be reached (the mail certainly did not leave). */
    static final String UNREACHABLE = ": the mail server could not be reached";

    /**
     * Whether a failed job's mail waits for the mail server: it could not be reached, or the outcome of the
     * sending is unknown (a time-out after the mail was handed over). Not a mail the server refused.
     */
    public static boolean waitsForServer(String failureMessage) {
      return failureMessage != null && (failureMessage.startsWith("Delivery outcome unknown: mail '")
          || failureMessage.startsWith("Delivery failed: mail '") && failureMessage.contains(UNREACHABLE));
    }

    /**
     * True when the mail server may have taken the mail although the sending failed (a time-out or broken
     * connection during the SMTP session): the retry resends it with the same Message-ID.
     */
    public boolean outcomeUnknown() {
      return outcomeUnknown;
    }

    /** The message with the mail server's own words (addresses included), for the case file only. */
    public String detail() {
      return detail;
    }
  }
}
