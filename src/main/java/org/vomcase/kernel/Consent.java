package org.vomcase.kernel;

/**
 * One person's entry of the consent book ({@code consents}): their side, how their contact ended and,
 * for a minor, the guardian who was asked with them and what the guardian said.
 */
public record Consent(Side role, ConsentOutcome outcome, String guardianName, String guardianRelation, String guardianPhone,
    String guardianEmail, String guardianConsent) {

  /** The outcome of a person without guardian. */
  public static Consent of(Side role, ConsentOutcome outcome) {
    return new Consent(role, outcome, null, null, null, null, null);
  }

  /** The outcome with the guardian who was asked (none for an adult). */
  public static Consent of(Side role, ConsentOutcome outcome, Guardian guardian, String guardianConsent) {
    return guardian == null ? new Consent(role, outcome, null, null, null, null, guardianConsent)
        : new Consent(role, outcome, guardian.name(), guardian.relation(), guardian.phone(), guardian.email(), guardianConsent);
  }

  /** The guardian recorded with the consent; null when there is none. */
  public Guardian guardian() {
    return guardianName == null || guardianName.isBlank() ? null
        : new Guardian(guardianName, guardianRelation, guardianPhone, guardianEmail);
  }
}
