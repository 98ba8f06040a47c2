package org.vomcase.process;

/** Why a case closed: the fixed list of R19. The variable {@code closureReason} holds {@link #value()}. */
public enum ClosureReason {
  AGREEMENT_FULFILLED,
  AGREEMENT_PARTLY_FULFILLED,
  AGREEMENT_NOT_FULFILLED,
  DIALOGUE_WITHOUT_AGREEMENT,
  NO_AGREEMENT,
  VICTIM_DECLINED,
  OFFENDER_DECLINED,
  CONSENT_WITHDRAWN,
  NOT_REACHABLE,
  NOT_ELIGIBLE,
  UNSUITABLE_AFTER_PREPARATION,
  REFERRAL_WITHDRAWN,
  INDIRECT_MEDIATION_COMPLETED;

  public String value() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static ClosureReason of(String value) {
    for (ClosureReason reason : values()) {
      if (reason.value().equals(value)) {
        return reason;
      }
    }
    throw new IllegalArgumentException("'" + value + "' is not a closure reason (R19)");
  }
}
