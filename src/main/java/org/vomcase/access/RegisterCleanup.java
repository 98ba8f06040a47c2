package org.vomcase.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseClock;

/**
 * After the engine's nightly history cleanup (01:00–05:00): the register forgets the personal data of the closed cases
 * whose history the cleanup removed ({@link CaseRegistry#forgetCasesWhoseHistoryIsGone}), so nothing of a person
 * outlives the case's history in the application's own tables either (R20). A case's retention deletion does the same
 * for its case at its deletion date; this covers the cases that never reached it.
 */
@Component
public class RegisterCleanup {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterCleanup.class);

  private final CaseRegistry registry;

  public RegisterCleanup(CaseRegistry registry) {
    this.registry = registry;
  }

  @Scheduled(cron = "${vom.retention.register-cleanup-cron:0 30 5 * * *}")
  public void forgetCasesWhoseHistoryIsGone() {
    int forgotten = registry.forgetCasesWhoseHistoryIsGone(CaseClock.now().toOffsetDateTime());
    if (forgotten > 0) {
      LOG.info("Register: the personal data of {} closed case(s) whose history the history cleanup removed are deleted",
          forgotten);
    }
  }
}
