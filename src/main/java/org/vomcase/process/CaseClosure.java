package org.vomcase.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Closes a case: called by the end events (execution listener {@code ${caseClosure.close(execution,
 * 'not_eligible')}}), records exactly one closure reason of R19, when, and the note the referrer got.
 */
@Component("caseClosure")
public class CaseClosure {

  public void close(DelegateExecution execution, String reason) {
    ClosureReason closureReason = ClosureReason.of(reason);
    if (execution.getVariable(CaseVariables.CLOSURE_REASON) != null) {
      throw new IllegalStateException("Case " + execution.getProcessBusinessKey() + " is already closed ("
          + execution.getVariable(CaseVariables.CLOSURE_REASON) + ")");
    }
    execution.setVariable(CaseVariables.CLOSURE_REASON, closureReason.value());
    execution.setVariable(CaseVariables.CLOSED_AT,
        CaseClock.timestamp());
    String note = closureNote(execution);
    if (note != null) {
      execution.setVariable(CaseVariables.CLOSURE_NOTE, note);
    }
  }

  /**
   * Why the case closed, in words, kept in the case file ({@code closureNote}). For a referral that is
   * not eligible, has no mandate or was rejected it is also what the referrer was told; the reasons of
   * a stopped session or an unsuitable case stay in the case file.
   */
  public String closureNote(DelegateExecution execution) {
    if (execution.getVariable(CaseVariables.SAFETY_STOP_REASON) != null) {
      return (String) execution.getVariable(CaseVariables.SAFETY_STOP_REASON);
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
