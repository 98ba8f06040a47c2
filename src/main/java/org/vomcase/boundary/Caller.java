package org.vomcase.boundary;

import java.util.List;
import java.util.Set;

/** Who sends a request: the logged-in user (null when anonymous), their groups and the roles these give. */
public record Caller(String userId, List<String> groupIds, Set<Role> roles) {

  public static Caller anonymous() {
    return new Caller(null, List.of(), Set.of(Role.ANONYMOUS));
  }

  public static Caller of(String userId, List<String> groupIds) {
    return new Caller(userId, groupIds == null ? List.of() : List.copyOf(groupIds), Role.of(groupIds));
  }

  public boolean isAnonymous() {
    return userId == null;
  }

  /** Whether one of the caller's roles reads a case's values (coordinators, mediators, supervisors). */
  public boolean readsValues() {
    return roles.stream().anyMatch(Role.VALUE_READERS::contains);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public String describe() {
    return isAnonymous() ? "anonymous" : userId + " (" + (roles.isEmpty() ? "no role" : String.join(", ",
        roles.stream().map(Role::label).toList())) + ")";
  }
}
