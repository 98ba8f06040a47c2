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
 * The case list's refresh: the steps of a case that follow one another within the delay ({@link
 * CaseDeskIndex#REFRESH_DELAY_MILLIS} in the application; a referral's start and its eligibility job) are worked out once;
 * a step after the refresh is worked out again, and so is a step made while the refresh runs.
 */
class CaseDeskIndexTest {

  private final CaseRegistry registry = mock(CaseRegistry.class);
  /** A delay far longer than the test's own steps take, so that the marks below fall within it however slow the machine. */
  private final CaseDeskIndex index = new CaseDeskIndex(registry, mock(CaseProgress.class), mock(HistoryService.class), 2_000);

  @Test
  void stepsOfOneCaseInQuickSuccessionAreOneRefresh() throws InterruptedException {
    when(registry.find("VOM-2026-00001")).thenReturn(Optional.empty());
    index.mark("VOM-2026-00001");
    index.mark("VOM-2026-00001");
    index.mark("VOM-2026-00001");

    assertThat(index.settle(10_000)).isTrue();
    verify(registry, times(1)).find("VOM-2026-00001");
  }

  @Test
  void aStepAfterTheRefreshIsWorkedOutAgainAndOtherCasesOnTheirOwn() throws InterruptedException {
    when(registry.find("VOM-2026-00001")).thenReturn(Optional.empty());
    when(registry.find("VOM-2026-00002")).thenReturn(Optional.empty());
    index.mark("VOM-2026-00001");
    index.mark("VOM-2026-00002");
    assertThat(index.settle(10_000)).isTrue();

    index.mark("VOM-2026-00001");
    assertThat(index.settle(10_000)).isTrue();

    verify(registry, times(2)).find("VOM-2026-00001");
    verify(registry, times(1)).find("VOM-2026-00002");
  }

  @Test
  void aStepWhileTheRefreshRunsIsWorkedOutAgain() throws Exception {
    java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch marked = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
    when(registry.find("VOM-2026-00004")).thenAnswer(call -> {
      if (reads.incrementAndGet() == 1) {
        reading.countDown();
        marked.await(5, java.util.concurrent.TimeUnit.SECONDS);
      }
      return Optional.empty();
    });
    index.mark("VOM-2026-00004");
    assertThat(reading.await(5, java.util.concurrent.TimeUnit.SECONDS)).as("the refresh reads").isTrue();
    index.mark("VOM-2026-00004");
    marked.countDown();

    assertThat(index.settle(10_000)).isTrue();
    assertThat(reads.get()).as("the step made while the first refresh read is worked out by a second").isEqualTo(2);
  }

  @Test
  void aStopWorksOutTheRowsStillWaitingAndRefusesNoLaterStep() throws InterruptedException {
    when(registry.find("VOM-2026-00005")).thenReturn(Optional.empty());
    index.mark("VOM-2026-00005");
    index.stop();
    verify(registry, times(1)).find("VOM-2026-00005");

    index.mark("VOM-2026-00006");
    verify(registry, times(0)).find("VOM-2026-00006");
  }

  @Test
  void settleWaitsForTheDelayedRefresh() throws InterruptedException {
    when(registry.find("VOM-2026-00003")).thenReturn(Optional.empty());
    index.mark("VOM-2026-00003");
    verify(registry, times(0)).find("VOM-2026-00003");

    assertThat(index.settle(10_000)).isTrue();
    verify(registry, times(1)).find("VOM-2026-00003");
  }
}
