package org.vomcase.settings;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The node's name ({@code VOM_NODE_NAME}) where several application nodes share one database: the engine writes
 * it into the job log with every job it runs (Cockpit, the fault suite) and into its metrics, so an operator sees
 * which node ran or failed a job. Unset, the engine names the node by its IP address, which behind a container
 * network says little.
 */
@Component
public class NodeNamePlugin extends AbstractProcessEnginePlugin {

  private final String nodeName;

  public NodeNamePlugin(@Value("${vom.node-name:}") String nodeName) {
    this.nodeName = nodeName == null ? "" : nodeName.trim();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!nodeName.isEmpty()) {
      configuration.setHostname(nodeName);
    }
  }

  public String nodeName() {
    return nodeName;
  }
}
