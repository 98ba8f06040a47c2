package org.vomcase.startup;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;
import org.vomcase.deployment.ProcessResourceDeployer;
import org.vomcase.identity.RoleSetup;
import org.vomcase.identity.UserBootstrap;

/**
 * Runs once the engine is built and before the web server takes requests: deploys diagrams and
 * forms, then makes sure the roles (groups, authorizations, filters) and the first users exist.
 */
@Component
public class EngineSetupPlugin extends AbstractProcessEnginePlugin {

  private final ProcessResourceDeployer deployer;
  private final RoleSetup roleSetup;
  private final List<UserBootstrap> userBootstraps;

  public EngineSetupPlugin(
      ProcessResourceDeployer deployer, RoleSetup roleSetup, List<UserBootstrap> userBootstraps) {
    this.deployer = deployer;
    this.roleSetup = roleSetup;
    this.userBootstraps = userBootstraps;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    try {
      deployer.deploy(processEngine.getRepositoryService());
      roleSetup.apply(processEngine);
      userBootstraps.forEach(bootstrap -> bootstrap.bootstrap(processEngine));
    } catch (RuntimeException e) {
      // The start fails; do not leave a half-started engine registered (and acquiring jobs) behind.
      processEngine.close();
      throw e;
    }
  }
}
