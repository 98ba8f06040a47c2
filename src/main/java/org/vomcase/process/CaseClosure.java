package org.vomcase.process;

import static org.vomcase.kernel.CaseVariables.*;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.springframework.stereotype.Component;
import org.vomcase.access.CaseRegistry;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseProcess;
import org.vomcase.kernel.CaseVariable;
import org.vomcase.kernel.ClosureReason;
import org.vomcase.kernel.PartEnded;
import org.vomcase.kernel.SessionOutcome;

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
  public static final String REASON_INPUT = CLOSURE_REASON.name();

  private final CaseRegistry registry;

  public CaseClosure(CaseRegistry registry) {
    this.registry = registry;
  }

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
    ClosureReason closedAlready = CLOSURE_REASON.fromLocal(theCase);
    if (closedAlready != null) {
      throw new IllegalStateException("Case " + execution.getProcessBusinessKey() + " is already closed ("
          + closedAlready.code() + ")");
    }
    OffsetDateTime closedAt = CaseClock.now().toOffsetDateTime();
    CLOSURE_REASON.on(theCase).setLocal(closureReason);
    CLOSED_AT.on(theCase).setLocal(closedAt);
    Object given = execution.getVariableLocal(CLOSURE_NOTE.name());
    String note = withParts(given instanceof String text && !text.isBlank() ? withEventReason(text, execution)
        : closureNote(execution), Case.of(execution));
    if (note != null) {
      CLOSURE_NOTE.on(theCase).setLocal(note);
    }
    registry.closed(execution.getProcessInstanceId(), closedAt);
    startRetention(execution, closureReason, closedAt);
  }

  /**
   * Every closed case goes on to its retention (process {@code case-retention}, R20): closure report,
   * anonymous figures, the end of the proceedings, deletion. It carries no personal data: the case
   * number, the case instance (its record in the history), profile, closure and, when the referrer
   * reported it before the case closed, the end of the proceedings.
   */
  private static void startRetention(DelegateExecution execution, ClosureReason reason, OffsetDateTime closedAt) {
    MessageCorrelationBuilder correlation = execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(CaseProcess.MSG_CASE_CLOSED)
        .processInstanceBusinessKey(execution.getProcessBusinessKey());
    pass(correlation, CASE_NUMBER, CASE_NUMBER.from(execution));
    pass(correlation, CASE_INSTANCE_ID, execution.getProcessInstanceId());
    pass(correlation, PROGRAMME_PROFILE, PROGRAMME_PROFILE.from(execution));
    pass(correlation, CLOSURE_REASON, reason);
    pass(correlation, CLOSED_AT, closedAt);
    pass(correlation, REFERRED_BY, REFERRED_BY.from(execution));
    if (PROCEEDINGS_ENDED_ON.isSet(execution)) {
      pass(correlation, PROCEEDINGS_ENDED_ON, PROCEEDINGS_ENDED_ON.from(execution));
    }
    if (PROCEEDINGS_OUTCOME.isSet(execution)) {
      pass(correlation, PROCEEDINGS_OUTCOME, PROCEEDINGS_OUTCOME.from(execution));
    }
    correlation.correlateStartMessage();
  }

  private static <T> void pass(MessageCorrelationBuilder correlation, CaseVariable<T> variable, T value) {
    correlation.setVariable(variable.name(), variable.value(value));
  }

  /**
   * Why the case closed, in words, kept in the case file ({@code closureNote}). For a referral that is
   * not eligible, has no mandate or was rejected it is also what the referrer was told; the reasons of
   * a stopped session or an unsuitable case stay in the case file.
   */
  private static String withEventReason(String note, DelegateExecution execution) {
    return CASE_EVENT_REASON.isSet(execution) ? note + " Reason given: " + CASE_EVENT_REASON.from(execution) : note;
  }

  /**
   * What happened to each person whose own part ended before the case closed (issue 17): "Dana Berg (O2) did not sign
   * the agreement." The closure reason is the case's; this says what it did not decide for them.
   */
  static String withParts(String note, Case theCase) {
    List<PartEnded> parts = theCase.partsEnded();
    if (parts.isEmpty()) {
      return note;
    }
    Map<String, String> names = theCase.names();
    StringBuilder text = new StringBuilder(note == null ? "" : note + " ");
    text.append("Each person's own part:");
    for (PartEnded part : parts) {
      text.append(' ').append(names.getOrDefault(part.personId(), part.personId())).append(' ').append(part.describe())
          .append('.');
    }
    return text.toString();
  }

  public String closureNote(DelegateExecution execution) {
    if (SESSION_OUTCOME.from(execution) == SessionOutcome.STOPPED_FOR_SAFETY && SAFETY_REVIEW_DECISION.isSet(execution)) {
      // What happened is a confidential note of the coordinators (ConfidentialField.SAFETY_REVIEW).
      return "refer_to_support".equals(SAFETY_REVIEW_DECISION.from(execution))
          ? "The session was stopped for safety; after the coordinators' review the victim was referred to support services"
              + " and the case closed."
          : "The session was stopped for safety; after the coordinators' review the case was closed.";
    }
    if (SESSION_OUTCOME.from(execution) == SessionOutcome.STOPPED_FOR_SAFETY) {
      // The reason itself is a confidential note of the mediators (ConfidentialField.SAFETY_STOP_REASON).
      return "The mediator stopped the session for safety; the reason is in the mediators' confidential notes.";
    }
    if ("unsuitable".equals(SUITABILITY.from(execution)) && SUITABILITY_REASON.isSet(execution)) {
      return SUITABILITY_REASON.from(execution);
    }
    if (CASE_EVENT_REASON.isSet(execution)) {
      return CASE_EVENT_REASON.from(execution);
    }
    if ("reject".equals(REVIEW_DECISION.from(execution))) {
      return REVIEW_REASON.from(execution);
    }
    if ("refused".equals(MANDATE_OUTCOME.from(execution))) {
      return "The prosecutor or court did not give the mandate for a mediation.";
    }
    if ("referral_withdrawn".equals(MANDATE_OUTCOME.from(execution))) {
      return "The referral was withdrawn.";
    }
    if ("not_eligible".equals(ELIGIBILITY_OUTCOME.from(execution))) {
      return ELIGIBILITY_REASON.from(execution);
    }
    return null;
  }
}
