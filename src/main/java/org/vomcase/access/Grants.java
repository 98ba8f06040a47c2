package org.vomcase.access;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Resource;

/** The one GRANT authorization of a user or a group on a resource: the stored one, or a new one not yet saved (no id). */
public final class Grants {

  private Grants() {}

  /** Exactly one of userId and groupId is given. */
  public static Authorization findOrNew(AuthorizationService authorizations, String userId, String groupId, Resource resource,
      String resourceId) {
    AuthorizationQuery query = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .resourceType(resource).resourceId(resourceId);
    Authorization authorization = (userId != null ? query.userIdIn(userId) : query.groupIdIn(groupId)).singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setUserId(userId);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    return authorization;
  }
}
