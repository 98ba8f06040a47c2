package org.vomcase.settings;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.TimeZone;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Runs the application in the programme's time zone ({@code VOM_TIME_ZONE}, default per profile): a
 * session the mediator sets for 10:00 is 10:00 where the programme is, whatever zone the server or
 * container was started in; due dates, reminders, dates in messages and calendar invitations follow
 * the same clock. Set as soon as the configuration is read, before the database pool or the engine
 * exist (registered in {@code META-INF/spring.factories}), since JDBC drivers keep the zone they start with.
 */
public class ProgrammeTimeZone implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    TimeZone.setDefault(TimeZone.getTimeZone(zone(event.getEnvironment())));
  }

  static ZoneId zone(Environment environment) {
    return zone(environment.getProperty("vom.programme.time-zone", ""), environment.getProperty("vom.programme.profile", "de_toa"));
  }

  /** The configured zone, else the profile's; a wrong one is refused with the setting's name. */
  static ZoneId zone(String configured, String profile) {
    if (configured == null || configured.isBlank()) {
      return org.vomcase.kernel.ProgrammeProfile.DEFAULTS.containsKey(profile.trim())
          ? org.vomcase.kernel.ProgrammeProfile.of(profile).zone() : ZoneId.of("Europe/Berlin");
    }
    try {
      return ZoneId.of(configured.trim());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("vom.programme.time-zone (VOM_TIME_ZONE) '" + configured
          + "' is not a time zone such as Europe/Berlin", e);
    }
  }
}
