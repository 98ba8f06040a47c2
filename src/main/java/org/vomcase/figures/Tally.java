package org.vomcase.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.vomcase.kernel.FigureRow;

/**
 * The sums of the closed cases' counts ({@link FigureCounts}) over the days of a period: per figure and code. Read from
 * the kept counts ({@link ClosedCaseFigures#tally}), or summed from rows ({@link #of}) where the rows are at hand.
 */
final class Tally {

  private final Map<String, Map<String, BigDecimal>> sums = new HashMap<>();

  /** The counts of {@code rows} whose day falls in the period (both days included). */
  static Tally of(Collection<FigureRow> rows, LocalDate from, LocalDate to) {
    Tally tally = new Tally();
    for (FigureRow row : rows) {
      for (FigureCounts.Count count : FigureCounts.of(row)) {
        if (ProgrammeFigures.within(count.day(), from, to)) {
          tally.add(count.figure(), count.code(), count.amount());
        }
      }
    }
    return tally;
  }

  void add(String figure, String code, BigDecimal amount) {
    sums.computeIfAbsent(figure, f -> new HashMap<>()).merge(code, amount, BigDecimal::add);
  }

  /** The figure's sum (its code {@code ""}), as a whole number. */
  long count(String figure) {
    return count(figure, "");
  }

  long count(String figure, String code) {
    return amount(figure, code).longValueExact();
  }

  BigDecimal amount(String figure) {
    return amount(figure, "");
  }

  private BigDecimal amount(String figure, String code) {
    return sums.getOrDefault(figure, Map.of()).getOrDefault(code, BigDecimal.ZERO);
  }

  /** The figure's sums by code, in the codes' order; codes whose sum is 0 are left out. */
  TreeMap<String, Long> byCode(String figure) {
    TreeMap<String, Long> counts = new TreeMap<>();
    sums.getOrDefault(figure, Map.of()).forEach((code, sum) -> {
      if (sum.signum() != 0) {
        counts.put(code, sum.longValueExact());
      }
    });
    return counts;
  }

  /** The figure's sums by number of days (its codes), in ascending order of days. */
  TreeMap<Long, Long> byDays(String figure) {
    TreeMap<Long, Long> counts = new TreeMap<>();
    byCode(figure).forEach((days, sum) -> counts.merge(Long.parseLong(days), sum, Long::sum));
    return counts;
  }
}
