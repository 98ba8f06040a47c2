package org.vomcase.settings;

import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A German installation: staff read forms, tasks, filters and Tasklist in German ({@link StaffLanguageCase}). */
@DirtiesContext
@DisabledIfSystemProperty(named = "vom.it.database", matches = "postgres",
    disabledReason = "needs a database of its own: its deployment would be the shared database's latest")
class GermanStaffIT extends StaffLanguageCase {

  @DynamicPropertySource
  static void languageAndOwnDatabase(DynamicPropertyRegistry registry) {
    registry.add("vom.programme.staff-language", () -> "de");
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:staff-de-it;DB_CLOSE_DELAY=-1");
  }

  @Override
  String language() {
    return "de";
  }
}
