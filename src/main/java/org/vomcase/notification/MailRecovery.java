package org.vomcase.notification;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseClock;

/**
 * A mail server back after an outage gets the waiting mails within a minute, without anyone clicking (R22).
 *
 * <p>While the server cannot be reached (no connection, no greeting), each mail's job fails ("the mail server could not be reached"), waits
 * for its retry cycle ({@code R3/PT5M}) and after the third try becomes an incident. Every {@code
 * vom.mail.recovery-check} (15 s) a node whose job executor runs looks for such jobs; when there are any, it
 * asks the mail server whether it answers (connection, greeting, login, QUIT: no mail), and when it does, makes
 * each of them due now (an incident's job gets one retry, which resolves the incident). The job executor then
 * sends them within seconds, each with its own Message-ID as always.
 *
 * <p>The same holds for a mail whose outcome is unknown (a time-out after the mail was handed over: the server may
 * have stored it and confirmed too late): it is sent again with the same Message-ID, at once when the server
 * answers rather than five minutes later, so the recipient may hold it twice, recognisable as one. A mail the
 * server refused (an unknown mailbox) keeps its retry cycle and ends as an incident for an operator, and a
 * refused channel (victim safety) is never retried by this. A job with tries left is only made due earlier (its
 * retry cycle still counts its tries); an incident gets its extra try at most {@value #MOST_INCIDENT_RETRIES} times
 * while the server answers: when it fails again although the server answered (a server that greets but does not take
 * the mail, or keeps confirming too late), it stays an incident for an operator instead of being sent again every
 * 15 s forever; it gets tries again only after the server has been seen unreachable anew (another outage). On several
 * nodes each does the same; a job another node changes at the same moment is left to it.
 */
@Component
@EnableScheduling
public class MailRecovery {

  private static final Logger LOG = LoggerFactory.getLogger(MailRecovery.class);

  /** Failed jobs read per query, and the most looked at per check (more are taken at the next check). */
  static final int PAGE = 500;
  static final int MOST = 20 * PAGE;

  private final ManagementService management;
  private final JobExecutor jobExecutor;
  private final MailDelivery mail;
  private volatile boolean reportedDown;
  /** How often an incident gets one more try while the server answers, until the server is seen unreachable again. */
  static final int MOST_INCIDENT_RETRIES = 3;

  /** The incidents given a try since the server was last seen unreachable, and how often. */
  private final Map<String, Integer> incidentRetries = new ConcurrentHashMap<>();

  @org.springframework.beans.factory.annotation.Autowired
  public MailRecovery(ProcessEngine engine, MailDelivery mail) {
    this(engine.getManagementService(),
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor(), mail);
  }

  MailRecovery(ManagementService management, JobExecutor jobExecutor, MailDelivery mail) {
    this.management = management;
    this.jobExecutor = jobExecutor;
    this.mail = mail;
  }

  /** The periodic check, on nodes whose job executor runs (the nodes that would send the mails). */
  @Scheduled(initialDelayString = "${vom.mail.recovery-check:PT15S}", fixedDelayString = "${vom.mail.recovery-check:PT15S}")
  void check() {
    if (jobExecutor == null || !jobExecutor.isActive()) {
      return;
    }
    try {
      drain();
    } catch (RuntimeException e) {
      // The database may be away for a moment; the next check tries again.
      LOG.warn("Looking for mails that wait for the mail server failed: {}", e.getMessage());
    }
  }

  /**
   * When mails wait because the mail server could not be reached and it answers now, makes them due now.
   * Returns how many were made due.
   */
  public int drain() {
    List<Job> waiting = waitingForMailServer();
    if (waiting.isEmpty()) {
      reportedDown = false;
      incidentRetries.clear();
      return 0;
    }
    if (!mail.reachable()) {
      // An outage: what fails from now on failed because of it, and gets its tries again when it ends.
      incidentRetries.clear();
      if (!reportedDown) {
        LOG.warn("{} mail job(s) wait for the mail server ({}), which still cannot be reached", waiting.size(),
            mail.destination());
        reportedDown = true;
      }
      return 0;
    }
    reportedDown = false;
    incidentRetries.keySet().retainAll(waiting.stream().map(Job::getId).toList());
    int due = 0;
    int again = 0;
    for (Job job : waiting) {
      if (job.getRetries() == 0 && incidentRetries.getOrDefault(job.getId(), 0) >= MOST_INCIDENT_RETRIES) {
        // It failed again each time although the server answered: an incident for an operator, not a loop.
        again++;
        continue;
      }
      try {
        if (job.getRetries() == 0) {
          // An incident: one more try resolves it (its due date is its last failure: RetryAtOncePlugin).
          management.setJobRetries(job.getId(), 1);
          incidentRetries.merge(job.getId(), 1, Integer::sum);
        } else {
          management.setJobDuedate(job.getId(), Date.from(CaseClock.now().toInstant()));
        }
        due++;
      } catch (ProcessEngineException changedMeanwhile) {
        LOG.debug("Job {} changed while it was made due: {}", job.getId(), changedMeanwhile.getMessage());
      }
    }
    if (due > 0) {
      LOG.info("The mail server ({}) answers again: {} waiting mail job(s) are sent now", mail.destination(), due);
    }
    if (again > 0) {
      LOG.debug("{} mail incident(s) failed again each time although the mail server answers; left to an operator", again);
    }
    return due;
  }

  /** The failed jobs whose mail waits for the mail server (the jobs' failure message says so). */
  List<Job> waitingForMailServer() {
    List<Job> waiting = new ArrayList<>();
    for (int first = 0; first < MOST; first += PAGE) {
      List<Job> failed = management.createJobQuery().withException().orderByJobId().asc().listPage(first, PAGE);
      for (Job job : failed) {
        if (MailDelivery.DeliveryFailed.waitsForServer(job.getExceptionMessage())) {
          waiting.add(job);
        }
      }
      if (failed.size() < PAGE) {
        break;
      }
    }
    return waiting;
  }
}
