package org.vomcase.support;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.vomcase.access.CaseRegistry;

/**
 * The real case register on a diagram test's in-memory engine database: the application's tables
 * ({@code schema.sql}) next to the engine's, emptied before each test (the engine test removes its
 * cases after each test; the register must forget them too).
 */
public final class UnitCaseRegistry {

  private UnitCaseRegistry() {}

  public static CaseRegistry of(ProcessEngine engine) {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    new ResourceDatabasePopulator(new ClassPathResource("schema.sql")).execute(dataSource);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update("DELETE FROM vom_case_mediator");
    jdbc.update("DELETE FROM vom_case_referral");
    jdbc.update("DELETE FROM vom_case");
    jdbc.update("DELETE FROM vom_running_cases");
    jdbc.update("DELETE FROM vom_running_cases_by_mediator");
    return new CaseRegistry(jdbc);
  }
}
