package org.vomcase.notification;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.vomcase.identity.StaffNames;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.Obligation;

/**
 * "Send notification" service tasks: input parameters {@code message} and {@code recipient} name
 * the message of the {@link MessageCatalogue} and its recipient role; every other input parameter
 * of the task is content for the message's template. The role is resolved to the case's persons by
 * {@link Recipients}. An {@code obligation} or {@code agreementItems} parameter is turned into items
 * the templates put into words. Runs after a transaction boundary (asyncBefore) with retries; the
 * idempotency key (case, activity, execution, recipient) makes a retried job send nothing twice.
 */
@Component("sendNotificationDelegate")
public class SendNotificationDelegate implements JavaDelegate {

  public static final String MESSAGE = "message";
  public static final String RECIPIENT = "recipient";
  /**
   * Optional input parameter naming a person whose own part of the case ended ({@code partsEnded}): the message gets
   * their name ({@code partEndedName}) and the items that ended with it ({@code itemsEnded}) in words.
   */
  public static final String PART_ENDED_OF = "partEndedOf";

  /**
   * Optional input parameter telling apart the visits of a task the same execution passes more than
   * once (a session rescheduled: {@code ${reschedules}}); a retry of the same visit keeps the value.
   */
  public static final String OCCURRENCE = "occurrence";

  private final NotificationService notifications;
  private final Recipients recipients;

  /**
   * One sending: case instance, activity, the execution the job runs in, recipient and the visit
   * ({@link #OCCURRENCE}); a retry has the same key. The execution's parent is used because a task with
   * input parameters is a scope: the engine gives it a new child execution on every attempt (the failed
   * attempt's is rolled back), while the execution that waited at the task before it stays the same.
   */
  public static String idempotencyKey(DelegateExecution execution, String recipient) {
    Object occurrence = execution.getVariableLocal(OCCURRENCE);
    String stable = execution.getParentId() != null ? execution.getParentId() : execution.getId();
    return String.join(":", execution.getProcessInstanceId(), execution.getCurrentActivityId(), stable, recipient)
        + (occurrence == null ? "" : ":" + occurrence);
  }

  @Autowired
  public SendNotificationDelegate(NotificationService notifications, Recipients recipients) {
    this.notifications = notifications;
    this.recipients = recipients;
  }

  /** With the English-speaking default programme (diagram tests). */
  public SendNotificationDelegate(NotificationService notifications) {
    this(notifications, new Recipients("en"));
  }

  @Override
  public void execute(DelegateExecution execution) {
    String message = (String) execution.getVariableLocal(MESSAGE);
    String recipient = (String) execution.getVariableLocal(RECIPIENT);
    MessageCatalogue.check(message, recipient);
    if (ReferrerReportDelegate.MESSAGE.equals(message)) {
      throw new IllegalArgumentException("Reports to the referrer are sent by referrerReportDelegate, whose content is an allow-list (R16)");
    }
    Case theCase = Case.seenFrom(execution);
    Obligation about = theCase.get(OBLIGATION);
    if (about != null && theCase.stopped(about)) {
      // A monitoring of an earlier diagram (before Item stopped) still running for an item that stopped when its
      // offender or victim withdrew: nothing more goes out about it.
      return;
    }
    Map<String, Object> content = new LinkedHashMap<>();
    content.put(CASE_NUMBER.name(), CASE_NUMBER.from(execution));
    content.put("mediatorName", StaffNames.displayName(theCase.get(LEAD_MEDIATOR),
        execution.getProcessEngineServices().getIdentityService()));
    if (MessageCatalogue.REFERRER.equals(recipient)) {
      org.vomcase.kernel.ReferrerOfRecord referrer = org.vomcase.kernel.ReferrerOfRecord.of(theCase);
      content.put("recipientName", referrer.name());
      content.put("recipientEmail", referrer.email());
      content.put(REFERRER_REFERENCE.name(), referrer.reference());
    }
    if ((MessageCatalogue.VICTIM.equals(recipient) || MessageCatalogue.OFFENDER.equals(recipient))
        && PERSON_NAME.isSet(execution)) {
      content.put("recipientName", PERSON_NAME.from(execution));
      content.put("recipientEmail", PERSON_EMAIL.from(execution));
    }
    execution.getVariablesLocal().forEach((name, value) -> {
      if (!MESSAGE.equals(name) && !RECIPIENT.equals(name) && !OCCURRENCE.equals(name)) {
        content.put(name, value);
      }
    });
    items(content, theCase);
    notifications.send(new OutgoingMessage(idempotencyKey(execution, recipient),
        CASE_NUMBER.from(execution), execution.getProcessInstanceId(), message, recipient,
        content, recipients.of(recipient, theCase, execution.getProcessEngineServices().getIdentityService(), message)));
  }

  /** The agreement or the obligation a message is about, as items the templates put into words. */
  private static void items(Map<String, Object> content, Case theCase) {
    Object obligation = content.remove(OBLIGATION.name());
    if (obligation != null) {
      content.put("item", theCase.words(OBLIGATION.read(obligation)));
    }
    Object partEndedOf = content.remove(PART_ENDED_OF);
    if (partEndedOf instanceof String personId) {
      // Whose part ended and what ended with it: the items and instalments that stopped, in words.
      theCase.partEnded(personId).ifPresent(part -> {
        content.put("partEndedName", theCase.person(personId).map(org.vomcase.kernel.Person::name).orElse(personId));
        java.util.Set<String> ended = java.util.Set.copyOf(part.itemsEnded());
        java.util.List<Map<String, Object>> stopped = theCase.obligations().stream()
            .filter(o -> ended.contains(o.obligationId())).map(theCase::words).toList();
        content.put("itemsEnded", stopped);
        content.put("someItemsEnded", !stopped.isEmpty());
      });
    }
    Object agreement = content.remove(AGREEMENT_ITEMS.name());
    if (agreement != null) {
      content.put("items", AGREEMENT_ITEMS.read(agreement).stream().map(theCase::words).toList());
    }
  }
}
