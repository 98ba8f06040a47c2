package org.vomcase.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which language staff read: VOM_STAFF_LANGUAGE, else the programme's, written as an operator may write them. */
class StaffLanguageChoiceTest {

  @Test
  void theProgrammesLanguageUnlessStaffHaveAnother() {
    assertThat(StaffLanguage.choose("de", "")).isEqualTo("de");
    assertThat(StaffLanguage.choose("da", null)).isEqualTo("da");
    assertThat(StaffLanguage.choose("de", "en")).isEqualTo("en");
  }

  @Test
  void spellingsAnOperatorMayUseAreUnderstood() {
    assertThat(StaffLanguage.choose("DE", " ")).isEqualTo("de");
    assertThat(StaffLanguage.choose("de", " DA ")).isEqualTo("da");
  }

  @Test
  void aProgrammeLanguageWithoutScreensGivesEnglishAnUnknownStaffLanguageIsRefused() {
    assertThat(StaffLanguage.choose("tr", null)).isEqualTo("en");
    assertThatThrownBy(() -> StaffLanguage.choose("de", "tr")).hasMessageContaining("VOM_STAFF_LANGUAGE");
  }
}
