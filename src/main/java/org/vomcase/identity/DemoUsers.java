package org.vomcase.identity;

import org.vomcase.kernel.Roles;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.vomcase.settings.VomProperties;

/**
 * Demo users for trying the system out: one per role, three mediators. Only in the {@code demo}
 * profile, which is the default profile and never part of a production start.
 */
@Component
@Profile("demo")
public class DemoUsers implements UserBootstrap {

  /** A demo user and the role groups it belongs to. */
  public record DemoUser(String id, String firstName, String lastName, List<String> groups) {
    public String email() {
      return id + "@vom-demo.invalid";
    }
  }

  public static final List<DemoUser> USERS =
      List.of(
          new DemoUser("clara", "Clara", "Berg", List.of(Roles.COORDINATORS)),
          new DemoUser("mara", "Mara", "Jensen", List.of(Roles.MEDIATORS)),
          new DemoUser("jonas", "Jonas", "Weber", List.of(Roles.MEDIATORS)),
          new DemoUser("lea", "Lea", "Nielsen", List.of(Roles.MEDIATORS)),
          new DemoUser("sam", "Sam", "Carter", List.of(Roles.SUPERVISORS)),
          new DemoUser("admin", "Alex", "Admin", List.of(Roles.ADMINISTRATORS)),
          new DemoUser("policeapi", "Police", "Referral System", List.of(Roles.REFERRERS)));

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  private final String password;

  public DemoUsers(VomProperties properties) {
    this.password = properties.demo().password();
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("vom.demo.password is not set; the demo profile needs it");
    }
  }

  @Override
  public void bootstrap(ProcessEngine engine) {
    for (DemoUser user : USERS) {
      if (Users.ensure(
          engine.getIdentityService(),
          user.id(),
          user.firstName(),
          user.lastName(),
          user.email(),
          password,
          user.groups())) {
        LOG.info("Created demo user {} ({})", user.id(), String.join(", ", user.groups()));
      }
    }
    LOG.warn("Demo profile active: demo users with a published password exist. Never use it in production.");
  }
}
