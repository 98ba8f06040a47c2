package org.vomcase.figures;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vomcase.kernel.FigureRow;
import org.vomcase.store.KeptCounts;

/**
 * The anonymous figures of closed cases (R20, R25): each closed case's row in {@code vom_case_figures}, and what it adds to
 * the figures counted per day in {@code vom_closed_case_counts} ({@link FigureCounts}), written in one transaction. The
 * figures of a period ({@link #tally}) sum the counts of its days: one grouped read of a few rows per day, however many
 * cases closed in it. The TOA export, which lists every case, reads the rows ({@link #rows}).
 *
 * <p>A row that is not counted yet ({@code counted} NULL: written before the counts existed, or by SQL) is counted at the
 * next start ({@link #countEarlierRows}), once, however many nodes start together. A row whose details cannot be read,
 * or whose counts the table cannot hold, is marked {@code counted = FALSE} and left out of the figures (logged).
 */
@Component
public class ClosedCaseFigures {

  private static final Logger LOG = LoggerFactory.getLogger(ClosedCaseFigures.class);

  static final KeptCounts.Table COUNTS = new KeptCounts.Table("vom_closed_case_counts",
      List.of("programme_profile", "counted_on", "figure", "code"), "amount");

  /**
   * How many earlier rows one transaction of the start's counting counts: in order of closure, so that a batch's rows
   * share their days' counts and each count is written once per batch.
   */
  private static final int BATCH = 2_000;

  private static final String COLUMNS = "id, programme_profile, referral_source, procedural_stage, offence_category,"
      + " registered_on, closed_on, closure_reason, victims, offenders, session_outcome, meeting_type, agreement_fulfilment,"
      + " details";

  private final JdbcTemplate jdbc;
  private final KeptCounts counts;
  private final TransactionTemplate transaction;

  public ClosedCaseFigures(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.counts = new KeptCounts(jdbc);
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Keeps the figures of a case that closed, in the caller's transaction (or in one of its own): its row and its
   * counts, together. A row of the same id kept before (a retried job) is left as it is and counted once: returns false
   * then. Figures that the counts cannot hold (a code longer than the column) are refused.
   */
  public boolean keep(FigureRow row) {
    Boolean kept = transaction.execute(status -> keepInTransaction(row));
    return Boolean.TRUE.equals(kept);
  }

  private boolean keepInTransaction(FigureRow row) {
    if (kept(row.id())) {
      return false;
    }
    List<FigureCounts.Count> rowCounts = FigureCounts.of(row);
    String unfit = unfit(rowCounts);
    if (unfit != null) {
      throw new IllegalStateException("The figures of " + row.id() + " cannot be counted: " + unfit);
    }
    jdbc.update("INSERT INTO vom_case_figures (" + COLUMNS + ", counted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        + " TRUE)", row.id(), row.profile(), row.referralSource(), row.proceduralStage(), row.offenceCategory(),
        sqlDate(row.registeredOn()), sqlDate(row.closedOn()), row.closureReason(), row.victims(), row.offenders(),
        row.sessionOutcome(), row.meetingType(), row.agreementFulfilment(), row.details().json());
    count(row.profile(), rowCounts);
    return true;
  }

  /** Whether the figures of this id are kept. */
  public boolean kept(String id) {
    Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM vom_case_figures WHERE id = ?", Integer.class, id);
    return existing != null && existing > 0;
  }

  /** The sums of the profile's counts from {@code from} to {@code to} (both included), per figure and code. */
  Tally tally(String profile, LocalDate from, LocalDate to) {
    Tally tally = new Tally();
    jdbc.query("SELECT figure, code, SUM(amount) FROM vom_closed_case_counts WHERE programme_profile = ?"
        + " AND counted_on BETWEEN ? AND ? GROUP BY figure, code", (RowCallbackHandler) row ->
            tally.add(row.getString(1), row.getString(2), row.getBigDecimal(3)), profile, Date.valueOf(from),
        Date.valueOf(to));
    return tally;
  }

  /** The rows of the profile's cases closed from {@code from} to {@code to}, by day of closure. */
  List<FigureRow> rows(String profile, LocalDate from, LocalDate to) {
    return jdbc.query("SELECT " + COLUMNS + " FROM vom_case_figures WHERE programme_profile = ? AND closed_on BETWEEN ? AND ?"
        + " ORDER BY closed_on, id", ROW, profile, Date.valueOf(from), Date.valueOf(to));
  }

