package org.vomcase.boundary;

import java.util.List;
import java.util.Set;

/**
 * One allowed route: an HTTP method on a path template at an entry, the roles it is open to, what it is
 * for (the screen or client that needs it) and the rules it checks beyond the role.
 */
public record Route(String area, String method, Entry entry, PathTemplate template, Set<Role> roles, String purpose,
    List<RouteRule> rules) {

  public boolean openTo(Set<Role> callerRoles) {
    return roles.contains(Role.ANONYMOUS) || callerRoles.stream().anyMatch(roles::contains);
  }

  @Override
  public String toString() {
    return method + " " + entry + " " + template;
  }
}
