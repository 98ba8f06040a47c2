package org.vomcase.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a caller chose reaches the log as one short line: no forged log lines, no flooding with a 20,000-character value. */
class EngineBoundaryLogTest {

  @Test
  void refusedTextIsOneLineOfAtMostThreeHundredCharacters() {
    String forged = "offenceCategory: 'x'\n2026-11-30 INFO admin logged in\r\n" + "é".repeat(20_000);

    String logged = EngineBoundary.forLog(forged);

    assertThat(logged).doesNotContain("\n", "\r").startsWith("offenceCategory: 'x' 2026-11-30 INFO admin logged in ")
        .endsWith("(20053 characters)");
    assertThat(logged.length()).isLessThan(330);
    assertThat(EngineBoundary.forLog("GET /engine-rest/task")).isEqualTo("GET /engine-rest/task");
  }
}
