package org.vomcase.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.vomcase.process.CaseRecord;
import org.vomcase.process.CaseVariables;

/**
 * "Send notification" service tasks: input parameters {@code message} and {@code recipient} name
 * the message of the {@link MessageCatalogue} and its recipient role; every other input parameter
 * of the task is content for the message's template. Runs after a transaction boundary
 * (asyncBefore) with retries; the idempotency key (case, activity, execution, recipient) makes a
 * retried job send nothing twice.
 */
@Component("sendNotificationDelegate")
public class SendNotificationDelegate implements JavaDelegate {

  public static final String MESSAGE = "message";
  public static final String RECIPIENT = "recipient";

  /**
   * Optional input parameter telling apart the visits of a task the same execution passes more than
   * once (a session rescheduled: {@code ${reschedules}}); a retry of the same visit keeps the value.
   */
  public static final String OCCURRENCE = "occurrence";

  private final NotificationService notifications;
  private final CaseRecord caseRecord = new CaseRecord();

  /** One sending: case instance, activity, execution, recipient and the visit ({@link #OCCURRENCE}); a retry has the same key. */
  public static String idempotencyKey(DelegateExecution execution, String recipient) {
    Object occurrence = execution.getVariableLocal(OCCURRENCE);
    return String.join(":", execution.getProcessInstanceId(), execution.getCurrentActivityId(), execution.getId(),
        recipient) + (occurrence == null ? "" : ":" + occurrence);
  }

  public SendNotificationDelegate(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String message = (String) execution.getVariableLocal(MESSAGE);
    String recipient = (String) execution.getVariableLocal(RECIPIENT);
    MessageCatalogue.check(message, recipient);
    if (ReferrerReportDelegate.MESSAGE.equals(message)) {
      throw new IllegalArgumentException("Reports to the referrer are sent by referrerReportDelegate, whose content is an allow-list (R16)");
    }
    Map<String, Object> content = new LinkedHashMap<>();
    content.put(CaseVariables.CASE_NUMBER, execution.getVariable(CaseVariables.CASE_NUMBER));
    if (MessageCatalogue.REFERRER.equals(recipient)) {
      // A closed case's retention process keeps no personal data: the referrer is in the case's record in the history.
      Object caseInstanceId = execution.getVariable(CaseVariables.CASE_INSTANCE_ID);
      Function<String, Object> referrer = caseInstanceId == null ? execution::getVariable
          : caseRecord.of(caseInstanceId.toString(), execution.getProcessEngineServices().getHistoryService());
      content.put("recipientName", referrer.apply(CaseVariables.REFERRER_NAME));
      content.put("recipientEmail", referrer.apply(CaseVariables.REFERRER_EMAIL));
      content.put(CaseVariables.REFERRER_REFERENCE, referrer.apply(CaseVariables.REFERRER_REFERENCE));
    }
    if ((MessageCatalogue.VICTIM.equals(recipient) || MessageCatalogue.OFFENDER.equals(recipient))
        && execution.getVariable(CaseVariables.PERSON_NAME) != null) {
      content.put("recipientName", execution.getVariable(CaseVariables.PERSON_NAME));
      content.put("recipientEmail", execution.getVariable(CaseVariables.PERSON_EMAIL));
    }
    execution.getVariablesLocal().forEach((name, value) -> {
      if (!MESSAGE.equals(name) && !RECIPIENT.equals(name) && !OCCURRENCE.equals(name)) {
        content.put(name, value);
      }
    });
    String key = idempotencyKey(execution, recipient);
    notifications.send(new OutgoingMessage(key, (String) execution.getVariable(CaseVariables.CASE_NUMBER),
        execution.getProcessInstanceId(), message, recipient, content));
  }
}
