package org.vomcase.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
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

/**
 * The register's kept counts of running cases (what the figures and the assignment read) are, after every kind of change
 * the register knows, what a count of the register's rows gives: registrations, assignments and reassignments, a case's
 * end (once, however often it is reported), the deletion of a running or a closed case, in a transaction that commits or
 * rolls back, from concurrent transactions; and a start corrects them after the register was changed outside the
 * application, once however often it starts. On H2 here; the integration tests run the same paths on PostgreSQL (its upsert).
 */
class RunningCaseCountsTest {

  private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

  private JdbcTemplate jdbc;
  private CaseRegistry registry;
  private TransactionTemplate transaction;
  private int numbers;

  @BeforeEach
  void emptyRegister() {
    DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:running-counts;DB_CLOSE_DELAY=-1", "sa", "");
    new ResourceDatabasePopulator(new ClassPathResource("schema.sql")).execute(dataSource);
    jdbc = new JdbcTemplate(dataSource);
    for (String table : List.of("vom_case_mediator", "vom_case_referral", "vom_case", "vom_running_cases",
        "vom_running_cases_by_mediator")) {
      jdbc.update("DELETE FROM " + table);
    }
    registry = new CaseRegistry(jdbc);
    transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  @Test
  void everyChangeOfTheRegisterKeepsTheCountsExact() {
    String a = register("de_toa", DAY, "police", "pre_charge");
    String b = register("de_toa", DAY, "police", "pre_charge");
    String c = register("de_toa", DAY.plusDays(1), "court", "post_sentence");
    String d = register("us_vom", DAY, "police", "pre_charge");
    registry.register("VOM-2026-9", "instance-9", "police", null, null, at(DAY)); // an earlier case: no profile, source
    assertTheCountsAreTheRegisters();
    assertThat(registry.runningCasesRegistered("de_toa", DAY, DAY.plusDays(1)))
        .containsExactlyInAnyOrder(new CaseRegistry.RunningCount("police", "pre_charge", 2),
            new CaseRegistry.RunningCount("court", "post_sentence", 1));
    assertThat(registry.runningCasesRegistered("de_toa", DAY, DAY)).as("the period's last day is included; the next not")
        .containsExactly(new CaseRegistry.RunningCount("police", "pre_charge", 2));
    assertThat(registry.runningCasesRegistered("de_toa", DAY.plusDays(2), DAY.plusDays(9))).isEmpty();
    assertThat(registry.runningCasesRegistered(null, DAY, DAY)).as("the earlier case, counted without its values")
        .containsExactly(new CaseRegistry.RunningCount(null, null, 1));

    registry.setMediators(a, List.of("mara"));
    registry.setMediators(b, List.of("mara", "jonas"));
    registry.setMediators(d, List.of("mara"));
    assertTheCountsAreTheRegisters();
    assertThat(registry.runningCasesByMediator(null)).isEqualTo(Map.of("mara", 3L, "jonas", 1L));
    assertThat(registry.runningCasesByMediator("de_toa")).isEqualTo(Map.of("mara", 2L, "jonas", 1L));

    registry.setMediators(b, List.of("lea")); // a reassignment
    registry.setMediators(c, List.of("lea", "jonas"));
    assertTheCountsAreTheRegisters();
    assertThat(registry.runningCasesByMediator("de_toa")).isEqualTo(Map.of("mara", 1L, "lea", 2L, "jonas", 1L));

    // The closure marks the end, and the engine's end event reports it again: counted once.
    registry.closed(instance(a), OffsetDateTime.now());
    registry.closed(instance(a), OffsetDateTime.now());
    assertTheCountsAreTheRegisters();
    assertThat(registry.runningCasesByMediator("de_toa")).isEqualTo(Map.of("lea", 2L, "jonas", 1L));
    registry.setMediators(a, List.of("jonas")); // a closed case's mediators are no running cases of theirs
    assertTheCountsAreTheRegisters();

    registry.forget(c, OffsetDateTime.now()); // a running case's personal data deleted: it no longer counts
    registry.forget(a, OffsetDateTime.now()); // a closed one's: nothing changes
    registry.forget(c, OffsetDateTime.now());
    registry.closed(instance(c), OffsetDateTime.now()); // a deleted case's end later: counted once
    assertTheCountsAreTheRegisters();
    assertThat(registry.runningCasesByMediator("de_toa")).isEqualTo(Map.of("lea", 1L));
    assertThat(registry.runningCasesRegistered("de_toa", DAY, DAY.plusDays(1)))
        .containsExactly(new CaseRegistry.RunningCount("police", "pre_charge", 1));
    assertThat(registry.correctRunningCounts().isEmpty()).as("nothing to correct").isTrue();
  }

  @Test
  void aTransactionsChangesCountWhenItCommitsAndNotAtAllWhenItRollsBack() {
    String kept = transaction.execute(status -> {
      String number = register("de_toa", DAY, "police", "pre_charge");
      registry.setMediators(number, List.of("mara"));
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vom_running_cases", Integer.class))
          .as("written just before the commit, after the transaction's own work").isZero();
      return number;
    });
    assertThat(registry.runningCasesRegistered("de_toa", DAY, DAY))
        .containsExactly(new CaseRegistry.RunningCount("police", "pre_charge", 1));
    assertThat(registry.runningCasesByMediator(null)).isEqualTo(Map.of("mara", 1L));

    transaction.executeWithoutResult(status -> {
      register("de_toa", DAY, "police", "pre_charge");
      registry.closed(instance(kept), OffsetDateTime.now());
      status.setRollbackOnly();
    });
    assertThat(registry.runningCasesRegistered("de_toa", DAY, DAY))
        .containsExactly(new CaseRegistry.RunningCount("police", "pre_charge", 1));
    assertThat(registry.runningCasesByMediator(null)).isEqualTo(Map.of("mara", 1L));
    assertTheCountsAreTheRegisters();
  }

  @Test
  void concurrentRegistrationsOfTheSameKindAreEachCounted() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int client = 0; client < 4; client++) {
        done.add(clients.submit(() -> {
          for (int i = 0; i < 25; i++) {
            LocalDate day = DAY.plusDays(i); // a new key each round: the four clients race for its first rows
            transaction.executeWithoutResult(status -> {
              String number = register("de_toa", day, "police", "pre_charge");
              registry.setMediators(number, List.of("mara"));
            });
          }
        }));
      }
      for (Future<?> client : done) {
        client.get(60, TimeUnit.SECONDS);
      }
    } finally {
      clients.shutdownNow();
    }
    assertThat(registry.runningCasesRegistered("de_toa", DAY, DAY.plusDays(24)))
        .containsExactly(new CaseRegistry.RunningCount("police", "pre_charge", 100));
    for (int i = 0; i < 25; i++) {
      assertThat(registry.runningCasesRegistered("de_toa", DAY.plusDays(i), DAY.plusDays(i)))
          .containsExactly(new CaseRegistry.RunningCount("police", "pre_charge", 4));
    }
    assertThat(registry.runningCasesByMediator("de_toa")).isEqualTo(Map.of("mara", 100L));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vom_running_cases", Integer.class))
        .as("spread over the slots, not a row per case").isLessThanOrEqualTo(25 * RunningCaseCounts.SLOTS);
    assertTheCountsAreTheRegisters();
  }

  @Test
  void aRegisterChangedOutsideTheApplicationIsCorrected() {
    String a = register("de_toa", DAY, "police", "pre_charge");
    registry.setMediators(a, List.of("mara"));
    register("de_toa", DAY, "court", "pre_charge");
    jdbc.update("UPDATE vom_case SET closed_at = CURRENT_TIMESTAMP WHERE case_number = ?", a);
    jdbc.update("UPDATE vom_case SET referral_source = 'victim' WHERE referral_source = 'court'");
    assertThat(registry.runningCasesByMediator(null)).as("the counts do not know yet").isEqualTo(Map.of("mara", 1L));

    RunningCaseCounts.Correction correction = transaction.execute(status -> registry.correctRunningCounts());
    assertThat((Object) correction).isEqualTo(new RunningCaseCounts.Correction(3, 1));
    assertTheCountsAreTheRegisters();
    assertThat(registry.runningCasesByMediator(null)).isEmpty();
    assertThat(registry.runningCasesRegistered("de_toa", DAY, DAY))
        .containsExactly(new CaseRegistry.RunningCount("victim", "pre_charge", 1));
    RunningCaseCounts.Correction again = transaction.execute(status -> registry.correctRunningCounts());
    assertThat(again.isEmpty()).as("a second start").isTrue();
  }

  private String register(String profile, LocalDate day, String source, String stage) {
    String number;
    synchronized (this) {
      number = "VOM-2026-" + (++numbers);
    }
    registry.register(new CaseRegistry.Registration(number, "instance-" + number, "police", "Referrer", "r@example.org",
        at(day), profile, source, stage, List.of("A Person"), null, null));
    return number;
  }

  private static OffsetDateTime at(LocalDate day) {
    LocalDateTime noon = day.atTime(12, 0);
    return noon.atZone(ZoneId.systemDefault()).toOffsetDateTime();
  }

  private String instance(String caseNumber) {
    return jdbc.queryForObject("SELECT process_instance_id FROM vom_case WHERE case_number = ?", String.class, caseNumber);
  }

  /** The kept counts equal a count of the register's rows (the figures' and the assignment's questions, asked of it). */
  private void assertTheCountsAreTheRegisters() {
    Map<List<Object>, Long> registered = new HashMap<>();
    jdbc.query("SELECT programme_profile, registered_at, referral_source, procedural_stage FROM vom_case"
        + " WHERE closed_at IS NULL AND deleted_at IS NULL", (org.springframework.jdbc.core.RowCallbackHandler) row -> {
          List<Object> key = java.util.Arrays.asList(row.getString(1), row.getTimestamp(2).toLocalDateTime().toLocalDate(),
              row.getString(3), row.getString(4));
          registered.merge(key, 1L, Long::sum);
        });
    Map<List<Object>, Long> counted = new HashMap<>();
    for (String profile : jdbc.queryForList("SELECT DISTINCT programme_profile FROM vom_case", String.class)) {
      for (LocalDate day : jdbc.queryForList("SELECT DISTINCT registered_at FROM vom_case", Timestamp.class).stream()
          .map(t -> t.toLocalDateTime().toLocalDate()).distinct().toList()) {
        registry.runningCasesRegistered(profile, day, day).forEach(c -> counted.put(java.util.Arrays.asList(profile, day,
            c.referralSource(), c.proceduralStage()), c.count()));
      }
    }
    assertThat(counted).as("running cases by profile, day, source and stage").isEqualTo(registered);

    for (String profile : java.util.Arrays.asList(null, "de_toa", "us_vom")) {
      Map<String, Long> byMediator = new HashMap<>();
      jdbc.query("SELECT m.user_id, COUNT(*) FROM vom_case c JOIN vom_case_mediator m ON m.case_number = c.case_number"
          + " WHERE c.closed_at IS NULL AND c.deleted_at IS NULL" + (profile == null ? "" : " AND c.programme_profile = ?")
          + " GROUP BY m.user_id", (org.springframework.jdbc.core.RowCallbackHandler) row -> byMediator.put(row.getString(1),
              row.getLong(2)), profile == null ? new Object[0] : new Object[] {profile});
      assertThat(registry.runningCasesByMediator(profile)).as("running cases per mediator of %s", profile)
          .isEqualTo(byMediator);
    }
  }
}
