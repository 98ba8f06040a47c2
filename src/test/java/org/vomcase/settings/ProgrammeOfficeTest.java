package org.vomcase.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vomcase.kernel.Vocabulary;
import org.vomcase.support.Configuration;

/**
 * The programme's office that every letter and mail gives (name, postal address, phone, office hours): each
 * profile's demo installation has a complete one from {@code application.yaml}, the installation's own settings
 * win, anything else than a complete and well-formed office stops the start with what to set.
 */
class ProgrammeOfficeTest {

  @Test
  void everyProfilesDemoInstallationHasACompleteOffice() {
    for (String profile : Vocabulary.PROGRAMME_PROFILES.keySet()) {
      VomProperties.Office office = Configuration.demo(profile).programme().office();
      assertThat(office.missing()).as(profile).isEmpty();
      assertThat(office.require()).as(profile).isSameAs(office);
    }
    assertThat(Configuration.demo("de_toa").programme().office().name()).isEqualTo("Täter-Opfer-Ausgleich Musterstadt");
    assertThat(Configuration.demo("dk_konfliktraad").programme().office().name()).isEqualTo("Konfliktrådet i Eksempelby");
    assertThat(Configuration.demo("us_vom").programme().office().phone()).isEqualTo("(217) 555-0142");
  }

  @Test
  void theInstallationsOwnSettingsWinOverTheDemoOffice() {
    VomProperties.Office office = Configuration.bind(true, Map.of("vom.programme.profile", "dk_konfliktraad",
        "vom.programme.office.phone", "+45 70 10 20 30")).programme().office();
    assertThat(office.phone()).isEqualTo("+45 70 10 20 30");
    assertThat(office.name()).isEqualTo("Konfliktrådet i Eksempelby");
  }

  @Test
  void withoutTheDemoProfileNothingIsMadeUpAndTheStartNamesWhatToSet() {
    VomProperties production = Configuration.bind(false, Map.of("vom.programme.office.name", "TOA Nordstadt"));
    assertThat(production.programme().office().missing()).containsExactly("vom.programme.office.address (VOM_PROGRAMME_ADDRESS)",
        "vom.programme.office.phone (VOM_PROGRAMME_PHONE)", "vom.programme.office.hours (VOM_PROGRAMME_OFFICE_HOURS)");
    assertThatThrownBy(() -> production.programme().office().require()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("VOM_PROGRAMME_ADDRESS").hasMessageContaining("VOM_PROGRAMME_PHONE")
        .hasMessageContaining("VOM_PROGRAMME_OFFICE_HOURS").hasMessageNotContaining("VOM_PROGRAMME_NAME");
    assertThat(Configuration.bind(false, Map.of()).programme().office().missing()).hasSize(4);
  }

  @Test
  void aMalformedPhoneOrOfficeHoursIsRefusedWithTheSetting() {
    assertThatThrownBy(() -> new VomProperties.Office("TOA", "Weg 1", "call us", null))
        .hasMessageContaining("VOM_PROGRAMME_PHONE").hasMessageContaining("call us");
    for (String hours : new String[] {"weekdays", "Mon-Fri 9-17", "Mon-Fri 15:00-09:00", "Fri-Mon 09:00-12:00",
        "Mon-Fri 09:00-25:00", "Mo-Fr 09:00-12:00", "Mon-Fri 09:00-12:00,"}) {
      assertThatThrownBy(() -> new VomProperties.Office("TOA", "Weg 1", "030 1234", hours)).as(hours)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VOM_PROGRAMME_OFFICE_HOURS");
    }
  }

  @Test
  void officeHoursAreWrittenInEachLanguagesWords() {
    OfficeHours hours = OfficeHours.parse("Mon-Thu 09:00-15:00, fri 9:00-12:30");
    assertThat(hours.text(Locale.forLanguageTag("de"))).isEqualTo("Mo.–Do. 09:00–15:00, Fr. 09:00–12:30");
    assertThat(hours.text(Locale.forLanguageTag("da"))).isEqualTo("man.–tor. 09.00–15.00, fre. 09.00–12.30");
    assertThat(hours.text(Locale.forLanguageTag("en"))).isEqualTo("Mon–Thu 9:00 AM–3:00 PM, Fri 9:00 AM–12:30 PM");
  }
}
