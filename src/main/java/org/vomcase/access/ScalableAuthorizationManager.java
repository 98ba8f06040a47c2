package org.vomcase.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization checks with the same rules, in a form whose cost does not grow with the number of cases
 * (README "Performance at scale", issue 21). Two of the engine's habits made every request pay for the whole
 * authorization table:
 * <ul>
 *   <li><b>The authorized groups</b>: before every command that checks a permission, the engine reads
 *       {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION} (every row of the table, user grants included) to
 *       drop the caller's groups that hold no authorization. Here the caller's own groups are used as they are (a
 *       handful: coordinators, mediators, ...): a group without an authorization only matches nothing in the checks,
 *       so the result is the same, without the scan.</li>
 *   <li><b>The task query</b> joined the caller's grants to the tasks with {@code AUTH.RESOURCE_ID_ IN (RES.ID_,
 *       D.KEY_, '*')}, which no index answers: the caller's task grants met the tasks in a nested loop that grows with
 *       the product of both (a mediator's 1,015 tasks and 2,028 grants: 2 million row pairs, 1.4 s for a count).
 *       Here the task query uses the engine's other form of the same check (the one it uses whenever REVOKE
 *       authorizations exist): per task, {@code RES.ID_ IN (SELECT ... WHERE A.USER_ID_ = ? AND A.RESOURCE_TYPE_ = 7
 *       AND A.RESOURCE_ID_ = RES.ID_ ...)}, answered by the table's unique index on (user or group, type, resource
 *       type, resource id), so a list or count costs a few index lookups per task it looks at. It also honours REVOKE
 *       authorizations, which the engine's join form leaves to that other form anyway.</li>
 * </ul>
 * Which permissions are checked ({@link AuthorizationManager#configureTaskQuery}: READ on the task or READ_TASK on its
 * process definition) is the engine's own; only the SQL's shape differs. {@code ScalableAuthorizationPlugin} installs
 * it in place of the engine's manager.
 */
public class ScalableAuthorizationManager extends AuthorizationManager {

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
      return new ArrayList<>();
    }
    List<String> groups = new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    groups.removeIf(Objects::isNull);
    return groups;
  }

  @Override
  public void configureTaskQuery(TaskQueryImpl query) {
    super.configureTaskQuery(query);
    if (query.getAuthCheck().isAuthorizationCheckEnabled()) {
      query.getAuthCheck().setRevokeAuthorizationCheckEnabled(true);
    }
  }

  /** Opens this manager where the engine would open its own. */
  public static class Factory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new ScalableAuthorizationManager();
    }
  }
}
