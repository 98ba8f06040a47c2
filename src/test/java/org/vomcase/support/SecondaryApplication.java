package org.vomcase.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.vomcase.VomCaseApplication;

/**
 * Starts the application a second time inside the test JVM, as a restart would: same configuration
 * and start-up (engine, deployment, roles, users), but without web server, REST API and webapps,
 * whose static registries would otherwise be taken over from the test's running application.
 */
public final class SecondaryApplication {

  private SecondaryApplication() {}

  public static ConfigurableApplicationContext start(String... arguments) {
    List<String> all = new ArrayList<>(List.of(
        // Engine names must not contain hyphens (Camunda ignores such a name and falls back to "default").
        "--camunda.bpm.process-engine-name=secondary" + UUID.randomUUID().toString().replace("-", ""),
        "--camunda.bpm.job-execution.enabled=false",
        "--spring.jmx.enabled=false",
        "--spring.autoconfigure.exclude="
            + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
            + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration"));
    all.addAll(List.of(arguments));
    return new SpringApplicationBuilder(VomCaseApplication.class)
        .web(WebApplicationType.NONE)
        .run(all.toArray(String[]::new));
  }
}
