package org.vomcase.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.Case;
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

  @Override
  public void execute(DelegateExecution execution) {
    String report = (String) execution.getVariableLocal(REPORT);
    Case theCase = Case.seenFrom(execution);
    notifications.send(new OutgoingMessage(SendNotificationDelegate.idempotencyKey(execution, MessageCatalogue.REFERRER),
        CaseVariables.CASE_NUMBER.from(execution), execution.getProcessInstanceId(), MESSAGE,
        MessageCatalogue.REFERRER, ReferrerReport.build(report, theCase),
        recipients.of(MessageCatalogue.REFERRER, theCase, execution.getProcessEngineServices().getIdentityService())));
  }
}
