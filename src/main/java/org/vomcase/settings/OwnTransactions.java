package org.vomcase.settings;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Work that must commit on its own, whatever the engine's transaction around it does (case numbers, the message log). */
public final class OwnTransactions {

  private OwnTransactions() {}

  /** A template that always runs in a new transaction of its own (REQUIRES_NEW). */
  public static TransactionTemplate of(PlatformTransactionManager transactions) {
    TransactionTemplate template = new TransactionTemplate(transactions);
    template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return template;
  }
}
