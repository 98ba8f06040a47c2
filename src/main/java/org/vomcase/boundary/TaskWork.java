package org.vomcase.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.vomcase.kernel.ErrorText;

/**
 * Who may work a task is decided by the process (the case's mediators, the coordinators), so Tasklist's
 * task actions may not hand a task to anyone else: a task is claimed only for oneself, given only to
 * someone who may already work on it, and a task's own data changes only in its dates (due and
 * follow-up), never its name, owner, description or case.
 */
final class TaskWork {

  static final RouteRule CLAIM_FOR_ONESELF = RouteRule.onJson("only for oneself", (request, body) -> {
    String userId = body == null ? null : body.path("userId").asText(null);
    return Objects.equals(userId, request.caller().userId()) ? null
        : Refusal.forbidden(ErrorText.of("error.task.claimForOneself"));
  });

  static final RouteRule ASSIGN_TO_WHO_MAY_WORK = RouteRule.onJson("only to someone who may work on the task", (request, body) -> {
    String userId = body == null || body.path("userId").isNull() ? null : body.path("userId").asText(null);
    if (userId == null || userId.equals(request.caller().userId())) {
      return null;
    }
    TaskService tasks = request.engine().getTaskService();
    if (tasks.createTaskQuery().taskId(request.variable("id")).count() == 0) {
      return null; // the engine answers 404
    }
    IdentityService identity = request.engine().getIdentityService();
    for (IdentityLink link : tasks.getIdentityLinksForTask(request.variable("id"))) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (userId.equals(link.getUserId()) || (link.getGroupId() != null
          && identity.createUserQuery().userId(userId).memberOfGroup(link.getGroupId()).count() > 0)) {
        return null;
      }
    }
    return Refusal.field("userId", request.language().text("staff.task.assignee"), ErrorText.of("error.task.mayNotWork", userId));
  });

  /**
   * Tasklist's "Set due date" and "Set follow-up date" send the whole task; the engine sets every field from
   * the body and empties what is missing. So the body the engine gets is rebuilt from the stored task, with
   * only the due and follow-up dates taken from the caller; a body that tries to change anything else is refused.
   */
  static final RouteRule DATES_ONLY = RouteRule.onJson("only the due and follow-up dates", (request, body) -> {
    Task task = request.engine().getTaskService().createTaskQuery().taskId(request.variable("id")).singleResult();
    if (task == null) {
      return null;
    }
    if (body == null || !body.isObject()) {
      return Refusal.badRequest(ErrorText.of("error.task.notAnObject"));
    }
    Map<String, Object> fixed = new LinkedHashMap<>();
    fixed.put("name", task.getName());
    fixed.put("description", task.getDescription());
    fixed.put("assignee", task.getAssignee());
    fixed.put("owner", task.getOwner());
    fixed.put("delegationState", task.getDelegationState() == null ? null : task.getDelegationState().name());
    fixed.put("priority", task.getPriority());
    fixed.put("parentTaskId", task.getParentTaskId());
    fixed.put("caseInstanceId", task.getCaseInstanceId());
    fixed.put("tenantId", task.getTenantId());
    for (Map.Entry<String, Object> field : fixed.entrySet()) {
      JsonNode sent = body.get(field.getKey());
      if (sent != null && !same(sent, field.getValue())) {
        return Refusal.field(field.getKey(), field.getKey(), ErrorText.of("error.task.datesOnly"));
      }
    }
    com.fasterxml.jackson.databind.node.ObjectNode rebuilt = BoundaryRequest.JSON.createObjectNode();
    fixed.forEach((name, value) -> rebuilt.set(name, BoundaryRequest.JSON.valueToTree(value)));
    for (String date : new String[] {"due", "followUp"}) {
      JsonNode sent = body.get(date);
      if (sent != null && !sent.isNull() && !sent.isTextual()) {
        return Refusal.field(date, date, ErrorText.of("error.task.dateAsText"));
      }
      rebuilt.set(date, sent == null ? BoundaryRequest.JSON.valueToTree(date.equals("due") ? iso(task.getDueDate())
          : iso(task.getFollowUpDate())) : sent);
    }
    request.replaceBody(rebuilt);
    return null;
  });

  /** A stored date as the REST API writes it. */
  private static String iso(java.util.Date date) {
    return date == null ? null : new java.text.SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(date);
  }

  private static boolean same(JsonNode sent, Object current) {
    if (sent.isNull()) {
      return current == null;
    }
    if (current instanceof Integer number) {
      return sent.canConvertToInt() && sent.asInt() == number;
    }
    return current != null && sent.isTextual() && sent.asText().equals(current.toString());
  }

  private TaskWork() {}
}
