package org.vomcase.kernel;

import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that differs between the programmes this product runs (R26), in one place: the time zone,
 * the language of staff, referrers and letters, the currency of agreements, and the waits of the later
 * phases: the follow-up conversation after the session (R18), the grace period of an overdue agreement
 * item (R17) and how long personal data are kept after the end of the criminal proceedings (R20). The
 * decision tables hold the programme's rules; this holds its settings. Each case keeps the profile it was
 * registered under. The installation's settings may replace the active profile's values ({@code vom.programme.*}).
 *
 * @param code {@code de_toa}, {@code dk_konfliktraad} or {@code us_vom}
 * @param guardiansFirst whether a minor is reached through their parents or guardians: the introduction goes to
 *     them and the first call is theirs, the minor is asked with or after them (konfliktråd: the holder of parental
 *     authority consents for anyone under 18, §2(2)); otherwise the minor is written to and called, with a copy of
 *     every letter to the guardians the referral names
 */
public record ProgrammeProfile(String code, ZoneId zone, String language, String currency, Period followUpAfter,
    Period gracePeriod, Period retentionPeriod, boolean guardiansFirst) {

  /**
   * The profiles' defaults. Germany: deletion one year after the end of the proceedings (§155b(4) StPO).
   * Denmark: follow-up contact a month after the meeting; the retention of konfliktråd files is set by
   * police records rules the research could not confirm, so one year until the programme configures it.
   * US: restitution monitoring with a longer grace period; retention by the programme's court agreement.
   */
  public static final Map<String, ProgrammeProfile> DEFAULTS = defaults();

  private static Map<String, ProgrammeProfile> defaults() {
    Map<String, ProgrammeProfile> profiles = new LinkedHashMap<>();
    profiles.put("de_toa", new ProgrammeProfile("de_toa", ZoneId.of("Europe/Berlin"), "de", "EUR", Period.ofMonths(3),
        Period.ofDays(14), Period.ofYears(1), false));
    profiles.put("dk_konfliktraad", new ProgrammeProfile("dk_konfliktraad", ZoneId.of("Europe/Copenhagen"), "da", "DKK",
        Period.ofMonths(1), Period.ofDays(14), Period.ofYears(1), true));
    profiles.put("us_vom", new ProgrammeProfile("us_vom", ZoneId.of("America/New_York"), "en", "USD", Period.ofMonths(3),
        Period.ofDays(30), Period.ofYears(1), false));
    return Map.copyOf(profiles);
  }

  /** A profile's defaults; an unknown code is refused with the known ones. */
  public static ProgrammeProfile of(String code) {
    ProgrammeProfile profile = code == null ? null : DEFAULTS.get(code.trim());
    if (profile == null) {
      throw new IllegalArgumentException("'" + code + "' is not a programme profile (" + String.join(", ",
          new java.util.TreeSet<>(DEFAULTS.keySet())) + ")");
    }
    return profile;
  }

  /** This profile with the installation's own values where it sets them (null keeps the profile's). */
  public ProgrammeProfile with(ZoneId zone, String language, Period followUpAfter, Period gracePeriod, Period retentionPeriod) {
    return new ProgrammeProfile(code, zone == null ? this.zone : zone, language == null ? this.language : language, currency,
        followUpAfter == null ? this.followUpAfter : followUpAfter, gracePeriod == null ? this.gracePeriod : gracePeriod,
        retentionPeriod == null ? this.retentionPeriod : retentionPeriod, guardiansFirst);
  }
}
