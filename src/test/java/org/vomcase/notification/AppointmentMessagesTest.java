package org.vomcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.vomcase.document.DocumentService;
import org.vomcase.document.PdfRenderer;
import org.vomcase.document.Templates;
import org.vomcase.kernel.ContactPolicy;
import org.vomcase.settings.VomProperties;

/**
 * Indirect (shuttle) mediation, one appointment per party: each party's calendar file has its own UID (stable
 * across changes, different for every person), its SEQUENCE grows with every change, a cancellation is {@code
 * METHOD:CANCEL} with the same UID; and the mail a party gets names their own appointment, nothing of the other's.
 */
class AppointmentMessagesTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final OffsetDateTime VICTIM_AT = OffsetDateTime.parse("2026-03-12T10:00+01:00");
  private static final OffsetDateTime OFFENDER_AT = OffsetDateTime.parse("2026-03-13T15:00+01:00");

  @Test
  void eachPartysAppointmentHasItsOwnUidStableAcrossChanges() throws Exception {
    VEvent first = event(CalendarInvitation.appointment("VOM-2026-00042", "V1", 0, VICTIM_AT, BERLIN, "Appointment", "Office", false));
    VEvent moved = event(CalendarInvitation.appointment("VOM-2026-00042", "V1", 1, VICTIM_AT.plusDays(2), BERLIN, "Appointment",
        "Office, room 4", false));
    VEvent offenders = event(CalendarInvitation.appointment("VOM-2026-00042", "O1", 0, OFFENDER_AT, BERLIN, "Appointment", "Elsewhere",
        false));

    assertThat(uid(first)).isEqualTo(uid(moved)).isEqualTo(CalendarInvitation.appointmentUid("VOM-2026-00042", "V1"))
        .isNotEqualTo(uid(offenders)).isNotEqualTo(CalendarInvitation.uid("VOM-2026-00042")).doesNotContain("VOM", "V1");
    assertThat(first.getSequence().getSequenceNo()).isZero();
    assertThat(moved.getSequence().getSequenceNo()).isEqualTo(1);
    assertThat(moved.getDateTimeStart().getValue()).isEqualTo("20260314T100000");
    assertThat(moved.getLocation().getValue()).isEqualTo("Office, room 4");
  }

  @Test
  void aCancellationWithdrawsTheSameEntryWithAHigherSequence() throws Exception {
    byte[] ics = CalendarInvitation.appointment("VOM-2026-00042", "O1", 2, OFFENDER_AT, BERLIN, "Cancelled", "Elsewhere", true);

    Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(ics));
    VEvent event = calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
    assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
    assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
    assertThat(uid(event)).isEqualTo(CalendarInvitation.appointmentUid("VOM-2026-00042", "O1"));
    assertThat(event.getSequence().getSequenceNo()).isEqualTo(2);
    byte[] invitation = CalendarInvitation.appointment("VOM-2026-00042", "O1", 1, OFFENDER_AT, BERLIN, "Invite", "Elsewhere", false);
    assertThat(new String(invitation, StandardCharsets.UTF_8)).contains("METHOD:REQUEST").doesNotContain("STATUS:CANCELLED");
  }

  @Test
  void theOffendersMailNamesHisOwnAppointmentOnlyWithHisOwnCalendarFile() throws Exception {
    MailDelivery.Mail mail = deliver("appointment-invitation", offenderContent(0, false));

    assertThat(mail.to()).isEqualTo("carl@example.org");
    assertThat(mail.subject()).isEqualTo("Your appointment with your mediator on Friday, March 13, 2026, 15:00");
    assertThat(mail.body()).contains("Where: Mediation office").contains("you do not meet the other side")
        .doesNotContain("Victim support office", "March 12", "10:00", "Ana");
    assertThat(mail.attachments()).singleElement().satisfies(attachment -> {
      assertThat(attachment.fileName()).isEqualTo(CalendarInvitation.APPOINTMENT_FILE_NAME);
      assertThat(attachment.mediaType()).contains("method=REQUEST");
      VEvent event = event(attachment.bytes());
      assertThat(uid(event)).isEqualTo(CalendarInvitation.appointmentUid("VOM-2026-00042", "O1"));
      assertThat(event.getLocation().getValue()).isEqualTo("Mediation office");
      assertThat(new String(attachment.bytes(), StandardCharsets.UTF_8)).doesNotContain("Victim support office", "T100000");
    });
  }

  @Test
  void aChangeIsAnUpdateAndACancellationACancelOfTheSameEntry() throws Exception {
    MailDelivery.Mail update = deliver("appointment-invitation", offenderContent(1, true));
    assertThat(update.subject()).startsWith("Changed: ");
    assertThat(update.body()).contains("your appointment has changed");
    assertThat(event(update.attachments().get(0).bytes()).getSequence().getSequenceNo()).isEqualTo(1);

    MailDelivery.Mail cancellation = deliver("appointment-cancellation", offenderContent(2, true));
    assertThat(cancellation.subject()).startsWith("Cancelled: ");
    assertThat(cancellation.attachments()).singleElement().satisfies(attachment -> {
      assertThat(attachment.mediaType()).contains("method=CANCEL");
      assertThat(new String(attachment.bytes(), StandardCharsets.UTF_8)).contains("METHOD:CANCEL");
      assertThat(uid(event(attachment.bytes()))).isEqualTo(CalendarInvitation.appointmentUid("VOM-2026-00042", "O1"));
    });
  }

  /** What the diagram's task passes for the offender O1's appointment. */
  private static Map<String, Object> offenderContent(int sequence, boolean changed) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("caseNumber", "VOM-2026-00042");
    content.put("mediatorName", "Mara Jensen");
    content.put("appointmentFor", "O1");
    content.put("appointmentStart", OFFENDER_AT.toString());
    content.put("appointmentPlace", "Mediation office");
    content.put("appointmentSequence", sequence);
    content.put("appointmentChanged", changed);
    return content;
  }

  private static MailDelivery.Mail deliver(String message, Map<String, Object> content) {
    MailDelivery mail = mock(MailDelivery.class);
    Templates templates = new Templates(org.vomcase.support.Configuration.demo("de_toa"));
    DeliveringNotificationService service = new DeliveringNotificationService(templates, mail, mock(MessageLog.class),
        mock(DocumentService.class), mock(PdfRenderer.class));
    service.send(new OutgoingMessage("pi:Task:exec:offender:" + content.get("appointmentSequence"), "VOM-2026-00042", "pi", message,
        MessageCatalogue.PARTICIPANT, content,
        List.of(new Recipient("O1", "Carl Vogt", "carl@example.org", null, "en", ContactPolicy.OPEN))));
    ArgumentCaptor<MailDelivery.Mail> sent = ArgumentCaptor.forClass(MailDelivery.Mail.class);
    verify(mail).deliver(sent.capture());
    return sent.getValue();
  }

  private static VEvent event(byte[] ics) throws Exception {
    return new CalendarBuilder().build(new ByteArrayInputStream(ics)).getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
  }

  private static String uid(VEvent event) {
    return event.getUid().orElseThrow().getValue();
  }
}
