package org.vomcase.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vomcase.identity.StaffNames;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseVariables;

/**
 * Timeout task listener (R23): when a task is still open at its due date, reminds whoever holds it:
 * the assigned mediator, or the coordinators for a task offered to them. Runs in the timer's job, so
 * a failing send is retried and ends in an incident; the key (task, due date) sends each reminder once.
 */
@Component("taskOverdueReminder")
public class TaskOverdueReminder implements TaskListener {

  public static final String MESSAGE = "task-overdue";

  private final NotificationService notifications;
  private final Recipients recipients;

  @org.springframework.beans.factory.annotation.Autowired
  public TaskOverdueReminder(NotificationService notifications, Recipients recipients) {
    this.notifications = notifications;
    this.recipients = recipients;
  }

  /** With the English-speaking default programme (diagram tests). */
  public TaskOverdueReminder(NotificationService notifications) {
    this(notifications, new Recipients("en"));
  }

  @Override
  public void notify(DelegateTask task) {
    String recipient = task.getAssignee() != null ? MessageCatalogue.MEDIATOR : MessageCatalogue.COORDINATORS;
    Map<String, Object> content = new LinkedHashMap<>();
    content.put(CaseVariables.CASE_NUMBER.name(), CaseVariables.CASE_NUMBER.from(task));
    content.put("task", task.getName());
    content.put("assignee", task.getAssignee());
    content.put("dueDate", task.getDueDate() == null ? null : task.getDueDate().toInstant().toString());
    var identity = task.getProcessEngineServices().getIdentityService();
    content.put("mediatorName", StaffNames.displayName(CaseVariables.LEAD_MEDIATOR.from(task), identity));
    notifications.send(new OutgoingMessage(String.join(":", task.getId(), MESSAGE, String.valueOf(task.getDueDate())),
        CaseVariables.CASE_NUMBER.from(task), task.getProcessInstanceId(), MESSAGE, recipient, content,
        task.getAssignee() != null ? recipients.user(task.getAssignee(), identity)
            : recipients.of(MessageCatalogue.COORDINATORS, Case.of(task), identity)));
  }
}
