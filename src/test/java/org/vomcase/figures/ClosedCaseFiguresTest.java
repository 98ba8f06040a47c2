package org.vomcase.figures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;
import org.vomcase.kernel.FigureRow;
import org.vomcase.kernel.Vocabularies;

/**
 * The closed cases' figures read from their kept counts are the figures of their rows, for any period: after cases kept
 * as they close (once, however often a job is retried; nothing when the transaction rolls back; from concurrent
 * transactions) and after rows written before the counts existed, counted at start once however often it starts. On
 * H2 here; {@code FiguresIT} reads the same over HTTP on H2 and PostgreSQL (its upsert).
 */
class ClosedCaseFiguresTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate EVER = LocalDate.of(2000, 1, 1);
  private static final LocalDate NEVER = LocalDate.of(2100, 1, 1);

  private JdbcTemplate jdbc;
  private ClosedCaseFigures closed;
  private TransactionTemplate transaction;

  @BeforeEach
  void noFigures() {
    DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:closed-counts;DB_CLOSE_DELAY=-1", "sa", "");
    new ResourceDatabasePopulator(new ClassPathResource("schema.sql")).execute(dataSource);
    jdbc = new JdbcTemplate(dataSource);
    jdbc.update("DELETE FROM vom_case_figures");
    jdbc.update("DELETE FROM vom_closed_case_counts");
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    closed = new ClosedCaseFigures(jdbc, transactions);
    transaction = new TransactionTemplate(transactions);
  }

  @Test
  void theCountsGiveTheRowsFiguresForEveryPeriod() throws Exception {
    FiguresGenerator.seed(jdbc, "de_toa", 3_000, 2025, 11);
    FiguresGenerator.seed(jdbc, "us_vom", 500, 2025, 12);
    assertThat(closed.countEarlierRows()).isEqualTo(3_500);
    List<LocalDate[]> periods = List.of(new LocalDate[] {LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)},
        new LocalDate[] {LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)},
        new LocalDate[] {LocalDate.of(2025, 6, 15), LocalDate.of(2025, 6, 15)},
        new LocalDate[] {LocalDate.of(2025, 10, 1), LocalDate.of(2026, 3, 31)},
        new LocalDate[] {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)});
    for (LocalDate[] period : periods) {
      assertThat(fromCounts("de_toa", period[0], period[1])).as("%s to %s", period[0], period[1])
          .isEqualTo(fromRows("de_toa", period[0], period[1]));
    }
    JsonNode year = fromCounts("de_toa", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
    assertThat(year.at("/cases/closed").asLong()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM vom_case_figures"
        + " WHERE programme_profile = 'de_toa' AND closed_on BETWEEN '2025-01-01' AND '2025-12-31'", Long.class));
    assertThat(year.at("/phases/toClosure/median").asDouble()).as("registered to closed: 20 to 79 days").isBetween(20.0, 79.0);
    assertThat(fromCounts("us_vom", EVER, NEVER).at("/cases/closed").asInt()).as("each profile its own").isEqualTo(500);
    assertThat(closed.countEarlierRows()).as("a second start finds nothing to count").isZero();
  }

  @Test
  void aCaseKeptTwiceCountsOnceAndARolledBackOneNotAtAll() throws Exception {
    FigureRow a = ProgrammeFiguresTest.A;
    assertThat((Boolean) transaction.execute(status -> closed.keep(a))).isTrue();
    assertThat((Boolean) transaction.execute(status -> closed.keep(a))).as("a retried job").isFalse();
    transaction.executeWithoutResult(status -> {
      closed.keep(ProgrammeFiguresTest.B);
      status.setRollbackOnly();
    });
    assertThat(closed.kept(ProgrammeFiguresTest.B.id())).isFalse();
    assertThat(fromCounts("de_toa", EVER, NEVER)).isEqualTo(fromRows("de_toa", EVER, NEVER));
    assertThat(fromCounts("de_toa", EVER, NEVER).at("/cases/closed").asInt()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT counted FROM vom_case_figures WHERE id = ?", Boolean.class, a.id())).isTrue();
    assertThat(closed.countEarlierRows()).as("kept rows are counted already").isZero();
  }

  @Test
  void aCaseKeptWithoutATransactionIsCountedAtOnce() throws Exception {
    closed.keep(ProgrammeFiguresTest.E);
    assertThat(fromCounts("de_toa", EVER, NEVER).at("/cases/closed").asInt()).isEqualTo(1);
    assertThat(fromCounts("de_toa", EVER, NEVER)).isEqualTo(fromRows("de_toa", EVER, NEVER));
  }

  @Test
  void casesClosingConcurrentlyAreEachCounted() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        int t = thread;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            FigureRow row = copy(ProgrammeFiguresTest.E, "t" + t + "-" + i);
            transaction.execute(status -> closed.keep(row));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    JsonNode figures = fromCounts("de_toa", EVER, NEVER);
    assertThat(figures.at("/cases/closed").asInt()).isEqualTo(100);
    assertThat(figures).isEqualTo(fromRows("de_toa", EVER, NEVER));
  }

  @Test
  void anUnreadableEarlierRowIsLeftOutAndTheOthersAreCounted() throws Exception {
    FiguresGenerator.seed(jdbc, "de_toa", 20, 2025, 13);
    jdbc.update("UPDATE vom_case_figures SET details = 'not json' WHERE id = (SELECT MIN(id) FROM vom_case_figures)");
    assertThat(closed.countEarlierRows()).isEqualTo(19);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vom_case_figures WHERE counted = FALSE", Integer.class)).isEqualTo(1);
    assertThat(closed.countEarlierRows()).as("the next start does not stop at it").isZero();
    assertThat(fromCounts("de_toa", EVER, NEVER).at("/cases/closed").asInt()).isEqualTo(19);
  }

  @Test
  void anEarlierRowWhoseCodeTheCountsCannotHoldIsLeftOutAndTheOthersAreCounted() throws Exception {
    FiguresGenerator.seed(jdbc, "de_toa", 20, 2025, 14);
    jdbc.update("UPDATE vom_case_figures SET details = REPLACE(details, '\"satisfied\"', ?) WHERE id ="
        + " (SELECT MAX(id) FROM vom_case_figures WHERE details LIKE '%satisfied%')", "\"" + "y".repeat(120) + "\"");
    assertThat(closed.countEarlierRows()).isEqualTo(19);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vom_case_figures WHERE counted = FALSE", Integer.class)).isEqualTo(1);
    assertThat(fromCounts("de_toa", EVER, NEVER).at("/cases/closed").asInt()).isEqualTo(19);
  }

  private JsonNode fromCounts(String profile, LocalDate from, LocalDate to) throws Exception {
    return json(ProgrammeFigures.compute(from, to, profile, closed.tally(profile, from, to), List.of(), List.of(),
        Vocabularies.builtIn(), "de"));
  }

  /** The figures of every row of the profile whose day falls in the period, summed in memory. */
  private JsonNode fromRows(String profile, LocalDate from, LocalDate to) throws Exception {
    List<FigureRow> rows = closed.rows(profile, EVER, NEVER).stream()
        .filter(r -> !Boolean.FALSE.equals(jdbc.queryForObject("SELECT counted FROM vom_case_figures WHERE id = ?",
            Boolean.class, r.id()))).toList();
    return json(ProgrammeFigures.compute(from, to, profile, rows, List.of(), List.of(), Vocabularies.builtIn(), "de"));
  }

  private static JsonNode json(Map<String, Object> figures) throws Exception {
    return JSON.readTree(JSON.writeValueAsString(figures));
  }

  private static FigureRow copy(FigureRow row, String id) {
    return new FigureRow(id, row.profile(), row.referralSource(), row.proceduralStage(), row.offenceCategory(),
        row.registeredOn(), row.closedOn(), row.closureReason(), row.victims(), row.offenders(), row.sessionOutcome(),
        row.meetingType(), row.agreementFulfilment(), row.details());
  }
}
