package org.vomcase.boundary;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.vomcase.kernel.Roles;

/** Who calls, as the boundary's allow-list sees it: not logged in, or a member of a role group. */
public enum Role {
  ANONYMOUS("anonymous", null),
  REFERRER("referring system", Roles.REFERRERS),
  COORDINATOR("coordinator", Roles.COORDINATORS),
  MEDIATOR("mediator", Roles.MEDIATORS),
  SUPERVISOR("supervisor", Roles.SUPERVISORS),
  ADMINISTRATOR("administrator", Roles.ADMINISTRATORS);

  /** Everybody who works in the webapps. */
  public static final Set<Role> STAFF = EnumSet.of(COORDINATOR, MEDIATOR, SUPERVISOR, ADMINISTRATOR);

  /** Everybody who may read a case's values (administrators never do). */
  public static final Set<Role> VALUE_READERS = EnumSet.of(COORDINATOR, MEDIATOR, SUPERVISOR);

  private final String label;
  private final String group;

  Role(String label, String group) {
    this.label = label;
    this.group = group;
  }

  public String label() {
    return label;
  }

  /** The roles of a logged-in user's groups; a user in no role group has none (and reaches nothing). */
  public static Set<Role> of(Collection<String> groupIds) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Role role : values()) {
      if (role.group != null && groupIds != null && groupIds.contains(role.group)) {
        roles.add(role);
      }
    }
    return roles;
  }
}
