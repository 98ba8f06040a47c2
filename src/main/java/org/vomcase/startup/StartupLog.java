package org.vomcase.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the application where to log in. */
@Component
public class StartupLog {

  private static final Logger LOG = LoggerFactory.getLogger(StartupLog.class);

  private final Environment environment;
  private final org.vomcase.notification.MailDelivery mail;

  public StartupLog(Environment environment, org.vomcase.notification.MailDelivery mail) {
    this.environment = environment;
    this.mail = mail;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void announce() {
    String base = "http://localhost:" + environment.getProperty("local.server.port", "8080")
        + environment.getProperty("server.servlet.context-path", "");
    String webapps = base + environment.getProperty("camunda.bpm.webapp.application-path", "/camunda");
    LOG.info(
        "VOM Case is ready. Log in at {}/app/tasklist/ (mediators, coordinators), {}/app/cockpit/ (supervisors),"
            + " {}/app/admin/ (administrators); REST API {}/engine-rest (HTTP Basic). Profiles: {}",
        webapps, webapps, webapps, base, String.join(",", environment.getActiveProfiles().length > 0
            ? environment.getActiveProfiles() : environment.getDefaultProfiles()));
    LOG.info("Mail goes to the {}", mail.destination());
  }
}
