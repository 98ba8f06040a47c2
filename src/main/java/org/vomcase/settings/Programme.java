package org.vomcase.settings;

import org.springframework.stereotype.Component;
import org.vomcase.kernel.ProgrammeProfile;

/**
 * The programme this installation runs: its {@link ProgrammeProfile} with the installation's own settings
 * ({@code VOM_PROGRAMME_PROFILE}, {@code VOM_TIME_ZONE}, {@code VOM_LANGUAGE}, {@code VOM_FOLLOW_UP_AFTER},
 * {@code VOM_GRACE_PERIOD}, {@code VOM_RETENTION_PERIOD}); and the profile a case was registered under.
 */
@Component("programme")
public class Programme {

  private final ProgrammeProfile active;

  public Programme(VomProperties properties) {
    VomProperties.Programme settings = properties.programme();
    this.active = ProgrammeProfile.of(settings.profile()).with(settings.zone(), settings.language(), settings.followUpAfter(),
        settings.gracePeriod(), settings.retentionPeriod());
  }

  /** The installation's programme. */
  public ProgrammeProfile active() {
    return active;
  }

  /** The profile of a case (the one it was registered under; the installation's values for the active profile). */
  public ProgrammeProfile of(Object caseProfile) {
    if (caseProfile == null || active.code().equals(caseProfile.toString())) {
      return active;
    }
    return ProgrammeProfile.of(caseProfile.toString());
  }
}
