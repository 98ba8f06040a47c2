package org.vomcase.kernel;

/**
 * Why a case closed: the fixed list of R19, and the closure after the review of a session stopped for safety (issue 16). The
 * variable {@code closureReason} holds {@link #code()}.
 */
public enum ClosureReason implements Coded {
  AGREEMENT_FULFILLED("The agreement was fulfilled"),
  AGREEMENT_PARTLY_FULFILLED("The agreement was partly fulfilled"),
  AGREEMENT_NOT_FULFILLED("The agreement was not fulfilled"),
  DIALOGUE_WITHOUT_AGREEMENT("The parties talked; no agreement was needed"),
  NO_AGREEMENT("No agreement was reached"),
  VICTIM_DECLINED("The victim declined to take part"),
  OFFENDER_DECLINED("The offender declined to take part"),
  CONSENT_WITHDRAWN("Consent to the mediation was withdrawn"),
  NOT_REACHABLE("A party could not be reached"),
  NOT_ELIGIBLE("The case was not eligible for mediation"),
  UNSUITABLE_AFTER_PREPARATION("The case was found unsuitable for a mediation after the preparation"),
  REFERRAL_WITHDRAWN("The referral was withdrawn"),
  INDIRECT_MEDIATION_COMPLETED("An indirect mediation was completed"),
  /** After a session stopped for safety, the coordinators' review closed the case (the victim referred to support, or not). */
  STOPPED_FOR_SAFETY("The session was stopped for safety; the case was closed after a review");

  private final String label;

  ClosureReason(String label) {
    this.label = label;
  }

  /** The reason in words, as the referrer's report and the figures show it. */
  public String label() {
    return label;
  }

  /** Whether the referrer was told of this closure already, or caused it (not eligible, the referral withdrawn): no closure report. */
  public boolean referrerAlreadyTold() {
    return this == NOT_ELIGIBLE || this == REFERRAL_WITHDRAWN;
  }

  /**
   * The closure a case has earned once its session is over: an agreement by how it was kept (every item and
   * instalment checked), any other outcome by what the session brought. A session stopped for safety closes as
   * {@code no_agreement} only on diagrams before the safety review (mediation-session 1.3.0).
   */
  public static ClosureReason afterSession(SessionOutcome outcome, FulfilmentStatus fulfilment) {
    return switch (outcome) {
      case AGREEMENT -> switch (fulfilment) {
        case FULFILLED -> AGREEMENT_FULFILLED;
        case PARTLY_FULFILLED -> AGREEMENT_PARTLY_FULFILLED;
        case NOT_FULFILLED -> AGREEMENT_NOT_FULFILLED;
      };
      case DIALOGUE_WITHOUT_AGREEMENT -> DIALOGUE_WITHOUT_AGREEMENT;
      case INDIRECT_COMPLETED -> INDIRECT_MEDIATION_COMPLETED;
      case NO_AGREEMENT, STOPPED_FOR_SAFETY -> NO_AGREEMENT;
    };
  }

  public static ClosureReason of(String value) {
    for (ClosureReason reason : values()) {
      if (reason.code().equals(value)) {
        return reason;
      }
    }
    throw new IllegalArgumentException("'" + value + "' is not a closure reason (R19)");
  }
}
