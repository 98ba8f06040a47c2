package org.vomcase.store;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts kept in tables of their own and changed by increments (README "Performance at scale"): the running cases
 * ({@code vom_running_cases}, {@code vom_running_cases_by_mediator}) and the figures of closed cases
 * ({@code vom_closed_case_counts}). A reader sums a few rows per key instead of reading every case's row.
 *
 * <p>An increment joins the current transaction: the increments of one transaction, of every table and every
 * {@code KeptCounts} on the same data source, are written together just before it commits, in one order (table, then
 * key), so the counts' writers never deadlock each other and hold a count's row only from then to the commit. A
 * transaction that rolls back changes no count. Without a transaction an increment is written at once, and so is one
 * made in the transaction after its increments were written (a later synchronization's {@code beforeCommit}), outside
 * the one order. Increments belong in a transaction's work, not in its completion: one made after the commit
 * ({@code afterCommit}, {@code afterCompletion}) is not part of the transaction. Every caller (the case register's
 * changes, the keeping of a closed case's figures) adds its increments in the transaction's work.
 *
 * <p>Writing: on PostgreSQL one atomic upsert per key ({@code INSERT … ON CONFLICT … DO UPDATE}); on H2 (one node) an
 * update, else an insert, and the update again, for up to about 2 s, while another transaction holds the key's first
 * row uncommitted.
 */
public final class KeptCounts {

  /** A table of counts: its name, the columns of its primary key and the column that holds the count. */
  public record Table(String name, List<String> keyColumns, String countColumn) {
    public Table {
      keyColumns = List.copyOf(keyColumns);
    }
  }

  /** How often an H2 insert of a key another transaction holds is tried (about 2 s of waiting in all). */
  private static final int H2_INSERT_ATTEMPTS = 20;

  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  public KeptCounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Adds {@code change} to the count of {@code key} (the values of the table's key columns, in their order: strings,
   * dates, numbers) when the current transaction commits; without one, at once.
   */
  public void add(Table table, List<?> key, BigDecimal change) {
    if (key.size() != table.keyColumns().size()) {
      throw new IllegalArgumentException(table.name() + " has " + table.keyColumns().size() + " key columns, not " + key.size());
    }
    Pending pending = pending();
    pending.changes.merge(new Key(table, key.toArray()), change, BigDecimal::add);
    if (!pending.deferred) {
      pending.write();
    }
  }

  /** Whether the data source is PostgreSQL (else H2). */
  public boolean postgres() {
    Boolean known = postgres;
    if (known == null) {
      known = jdbc.execute((ConnectionCallback<Boolean>) connection -> connection.getMetaData().getDatabaseProductName()
          .toLowerCase(Locale.ROOT).contains("postgres"));
      postgres = known;
    }
    return known;
  }

  private Pending pending() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()) {
      return new Pending(false);
    }
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof Pending pending && pending.dataSource() == jdbc.getDataSource()) {
        return pending.written ? new Pending(false) : pending;
      }
    }
    Pending pending = new Pending(true);
    TransactionSynchronizationManager.registerSynchronization(pending);
    return pending;
  }

  private record Key(Table table, Object[] values) {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object[] a, Object[] b) {
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      Comparable x = (Comparable) a[i];
      Comparable y = (Comparable) b[i];
      int c = x == null ? (y == null ? 0 : -1) : y == null ? 1 : x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  private static final Comparator<Key> ORDER = Comparator.comparing((Key k) -> k.table().name())
      .thenComparing((x, y) -> compareValues(x.values(), y.values()));

  /** The increments of one transaction, written in one order just before it commits. */
  private final class Pending implements TransactionSynchronization {

    private final boolean deferred;
    private boolean written;
    private final Map<Key, BigDecimal> changes = new TreeMap<>(ORDER);

    Pending(boolean deferred) {
      this.deferred = deferred;
    }

    DataSource dataSource() {
      return jdbc.getDataSource();
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      write();
      written = true;
    }

    void write() {
      changes.forEach((key, change) -> {
        if (change.signum() != 0) {
          increment(key.table(), key.values(), change);
        }
      });
      changes.clear();
    }
  }

  private void increment(Table table, Object[] key, BigDecimal change) {
    Object[] bound = new Object[key.length];
    for (int i = 0; i < key.length; i++) {
      bound[i] = key[i] instanceof LocalDate date ? Date.valueOf(date) : key[i];
    }
    Object amount = change.stripTrailingZeros().scale() <= 0 ? (Object) change.longValueExact() : change;
    Object[] values = Arrays.copyOf(bound, bound.length + 1);
    values[bound.length] = amount;
    String names = String.join(", ", table.keyColumns());
    String count = table.countColumn();
    String insert = "INSERT INTO " + table.name() + " (" + names + ", " + count + ") VALUES ("
        + "?, ".repeat(bound.length) + "?)";
    if (postgres()) {
      jdbc.update(insert + " ON CONFLICT (" + names + ") DO UPDATE SET " + count + " = " + table.name() + "." + count
          + " + EXCLUDED." + count, values);
      return;
    }
    Object[] byKey = new Object[bound.length + 1];
    byKey[0] = amount;
    System.arraycopy(bound, 0, byKey, 1, bound.length);
    String update = "UPDATE " + table.name() + " SET " + count + " = " + count + " + ? WHERE "
        + String.join(" = ? AND ", table.keyColumns()) + " = ?";
    // H2 refuses an insert of a key another transaction inserted and has not committed yet (a concurrent update, not a
    // duplicate): a failed statement leaves the transaction intact there, so the update is tried again once it has.
    for (int attempt = 1; jdbc.update(update, byKey) == 0; attempt++) {
      try {
        jdbc.update(insert, values);
        return;
      } catch (DuplicateKeyException | TransientDataAccessException inserted) {
        if (attempt >= H2_INSERT_ATTEMPTS) {
          throw inserted;
        }
        try {
          Thread.sleep(10L * attempt);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw inserted;
        }
      }
    }
  }
}
