package org.vomcase.process.referral;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case numbers {@code VOM-<year>-<5 digits>}: unique, counted per year. Each number is taken in a
 * short transaction of its own, so concurrent registrations wait only for the counter row, not for
 * each other's whole start; a referral rejected later leaves a gap, which is allowed. The year's first
 * number is safe on many nodes, on H2 and PostgreSQL alike: the UPDATE finds no row, the INSERT of the row is
 * won by one transaction (primary key), and the other, refused with a duplicate key, is retried in a new
 * transaction, where its UPDATE counts on from the winner's row.
 */
@Service
public class CaseNumberGenerator {

  public static final int MAX_PER_YEAR = 99_999;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public CaseNumberGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = org.vomcase.settings.OwnTransactions.of(transactionManager);
  }

  public String next(int year) {
    Integer number = null;
    for (int attempt = 1; number == null; attempt++) {
      try {
        number = ownTransaction.execute(status -> increment(year));
      } catch (DuplicateKeyException concurrentFirstOfTheYear) {
        // Another node (or thread) created the year's counter row between our UPDATE and INSERT; our transaction
        // is rolled back (PostgreSQL allows nothing more in it), the row exists now, so the next UPDATE counts on.
        if (attempt == 3) {
          throw new IllegalStateException("Case number counter of " + year + " could not be created", concurrentFirstOfTheYear);
        }
      }
    }
    if (number > MAX_PER_YEAR) {
      throw new IllegalStateException("All " + MAX_PER_YEAR + " case numbers of " + year + " are used");
    }
    return format(year, number);
  }

  public static String format(int year, int number) {
    return String.format("VOM-%d-%05d", year, number);
  }

  private Integer increment(int year) {
    if (jdbc.update("UPDATE vom_case_counter SET last_number = last_number + 1 WHERE counter_year = ?", year) == 0) {
      // The year's first number: the primary key lets only one INSERT win; the loser retries in next().
      jdbc.update("INSERT INTO vom_case_counter (counter_year, last_number) VALUES (?, 1)", year);
      return 1;
    }
    return jdbc.queryForObject("SELECT last_number FROM vom_case_counter WHERE counter_year = ?", Integer.class, year);
  }
}
