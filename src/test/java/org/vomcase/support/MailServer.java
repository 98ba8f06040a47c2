package org.vomcase.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
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
