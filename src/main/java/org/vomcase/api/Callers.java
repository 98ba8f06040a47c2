package org.vomcase.api;

import java.util.Collection;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The caller of an endpoint (set by the authentication filter) and the two things the endpoints ask of it. */
final class Callers {

  private Callers() {}

  /** Whether the caller is logged in and a member of one of the groups. */
  static boolean inAnyGroup(Authentication caller, Collection<String> groups) {
    return caller != null && caller.getGroupIds() != null && caller.getGroupIds().stream().anyMatch(groups::contains);
  }

  /**
   * Runs engine work as the system, for endpoints whose own rule decided what the caller may do, and
   * gives the caller's authentication back afterwards.
   */
  static <T> T asSystem(IdentityService identity, Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      identity.setAuthentication(caller);
    }
  }
}
