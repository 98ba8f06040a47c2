package org.vomcase.settings;

import org.vomcase.settings.ProgrammeTimeZone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The programme's time zone: the configured one, else the profile's; a wrong one stops the start with the reason. */
class ProgrammeTimeZoneTest {

  @Test
  void theProfilesZoneUnlessOneIsConfigured() {
    assertThat(ProgrammeTimeZone.zone(new MockEnvironment())).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(ProgrammeTimeZone.zone(new MockEnvironment().withProperty("vom.programme.profile", "dk_konfliktraad")))
        .isEqualTo(ZoneId.of("Europe/Copenhagen"));
    assertThat(ProgrammeTimeZone.zone(new MockEnvironment().withProperty("vom.programme.profile", "us_vom")
        .withProperty("vom.programme.time-zone", "America/Chicago"))).isEqualTo(ZoneId.of("America/Chicago"));
    assertThatThrownBy(() -> ProgrammeTimeZone.zone(new MockEnvironment().withProperty("vom.programme.time-zone", "Mars/Base")))
        .hasMessageContaining("VOM_TIME_ZONE").hasMessageContaining("Mars/Base");
  }
}
