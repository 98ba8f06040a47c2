package org.vomcase.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.vomcase.access.CaseRegistry;

/**
 * The case list's refresh: the steps of a case that follow one another within {@link CaseDeskIndex#REFRESH_DELAY_MILLIS}
 * (a referral's start and its eligibility job) are worked out once; a step after the refresh is worked out again.
 */
class CaseDeskIndexTest {

  private final CaseRegistry registry = mock(CaseRegistry.class);
  private final CaseDeskIndex index = new CaseDeskIndex(registry, mock(CaseProgress.class), mock(HistoryService.class));

  @Test
  void stepsOfOneCaseInQuickSuccessionAreOneRefresh() throws InterruptedException {
    when(registry.find("VOM-2026-00001")).thenReturn(Optional.empty());
    index.mark("VOM-2026-00001");
    index.mark("VOM-2026-00001");
    index.mark("VOM-2026-00001");

    assertThat(index.settle(5_000)).isTrue();
    verify(registry, times(1)).find("VOM-2026-00001");
  }

  @Test
  void aStepAfterTheRefreshIsWorkedOutAgainAndOtherCasesOnTheirOwn() throws InterruptedException {
    when(registry.find("VOM-2026-00001")).thenReturn(Optional.empty());
    when(registry.find("VOM-2026-00002")).thenReturn(Optional.empty());
    index.mark("VOM-2026-00001");
    index.mark("VOM-2026-00002");
    assertThat(index.settle(5_000)).isTrue();

    index.mark("VOM-2026-00001");
    assertThat(index.settle(5_000)).isTrue();

    verify(registry, times(2)).find("VOM-2026-00001");
    verify(registry, times(1)).find("VOM-2026-00002");
  }

  @Test
  void settleWaitsForTheDelayedRefresh() throws InterruptedException {
    when(registry.find("VOM-2026-00003")).thenReturn(Optional.empty());
    index.mark("VOM-2026-00003");
    verify(registry, times(0)).find("VOM-2026-00003");

    assertThat(index.settle(5_000)).isTrue();
    verify(registry, times(1)).find("VOM-2026-00003");
  }
}
