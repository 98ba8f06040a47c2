package org.vomcase.settings;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * An operator's retry runs at once (R22). The engine's retry cycle ({@code R3/PT5M}) gives a failed job its next
 * due date, five minutes on, also after the last failure, when the job becomes an incident; Cockpit's
 * <em>Retry</em> only sets the retries again and keeps that due date, so a mail "retried now" would wait up to
 * five minutes. Here a job that has used up its retries gets its due date set to the time of its last failure:
 * nothing runs it meanwhile (no retries left), and as soon as an operator retries it, it is due.
 */
@Component
public class RetryAtOncePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobCommandFactory(RetryAtOncePlugin::failedJobCommand);
  }

  /** The engine's own handling of a failed job, then an incident's job made due now. */
  static Command<Object> failedJobCommand(String jobId, Throwable exception) {
    Command<Object> standard = new DefaultJobRetryCmd(jobId, exception);
    return commandContext -> {
      Object result = standard.execute(commandContext);
      JobEntity job = commandContext.getJobManager().findJobById(jobId);
      if (job != null && job.getRetries() == 0) {
        job.setDuedate(ClockUtil.getCurrentTime());
      }
      return result;
    };
  }

  /** The factory, for engines built without Spring (tests). */
  public static FailedJobCommandFactory factory() {
    return RetryAtOncePlugin::failedJobCommand;
  }
}
