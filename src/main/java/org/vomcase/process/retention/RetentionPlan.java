package org.vomcase.process.retention;

import static org.vomcase.kernel.CaseVariables.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.settings.Programme;
import org.vomcase.kernel.Vocabulary;
import org.vomcase.notification.ReferrerReport;

/**
 * The retention process's rules (R20): whether the referrer still needs the closure report, the
 * end of the proceedings as a coordinator or the referrer records it, and the deletion date: the
 * profile's retention period after that end (Germany: one year, §155b(4) StPO).
 */
@Component("retentionPlan")
public class RetentionPlan {

  private final Programme rules;

  public RetentionPlan(Programme rules) {
    this.rules = rules;
  }

  /** True when the referrer was told of this closure already (not eligible, or they withdrew the referral). */
  public boolean referrerAlreadyTold(Object closureReason) {
    return closureReason != null && ReferrerReport.REFERRER_ALREADY_TOLD.contains(closureReason.toString());
  }

  /** Checks a reported end of proceedings: a date not in the future and one of the outcomes. */
  public static LocalDate checkProceedingsEnd(Object endedOn, Object outcome) {
    if (endedOn == null || endedOn.toString().isBlank()) {
      throw new CaseInputException(PROCEEDINGS_ENDED_ON, "is required");
    }
    LocalDate date;
    try {
      String text = endedOn.toString().trim();
      date = LocalDate.parse(text.substring(0, Math.min(10, text.length())));
    } catch (java.time.format.DateTimeParseException e) {
      throw new CaseInputException(PROCEEDINGS_ENDED_ON, "'" + endedOn + "' is not a date (YYYY-MM-DD)");
    }
    if (date.isAfter(CaseClock.today())) {
      throw new CaseInputException(PROCEEDINGS_ENDED_ON, "must not be in the future");
    }
    if (outcome == null || !Vocabulary.PROCEEDINGS_OUTCOMES.containsKey(outcome.toString())) {
      throw new CaseInputException(PROCEEDINGS_OUTCOME, "'" + outcome + "' is not one of "
          + String.join(", ", Vocabulary.PROCEEDINGS_OUTCOMES.keySet()));
    }
    return date;
  }

  /** Task listener (complete) of "Record the end of the criminal proceedings". */
  public void recordProceedingsEnd(DelegateTask task) {
    LocalDate date = checkProceedingsEnd(task.getVariable(PROCEEDINGS_ENDED_ON), task.getVariable(PROCEEDINGS_OUTCOME));
    task.getExecution().setVariable(PROCEEDINGS_ENDED_ON, date.toString());
  }

  /** True when the end of the proceedings is known (recorded before the case closed). */
  public boolean proceedingsEnded(DelegateExecution execution) {
    return execution.getVariable(PROCEEDINGS_ENDED_ON) != null;
  }

  /** The deletion date: the start of the day the proceedings ended, plus the profile's retention period. */
  public ZonedDateTime deleteAt(DelegateExecution execution) {
    LocalDate ended = checkProceedingsEnd(execution.getVariable(PROCEEDINGS_ENDED_ON), execution.getVariable(PROCEEDINGS_OUTCOME));
    return ended.atStartOfDay(ZoneId.systemDefault()).plus(rules.of(execution.getVariable(PROGRAMME_PROFILE)).retentionPeriod());
  }

  /** "Set the deletion date": {@code deleteAt}, and the case history's removal time. */
  @Component("scheduleDeletionDelegate")
  public static class ScheduleDeletionDelegate implements JavaDelegate {

    private final RetentionPlan plan;
    private final CaseRetention retention;

    public ScheduleDeletionDelegate(RetentionPlan plan, CaseRetention retention) {
      this.plan = plan;
      this.retention = retention;
    }

    @Override
    public void execute(DelegateExecution execution) {
      ZonedDateTime deleteAt = plan.deleteAt(execution);
      execution.setVariable(DELETE_AT, deleteAt.toOffsetDateTime().toString());
      retention.scheduleHistoryRemoval((String) execution.getVariable(CASE_NUMBER), execution.getProcessInstanceId(),
          Date.from(deleteAt.toInstant()));
    }
  }

  /** "Delete the case's personal data". */
  @Component("deleteCaseDataDelegate")
  public static class DeleteCaseDataDelegate implements JavaDelegate {

    private final CaseRetention retention;

    public DeleteCaseDataDelegate(CaseRetention retention) {
      this.retention = retention;
    }

    @Override
    public void execute(DelegateExecution execution) {
      retention.deleteCase((String) execution.getVariable(CASE_NUMBER), execution.getProcessInstanceId());
      execution.setVariable(DELETED_AT, CaseClock.timestamp());
    }
  }
}
