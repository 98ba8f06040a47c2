package org.vomcase.identity;

import org.vomcase.kernel.Roles;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.vomcase.settings.VomProperties;

/**
 * Creates the administrator of a production installation at its first start, from {@code
 * VOM_ADMIN_USER} and {@code VOM_ADMIN_PASSWORD}. Refuses to start an installation that has no
 * administrator and is given none, or whose administrator password breaks the password policy.
 * Once an administrator exists, the variables are no longer needed and never reset a password.
 */
@Component
@Profile("!demo")
public class InitialAdministrator implements UserBootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(InitialAdministrator.class);

  /** The engine's default user id whitelist is letters and digits only. */
  static final String VALID_USER_ID = "[A-Za-z0-9]{2,64}";

  private final VomProperties.Admin admin;

  public InitialAdministrator(VomProperties properties) {
    this.admin = properties.admin();
  }

  @Override
  public void bootstrap(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    long administrators = identity.createUserQuery().memberOfGroup(Roles.ADMINISTRATORS).count();
    if (administrators > 0) {
      LOG.info("{} administrator(s) exist; VOM_ADMIN_USER/VOM_ADMIN_PASSWORD are not used", administrators);
      return;
    }
    if (isBlank(admin.userId()) || isBlank(admin.password())) {
      throw new IllegalStateException(
          "No administrator exists yet. Set the environment variables VOM_ADMIN_USER and VOM_ADMIN_PASSWORD"
              + " (optionally VOM_ADMIN_FIRST_NAME, VOM_ADMIN_LAST_NAME, VOM_ADMIN_EMAIL) for the first start;"
              + " the administrator is created from them once.");
    }
    if (!admin.userId().matches(VALID_USER_ID)) {
      throw new IllegalStateException(
          "VOM_ADMIN_USER '" + admin.userId() + "' is not a valid user id (2 to 64 letters or digits)");
    }
    User candidate = identity.newUser(admin.userId());
    candidate.setFirstName(valueOr(admin.firstName(), "Programme"));
    candidate.setLastName(valueOr(admin.lastName(), "Administrator"));
    candidate.setEmail(admin.email());
    String violations = Users.policyViolations(identity, admin.password(), candidate);
    if (!violations.isEmpty()) {
      throw new IllegalStateException("VOM_ADMIN_PASSWORD does not meet the password policy: " + violations);
    }
    Users.ensure(
        identity,
        admin.userId(),
        candidate.getFirstName(),
        candidate.getLastName(),
        admin.email(),
        admin.password(),
        List.of(Roles.ADMINISTRATORS));
    LOG.info("Created administrator {} from VOM_ADMIN_USER/VOM_ADMIN_PASSWORD", admin.userId());
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String valueOr(String value, String fallback) {
    return isBlank(value) ? fallback : value;
  }
}
