package org.vomcase.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.vomcase.settings.VomProperties;

/**
 * With no mail server configured (the embedded default), every mail is a readable {@code .eml} file
 * in the mail-drop folder, attachments included; the session's calendar file parses back with the
 * programme's time zone.
 */
class MailDeliveryTest {

  @Test
  void withoutAMailServerEveryMailLandsInTheMailDropFolder(@TempDir Path drop) throws Exception {
    MailDelivery delivery = new MailDelivery(new StaticListableBeanFactory().getBeanProvider(
        org.springframework.mail.javamail.JavaMailSender.class), "", new VomProperties(null, null, null, null,
        new VomProperties.Mail("Mediation <toa@example.org>", drop.toString(), null)));
    byte[] ics = CalendarInvitation.create("VOM-2026-00042", 1, OffsetDateTime.parse("2026-03-03T10:00+01:00"),
        ZoneId.of("Europe/Berlin"), "Ausgleichsgespräch", "Rathausplatz 1", null);

    delivery.deliver(new MailDelivery.Mail("key-1", "VOM-2026-00042", "session-invitation", "V1", "ana.roth@example.org",
        "Ana Roth", "Einladung zum Ausgleichsgespräch", "Guten Tag Ana Roth,\nwir laden Sie ein.",
        List.of(new MailDelivery.Attachment(CalendarInvitation.FILE_NAME, CalendarInvitation.MEDIA_TYPE, ics))));
    delivery.deliver(new MailDelivery.Mail("key-1", "VOM-2026-00042", "session-invitation", "V1", "ana.roth@example.org",
        "Ana Roth", "Einladung zum Ausgleichsgespräch", "Guten Tag Ana Roth,\nwir laden Sie ein.", List.of()));

    List<Path> files;
    try (var listing = Files.list(drop)) {
      files = listing.toList();
    }
    assertThat(files).singleElement().satisfies(f -> assertThat(f.getFileName().toString())
        .startsWith("VOM-2026-00042-session-invitation-V1-").endsWith(".eml"));
    assertThat(delivery.destination()).contains("mail-drop folder");
    MimeMessage mail;
    try (InputStream in = Files.newInputStream(files.get(0))) {
      mail = new MimeMessage(Session.getInstance(new Properties()), in);
    }
    assertThat(mail.getSubject()).isEqualTo("Einladung zum Ausgleichsgespräch");
    assertThat(mail.getFrom()[0].toString()).contains("toa@example.org");
    assertThat(mail.getHeader("X-VOM-Case", null)).isEqualTo("VOM-2026-00042");
    assertThat(mail.getMessageID()).isEqualTo("<" + MailDelivery.hash("key-1") + "@vom-case>");

    // R20: the case's deletion removes its mails from the folder too.
    assertThat(delivery.deleteCase("VOM-2026-00099")).isZero();
    assertThat(delivery.deleteCase("VOM-2026-00042")).isEqualTo(1);
    assertThat(drop).isEmptyDirectory();
  }

