package org.vomcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.vomcase.document.DocumentService;
import org.vomcase.document.PdfRenderer;
import org.vomcase.document.Templates;

/**
 * The delivery state machine of a mail (R22, at least once): every transition of {@code vom_message}, and a
 * "crash" after each step, simulated by leaving the row in the state the step wrote and running the job's
 * sending again. A mail is never skipped while its outcome is unknown; every attempt carries the same key,
 * hence the same Message-ID.
 */
class DeliveryStateMachineTest {

  private static final String KEY = "pi-1|introduction|exec-1|V1";

  private JdbcTemplate jdbc;
  private MessageLog log;
  private MailDelivery mail;
  private DocumentService documents;
  private DeliveringNotificationService delivery;
  private final List<String> deliveredKeys = new ArrayList<>();

  /** What a kill -9 during the SMTP session looks like to the code after it: nothing more runs. */
  static final class Crash extends Error {}

  @BeforeEach
  void setUp() {
    DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:messages-" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1", "sa", "");
    new ResourceDatabasePopulator(new ClassPathResource("schema.sql")).execute(dataSource);
    jdbc = new JdbcTemplate(dataSource);
    log = new MessageLog(jdbc, new DataSourceTransactionManager(dataSource));
    mail = mock(MailDelivery.class);
    documents = mock(DocumentService.class);
    PdfRenderer pdf = mock(PdfRenderer.class);
    when(pdf.render(anyString(), anyString())).thenReturn(new byte[] {1});
    when(documents.store(anyString(), anyString(), anyString(), anyString(), anyString(), any())).thenReturn("doc-1");
    delivery = new DeliveringNotificationService(new Templates(org.vomcase.support.Configuration.demo("de_toa")), mail, log,
        documents, pdf);
  }

  @Test
  void aMailTakenByTheServerIsSentAndNotSentAgain() {
    delivers();
    assertThat(delivery.send(introduction("ana@example.org"))).isTrue();
    assertThat(state()).isEqualTo(MessageLog.SENT);

    // A crash after "sent" was recorded: the job runs again and skips her.
    assertThat(delivery.send(introduction("ana@example.org"))).isFalse();
    assertThat(deliveredKeys).containsExactly(KEY);
    assertThat(log.ofCase("VOM-2026-00042")).singleElement().satisfies(e -> assertThat(e.sentAt()).isNotNull());
  }

  @Test
  void aMailCertainlyNotDeliveredFailsAndIsSentOnTheRetry() {
    doThrow(failure(false)).when(mail).deliver(any());
    assertThatThrownBy(() -> delivery.send(introduction("ana@example.org"))).isInstanceOf(MailDelivery.DeliveryFailed.class);
    assertThat(state()).isEqualTo(MessageLog.FAILED);
    assertThat(error()).startsWith("Delivery failed");

    // The retry (the row left at "failed", also when the job crashed right after recording it).
    delivers();
    assertThat(delivery.send(introduction("ana@example.org"))).isTrue();
    assertThat(state()).isEqualTo(MessageLog.SENT);
    assertThat(error()).isNull();
  }

  @Test
  void aTimeOutDuringTheSessionLeavesTheOutcomeUnknownAndTheRetryResendsWithTheSameKey() {
    doThrow(failure(true)).when(mail).deliver(any());
    assertThatThrownBy(() -> delivery.send(introduction("ana@example.org"))).isInstanceOf(MailDelivery.DeliveryFailed.class)
        .hasMessageContaining("Delivery outcome unknown");
    assertThat(state()).isEqualTo(MessageLog.UNKNOWN);
    assertThat(error()).contains("same Message-ID");

    delivers();
    assertThat(delivery.send(introduction("ana@example.org"))).isTrue();
    assertThat(state()).isEqualTo(MessageLog.RESENT);
    assertThat(deliveredKeys).containsExactly(KEY);
    verify(mail, times(2)).deliver(any());
  }

  @Test
  void aCrashWhileSendingIsNeverSkipped_theMailIsMarkedUnknownAndResentWithTheSameKey() {
    doThrow(new Crash()).when(mail).deliver(any());
    assertThatThrownBy(() -> delivery.send(introduction("ana@example.org"))).isInstanceOf(Crash.class);
    assertThat(state()).isEqualTo(MessageLog.SENDING);

    // The job runs again (after the lock expired): the row is still "sending".
    List<String> statesDuringResend = new ArrayList<>();
    doAnswer(call -> {
      statesDuringResend.add(state());
      deliveredKeys.add(call.<MailDelivery.Mail>getArgument(0).key());
      return null;
    }).when(mail).deliver(any());
    assertThat(delivery.send(introduction("ana@example.org"))).isTrue();
    assertThat(statesDuringResend).containsExactly(MessageLog.RESENDING);
    assertThat(state()).isEqualTo(MessageLog.RESENT);
    assertThat(deliveredKeys).containsExactly(KEY);
  }

  @Test
  void aCrashDuringTheResendIsCaughtTheSameWay() {
    doThrow(failure(true)).when(mail).deliver(any());
    assertThatThrownBy(() -> delivery.send(introduction("ana@example.org")));
    doThrow(new Crash()).when(mail).deliver(any());
    assertThatThrownBy(() -> delivery.send(introduction("ana@example.org"))).isInstanceOf(Crash.class);
    assertThat(state()).isEqualTo(MessageLog.RESENDING);

    delivers();
    assertThat(delivery.send(introduction("ana@example.org"))).isTrue();
    assertThat(state()).isEqualTo(MessageLog.RESENT);
    verify(mail, times(3)).deliver(any());
  }

  @Test
  void onceTheOutcomeWasUnknownEveryLaterDeliveryIsAResend() {
    doThrow(failure(true)).when(mail).deliver(any());
    assertThatThrownBy(() -> delivery.send(introduction("ana@example.org")));
    doThrow(failure(false)).when(mail).deliver(any());
    assertThatThrownBy(() -> delivery.send(introduction("ana@example.org")));
    assertThat(state()).isEqualTo(MessageLog.FAILED);

    delivers();
    assertThat(delivery.send(introduction("ana@example.org"))).isTrue();
    assertThat(state()).isEqualTo(MessageLog.RESENT);
  }

  @Test
  void interruptedMarksOnlyARowInFlight() {
    delivers();
    delivery.send(introduction("ana@example.org"));
    assertThat(log.interrupted(KEY)).isFalse();
    assertThat(state()).isEqualTo(MessageLog.SENT);
    assertThat(log.interrupted("no such key")).isFalse();
  }

  @Test
  void aLetterIsUnaffected_toPostThenPosted_andNeverSentByMail() {
    OutgoingMessage letter = introduction(null);
    assertThat(delivery.send(letter)).isTrue();
    assertThat(state()).isEqualTo(MessageLog.TO_POST);
    // The job runs again: the letter is not written twice.
    assertThat(delivery.send(letter)).isFalse();
    verify(documents, times(1)).store(anyString(), anyString(), anyString(), anyString(), anyString(), any());

    log.posted(log.ofCase("VOM-2026-00042").get(0).id(), "mediator1");
    assertThat(state()).isEqualTo(MessageLog.POSTED);
    verify(mail, never()).deliver(any());
  }

  @Test
  void theCaseFileShowsTheStateAsRecorded() {
    doThrow(failure(true)).when(mail).deliver(any());
    assertThatThrownBy(() -> delivery.send(introduction("ana@example.org")));
    assertThat(log.ofCase("VOM-2026-00042")).singleElement().satisfies(e -> {
      assertThat(e.status()).isEqualTo(MessageLog.UNKNOWN);
      assertThat(e.error()).contains("may or may not have reached");
    });
  }

  private void delivers() {
    doAnswer(call -> {
      deliveredKeys.add(call.<MailDelivery.Mail>getArgument(0).key());
      return null;
    }).when(mail).deliver(any());
  }

  private static MailDelivery.DeliveryFailed failure(boolean outcomeUnknown) {
    return new MailDelivery.DeliveryFailed(new MailDelivery.Mail(KEY, "VOM-2026-00042", "introduction", "V1", "ana@example.org",
        "Ana Roth", "s", "b", List.of()), "SMTP server mail:25", new SocketTimeoutException("Read timed out"), outcomeUnknown, false);
  }

  private String state() {
    return jdbc.queryForObject("SELECT status FROM vom_message WHERE idempotency_key = ?", String.class, KEY);
  }

  private String error() {
    return jdbc.queryForObject("SELECT error FROM vom_message WHERE idempotency_key = ?", String.class, KEY);
  }

  private static OutgoingMessage introduction(String email) {
    Map<String, Object> content = new HashMap<>(Map.of("caseNumber", "VOM-2026-00042", "personId", "V1"));
    return new OutgoingMessage("pi-1|introduction|exec-1", "VOM-2026-00042", "pi-1", "introduction", MessageCatalogue.VICTIM,
        content, List.of(new Recipient("V1", "Ana Roth", email, "Hauptstr. 1, 10115 Berlin", "de")));
  }
}
