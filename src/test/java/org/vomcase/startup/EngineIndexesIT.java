package org.vomcase.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.CaseApi;

/**
 * The application's indexes on the engine's tables (README "Performance at scale"): the engine acquires by due date with
 * a due date on every job, the index the acquisition query needs and the overdue tasks' index exist on the database the application runs on (H2 here, PostgreSQL with
 * -Pit-postgres), and a job written without a due date is dated when the plugin runs (at every start).
 */
class EngineIndexesIT extends AbstractApplicationIT {

  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @Test
  void theEngineAcquiresByDueDateWithTheIndexesAndEveryJobHasADueDate() throws Exception {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
    assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();

    assertThat(hasIndex("ACT_RU_JOB", "vom_job_acquisition")).as("index vom_job_acquisition on ACT_RU_JOB").isTrue();
    assertThat(hasIndex("ACT_RU_TASK", "vom_task_due")).as("index vom_task_due on ACT_RU_TASK").isTrue();

    // A referral's asynchronous steps are jobs with a due date (now), not without one.
    String instanceId = CaseApi.json(rest("policeapi").postJson("/api/referrals", CaseApi.referral().toString()))
        .path("processInstanceId").asText();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE DUEDATE_ IS NULL", Integer.class)).isZero();
    CaseApi.runJobs(engine, instanceId);

    // A job without a due date (written before the switch) is due at once once the plugin ran (as at a start).
    String jobId = jdbc.queryForList("SELECT ID_ FROM ACT_RU_JOB ORDER BY DUEDATE_ DESC", String.class).get(0);
    Timestamp due = jdbc.queryForObject("SELECT DUEDATE_ FROM ACT_RU_JOB WHERE ID_ = ?", Timestamp.class, jobId);
    try {
      jdbc.update("UPDATE ACT_RU_JOB SET DUEDATE_ = NULL WHERE ID_ = ?", jobId);
      new EngineIndexes().postProcessEngineBuild(engine);
      assertThat(jdbc.queryForObject("SELECT DUEDATE_ FROM ACT_RU_JOB WHERE ID_ = ?", Timestamp.class, jobId)).isNotNull();
    } finally {
      jdbc.update("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE ID_ = ?", due, jobId);
    }
  }

  private boolean hasIndex(String table, String index) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      for (String name : new String[] {table, table.toLowerCase(java.util.Locale.ROOT)}) {
        try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, name, false, false)) {
          while (indexes.next()) {
            if (index.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }
}
