package org.vomcase.identity;

import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The way back in for an installation whose administrators are all locked out, without database
 * access: start the application once with {@code VOM_UNLOCK_USERS=opsadmin} (several ids comma-separated)
 * and those users are unlocked at start; remove the variable afterwards. Wrong passwords lock a user for
 * a growing time only (at most a minute, see README "Logging in"), so this is for the rare case that
 * someone keeps guessing at the only administrator's password.
 */
@Component
public class StartupUnlock implements UserBootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(StartupUnlock.class);

  private final String users;

  public StartupUnlock(@Value("${vom.admin.unlock:}") String users) {
    this.users = users;
  }

  @Override
  public void bootstrap(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    Arrays.stream(users.split(",")).map(String::trim).filter(id -> !id.isEmpty()).forEach(id -> {
      if (identity.createUserQuery().userId(id).count() == 0) {
        LOG.warn("VOM_UNLOCK_USERS names {}, who is no user", id);
        return;
      }
      identity.unlockUser(id);
      LOG.warn("User {} unlocked at start (VOM_UNLOCK_USERS); remove the variable again", id);
    });
  }
}
