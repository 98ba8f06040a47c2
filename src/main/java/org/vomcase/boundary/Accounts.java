package org.vomcase.boundary;

import org.vomcase.kernel.ErrorText;

/** A person changes their own profile and password; administrators change anyone's (Admin). */
final class Accounts {

  static final RouteRule OWN_UNLESS_ADMINISTRATOR = RouteRule.described("one's own (administrators: anyone's)", request ->
      request.caller().has(Role.ADMINISTRATOR) || request.variable("id").equals(request.caller().userId()) ? null
          : Refusal.forbidden(ErrorText.of("error.account.ownOnly")));

  /**
   * Deleting a deployment or a definition may not delete running cases with it, nor skip their listeners:
   * a case ends through the process (closure, retention), never by an administrator's delete.
   */
  static final RouteRule NO_CASCADE = RouteRule.described("never with its running cases", request -> {
    for (String flag : new String[] {"cascade", "skipCustomListeners", "skipIoMappings"}) {
      if ("true".equalsIgnoreCase(request.queryValue(flag))) {
        return Refusal.field(flag, flag, ErrorText.of("error.deployment.noCascade"));
      }
    }
    return null;
  });

  private Accounts() {}
}
