package org.vomcase.deployment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, after the application's own deployment: whether the engine runs what the repository holds. One line
 * per diagram, decision table or form that differs (or that only the engine or only the repository has), with where
 * its latest deployment came from; else one line saying all are equal. A failing check never stops the start.
 */
@Component
public class DriftLog {

  private static final Logger LOG = LoggerFactory.getLogger(DriftLog.class);

  private final DeploymentDrift drift;

  public DriftLog(DeploymentDrift drift) {
    this.drift = drift;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void log() {
    try {
      DeploymentDrift.Report report = drift.check();
      if (report.differing().isEmpty()) {
        LOG.info("Deployment drift: {}", drift.summary(report).get(0));
      } else {
        drift.summary(report).forEach(line -> LOG.warn("Deployment drift: {}", line));
      }
    } catch (RuntimeException e) {
      LOG.warn("Deployment drift could not be checked: {}", e.toString());
    }
  }
}
