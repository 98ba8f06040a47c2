package org.vomcase.audit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Installs {@link CaseHistoryLevel} in place of level full ({@code camunda.bpm.history-level: full} stays the
 * configuration's word: this is full without the rows nobody reads).
 */
@Component
public class CaseHistoryPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(CaseHistoryPlugin.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    install(configuration);
  }

  /** The level on an engine's configuration (also the tests' engines). */
  public static void install(ProcessEngineConfigurationImpl configuration) {
    HistoryLevel level = new CaseHistoryLevel();
    List<HistoryLevel> custom = new ArrayList<>(configuration.getCustomHistoryLevels() == null ? List.of()
        : configuration.getCustomHistoryLevels());
    custom.add(level);
    configuration.setCustomHistoryLevels(custom);
    configuration.setHistoryLevel(level);
    LOG.info("History: level {} (full without working values and without past values of working copies)", level.getName());
  }
}