  /**
   * Counts the rows that are not counted yet, a batch per transaction, and returns how many it counted. Each row is
   * marked counted by a guarded update before its counts are added, in the same transaction: a row another node counts
   * meanwhile is counted by that node alone.
   */
  public int countEarlierRows() {
    int counted = 0;
    while (true) {
      Integer batch = transaction.execute(status -> {
        List<Earlier> rows = jdbc.query("SELECT " + COLUMNS + " FROM vom_case_figures WHERE counted IS NULL"
            + " ORDER BY closed_on, id"
            + " FETCH FIRST " + BATCH + " ROWS ONLY", (rs, i) -> {
              try {
                return new Earlier(rs.getString(1), ROW.mapRow(rs, i), null);
              } catch (IllegalStateException unreadable) {
                return new Earlier(rs.getString(1), null, unreadable.getMessage());
              }
            });
        int[] marked = jdbc.batchUpdate("UPDATE vom_case_figures SET counted = ? WHERE id = ? AND counted IS NULL",
            rows.stream().map(r -> new Object[] {r.row() != null, r.id()}).toList());
        int added = 0;
        for (int i = 0; i < rows.size(); i++) {
          Earlier earlier = rows.get(i);
          if (marked[i] == 0) {
            continue; // counted by another node meanwhile
          }
          if (earlier.row() == null) {
            // Marked FALSE: left out of the figures, and the next start does not stop at it.
            LOG.warn("Figures: the row {} is left out of the figures: {}", earlier.id(), earlier.unreadable());
            continue;
          }
          List<FigureCounts.Count> rowCounts = FigureCounts.of(earlier.row());
          String unfit = unfit(rowCounts);
          if (unfit != null) {
            jdbc.update("UPDATE vom_case_figures SET counted = FALSE WHERE id = ?", earlier.id());
            LOG.warn("Figures: the row {} is left out of the figures: {}", earlier.id(), unfit);
            continue;
          }
          count(earlier.row().profile(), rowCounts);
          added++;
        }
        return rows.isEmpty() ? -1 : added;
      });
      if (batch == null || batch < 0) {
        return counted;
      }
      counted += batch;
    }
  }

  /** A row not counted yet: its figures, or why they cannot be read. */
  private record Earlier(String id, FigureRow row, String unreadable) {}

  /**
   * At every start: the rows not counted yet (an installation's closed cases from before the counts, rows written by
   * SQL) are counted. Later starts find none. A failure is logged, not thrown: the application runs, and the next start
   * counts what is left.
   */
  @Order(3)
  @EventListener(ApplicationReadyEvent.class)
  public void countTheEarlierClosedCases() {
    try {
      int counted = countEarlierRows();
      if (counted > 0) {
        LOG.info("Figures: {} closed case(s) counted that were not counted yet", counted);
      }
    } catch (RuntimeException e) {
      LOG.warn("Figures: the closed cases not counted yet could not be counted now; the next start does it", e);
    }
  }

  private void count(String profile, List<FigureCounts.Count> rowCounts) {
    for (FigureCounts.Count count : rowCounts) {
      counts.add(COUNTS, List.of(profile, count.day(), count.figure(), count.code()), count.amount());
    }
  }

  /** What of the counts the table cannot hold (a code longer than 100 characters, an amount beyond 18 digits), or null. */
  static String unfit(List<FigureCounts.Count> rowCounts) {
    for (FigureCounts.Count count : rowCounts) {
      if (count.code().length() > 100) {
        return "the code of " + count.figure() + " is longer than 100 characters";
      }
      if (count.amount().abs().compareTo(MAX_AMOUNT) >= 0) {
        return "the amount of " + count.figure() + " has more than 18 digits before the point";
      }
    }
    return null;
  }

  private static final java.math.BigDecimal MAX_AMOUNT = java.math.BigDecimal.TEN.pow(18);

  private static final RowMapper<FigureRow> ROW = (rs, i) -> {
    try {
      return new FigureRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
          rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(), rs.getString(8),
          rs.getInt(9), rs.getInt(10), rs.getString(11), rs.getString(12), rs.getString(13),
          FigureRow.Details.parse(rs.getString(14)));
    } catch (IllegalStateException e) {
      throw new IllegalStateException("Figures row " + rs.getString(1) + " has unreadable details", e);
    }
  };

  private static Date sqlDate(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }
}
