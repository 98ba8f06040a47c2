package org.vomcase.process;

import java.time.Period;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.vomcase.config.VomProperties;

/**
 * The waits of the later phases per programme profile (R17, R18, R20, R26): how long after the
 * session the participants are asked for a follow-up conversation, the grace period an overdue item
 * gets after the reminder, and how long after the end of the criminal proceedings personal data are
 * kept. Each case follows the rules of the profile it was registered under; the settings {@code
 * vom.programme.follow-up-after}, {@code grace-period} and {@code retention-period} replace the
 * active profile's defaults.
 */
@Component("programmeRules")
public class ProgrammeRules {

  /** The waits of one profile. */
  public record Rules(Period followUpAfter, Period gracePeriod, Period retentionPeriod) {}

  /**
   * Defaults. Germany: deletion one year after the end of the proceedings (§155b(4) StPO). Denmark:
   * follow-up contact after the meeting; the retention of konfliktråd files is set by police records
   * rules the research could not confirm, so one year until the programme configures it. US: restitution
   * monitoring with a longer grace period; retention by the programme's court agreement (one year by default).
   */
  public static final Map<String, Rules> DEFAULTS = Map.of(
      "de_toa", new Rules(Period.ofMonths(3), Period.ofDays(14), Period.ofYears(1)),
      "dk_konfliktraad", new Rules(Period.ofMonths(1), Period.ofDays(14), Period.ofYears(1)),
      "us_vom", new Rules(Period.ofMonths(3), Period.ofDays(30), Period.ofYears(1)));

  private final String activeProfile;
  private final Rules active;

  public ProgrammeRules(VomProperties properties) {
    VomProperties.Programme programme = properties.programme();
    this.activeProfile = programme.profile();
    Rules defaults = DEFAULTS.get(activeProfile);
    this.active = new Rules(
        programme.followUpAfter() == null ? defaults.followUpAfter() : programme.followUpAfter(),
        programme.gracePeriod() == null ? defaults.gracePeriod() : programme.gracePeriod(),
        programme.retentionPeriod() == null ? defaults.retentionPeriod() : programme.retentionPeriod());
  }

  /** The rules of a case's profile (the configured ones for the active profile). */
  public Rules of(Object profile) {
    if (activeProfile.equals(profile) || profile == null) {
      return active;
    }
    Rules rules = DEFAULTS.get(profile.toString());
    if (rules == null) {
      throw new IllegalArgumentException("Unknown programme profile '" + profile + "'");
    }
    return rules;
  }
}
