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
import org.vomcase.kernel.ClosureReason;
import org.vomcase.process.ProceedingsEnd;
import org.vomcase.settings.Programme;

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
    return closureReason != null && ClosureReason.of(closureReason.toString()).referrerAlreadyTold();
  }

  /** Task listener (complete) of "Record the end of the criminal proceedings". */
  public void recordProceedingsEnd(DelegateTask task) {
    LocalDate date = ProceedingsEnd.check(task.getVariable(PROCEEDINGS_ENDED_ON.name()), PROCEEDINGS_OUTCOME.from(task));
    PROCEEDINGS_ENDED_ON.on(task.getExecution()).set(date);
  }

  /** True when the end of the proceedings is known (recorded before the case closed). */
  public boolean proceedingsEnded(DelegateExecution execution) {
    return PROCEEDINGS_ENDED_ON.isSet(execution);
  }

  /** The deletion date: the start of the day the proceedings ended, plus the profile's retention period. */
  public ZonedDateTime deleteAt(DelegateExecution execution) {
    LocalDate ended = ProceedingsEnd.check(execution.getVariable(PROCEEDINGS_ENDED_ON.name()), PROCEEDINGS_OUTCOME.from(execution));
    return ended.atStartOfDay(ZoneId.systemDefault()).plus(rules.of(PROGRAMME_PROFILE.from(execution)).retentionPeriod());
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
      DELETE_AT.on(execution).set(deleteAt.toOffsetDateTime());
      retention.scheduleHistoryRemoval(CASE_NUMBER.from(execution), execution.getProcessInstanceId(),
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
      retention.deleteCase(CASE_NUMBER.from(execution), execution.getProcessInstanceId());
      DELETED_AT.on(execution).set(CaseClock.now().toOffsetDateTime());
    }
  }
}
