package org.vomcase.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The engine of the diagram unit tests: in memory, no Spring, no job executor (tests fire jobs and
 * timers by hand), full history, Spin for Json variables, beans replaced through {@code Mocks.register},
 * and process test coverage reported under {@code target/process-test-coverage/}.
 */
public final class ProcessTestEngine {

  /** Every diagram test class must cover at least this share (95 %) of its diagram's flow nodes and flows. */
  public static final double MINIMUM_CLASS_COVERAGE = 0.95;

  private ProcessTestEngine() {}

  public static ProcessEngineCoverageExtension extension() {
    return extension(new String[0]);
  }

  /**
   * A bare engine for a test of one engine extension (a plugin, a history level): in memory under a name of its own, full
   * history, no job executor, no Spring, no coverage. The test adds its extension and builds it.
   */
  public static org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration standalone(String prefix) {
    var configuration = new org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration();
    String name = prefix + "-" + UUID.randomUUID();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    return configuration;
  }

  /** The engine, with test doubles of called processes left out of the coverage. */
  public static ProcessEngineCoverageExtension extension(String... excludedProcessKeys) {
    ProcessCoverageInMemProcessEngineConfiguration configuration = new ProcessCoverageInMemProcessEngineConfiguration();
    String name = "unit-" + UUID.randomUUID();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setDefaultSerializationFormat("application/json");
    configuration.setExpressionManager(new MockExpressionManager());
    List<ProcessEnginePlugin> plugins = new ArrayList<>();
    plugins.add(new SpinProcessEnginePlugin());
    configuration.setProcessEnginePlugins(plugins);
    return (ProcessEngineCoverageExtension)
        ProcessEngineCoverageExtension.Companion.builder(configuration)
            .assertClassCoverageAtLeast(MINIMUM_CLASS_COVERAGE)
            .excludeProcessDefinitionKeys(excludedProcessKeys)
            .build();
  }
}
