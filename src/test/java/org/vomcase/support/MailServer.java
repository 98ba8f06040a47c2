package org.vomcase.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server for the integration tests (GreenMail), on a free port fixed for the whole run,
 * so that it can be stopped ("the mail server is down") and started again on the same address.
 */
public final class MailServer {

  public static final int PORT = freePort();
  private static GreenMail server = start();

  private MailServer() {}

  public static synchronized GreenMail start() {
    if (server == null || !server.isRunning()) {
      server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
    return server;
  }

  public static synchronized void stop() {
    server.stop();
  }

  /** Every mail received so far about the case (header X-VOM-Case). */
  public static List<MimeMessage> mailsOf(String caseNumber) {
    return Arrays.stream(start().getReceivedMessages()).filter(m -> caseNumber.equals(header(m, "X-VOM-Case"))).toList();
  }

  /** The case's mails whose first recipient is this address. */
  public static List<MimeMessage> mailsTo(String caseNumber, String address) {
    List<MimeMessage> mails = new ArrayList<>();
    for (MimeMessage mail : mailsOf(caseNumber)) {
      try {
        if (mail.getAllRecipients()[0].toString().contains(address)) {
          mails.add(mail);
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return mails;
  }

  /** The case's mails of one message type (header X-VOM-Message) to this address. */
  public static List<MimeMessage> mailsTo(String caseNumber, String message, String address) {
    return mailsTo(caseNumber, address).stream().filter(m -> message.equals(header(m, "X-VOM-Message"))).toList();
  }

  /** Subject and every text part of a mail. */
  public static String text(MimeMessage mail) throws Exception {
    StringBuilder text = new StringBuilder(mail.getSubject()).append('\n');
    Multipart parts = (Multipart) mail.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      Object content = parts.getBodyPart(i).getContent();
      if (content instanceof String string) {
        text.append(string).append('\n');
      } else if (content instanceof Multipart inner) {
        for (int j = 0; j < inner.getCount(); j++) {
          if (inner.getBodyPart(j).getContent() instanceof String string) {
            text.append(string).append('\n');
          }
        }
      }
    }
    return text.toString();
  }

  /** The bytes of the mail's attachment with this file name. */
  public static byte[] attachment(MimeMessage mail, String fileName) throws Exception {
    Multipart parts = (Multipart) mail.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      if (fileName.equals(parts.getBodyPart(i).getFileName())) {
        return parts.getBodyPart(i).getInputStream().readAllBytes();
      }
    }
    throw new AssertionError("No attachment " + fileName);
  }

  public static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, null);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
