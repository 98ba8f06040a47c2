package org.vomcase.api;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The caller of an endpoint (set by the authentication filter), and running engine work as the system.
 * The one class of the REST controllers that sees the engine's authentication (an engine type); the
 * controllers see a {@link Caller}.
 */
final class Callers {

  /** Who calls: the user id and groups of the logged-in user; an anonymous caller has none. */
  record Caller(String userId, List<String> groups) {

    static final Caller ANONYMOUS = new Caller(null, List.of());

    /** Whether the caller is logged in and a member of one of the groups. */
    boolean inAnyGroup(Collection<String> wanted) {
      return userId != null && groups.stream().anyMatch(wanted::contains);
    }
  }

  private Callers() {}

  /** The caller of the request being served. */
  static Caller current(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return Caller.ANONYMOUS;
    }
    return new Caller(authentication.getUserId(),
        authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds()));
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
