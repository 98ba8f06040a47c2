package org.vomcase.process.session;

import org.springframework.stereotype.Component;
import org.vomcase.kernel.ClosureReason;
import org.vomcase.kernel.SessionOutcome;
import org.vomcase.kernel.Side;

/** The session phase of a case (expressions of {@code vom-case} and {@code mediation-session}). */
@Component("sessionPlan")
public class SessionPlan {

  /** The safety review's decision to go on with separate conversations only, and the meeting type it requires. */
  public static final String CONTINUE_INDIRECT = "continue_indirect";
  public static final String INDIRECT = "indirect";

  /** How often a session may be rescheduled after a no-show (R11). */
  public static final int MAX_RESCHEDULES = 2;

  public int maxReschedules() {
    return MAX_RESCHEDULES;
  }

  /** The closure reason when the session did not take place after the last reschedule. */
  public String noShowClosure(String noShowParty) {
    if (Side.VICTIM.code().equals(noShowParty)) {
      return ClosureReason.VICTIM_DECLINED.code();
    }
    if (Side.OFFENDER.code().equals(noShowParty)) {
      return ClosureReason.OFFENDER_DECLINED.code();
    }
    return ClosureReason.NO_AGREEMENT.code(); // both stayed away
  }

  /**
   * The closure reason of a session outcome that ends the case (every outcome but an agreement). A session stopped for
   * safety closes as {@code no_agreement} only on diagrams before the safety review (mediation-session 1.3.0); since then
   * the review closes it as {@code stopped_for_safety}.
   */
  public String outcomeClosure(String sessionOutcome) {
    return switch (SessionOutcome.of(sessionOutcome)) {
      case DIALOGUE_WITHOUT_AGREEMENT -> ClosureReason.DIALOGUE_WITHOUT_AGREEMENT.code();
      case INDIRECT_COMPLETED -> ClosureReason.INDIRECT_MEDIATION_COMPLETED.code();
      case NO_AGREEMENT, STOPPED_FOR_SAFETY -> ClosureReason.NO_AGREEMENT.code();
      case AGREEMENT -> throw new IllegalArgumentException("Outcome '" + sessionOutcome + "' does not close the case");
    };
  }
}
