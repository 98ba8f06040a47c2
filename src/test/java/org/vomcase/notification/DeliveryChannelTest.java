package org.vomcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vomcase.document.DocumentService;
import org.vomcase.document.PdfRenderer;
import org.vomcase.document.Templates;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.kernel.ContactPolicy;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.SafeContact;
import org.vomcase.kernel.Side;

/**
 * Victim safety at the point of delivery: whatever a diagram or template asks for, a message never goes by a
 * channel the person's contact policy closes (a victim contacted in writing only gets no email; "do not write to
 * this address" gets no letter), for every message type that reaches a person; with no channel left the delivery
 * is refused (an incident), recorded, and nothing is sent.
 */
class DeliveryChannelTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

  /** The messages that go to persons of the case (not staff, not the referrer). */
  private static final List<String> TO_PERSONS = MessageCatalogue.MESSAGES.entrySet().stream()
      .filter(e -> e.getValue().stream().anyMatch(r -> List.of(MessageCatalogue.VICTIM, MessageCatalogue.OFFENDER,
          MessageCatalogue.PARTICIPANTS, MessageCatalogue.PARTIES).contains(r)))
      .map(Map.Entry::getKey).sorted().toList();

  /** What a diagram may ask for: nothing, or one of the channels. */
  private static final List<String> REQUESTS = new ArrayList<>(java.util.Arrays.asList(null, "email", "letter", "letter_only"));

  static Stream<Arguments> everyPersonMessageAndRequest() {
    return TO_PERSONS.stream().flatMap(message -> REQUESTS.stream().map(request -> Arguments.of(message, request)));
  }

  @ParameterizedTest(name = "{0}, diagram asks {1}: no email to a victim contacted in writing only")
  @MethodSource("everyPersonMessageAndRequest")
  void victimContactedInWritingOnlyNeverGetsAnEmail(String message, String request) {
    Recipient victim = recipient(victim(null), true, false);

    String channel = DeliveringNotificationService.channel(message(message, request), victim);

    assertThat(channel).isNotEqualTo(DeliveringNotificationService.EMAIL);
    assertThat(channel).isEqualTo("email".equals(request) ? null : DeliveringNotificationService.LETTER);
  }

  @ParameterizedTest(name = "{0}, diagram asks {1}: no letter to an address the person may not be written to")
  @MethodSource("everyPersonMessageAndRequest")
  void doNotWriteToThisAddressNeverGetsALetter(String message, String request) {
    Recipient victim = recipient(victim(new SafeContact(null, true, null, null)), false, false);

    String channel = DeliveringNotificationService.channel(message(message, request), victim);

    assertThat(channel).isNotEqualTo(DeliveringNotificationService.LETTER);
    assertThat(channel).isEqualTo(request != null && request.startsWith("letter") ? null : DeliveringNotificationService.EMAIL);
  }

  @Test
  void preferredChannelChoosesAmongTheAllowedOnes() {
    Recipient prefersLetters = recipient(victim(new SafeContact("letter", null, null, null)), false, false);
    Recipient noPreference = recipient(victim(null), false, false);

    assertThat(DeliveringNotificationService.channel(message("session-invitation", null), prefersLetters)).isEqualTo("letter");
    assertThat(DeliveringNotificationService.channel(message("session-invitation", null), noPreference)).isEqualTo("email");
  }

  @Test
  void letterOnlyIntroductionGoesByLetterToEveryoneButLaterMessagesMayBeMailed() {
    Recipient offenderIntroduced = recipient(offender(), false, true);
    Recipient offenderLater = recipient(offender(), false, false);

    assertThat(DeliveringNotificationService.channel(message("introduction", "letter_or_email"), offenderIntroduced))
        .isEqualTo("letter");
    assertThat(DeliveringNotificationService.channel(message("session-invitation", null), offenderLater)).isEqualTo("email");
  }

  @Test
  void guardianAtTheirOwnAddressMayBeWrittenToWhereTheMinorsHouseholdMayNot() {
    ContactPolicy minors = policy(victim(new SafeContact(null, true, null, null)), false, false);

    assertThat(minors.letter()).isFalse();
    assertThat(minors.withOwnAddress().letter()).isTrue();
    assertThat(minors.withOwnAddress().email()).isEqualTo(minors.email());
  }

  @Test
  void deliveryWithNoChannelLeftIsRefusedRecordedAndSendsNothing() {
    MailDelivery mail = mock(MailDelivery.class);
    MessageLog log = mock(MessageLog.class);
    DocumentService documents = mock(DocumentService.class);
    PdfRenderer pdf = mock(PdfRenderer.class);
    DeliveringNotificationService delivery = new DeliveringNotificationService(
        new Templates(org.vomcase.support.Configuration.demo("de_toa")), mail, log, documents, pdf);
    // Written only (no email) and "do not write to this address" (no letter): nothing may reach her.
    Recipient victim = recipient(victim(new SafeContact(null, true, null, null)), true, false);
    Map<String, Object> content = new HashMap<>(Map.of("caseNumber", "VOM-2026-00042", "personId", "V1"));
    OutgoingMessage invitation = new OutgoingMessage("VOM-2026-00042|introduction|1", "VOM-2026-00042", "pi-1",
        "introduction", MessageCatalogue.VICTIM, content, List.of(victim));

    assertThatThrownBy(() -> delivery.send(invitation))
        .isInstanceOf(DeliveringNotificationService.DeliveryRefused.class)
        .hasMessageContaining("to V1: no channel the case may use")
        .hasMessageContaining("contacted by letter only").hasMessageContaining("do not write to this address");

    verify(log).begin(eq("VOM-2026-00042|introduction|1|V1"), eq(invitation), eq(victim), eq("none"), any(), any(), any(),
        any(), eq(MessageLog.REFUSED));
    verify(log).refuse(eq("VOM-2026-00042|introduction|1|V1"), contains("Delivery refused"));
    verify(mail, never()).deliver(any());
    verify(documents, never()).store(anyString(), anyString(), anyString(), anyString(), anyString(), any());
  }

  private static OutgoingMessage message(String message, String requested) {
    Map<String, Object> content = new HashMap<>();
    if (requested != null) {
      content.put(DeliveringNotificationService.CHANNEL, requested);
    }
    return new OutgoingMessage("key", "VOM-2026-00042", "pi", message, MessageCatalogue.PARTICIPANTS, content, List.of());
  }

  private static Person victim(SafeContact safe) {
    return Person.referred(Side.VICTIM, 1, "Ana Roth", "ana@example.org", "+49 30 1234567", "Hauptstr. 1, 10115 Berlin", "de",
        LocalDate.of(1980, 4, 2), false, TODAY, List.of(), safe, null);
  }

  private static Person offender() {
    return Person.referred(Side.OFFENDER, 1, "Carl Vogt", "carl@example.org", null, "Ringstr. 2, 10115 Berlin", "de",
        LocalDate.of(1990, 1, 15), false, TODAY, List.of(), null, null);
  }

  /** The policy as the case makes it: the contact-order decision (written only, letter-only introduction) and the person. */
  private static ContactPolicy policy(Person person, boolean writtenOnly, boolean introduction) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CaseVariables.WRITTEN_ONLY.name(), writtenOnly);
    variables.put(CaseVariables.INTRODUCTION_CHANNEL.name(), "letter_only");
    return Case.of(variables).contactPolicy(person, introduction);
  }

  private static Recipient recipient(Person person, boolean writtenOnly, boolean introduction) {
    return new Recipient(person.personId(), person.name(), person.email(), person.postalAddress(), "de",
        policy(person, writtenOnly, introduction));
  }
}
