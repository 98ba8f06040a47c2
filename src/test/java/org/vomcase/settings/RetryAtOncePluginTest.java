package org.vomcase.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.vomcase.support.ProcessTestEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A job that used up its retry cycle ({@code R2/PT5M}) is an incident whose due date is its last failure, not five
 * minutes later: an operator's retry (retries set again, due date kept, as Cockpit does) makes it due at once.
 * While its retries are left, the cycle's five minutes stand.
 */
class RetryAtOncePluginTest {

  private ProcessEngine engine;

  @BeforeEach
  void engine() {
    StandaloneInMemProcessEngineConfiguration configuration = ProcessTestEngine.standalone("retry");
    configuration.getProcessEnginePlugins().add(new RetryAtOncePlugin());
    engine = configuration.buildProcessEngine();
    BpmnModelInstance failing = Bpmn.createExecutableProcess("failing").startEvent()
        .serviceTask("send").camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R2/PT5M").camundaExpression("${mailServer.down()}")
        .endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance("failing.bpmn", failing).deploy();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void anIncidentsJobIsDueAtOnceWhenAnOperatorRetriesIt() {
    engine.getRuntimeService().startProcessInstanceByKey("failing");
    Job job = engine.getManagementService().createJobQuery().singleResult();

    fail(job);
    Job waiting = engine.getManagementService().createJobQuery().singleResult();
    assertThat(waiting.getRetries()).isEqualTo(1);
    assertThat(waiting.getDuedate()).isInTheFuture();
    assertThat(engine.getManagementService().createJobQuery().executable().count()).isZero();

    fail(job);
    Job incident = engine.getManagementService().createJobQuery().singleResult();
    assertThat(incident.getRetries()).isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isEqualTo(1);
    assertThat(incident.getDuedate()).isBeforeOrEqualTo(new java.util.Date());

    // Cockpit's "Retry": the retries only.
    engine.getManagementService().setJobRetries(job.getId(), 1);
    List<Job> due = engine.getManagementService().createJobQuery().executable().list();
    assertThat(due).extracting(Job::getId).containsExactly(job.getId());
  }

  private void fail(Job job) {
    try {
      engine.getManagementService().executeJob(job.getId());
    } catch (RuntimeException expected) {
      // the mail server is down
    }
  }
}
