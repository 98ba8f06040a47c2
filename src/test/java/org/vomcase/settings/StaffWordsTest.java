package org.vomcase.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vomcase.kernel.ItemKind;
import org.vomcase.kernel.Obligation;
import org.vomcase.kernel.Vocabularies;
import org.vomcase.kernel.Words;

/** An agreement item as staff read it in a form: the English source unchanged, German and Danish in their words. */
class StaffWordsTest {

  private static final Obligation INSTALMENT = new Obligation("I1", new ItemKind("payment"), "O1", "V1", "by transfer",
      new BigDecimal("300.00"), 3, null, LocalDate.of(2027, 1, 1), "I1-2", 2);

  private static final Obligation WORK = new Obligation("I2", new ItemKind("work_for_victim"), "O1", "V1", null,
      null, null, new BigDecimal("8"), LocalDate.of(2027, 2, 1), "I2", null);

  private static final Map<String, String> NAMES = Map.of("O1", "Carl Vogt (O1)", "V1", "Ana Roth (V1)");

  @Test
  void englishStaysAsTheRepositoryWroteIt() {
    Words english = StaffLanguage.of("en").words(Vocabularies.builtIn());
    for (Obligation item : new Obligation[] {INSTALMENT, WORK}) {
      assertThat(item.describe(NAMES, true, english)).isEqualTo(item.describe(NAMES, true, Words.ENGLISH))
          .isEqualTo(item.describe(NAMES, true));
    }
    assertThat(INSTALMENT.describe(NAMES, true)).isEqualTo(
        "I1-2 Payment, instalment 2 of 3: 300.00 (by transfer), owed by Carl Vogt (O1) to Ana Roth (V1), due 2027-01-01");
  }

  @Test
  void germanAndDanishStaffReadTheItemInTheirWords() {
    Words german = StaffLanguage.of("de").words(Vocabularies.builtIn());
    assertThat(INSTALMENT.describe(NAMES, true, german))
        .startsWith("I1-2 Zahlung, Rate 2 von 3: 300,00 (by transfer), von Carl Vogt (O1) an Ana Roth (V1), fällig am ")
        .contains("2027");
    assertThat(WORK.describe(NAMES, true, german)).contains("8 Stunden");
    Words danish = StaffLanguage.of("da").words(Vocabularies.builtIn());
    assertThat(INSTALMENT.describe(NAMES, true, danish)).startsWith("I1-2 Betaling, ").contains("fra Carl Vogt (O1) til Ana Roth (V1)");
    assertThat(WORK.describe(NAMES, true, danish)).contains("8 timer");
  }
}
