package org.vomcase.process.session;

import org.springframework.stereotype.Component;
import org.vomcase.kernel.ClosureReason;

/** The session phase of a case (expressions of {@code vom-case} and {@code mediation-session}). */
@Component("sessionPlan")
public class SessionPlan {

  /** How often a session may be rescheduled after a no-show (R11). */
  public static final int MAX_RESCHEDULES = 2;

  public int maxReschedules() {
    return MAX_RESCHEDULES;
  }

  /** The closure reason when the session did not take place after the last reschedule. */
  public String noShowClosure(String noShowParty) {
    return switch (noShowParty == null ? "" : noShowParty) {
      case "victim" -> ClosureReason.VICTIM_DECLINED.code();
      case "offender" -> ClosureReason.OFFENDER_DECLINED.code();
      default -> ClosureReason.NO_AGREEMENT.code();
    };
  }

  /** The closure reason of a session outcome that ends the case (every outcome but an agreement). */
  public String outcomeClosure(String sessionOutcome) {
    return switch (sessionOutcome) {
      case "dialogue_without_agreement" -> ClosureReason.DIALOGUE_WITHOUT_AGREEMENT.code();
      case "indirect_completed" -> ClosureReason.INDIRECT_MEDIATION_COMPLETED.code();
      case "no_agreement", "stopped_for_safety" -> ClosureReason.NO_AGREEMENT.code();
      default -> throw new IllegalArgumentException("Outcome '" + sessionOutcome + "' does not close the case");
    };
  }
}
