package org.vomcase.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole application on a random port, with its real configuration and the demo profile. The
 * database is H2 in memory, or the real PostgreSQL when Maven runs with {@code -Pit-postgres}.
 * The job executor is off so that tests decide when jobs run. Mail goes to the test SMTP server.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false"})
public abstract class AbstractApplicationIT {

  public static final String DEMO_PASSWORD = "VomDemo#2026";

  @LocalServerPort protected int port;

  /** Mail goes to a real SMTP server (GreenMail, {@link MailServer}), as it goes to Mailpit or production's server. */
  @org.springframework.test.context.DynamicPropertySource
  static void mailServer(org.springframework.test.context.DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> MailServer.PORT);
    MailServer.start();
  }

  @Autowired protected ProcessEngine engine;

  protected Http anonymous() {
    return new Http(port);
  }

  protected Http rest(String user) {
    return new Http(port).as(user, DEMO_PASSWORD);
  }
}
