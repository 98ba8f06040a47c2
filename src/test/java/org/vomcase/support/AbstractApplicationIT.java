package org.vomcase.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole application on a random port, with its real configuration and the demo profile. The
 * database is H2 in memory, or the real PostgreSQL when Maven runs with {@code -Pit-postgres}.
 * The job executor is off so that tests decide when jobs run.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false"})
public abstract class AbstractApplicationIT {

  public static final String DEMO_PASSWORD = "VomDemo#2026";

  @LocalServerPort protected int port;

  @Autowired protected ProcessEngine engine;

  protected Http anonymous() {
    return new Http(port);
  }

  protected Http rest(String user) {
    return new Http(port).as(user, DEMO_PASSWORD);
  }
}
