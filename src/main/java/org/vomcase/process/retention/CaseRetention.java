package org.vomcase.process.retention;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vomcase.document.DocumentService;
import org.vomcase.kernel.CaseProcess;

/**
 * Retention and deletion of a closed case's personal data (R20). The case's history (the case, the
 * processes it called and its case-event records: every process instance with the case number as
 * business key) gets the deletion date as its removal time, so the engine's history cleanup removes
 * it then even if nothing else runs; at that date the retention process deletes it at once, with the
 * decisions and the operation log of those instances, the case's documents (generated and uploaded), its notes (plain and
 * confidential) and its messages. The
 * anonymous figures ({@code vom_case_figures}) stay.
 */
@Service
public class CaseRetention {

  private static final Logger LOG = LoggerFactory.getLogger(CaseRetention.class);

  private final HistoryService history;
  private final JdbcTemplate jdbc;
  private final DocumentService documents;

  private final org.vomcase.notification.MailDelivery mail;

  private final org.vomcase.audit.AuditLog audit;
  private final org.vomcase.confidential.ConfidentialNotes confidentialNotes;
  private final org.vomcase.casefile.CaseNotes caseNotes;
  private final org.vomcase.access.CaseAccess caseAccess;
  private final org.vomcase.access.CaseRegistry registry;

  public CaseRetention(HistoryService history, JdbcTemplate jdbc, DocumentService documents,
      org.vomcase.notification.MailDelivery mail, org.vomcase.audit.AuditLog audit,
      org.vomcase.confidential.ConfidentialNotes confidentialNotes, org.vomcase.casefile.CaseNotes caseNotes,
      org.vomcase.access.CaseAccess caseAccess, org.vomcase.access.CaseRegistry registry) {
    this.caseNotes = caseNotes;
    this.caseAccess = caseAccess;
    this.registry = registry;
    this.audit = audit;
    this.confidentialNotes = confidentialNotes;
    this.history = history;
    this.jdbc = jdbc;
    this.documents = documents;
    this.mail = mail;
  }

  /** The case's finished process instances (not the retention process itself). */
  public List<String> caseInstances(String caseNumber, String retentionInstanceId) {
    HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber);
    List<String> ids = new ArrayList<>();
    for (HistoricProcessInstance instance : query.list()) {
      if (!instance.getId().equals(retentionInstanceId) && !CaseProcess.RETENTION_KEY.equals(instance.getProcessDefinitionKey())) {
        ids.add(instance.getId());
      }
    }
    return ids;
  }

  /** Sets the case history's removal time to the deletion date (a batch the job executor runs). */
  public void scheduleHistoryRemoval(String caseNumber, String retentionInstanceId, Date deleteAt) {
    List<String> ids = caseInstances(caseNumber, retentionInstanceId);
    if (ids.isEmpty()) {
      return;
    }
    history.setRemovalTimeToHistoricProcessInstances().absoluteRemovalTime(deleteAt).byIds(ids.toArray(String[]::new))
        .executeAsync();
    LOG.info("History of case {} ({} process instances) will be removed on {}", caseNumber, ids.size(), deleteAt);
  }

  /** Deletes everything personal the system keeps of the case; returns what was deleted, for the log. */
  public String deleteCase(String caseNumber, String retentionInstanceId) {
    List<String> ids = caseInstances(caseNumber, retentionInstanceId);
    int decisions = 0;
    int logEntries = 0;
    for (String id : ids) {
      for (var decision : history.createHistoricDecisionInstanceQuery().processInstanceId(id).list()) {
        history.deleteHistoricDecisionInstanceByInstanceId(decision.getId());
        decisions++;
      }
      for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(id).list()) {
        history.deleteUserOperationLogEntry(entry.getId());
        logEntries++;
      }
    }
    // The mediators' authorizations on the case, its tasks and their history go with it.
    List<String> resources = new ArrayList<>(ids);
    for (String id : ids) {
      history.createHistoricTaskInstanceQuery().processInstanceId(id).list().forEach(task -> resources.add(task.getId()));
    }
    int grants = caseAccess.forget(resources);
    if (!ids.isEmpty()) {
      history.deleteHistoricProcessInstancesIfExists(ids);
    }
    int messages = jdbc.update("DELETE FROM vom_message WHERE case_number = ?", caseNumber);
    int documentCount = documents.deleteCase(caseNumber);
    int dropped = mail.deleteCase(caseNumber);
    audit.deleteCase(caseNumber);
    int notes = confidentialNotes.deleteCase(caseNumber);
    int plainNotes = caseNotes.deleteCase(caseNumber);
    registry.forget(caseNumber, org.vomcase.kernel.CaseClock.now().toOffsetDateTime());
    String summary = ids.size() + " process instances, " + decisions + " decisions, " + logEntries + " log entries, "
        + messages + " messages, " + documentCount + " documents (generated and uploaded), " + notes + " confidential notes, "
        + plainNotes + " notes, " + grants + " authorizations, " + dropped + " mail-drop files";
    LOG.info("Personal data of case {} deleted: {}", caseNumber, summary);
    return summary;
  }
}
