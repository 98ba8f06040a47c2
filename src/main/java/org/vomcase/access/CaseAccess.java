package org.vomcase.access;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.vomcase.kernel.CaseVariables;

/**
 * A mediator's access to a case (R4, R24): granted per case to the mediators assigned to it, never to
 * the mediators group.
 * <ul>
 *   <li>the case's tasks: the engine grants each task (and its history) to its candidates and assignee;
 *   <li>the case itself: READ on the case's process instance and on its history (historic instance
 *       permissions), which also shows the case's history and values;
 * </ul>
 * A reassignment moves all of it: the called processes' mediator variables, the open tasks' assignee and
 * candidates, and every authorization of the mediators who leave goes to those who come.
 */
@Service
public class CaseAccess {

  private static final Logger LOG = LoggerFactory.getLogger(CaseAccess.class);

  private final AuthorizationService authorizations;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;

  public CaseAccess(AuthorizationService authorizations, RuntimeService runtime, TaskService tasks, HistoryService history) {
    this.authorizations = authorizations;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
  }

  /** Gives the mediators the case (its root process instance). */
  public void grantCase(String caseInstanceId, Collection<String> mediators) {
    for (String mediator : mediators) {
      grant(mediator, Resources.PROCESS_INSTANCE, caseInstanceId, ProcessInstancePermissions.READ);
      grant(mediator, Resources.HISTORIC_PROCESS_INSTANCE, caseInstanceId, HistoricProcessInstancePermissions.READ);
    }
  }

  /**
   * Moves a case from its mediators to new ones: the running called processes and open tasks get the
   * new mediators, and the mediators who leave lose every authorization on the case, its tasks and
   * their history, which the ones who come get instead.
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
    }
    // The open tasks' new candidates got their authorizations from the engine just now; the finished tasks'
    // history goes from those who leave to those who come; every grant of those who leave ends.
    Set<String> finishedTasks = new LinkedHashSet<>();
    Set<String> resources = new LinkedHashSet<>(List.of(caseInstanceId));
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber).list()) {
      resources.add(task.getId());
      if (task.getEndTime() != null) {
        finishedTasks.add(task.getId());
      }
    }
    for (String resourceId : resources) {
      List<Authorization> old = leaving.isEmpty() ? List.of() : authorizations.createAuthorizationQuery()
          .authorizationType(AUTH_TYPE_GRANT).userIdIn(leaving.toArray(String[]::new)).resourceId(resourceId).list();
      if (finishedTasks.contains(resourceId)) {
        for (Authorization moved : distinctByResource(old)) {
          coming.forEach(mediator -> grant(mediator, resourceOf(moved), resourceId, grantedOf(moved)));
        }
      }
      old.forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
    }
    grantCase(caseInstanceId, coming);
    LOG.info("Case {} moved from mediators {} to {}", caseNumber, before, after);
  }

  /** One authorization per resource type (two leaving mediators may both hold one). */
  private static List<Authorization> distinctByResource(List<Authorization> authorizations) {
    java.util.Map<Integer, Authorization> byType = new java.util.LinkedHashMap<>();
    authorizations.forEach(a -> byType.putIfAbsent(a.getResourceType(), a));
    return new ArrayList<>(byType.values());
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

  private void grant(String userId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = Grants.findOrNew(authorizations, userId, null, resource, resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  private static Resource resourceOf(Authorization authorization) {
    return org.camunda.bpm.engine.impl.util.ResourceTypeUtil.getResourceByType(authorization.getResourceType());
  }

  /** The permissions an authorization grants, as the engine's permission enum of its resource. */
  private static Permission[] grantedOf(Authorization authorization) {
    Resource resource = resourceOf(authorization);
    List<Permission> granted = new ArrayList<>();
    for (Permission permission : org.camunda.bpm.engine.impl.util.ResourceTypeUtil.getPermissionsByResourceType(
        resource.resourceType())) {
      if (permission.getValue() != 0 && permission.getValue() != Integer.MAX_VALUE && authorization.isPermissionGranted(permission)) {
        granted.add(permission);
      }
    }
    return granted.toArray(Permission[]::new);
  }
}
