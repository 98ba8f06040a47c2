package org.vomcase.access;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.vomcase.kernel.CaseVariables;

/**
 * A mediator's access to a case (R4, R24): given per case to the mediators assigned to it, never to the mediators
 * group, and held where it costs nothing per case:
 * <ul>
 *   <li>the case itself (its overview, case file, documents, notes, case events and mails): the case register
 *       ({@code vom_case_mediator}), which the application's own routes read;
 *   <li>the case's open tasks: the engine's grant on each task to its candidates and assignee, which the engine
 *       removes with the task. No other engine route is open to mediators (RouteAllowList), so a case carries no
 *       further authorization rows: at most one per mediator and open task while it runs, none once it is closed
 *       (README "Performance at scale").
 * </ul>
 * A reassignment moves all of it: the called processes' mediator variables, the open tasks' assignee and
 * candidates with their grants; the register is written by the assignment itself.
 */
@Service
public class CaseAccess {

  private static final Logger LOG = LoggerFactory.getLogger(CaseAccess.class);

  private final AuthorizationService authorizations;
  private final RuntimeService runtime;
  private final TaskService tasks;

  public CaseAccess(AuthorizationService authorizations, RuntimeService runtime, TaskService tasks) {
    this.authorizations = authorizations;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  /**
   * Moves a case from its mediators to new ones: the running called processes and open tasks get the new mediators
   * (the engine grants each open task to its new candidates), and the mediators who leave lose their grants on the
   * case's open tasks (the engine keeps a grant when a candidate is removed).
   */
  public void reassign(String caseNumber, String caseInstanceId, List<String> before, String lead, List<String> after) {
    List<String> leaving = before.stream().filter(m -> !after.contains(m)).toList();
    List<String> coming = after.stream().filter(m -> !before.contains(m)).toList();
    String co = after.size() > 1 ? after.get(1) : null;
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()) {
      if (!instance.getId().equals(caseInstanceId)
          && runtime.createVariableInstanceQuery().processInstanceIdIn(instance.getId())
              .variableName(CaseVariables.MEDIATORS.name()).count() > 0) {
        runtime.setVariable(instance.getId(), CaseVariables.LEAD_MEDIATOR.name(), lead);
        runtime.setVariable(instance.getId(), CaseVariables.CO_MEDIATOR.name(), co);
        runtime.setVariable(instance.getId(), CaseVariables.MEDIATORS.name(), CaseVariables.MEDIATORS.value(after));
      }
    }
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list()) {
      boolean mediatorTask = false;
      for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null && before.contains(link.getUserId())) {
          mediatorTask = true;
          if (leaving.contains(link.getUserId())) {
            tasks.deleteCandidateUser(task.getId(), link.getUserId());
          }
        }
      }
      if (mediatorTask) {
        coming.forEach(m -> tasks.addCandidateUser(task.getId(), m));
        if (task.getAssignee() != null && leaving.contains(task.getAssignee())) {
          tasks.setAssignee(task.getId(), lead);
        }
      }
      if (!leaving.isEmpty()) {
        authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).userIdIn(leaving.toArray(String[]::new))
            .resourceId(task.getId()).list().forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
      }
    }
    LOG.info("Case {} moved from mediators {} to {}", caseNumber, before, after);
  }

  /** Deletes every authorization on the given process instances and tasks (the case's deletion, R20). */
  public int forget(Collection<String> resourceIds) {
    int deleted = 0;
    for (String resourceId : resourceIds) {
      for (Authorization authorization : authorizations.createAuthorizationQuery().resourceId(resourceId).list()) {
        authorizations.deleteAuthorization(authorization.getId());
        deleted++;
      }
    }
    return deleted;
  }
}
