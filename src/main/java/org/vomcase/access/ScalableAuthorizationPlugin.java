package org.vomcase.access;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.Roles;

/**
 * Authorization that stays flat at scale (README "Performance at scale", issue 21):
 * <ul>
 *   <li>installs {@link ScalableAuthorizationManager} in place of the engine's authorization manager (same rules,
 *       no scan of the authorization table per command, the task query checked per task by index);</li>
 *   <li>removes the per-case grants written before this version that no longer mean anything: the mediators'
 *       READ on a case's process instance, and every grant on a historic task or historic process instance (historic
 *       instance permissions are off: a mediator's history of a case is the desk's overview, read through the case
 *       register). The mediators' access to the tasks of their cases is the engine's task grant to each candidate
 *       and assignee, which the engine removes with the task.</li>
 * </ul>
 */
@Component
public class ScalableAuthorizationPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(ScalableAuthorizationPlugin.class);

  /** The grants of earlier versions on one case each, which nothing reads any more. */
  static final String STALE_CASE_GRANTS = "DELETE FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = 1 AND RESOURCE_ID_ <> '*' AND ("
      + "RESOURCE_TYPE_ IN (" + Resources.HISTORIC_TASK.resourceType() + ", " + Resources.HISTORIC_PROCESS_INSTANCE.resourceType() + ")"
      + " OR (RESOURCE_TYPE_ = " + Resources.PROCESS_INSTANCE.resourceType()
      + " AND USER_ID_ IN (SELECT USER_ID_ FROM ACT_ID_MEMBERSHIP WHERE GROUP_ID_ = '" + Roles.MEDIATORS + "')))";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new ScalableAuthorizationManager.Factory());
    configuration.setCustomSessionFactories(factories);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDataSource();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try {
        int removed = statement.executeUpdate(STALE_CASE_GRANTS);
        if (removed > 0) {
          LOG.info("Authorization at scale: removed {} per-case grant(s) of an earlier version that nothing reads any more", removed);
        }
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the authorization table: " + e.getMessage(), e);
    }
  }
}
