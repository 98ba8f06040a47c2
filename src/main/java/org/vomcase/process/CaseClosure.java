package org.vomcase.process;

import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.ClosureReason;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.process.retention.CaseRetention;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes a case: records exactly one closure reason of R19, when, and the note the referrer got, and
 * starts the case's retention (R20).
 *
 * <p>Every end event that closes a case is drawn as a message end event "Case closed: ..." that throws
 * {@code Msg_CaseClosed}, the message {@code case-retention} starts with, and is implemented by this
 * delegate ({@code ${caseClosure}}); the event's input parameter {@code closureReason} says why, as a
 * code of R19 ({@code not_eligible}) or an expression giving one ({@code ${sessionPlan.noShowClosure(noShowParty)}}).
 * Cases still running on earlier versions of the diagram close through the end event's execution
 * listener {@code ${caseClosure.close(execution, 'not_eligible')}}, which does the same.
 */
@Component("caseClosure")
public class CaseClosure implements JavaDelegate {

  /** The closing event's input parameter: why the case closed. */
  public static final String REASON_INPUT = CaseVariables.CLOSURE_REASON;

  /** The closing message end event: its input parameter {@code closureReason} is the reason. */
  @Override
  public void execute(DelegateExecution execution) {
    Object reason = execution.getVariableLocal(REASON_INPUT);
    if (!(reason instanceof String code)) {
      throw new IllegalArgumentException("The closing event " + execution.getCurrentActivityId() + " of case "
          + execution.getProcessBusinessKey() + " gives no closure reason (input parameter " + REASON_INPUT + ")");
    }
    close(execution, code);
  }

  /**
   * Closes the case with this reason. The closure is kept on the case itself (its process instance),
   * never in the scope of the event that closes it; a case closes once.
   */
  public void close(DelegateExecution execution, String reason) {
    ClosureReason closureReason = ClosureReason.of(reason);
    DelegateExecution theCase = execution.getProcessInstance();
    Object closedAlready = theCase.getVariable(CaseVariables.CLOSURE_REASON);
    if (closedAlready != null) {
      throw new IllegalStateException("Case " + execution.getProcessBusinessKey() + " is already closed (" + closedAlready + ")");
    }
    String closedAt = CaseClock.timestamp();
    theCase.setVariable(CaseVariables.CLOSURE_REASON, closureReason.value());
    theCase.setVariable(CaseVariables.CLOSED_AT, closedAt);
    String note = closureNote(execution);
    if (note != null) {
      theCase.setVariable(CaseVariables.CLOSURE_NOTE, note);
    }
    startRetention(execution, closureReason, closedAt);
  }

  /**
   * Every closed case goes on to its retention (process {@code case-retention}, R20): closure report,
   * anonymous figures, the end of the proceedings, deletion. It carries no personal data: the case
   * number, the case instance (its record in the history), profile, closure and, when the referrer
   * reported it before the case closed, the end of the proceedings.
   */
  private static void startRetention(DelegateExecution execution, ClosureReason reason, String closedAt) {
    var correlation = execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(CaseRetention.MSG_CASE_CLOSED)
        .processInstanceBusinessKey(execution.getProcessBusinessKey())
        .setVariable(CaseVariables.CASE_NUMBER, execution.getVariable(CaseVariables.CASE_NUMBER))
        .setVariable(CaseVariables.CASE_INSTANCE_ID, execution.getProcessInstanceId())
        .setVariable(CaseVariables.PROGRAMME_PROFILE, execution.getVariable(CaseVariables.PROGRAMME_PROFILE))
        .setVariable(CaseVariables.CLOSURE_REASON, reason.value())
        .setVariable(CaseVariables.CLOSED_AT, closedAt)
        .setVariable(CaseVariables.REFERRED_BY, execution.getVariable(CaseVariables.REFERRED_BY));
    for (String known : new String[] {CaseVariables.PROCEEDINGS_ENDED_ON, CaseVariables.PROCEEDINGS_OUTCOME}) {
      if (execution.getVariable(known) != null) {
        correlation.setVariable(known, execution.getVariable(known));
      }
    }
    correlation.correlateStartMessage();
  }

  /**
   * Why the case closed, in words, kept in the case file ({@code closureNote}). For a referral that is
   * not eligible, has no mandate or was rejected it is also what the referrer was told; the reasons of
   * a stopped session or an unsuitable case stay in the case file.
   */
  public String closureNote(DelegateExecution execution) {
    if ("stopped_for_safety".equals(execution.getVariable(CaseVariables.SESSION_OUTCOME))) {
      // The reason itself is a confidential note of the mediators (ConfidentialField.SAFETY_STOP_REASON).
      return "The mediator stopped the session for safety; the reason is in the mediators' confidential notes.";
    }
    if ("unsuitable".equals(execution.getVariable(CaseVariables.SUITABILITY)) && execution.getVariable(CaseVariables.SUITABILITY_REASON) != null) {
      return (String) execution.getVariable(CaseVariables.SUITABILITY_REASON);
    }
    if (execution.getVariable(CaseVariables.CASE_EVENT_REASON) != null) {
      return (String) execution.getVariable(CaseVariables.CASE_EVENT_REASON);
    }
    if ("reject".equals(execution.getVariable(CaseVariables.REVIEW_DECISION))) {
      return (String) execution.getVariable(CaseVariables.REVIEW_REASON);
    }
    if ("refused".equals(execution.getVariable(CaseVariables.MANDATE_OUTCOME))) {
      return "The prosecutor or court did not give the mandate for a mediation.";
    }
    if ("referral_withdrawn".equals(execution.getVariable(CaseVariables.MANDATE_OUTCOME))) {
      return "The referral was withdrawn.";
    }
    if ("not_eligible".equals(execution.getVariable(CaseVariables.ELIGIBILITY_OUTCOME))) {
      return (String) execution.getVariable(CaseVariables.ELIGIBILITY_REASON);
    }
    return null;
  }
}
