package org.vomcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mail recovery makes a waiting mail due once per outage, never a refused one, and never in a loop. */
class MailRecoveryTest {

  private static final String UNREACHABLE = "Delivery failed: mail 'introduction' of case VOM-2026-00001 to offender1 could"
      + " not be delivered to the mail server smtp.example:25" + MailDelivery.DeliveryFailed.UNREACHABLE + " (MailSendException)";
  private static final String UNKNOWN = "Delivery outcome unknown: mail 'introduction' of case VOM-2026-00001 to victim1 may or"
      + " may not have reached the mail server smtp.example:25; it is sent again with the same Message-ID (MailSendException)";
  private static final String REFUSED = "Delivery refused: message 'introduction' of case VOM-2026-00001 to victim1: no channel"
      + " the case may use (no contact by email)";

  private final ManagementService management = mock(ManagementService.class);
  private final JobQuery query = mock(JobQuery.class, RETURNS_SELF);
  private final MailDelivery mail = mock(MailDelivery.class);
  private final MailRecovery recovery = new MailRecovery(management, null, mail);

  @BeforeEach
  void jobs() {
    when(management.createJobQuery()).thenReturn(query);
    when(mail.destination()).thenReturn("mail server smtp.example:25");
  }

  private void failed(Job... jobs) {
    when(query.listPage(anyInt(), anyInt())).thenReturn(List.of(jobs));
  }

  private static Job job(String id, String message, int retries) {
    Job job = mock(Job.class);
    when(job.getId()).thenReturn(id);
    when(job.getExceptionMessage()).thenReturn(message);
    when(job.getRetries()).thenReturn(retries);
    return job;
  }

  @Test
  void aRefusedChannelIsNeverMadeDue() {
    when(mail.reachable()).thenReturn(true);
    failed(job("refused", REFUSED, 0), job("refused-retrying", REFUSED, 2));
    assertThat(recovery.drain()).isZero();
    verify(management, never()).setJobRetries(any(String.class), anyInt());
    verify(management, never()).setJobDuedate(any(String.class), any(Date.class));
  }

  @Test
  void anIncidentThatFailsAgainWhileTheServerAnswersGetsAFewTriesNotALoop() {
    when(mail.reachable()).thenReturn(true);
    failed(job("incident", UNKNOWN, 0), job("retrying", UNREACHABLE, 2));
    assertThat(recovery.drain()).isEqualTo(2);
    verify(management).setJobRetries("incident", 1);
    verify(management).setJobDuedate(eq("retrying"), any(Date.class));

    // Both fail again each time although the server answers (it greets, but confirms too late): before, the incident
    // was resolved and raised again, and the same mail sent again, every 15 s forever. A job with tries left is made due
    // (its retry cycle counts its tries, it ends as an incident); an incident gets a few more tries, then stays one.
    failed(job("incident", UNKNOWN, 0), job("retrying", UNREACHABLE, 1));
    for (int check = 0; check < 20; check++) {
      recovery.drain();
    }
    verify(management, times(MailRecovery.MOST_INCIDENT_RETRIES)).setJobRetries("incident", 1);

    // A new outage, and the server is back: its tries again.
    when(mail.reachable()).thenReturn(false);
    assertThat(recovery.drain()).isZero();
    when(mail.reachable()).thenReturn(true);
    recovery.drain();
    verify(management, times(MailRecovery.MOST_INCIDENT_RETRIES + 1)).setJobRetries("incident", 1);
  }
}
