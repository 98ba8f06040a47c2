package org.vomcase.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vomcase.support.ProcessTestEngine;
import org.vomcase.support.UnitCaseRegistry;

/**
 * The register forgets the personal data of a closed case once the history cleanup has removed the case's history, and
 * of no other case (R20).
 */
class RegisterCleanupTest {

  private ProcessEngine engine;
  private CaseRegistry registry;
  private JdbcTemplate jdbc;

  @BeforeEach
  void startEngine() {
    engine = ProcessTestEngine.standalone("register-cleanup").buildProcessEngine();
    engine.getRepositoryService().createDeployment().addModelInstance("case.bpmn", Bpmn.createExecutableProcess("case")
        .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Work").endEvent().done()).deploy();
    registry = UnitCaseRegistry.of(engine);
    jdbc = new JdbcTemplate(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration()).getDataSource());
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  private String registered(String caseNumber) {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("case", caseNumber).getId();
    registry.register(new CaseRegistry.Registration(caseNumber, instance, "policeapi", "PK Mitte", "pk@example.org",
        OffsetDateTime.now(), "de_toa", "police", "diversion", List.of("Ana Roth", "Carl Vogt"), "PK 1/26",
        "{\"caseNumber\":\"" + caseNumber + "\",\"victims\":[{\"name\":\"Ana Roth\"}]}"));
    registry.setMediators(caseNumber, List.of("mara"));
    return instance;
  }

  private void end(String instance) {
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    engine.getTaskService().complete(task);
    registry.closed(instance, OffsetDateTime.now());
  }

  @Test
  void aClosedCaseWhoseHistoryIsGoneIsForgottenAndNoOtherCase() {
    String kept = registered("VOM-2026-00001");
    end(kept);
    String cleaned = registered("VOM-2026-00002");
    end(cleaned);
    registered("VOM-2026-00003");
    // The history cleanup removed the second case's history (its time-to-live passed).
    engine.getHistoryService().deleteHistoricProcessInstance(cleaned);

    assertThat(registry.forgetCasesWhoseHistoryIsGone(OffsetDateTime.now())).isOne();

    assertThat(registry.registeredReferral("VOM-2026-00002")).isEmpty();
    assertThat(registry.mediators("VOM-2026-00002")).isEmpty();
    assertThat(jdbc.queryForMap("SELECT persons, referrer_name, referrer_email, referred_by, referrer_reference FROM vom_case"
        + " WHERE case_number = 'VOM-2026-00002'").values()).containsOnlyNulls();
    assertThat(registry.find("VOM-2026-00002")).hasValueSatisfying(c -> assertThat(c.deleted()).isTrue());
    for (String other : List.of("VOM-2026-00001", "VOM-2026-00003")) {
      assertThat(registry.registeredReferral(other)).as(other).isPresent();
      assertThat(registry.mediators(other)).as(other).containsExactly("mara");
      assertThat(registry.find(other)).hasValueSatisfying(c -> assertThat(c.deleted()).as(other).isFalse());
    }
    assertThat(registry.forgetCasesWhoseHistoryIsGone(OffsetDateTime.now())).as("once").isZero();
  }
}
