package org.vomcase.access;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.vomcase.store.KeptCounts;

/**
 * The register's running cases, counted as they change (README "Performance at scale"): what the figures and the
 * assignment ask ("running cases registered in the period, by referral source and procedural stage"; "running cases per
 * mediator") is read from a few kept counts instead of from every running case's row. A case is running while its row
 * in {@code vom_case} has neither {@code closed_at} nor {@code deleted_at}.
 *
 * <ul>
 *   <li>{@code vom_running_cases}: per programme profile, day of registration, referral source and procedural stage;</li>
 *   <li>{@code vom_running_cases_by_mediator}: per mediator and programme profile.</li>
 * </ul>
 *
 * <p>Only {@link CaseRegistry} changes them, in the transaction that changes the register (a registration, a case's end,
 * an assignment or reassignment, a deletion), so a count is exact when that transaction commits and unchanged when it
 * rolls back. Each key is spread over {@value #SLOTS} slots (by case number) and the changes of a transaction are
 * written together just before it commits, in one order ({@link KeptCounts}): concurrent registrations of the same
 * source and stage on the same day wait for each other at most for the other's commit, and the counts' writers never
 * deadlock each other. A reader sums the
 * slots; how many rows it reads depends on the days, sources, stages, profiles and mediators, never on the number of
 * cases. A missing value (a case registered before the register had it) is counted under the empty string.
 *
 * <p>{@link #correct()} adds what they lack of a count of the register: at every start, so that a register changed
 * outside the application (a restored database, an operator's SQL) is counted right again, whatever the application
 * commits meanwhile and however many nodes start together.
 */
final class RunningCaseCounts {

  /** How many rows each key is spread over. */
  static final int SLOTS = 4;

  /** The running cases of one profile, registration day, referral source and procedural stage. */
  record Registered(String profile, LocalDate registeredOn, String source, String stage) {}

  private record RegisteredSlot(Registered key, int slot) {}

  private record MediatorSlot(String userId, String profile, int slot) {}

  private final JdbcTemplate jdbc;
  private final KeptCounts counts;

  RunningCaseCounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.counts = new KeptCounts(jdbc);
  }

  /** A case starts or stops running ({@code change} +1 or -1), with its mediators. */
  void caseChanged(String caseNumber, Registered key, List<String> mediators, int change) {
    add(new RegisteredSlot(normal(key), slot(caseNumber)), change);
    for (String mediator : mediators) {
      add(new MediatorSlot(mediator, text(key.profile()), slot(caseNumber)), change);
    }
  }

  /** A running case's mediators change. */
  void mediatorsChanged(String caseNumber, String profile, List<String> before, List<String> after) {
    Map<MediatorSlot, Integer> changes = new HashMap<>();
    for (String mediator : before) {
      changes.merge(new MediatorSlot(mediator, text(profile), slot(caseNumber)), -1, Integer::sum);
    }
    for (String mediator : after) {
      changes.merge(new MediatorSlot(mediator, text(profile), slot(caseNumber)), 1, Integer::sum);
    }
    changes.forEach(this::add);
  }

  /** The running cases of the profile registered from {@code from} to {@code to} (both included), by source and stage. */
  Map<Registered, Long> registered(String profile, LocalDate from, LocalDate to) {
    Map<Registered, Long> counts = new HashMap<>();
    jdbc.query("SELECT referral_source, procedural_stage, SUM(cases) FROM vom_running_cases WHERE programme_profile = ?"
        + " AND registered_on BETWEEN ? AND ? GROUP BY referral_source, procedural_stage HAVING SUM(cases) > 0",
        (RowCallbackHandler) row -> counts.put(new Registered(profile, null, nullable(row.getString(1)),
            nullable(row.getString(2))), row.getLong(3)), text(profile), Date.valueOf(from), Date.valueOf(to));
    return counts;
  }

  /** Each mediator's running cases of the profile (null: of every profile); mediators without one are absent. */
  Map<String, Long> byMediator(String profile) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.query("SELECT user_id, SUM(cases) FROM vom_running_cases_by_mediator"
        + (profile == null ? "" : " WHERE programme_profile = ?") + " GROUP BY user_id HAVING SUM(cases) > 0",
        (RowCallbackHandler) row -> counts.put(row.getString(1), row.getLong(2)),
        profile == null ? new Object[0] : new Object[] {text(profile)});
    return counts;
  }

  /**
   * Corrects the kept counts where they differ from a count of the register (a register changed outside the application:
   * a restored database, an operator's SQL), in the caller's transaction (read committed), and returns the correction
   * (empty when they agree). One pass over the register, for the start:
   * <ol>
   *   <li>on PostgreSQL a transaction-scoped advisory lock first, so that nodes starting together correct one after the
   *       other and the second finds the first's correction committed (H2 runs on one node);</li>
   *   <li>the difference (register minus kept, per key) in one statement per table, so that each is read in one
   *       consistent moment of the database, in which every committed change of the application has changed the
   *       register and the counts together: only a change made outside the application shows;</li>
   *   <li>the difference added as increments (slot 0), in the counts' one order: what the application commits meanwhile
   *       counts as well.</li>
   * </ol>
   */
  Correction correct() {
    if (postgres()) {
      jdbc.query("SELECT pg_advisory_xact_lock(7061017)", (RowCallbackHandler) row -> { });
    }
    Map<RegisteredSlot, Integer> registered = new HashMap<>();
    jdbc.query("SELECT p, d, s, g, SUM(n) FROM (" + REGISTER_COUNT + " UNION ALL SELECT programme_profile, registered_on,"
        + " referral_source, procedural_stage, -SUM(cases) FROM vom_running_cases GROUP BY programme_profile, registered_on,"
        + " referral_source, procedural_stage) x GROUP BY p, d, s, g HAVING SUM(n) <> 0", (RowCallbackHandler) row ->
            registered.put(new RegisteredSlot(new Registered(row.getString(1), row.getDate(2).toLocalDate(),
                row.getString(3), row.getString(4)), 0), Math.toIntExact(row.getLong(5))));
    Map<MediatorSlot, Integer> mediators = new HashMap<>();
    jdbc.query("SELECT u, p, SUM(n) FROM (" + REGISTER_COUNT_BY_MEDIATOR + " UNION ALL SELECT user_id, programme_profile,"
        + " -SUM(cases) FROM vom_running_cases_by_mediator GROUP BY user_id, programme_profile) x GROUP BY u, p"
        + " HAVING SUM(n) <> 0", (RowCallbackHandler) row -> mediators.put(new MediatorSlot(row.getString(1),
            row.getString(2), 0), Math.toIntExact(row.getLong(3))));
    registered.forEach(this::add);
    mediators.forEach(this::add);
    return new Correction(registered.size(), mediators.size());
  }

  /** A correction of the kept counts: how many keys of each table it changed. */
  record Correction(int registeredKeys, int mediatorKeys) {
    boolean isEmpty() {
      return registeredKeys == 0 && mediatorKeys == 0;
    }
  }

  /** The register's running cases by the kept counts' key. */
  private static final String REGISTER_COUNT = "SELECT COALESCE(programme_profile, '') AS p, CAST(registered_at AS DATE) AS d,"
      + " COALESCE(referral_source, '') AS s, COALESCE(procedural_stage, '') AS g, COUNT(*) AS n FROM vom_case"
      + " WHERE closed_at IS NULL AND deleted_at IS NULL GROUP BY COALESCE(programme_profile, ''),"
      + " CAST(registered_at AS DATE), COALESCE(referral_source, ''), COALESCE(procedural_stage, '')";

  private static final String REGISTER_COUNT_BY_MEDIATOR = "SELECT m.user_id AS u, COALESCE(c.programme_profile, '') AS p,"
      + " COUNT(*) AS n FROM vom_case c JOIN vom_case_mediator m ON m.case_number = c.case_number"
      + " WHERE c.closed_at IS NULL AND c.deleted_at IS NULL GROUP BY m.user_id, COALESCE(c.programme_profile, '')";

  private static final KeptCounts.Table REGISTERED = new KeptCounts.Table("vom_running_cases",
      List.of("programme_profile", "registered_on", "referral_source", "procedural_stage", "slot"), "cases");

  private static final KeptCounts.Table BY_MEDIATOR = new KeptCounts.Table("vom_running_cases_by_mediator",
      List.of("user_id", "programme_profile", "slot"), "cases");

  private void add(RegisteredSlot s, int change) {
    counts.add(REGISTERED, List.of(s.key().profile(), s.key().registeredOn(), s.key().source(), s.key().stage(), s.slot()),
        BigDecimal.valueOf(change));
  }

  private void add(MediatorSlot s, int change) {
    counts.add(BY_MEDIATOR, List.of(s.userId(), s.profile(), s.slot()), BigDecimal.valueOf(change));
  }

  private boolean postgres() {
    return counts.postgres();
  }

  private static Registered normal(Registered key) {
    return new Registered(text(key.profile()), Objects.requireNonNull(key.registeredOn(), "registeredOn"),
        text(key.source()), text(key.stage()));
  }

  private static int slot(String caseNumber) {
    return Math.floorMod(caseNumber.hashCode(), SLOTS);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String nullable(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
