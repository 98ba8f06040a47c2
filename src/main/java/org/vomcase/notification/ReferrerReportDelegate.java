package org.vomcase.notification;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.Obligation;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.CaseVariables;

/**
 * "Report to the referrer" service tasks (R16): input parameter {@code report} names the occasion
 * (session, agreement, item_unfulfilled, closure); the content is {@link ReferrerReport}'s allow-list
 * and nothing else. A closed case reports from its record in the history ({@code caseInstanceId}).
 * Idempotent like every send: a retried job carries the same key.
 */
@Component("referrerReportDelegate")
public class ReferrerReportDelegate implements JavaDelegate {

  public static final String MESSAGE = "referrer-report";
  public static final String REPORT = "report";

  private final NotificationService notifications;
  private final Recipients recipients;

  @Autowired
  public ReferrerReportDelegate(NotificationService notifications, Recipients recipients) {
    this.notifications = notifications;
    this.recipients = recipients;
  }

  /** With the English-speaking default programme (diagram tests). */
  public ReferrerReportDelegate(NotificationService notifications) {
    this(notifications, new Recipients("en"));
  }

  /**
   * One report per accused person (each offender's proceedings are their own), each naming only that person and the
   * items they owe; an unfulfilled item is reported only in its offender's report. A case without offenders on record
   * (a case of an early version) gets one report about the case.
   */
  @Override
  public void execute(DelegateExecution execution) {
    String report = (String) execution.getVariableLocal(REPORT);
    Case theCase = Case.seenFrom(execution);
    String key = SendNotificationDelegate.idempotencyKey(execution, MessageCatalogue.REFERRER);
    List<Recipient> referrer = recipients.of(MessageCatalogue.REFERRER, theCase,
        execution.getProcessEngineServices().getIdentityService());
    List<Person> accused = theCase.offenders();
    Obligation unfulfilled = theCase.get(CaseVariables.OBLIGATION);
    if ("item_unfulfilled".equals(report) && unfulfilled != null) {
      if (theCase.stopped(unfulfilled)) {
        // A monitoring of an earlier diagram, still running for an item that stopped when its party withdrew.
        return;
      }
      accused = accused.stream().filter(person -> person.personId().equals(unfulfilled.offender())).toList();
    }
    if (accused.isEmpty()) {
      send(execution, key, ReferrerReport.build(report, theCase), referrer);
      return;
    }
    for (Person person : accused) {
      send(execution, key + "|" + person.personId(), ReferrerReport.build(report, theCase, person), referrer);
    }
  }

  private void send(DelegateExecution execution, String key, java.util.Map<String, Object> content, List<Recipient> referrer) {
    notifications.send(new OutgoingMessage(key, CaseVariables.CASE_NUMBER.from(execution), execution.getProcessInstanceId(),
        MESSAGE, MessageCatalogue.REFERRER, content, referrer));
  }
}
