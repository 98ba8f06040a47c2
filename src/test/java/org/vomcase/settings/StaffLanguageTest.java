package org.vomcase.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vomcase.support.Configuration;

/** The staff language is the programme's (each profile's), and English where staff have no texts. */
class StaffLanguageTest {

  @Test
  void eachProfileGivesItsLanguage() {
    assertThat(new StaffLanguage(new Programme(Configuration.demo("de_toa"))).language()).isEqualTo("de");
    assertThat(new StaffLanguage(new Programme(Configuration.demo("dk_konfliktraad"))).language()).isEqualTo("da");
    assertThat(new StaffLanguage(new Programme(Configuration.demo("us_vom"))).language()).isEqualTo("en");
  }

  @Test
  void aLanguageWithoutStaffTextsIsEnglish() {
    assertThat(StaffLanguage.of("tr")).isEqualTo("en");
    assertThat(StaffLanguage.of(null)).isEqualTo("en");
    assertThat(StaffLanguage.of("da")).isEqualTo("da");
  }
}
