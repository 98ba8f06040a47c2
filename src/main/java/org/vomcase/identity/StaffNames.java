package org.vomcase.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** How staff are named in forms, messages and figures: "First Last", or the user id when the profile has no name. */
public final class StaffNames {

  private StaffNames() {}

  public static String displayName(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }

  /** A user's name by id; null for nobody or a user that does not exist. */
  public static String displayName(String userId, IdentityService identity) {
    if (userId == null) {
      return null;
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    return user == null ? null : displayName(user);
  }
}