  @Test
  void theSessionsCalendarFileParsesBackInTheProgrammesTimeZone() throws Exception {
    byte[] ics = CalendarInvitation.create("VOM-2026-00042", 2, OffsetDateTime.parse("2026-03-03T09:00Z"),
        ZoneId.of("Europe/Berlin"), "Mediation session", "Rathausplatz 1", "Bring your questions");

    Calendar calendar = new CalendarBuilder().build(new java.io.ByteArrayInputStream(ics));
    VEvent event = calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
    assertThat(event.getDateTimeStart().getValue()).isEqualTo("20260303T100000");
    assertThat(event.getDateTimeStart().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Berlin");
    assertThat(event.getDateTimeEnd().getValue()).isEqualTo("20260303T120000");
    assertThat(event.getLocation().getValue()).isEqualTo("Rathausplatz 1");
    assertThat(event.getUid().map(u -> u.getValue()).orElseThrow()).isEqualTo(CalendarInvitation.uid("VOM-2026-00042")).doesNotContain("VOM");
    assertThat(calendar.getComponent("VTIMEZONE")).isPresent();
    assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
  }

  @Test
  void aLettersParagraphsRunOnWhileGreetingsListsAndClosingsKeepTheirLines() {
    String body = "Guten Tag Carl Vogt,\n\nIhr Fall wurde uns mit der Anregung eines Täter-Opfer-Ausgleichs übergeben: ein\n"
        + "vertrauliches Gespräch.\n\n  Wann: Dienstag\n  Wo:   Rathaus\n\nMit freundlichen Grüßen\nIhre Fachstelle\n";
    assertThat(DeliveringNotificationService.reflow(body)).isEqualTo("Guten Tag Carl Vogt,\n\nIhr Fall wurde uns mit der"
        + " Anregung eines Täter-Opfer-Ausgleichs übergeben: ein vertrauliches Gespräch.\n\n  Wann: Dienstag\n  Wo:   Rathaus\n\n"
        + "Mit freundlichen Grüßen\nIhre Fachstelle\n");
  }

  @Test
  void aFailureIsCertainOnlyWhenTheServerRefusedOrWasNotReached() {
    java.util.Map<Object, Exception> refused = java.util.Map.of(new Object(),
        new jakarta.mail.SendFailedException("550 mailbox unavailable"));
    assertThat(MailDelivery.certainlyNotDelivered(new org.springframework.mail.MailSendException("Mail server connection failed",
        new jakarta.mail.MessagingException("Could not connect", new java.net.ConnectException("refused"))))).isTrue();
    assertThat(MailDelivery.certainlyNotDelivered(new org.springframework.mail.MailSendException(refused))).isTrue();
    assertThat(MailDelivery.certainlyNotDelivered(new org.springframework.mail.MailAuthenticationException("535"))).isTrue();
    // A time-out waiting for the answer to DATA: the server may have stored the mail.
    java.util.Map<Object, Exception> timedOut = java.util.Map.of(new Object(),
        new jakarta.mail.MessagingException("Exception reading response", new java.net.SocketTimeoutException("Read timed out")));
    assertThat(MailDelivery.certainlyNotDelivered(new org.springframework.mail.MailSendException(timedOut))).isFalse();
  }

  @Test
  void onlyAServerThatCouldNotBeReachedMarksAMailAsWaitingForTheServer() {
    // No greeting within the time-out: Spring reports the connection failed, with the mail among its failed messages.
    Exception noGreeting = new jakarta.mail.MessagingException("Exception reading response",
        new java.net.SocketTimeoutException("Read timed out"));
    org.springframework.mail.MailSendException hung = new org.springframework.mail.MailSendException(
        "Mail server connection failed", noGreeting, java.util.Map.of(new Object(), noGreeting));
    assertThat(hung.getMessage()).startsWith("Mail server connection failed. Failed messages:");
    assertThat(MailDelivery.unreachable(hung)).isTrue();
    assertThat(MailDelivery.certainlyNotDelivered(hung)).as("nothing was handed over").isTrue();
    assertThat(MailDelivery.unreachable(new org.springframework.mail.MailSendException("x",
        new jakarta.mail.MessagingException("Could not connect", new java.net.ConnectException("refused"))))).isTrue();
    assertThat(MailDelivery.unreachable(new org.springframework.mail.MailSendException(java.util.Map.of(new Object(),
        new jakarta.mail.SendFailedException("550 mailbox unavailable"))))).isFalse();
    assertThat(MailDelivery.unreachable(new org.springframework.mail.MailSendException(java.util.Map.of(new Object(),
        new jakarta.mail.MessagingException("Exception reading response", new java.net.SocketTimeoutException("Read timed out"))))))
        .as("a time-out after DATA: outcome unknown, not an unreachable server").isFalse();
    assertThat(MailDelivery.DeliveryFailed.waitsForServer("Delivery failed: mail 'introduction' of case VOM-2026-00001 to O1 could"
        + " not be delivered to the SMTP server mail:25: the mail server could not be reached (MailSendException)")).isTrue();
    assertThat(MailDelivery.DeliveryFailed.waitsForServer("Delivery outcome unknown: mail 'introduction' of case VOM-2026-00001 to"
        + " O1 may or may not have reached the SMTP server mail:25; it is sent again with the same Message-ID (MailSendException)"))
        .isTrue();
    assertThat(MailDelivery.DeliveryFailed.waitsForServer("Delivery failed: mail 'introduction' of case VOM-2026-00001 to O1 could"
        + " not be delivered to the SMTP server mail:25 (MailSendException)")).as("refused by the server").isFalse();
    assertThat(MailDelivery.DeliveryFailed.waitsForServer("Delivery refused: the mail server could not be reached")).isFalse();
    assertThat(MailDelivery.DeliveryFailed.waitsForServer(null)).isFalse();
  }
}
