package org.vomcase.startup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The application's indexes on the engine's tables (README "Performance at scale"), created once the engine's tables
 * exist and before the job executor starts; idempotent ({@code IF NOT EXISTS}, PostgreSQL and H2).
 *
 * <p><b>The overdue tasks</b> ({@code vom_task_due} on {@code ACT_RU_TASK (DUE_DATE_, ASSIGNEE_)}): the figures' caseload
 * counts each mediator's tasks past their due date ({@code DUE_DATE_ < now}); the index reads the overdue tasks only,
 * not every open task of every running case.
 *
 * <p><b>Job acquisition by due date</b>, independent of the number of waiting timers. Every open
 * user task carries a reminder timer, so the job table holds about two jobs per running case, nearly all due in days.
 * The engine is configured ({@code application.yaml}) to acquire by due date ({@code jobExecutorAcquireByDueDate}) and
 * to give every job a due date ({@code ensureJobDueDateNotNull}), so the acquisition query
 * ({@code selectNextJobsToExecute} in the engine's {@code Job.xml}) reads
 * {@code RETRIES_ > 0 AND DUEDATE_ <= now AND (LOCK_OWNER_ IS NULL OR LOCK_EXP_TIME_ < now) AND SUSPENSION_STATE_ = 1
 * ... ORDER BY DUEDATE_}. This plugin:
 * <ul>
 *   <li>creates the index {@code vom_job_acquisition} on {@code ACT_RU_JOB (DUEDATE_, SUSPENSION_STATE_, RETRIES_,
 *       LOCK_EXP_TIME_, LOCK_OWNER_)}: the query reads the due jobs only (a range up to now, in the order it wants) and
 *       checks the other conditions in the index; idempotent ({@code IF NOT EXISTS}, PostgreSQL and H2);</li>
 *   <li>gives the jobs without a due date (written before the switch, or by a node not yet updated) the current time,
 *       because acquisition with {@code ensureJobDueDateNotNull} no longer looks at jobs without one.</li>
 * </ul>
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  static final String INDEX = "CREATE INDEX IF NOT EXISTS vom_job_acquisition ON ACT_RU_JOB"
      + " (DUEDATE_, SUSPENSION_STATE_, RETRIES_, LOCK_EXP_TIME_, LOCK_OWNER_)";
  static final String TASK_DUE = "CREATE INDEX IF NOT EXISTS vom_task_due ON ACT_RU_TASK (DUE_DATE_, ASSIGNEE_)";
  static final String DUE_NOW = "UPDATE ACT_RU_JOB SET DUEDATE_ = CURRENT_TIMESTAMP WHERE DUEDATE_ IS NULL";

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDataSource();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try {
        create(statement, INDEX);
        create(statement, TASK_DUE);
        int dated = statement.executeUpdate(DUE_NOW);
        if (dated > 0) {
          LOG.info("Job acquisition by due date: {} job(s) without a due date are due now", dated);
        }
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the application's indexes on the engine's tables: " + e.getMessage(), e);
    }
  }

  /**
   * Creates an index if it does not exist. Two nodes starting together for the first time may both build it; the one that
   * loses (PostgreSQL refuses its catalogue entry) tries once more and finds it.
   */
  private static void create(Statement statement, String index) throws SQLException {
    try {
      statement.execute(index);
    } catch (SQLException raced) {
      LOG.info("Index not created at the first attempt ({}); trying once more", raced.getMessage());
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw raced;
      }
      statement.execute(index);
    }
  }
}
