package org.vomcase.desk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.vomcase.access.CaseRegistry;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseRecord;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.kernel.Person;

/**
 * Keeps the case list's columns of the case register ({@code vom_case.phase}, {@code next_date}, {@code next_what})
 * equal to where each case stands ({@link CaseProgress}): every step of a case or of its called processes (an activity
 * started or ended, a task created, assigned or completed, the Spring events of the Camunda starter) marks its case,
 * and once that transaction has committed the case's row is worked out again from the engine, off the request's
 * thread (a step that rolls back changes nothing). At start, the cases registered before these columns are described
 * once. The list itself never asks the engine (README "The mediator's desk").
 */
@Component
public class CaseDeskIndex {

  private static final Logger LOG = LoggerFactory.getLogger(CaseDeskIndex.class);
  private static final String MARKED = CaseDeskIndex.class.getName() + ".marked";

  private final CaseRegistry registry;
  private final CaseProgress progress;
  private final HistoryService history;
  /**
   * How long a marked case waits before its row is worked out: the steps that follow one another within it (a referral's
   * start, then its eligibility job; a task's completion, then the next task) are one refresh, not one each.
   */
  static final long REFRESH_DELAY_MILLIS = 300;

  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "vom-case-desk");
    thread.setDaemon(true);
    return thread;
  });
  /** The cases waiting for their refresh: a burst of steps of one case is one refresh. */
  private final Set<String> pending = ConcurrentHashMap.newKeySet();

  private final long delayMillis;

  @org.springframework.beans.factory.annotation.Autowired
  public CaseDeskIndex(CaseRegistry registry, CaseProgress progress, HistoryService history) {
    this(registry, progress, history, REFRESH_DELAY_MILLIS);
  }

  /** With another delay before a marked case is worked out (tests). */
  CaseDeskIndex(CaseRegistry registry, CaseProgress progress, HistoryService history, long delayMillis) {
    this.delayMillis = delayMillis;
    this.registry = registry;
    this.progress = progress;
    this.history = history;
  }

  @EventListener
  public void onExecution(DelegateExecution execution) {
    mark(execution.getProcessBusinessKey());
  }

  @EventListener
  public void onTask(DelegateTask task) {
    mark(task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey());
  }

  /** Marks the case for a refresh once the current transaction has committed (at once without one). */
  void mark(String caseNumber) {
    if (caseNumber == null) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      schedule(caseNumber);
      return;
    }
    @SuppressWarnings("unchecked")
    Set<String> marked = (Set<String>) TransactionSynchronizationManager.getResource(MARKED);
    if (marked == null) {
      Set<String> cases = new java.util.LinkedHashSet<>();
      TransactionSynchronizationManager.bindResource(MARKED, cases);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(MARKED);
          if (status == STATUS_COMMITTED) {
            cases.forEach(CaseDeskIndex.this::schedule);
          }
        }
      });
      marked = cases;
    }
    marked.add(caseNumber);
  }

  private void schedule(String caseNumber) {
    if (pending.add(caseNumber)) {
      try {
        worker.schedule(() -> {
          pending.remove(caseNumber);
          refresh(caseNumber);
        }, delayMillis, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException stopping) {
        // The application is stopping: the case's next step, or the next start's describing, brings its row up to date.
        pending.remove(caseNumber);
      }
    }
  }

  /** Works the case's row out again from the engine; a failure is logged and mended by the next step of the case. */
  public void refresh(String caseNumber) {
    try {
      registry.find(caseNumber).ifPresent(registered -> {
        if (registered.deleted()) {
          registry.progress(caseNumber, "deleted", null, null);
          return;
        }
        Case theCase = Case.of(CaseRecord.of(registered.caseInstanceId(), history, CaseVariables.VICTIMS,
            CaseVariables.OFFENDERS));
        Map<String, String> names = new LinkedHashMap<>();
        theCase.persons().forEach(p -> names.put(p.personId(), p.nameWithId()));
        CaseProgress.Standing standing = progress.standing(caseNumber, registered.caseInstanceId(), names);
        var next = standing.next();
        registry.progress(caseNumber, standing.phase(), next.map(CaseProgress.Wait::due).orElse(null),
            next.map(w -> w.what() + (w.about() == null ? "" : ": " + w.about())).orElse(standing.waits().isEmpty() ? null
                : standing.waits().get(0).what()));
      });
    } catch (RuntimeException e) {
      LOG.warn("Case list: case {} could not be brought up to date: {}", caseNumber, e.toString());
    }
  }

  /** The cases registered before the desk's columns: their persons and where they stand, once, in the background. */
  @EventListener(ApplicationReadyEvent.class)
  public void describeEarlierCases() {
    List<String> undescribed = registry.undescribed();
    if (undescribed.isEmpty()) {
      return;
    }
    worker.submit(() -> {
      for (String caseNumber : undescribed) {
        try {
          registry.find(caseNumber).filter(c -> !c.deleted()).ifPresent(registered -> {
            Case theCase = Case.of(CaseRecord.of(registered.caseInstanceId(), history));
            registry.describe(caseNumber, theCase.persons().stream().map(Person::name).toList(),
                theCase.get(CaseVariables.REFERRER_REFERENCE));
          });
        } catch (RuntimeException e) {
          LOG.warn("Case list: the persons of case {} could not be read: {}", caseNumber, e.toString());
        }
        refresh(caseNumber);
      }
      LOG.info("Case list: {} cases registered before the case list described", undescribed.size());
    });
  }

  /** Waits until the refreshes asked for so far are done (tests, shutdown); false when they were not within the time. */
  public boolean settle(long millis) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (!pending.isEmpty()) {
      if (System.nanoTime() > until) {
        return false;
      }
      Thread.sleep(20);
    }
    var done = worker.submit(() -> { });
    try {
      done.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
      return true;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return false;
    }
  }

  /** Works out the rows still waiting for their delay before the engine and the database go (at most a few seconds). */
  @jakarta.annotation.PreDestroy
  void stop() throws InterruptedException {
    worker.shutdown();
    if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
      LOG.warn("Case list: {} case(s) not brought up to date before the stop; their next step does it", pending.size());
    }
  }
}
