package org.vomcase.kernel;

/**
 * Whom a case's reports address, as a message says it: after a granted mandate that names its authority (a
 * self-referral's prosecutor or court), that authority with its own file reference; before, the referrer of the
 * referral with theirs. Where messages are delivered is the case register's (Recipients); this is what they say.
 */
public record ReferrerOfRecord(String name, String email, String reference) {

  public static ReferrerOfRecord of(Case theCase) {
    String authority = theCase.get(CaseVariables.MANDATE_AUTHORITY_NAME);
    if ("granted".equals(theCase.get(CaseVariables.MANDATE_OUTCOME)) && authority != null && !authority.isBlank()) {
      return new ReferrerOfRecord(authority, theCase.get(CaseVariables.MANDATE_AUTHORITY_EMAIL),
          theCase.get(CaseVariables.MANDATE_REFERENCE));
    }
    return new ReferrerOfRecord(theCase.get(CaseVariables.REFERRER_NAME), theCase.get(CaseVariables.REFERRER_EMAIL),
        theCase.get(CaseVariables.REFERRER_REFERENCE));
  }
}
