package org.vomcase.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which versions of the case process keep the referral's facts in one record, by their version tag. */
class ReferralRecordVersionTest {

  @Test
  void aVersionTagFromTheRecordsFirstVersionOnKeepsTheRecord() {
    assertThat(CaseMigration.atLeast("0.23.0", CaseMigration.REFERRAL_RECORD_SINCE)).isTrue();
    assertThat(CaseMigration.atLeast("0.23.1", "0.23.0")).isTrue();
    assertThat(CaseMigration.atLeast("1.0.0", "0.23.0")).isTrue();
    assertThat(CaseMigration.atLeast("0.24", "0.23.0")).isTrue();
    assertThat(CaseMigration.atLeast("0.22.0", "0.23.0")).isFalse();
    assertThat(CaseMigration.atLeast("0.9.9", "0.23.0")).isFalse();
    assertThat(CaseMigration.atLeast(null, "0.23.0")).as("no tag: an earlier version").isFalse();
    assertThat(CaseMigration.atLeast("draft", "0.23.0")).isFalse();
  }
}
