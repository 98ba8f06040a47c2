package org.vomcase.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vomcase.kernel.CaseClock;
import org.vomcase.settings.OwnTransactions;

/**
 * Migration runs: a migration of many cases started by an administrator and carried out in the background,
 * one case per transaction, with its progress and the result of every case kept in the database
 * ({@code vom_migration_run}, {@code vom_migration_case}).
 *
 * <p>Starting a run checks the request (the process and versions it names must be deployed), writes the
 * run and hands it to this node's migration thread, which first lists the cases concerned (each a pending
 * row, or failed at once if a plan of its versions is invalid), then moves them one after the other as
 * {@link CaseMigration#migrateCase} does, a case and its called instances together or not at all. The
 * case's row is taken and written in the case's own transaction, so a case is moved and recorded exactly
 * once, even by two nodes. After a restart, every node resumes the runs left unfinished (a run not yet
 * listed is listed then; its pending cases are moved); a case being moved when the node stopped was rolled
 * back with its transaction and is moved again.
 */
@Component
public class MigrationRuns {

  private static final Logger LOG = LoggerFactory.getLogger(MigrationRuns.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A case's state in a run. */
  public static final String PENDING = "pending";
  public static final String MIGRATED = "migrated";
  public static final String FAILED = "failed";

  private final CaseMigration migration;
  private final IdentityService identity;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "vom-migration");
    thread.setDaemon(true);
    return thread;
  });
  private volatile boolean stopping;

  public MigrationRuns(CaseMigration migration, JdbcTemplate jdbc, PlatformTransactionManager transactions,
      IdentityService identity) {
    this.migration = migration;
    this.identity = identity;
    this.jdbc = jdbc;
    this.ownTransaction = OwnTransactions.of(transactions);
  }

  /** A run's progress: cases listed, cases done (moved or not), moved, not moved. */
  public record Progress(int total, int done, int migrated, int failed) {}

  /** A case of a run: its number, the instances it has on the versions moved, its state, why it did not move. */
  public record RunCase(String caseNumber, List<String> instances, String status, List<String> problems, Instant finishedAt) {}

  /**
   * A run: what was asked, by whom and when; {@code status} is {@code preparing} (listing the cases),
   * {@code running} or {@code finished}; {@code cases} only when one run is asked for.
   */
  public record Run(String id, String processKey, Integer sourceVersion, int targetVersion, String targetVersionTag,
      List<CaseMigration.Mapping> extraMappings, String startedBy, Instant startedAt, Instant finishedAt, String status,
      Progress progress, List<RunCase> cases) {}

  /**
   * Checks the request and starts a run of it in the background; returns the run's id. A request naming no
   * process or version deployed is refused ({@link CaseMigration.UnknownVersion}), and nothing starts.
   */
  public String start(CaseMigration.Request request, String userId) {
    CaseMigration.Version target = migration.scope(request).target();
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO vom_migration_run (id, process_key, source_version, target_version, target_version_tag, "
            + "extra_mappings, started_by, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        id, request.processKey(), request.sourceVersion(), target.version(), target.versionTag(),
        write(request.extraMappings()), userId, Timestamp.from(CaseClock.now().toInstant()));
    worker.submit(() -> carryOut(id));
    return id;
  }

  /** One run with its cases, if there is such a run. */
  public Optional<Run> run(String id) {
    List<RunRow> rows = jdbc.query("SELECT * FROM vom_migration_run WHERE id = ?", (rs, n) -> RunRow.of(rs), id);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<RunCase> cases = jdbc.query("SELECT * FROM vom_migration_case WHERE run_id = ? ORDER BY case_number, root_instance_id",
        (rs, n) -> new RunCase(rs.getString("case_number"), lines(rs.getString("instances")), rs.getString("status"),
            lines(rs.getString("problems")), instant(rs.getTimestamp("finished_at"))), id);
    return Optional.of(run(rows.get(0), cases));
  }

  /** The last runs, newest first, without their cases. */
  public List<Run> runs(int limit) {
    return jdbc.query("SELECT * FROM vom_migration_run ORDER BY started_at DESC, id LIMIT ?", (rs, n) -> RunRow.of(rs), limit)
        .stream().map(row -> run(row, null)).toList();
  }

  /** After a start, each node resumes the runs left unfinished. */
  @EventListener(ApplicationReadyEvent.class)
  public void resumeUnfinished() {
    List<String> unfinished = jdbc.queryForList("SELECT id FROM vom_migration_run r WHERE r.prepared_at IS NULL OR EXISTS "
        + "(SELECT 1 FROM vom_migration_case c WHERE c.run_id = r.id AND c.status = ?) ORDER BY started_at", String.class, PENDING);
    for (String id : unfinished) {
      LOG.info("Resuming the migration run {}", id);
      worker.submit(() -> carryOut(id));
    }
  }

  @PreDestroy
  void stop() {
    stopping = true;
    worker.shutdownNow();
  }

  /** Lists the run's cases if not done yet, then moves every pending one. */
  void carryOut(String runId) {
    try {
      CaseMigration.Request request = jdbc.queryForObject("SELECT * FROM vom_migration_run WHERE id = ?",
          (rs, n) -> new CaseMigration.Request(rs.getString("process_key"), rs.getObject("source_version", Integer.class),
              rs.getInt("target_version"), read(rs.getString("extra_mappings"))), runId);
      String startedBy = jdbc.queryForObject("SELECT started_by FROM vom_migration_run WHERE id = ?", String.class, runId);
      // As the administrator who started it: the engine's authorizations and user operation log apply.
      identity.setAuthentication(startedBy, identity.createGroupQuery().groupMember(startedBy).list().stream()
          .map(Group::getId).toList());
      CaseMigration.Scope scope = migration.scope(request);
      prepare(runId, scope);
      for (String rootId : jdbc.queryForList("SELECT root_instance_id FROM vom_migration_case WHERE run_id = ? AND status = ? "
          + "ORDER BY case_number, root_instance_id", String.class, runId, PENDING)) {
        if (stopping) {
          return;
        }
        migration.migrateCase(scope, rootId, false, startedBy, new CaseRow(runId, rootId));
      }
    } catch (CaseMigration.UnknownVersion e) {
      // The target version was deleted since the run started: nothing can move.
      failRemaining(runId, "the run could not go on: " + e.getMessage());
    } catch (RuntimeException e) {
      if (!stopping) {
        LOG.error("The migration run {} stopped; it is resumed at the next start", runId, e);
      }
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Lists the cases of a run once: a pending row per case (in one transaction with the run's total). */
  private void prepare(String runId, CaseMigration.Scope scope) {
    Boolean prepared = jdbc.queryForObject("SELECT prepared_at IS NOT NULL FROM vom_migration_run WHERE id = ?", Boolean.class, runId);
    if (Boolean.TRUE.equals(prepared)) {
      return;
    }
    List<String> roots = scope.roots();
    ownTransaction.executeWithoutResult(status -> {
      for (String rootId : roots) {
        jdbc.update("INSERT INTO vom_migration_case (run_id, root_instance_id, case_number, status) VALUES (?, ?, ?, ?)",
            runId, rootId, migration.caseNumberOf(rootId), PENDING);
      }
      jdbc.update("UPDATE vom_migration_run SET prepared_at = ?, total = ? WHERE id = ?",
          Timestamp.from(CaseClock.now().toInstant()), roots.size(), runId);
    });
  }

  private void failRemaining(String runId, String reason) {
    jdbc.update("UPDATE vom_migration_case SET status = ?, problems = ?, finished_at = ? WHERE run_id = ? AND status = ?",
        FAILED, reason, Timestamp.from(CaseClock.now().toInstant()), runId, PENDING);
    jdbc.update("UPDATE vom_migration_run SET prepared_at = COALESCE(prepared_at, ?), total = COALESCE(total, 0) WHERE id = ?",
        Timestamp.from(CaseClock.now().toInstant()), runId);
  }

  /** A case's row: taken (pending -> moving) and written in the case's transaction. */
  private final class CaseRow implements CaseMigration.Bookkeeping {
    private final String runId;
    private final String rootId;

    CaseRow(String runId, String rootId) {
      this.runId = runId;
      this.rootId = rootId;
    }

    @Override
    public boolean claim() {
      return jdbc.update("UPDATE vom_migration_case SET status = 'moving' WHERE run_id = ? AND root_instance_id = ? AND status = ?",
          runId, rootId, PENDING) == 1;
    }

    @Override
    public void record(CaseMigration.CaseResult result) {
      jdbc.update("UPDATE vom_migration_case SET status = ?, case_number = ?, instances = ?, problems = ?, finished_at = ? "
              + "WHERE run_id = ? AND root_instance_id = ?",
          result.migrated() ? MIGRATED : FAILED, result.caseNumber(), String.join("\n", result.instances()),
          result.problems().isEmpty() ? null : String.join("\n", result.problems()), Timestamp.from(CaseClock.now().toInstant()),
          runId, rootId);
    }
  }

  /** A row of vom_migration_run. */
  private record RunRow(String id, String processKey, Integer sourceVersion, int targetVersion, String targetVersionTag,
      String extraMappings, String startedBy, Instant startedAt, Instant preparedAt, int total) {
    static RunRow of(ResultSet rs) throws SQLException {
      return new RunRow(rs.getString("id"), rs.getString("process_key"), rs.getObject("source_version", Integer.class),
          rs.getInt("target_version"), rs.getString("target_version_tag"), rs.getString("extra_mappings"),
          rs.getString("started_by"), instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("prepared_at")),
          rs.getInt("total"));
    }
  }

  /** A run with its progress, counted from its cases' rows. */
  private Run run(RunRow row, List<RunCase> cases) {
    int migrated = 0;
    int failed = 0;
    Instant last = null;
    for (Map<String, Object> count : jdbc.queryForList("SELECT status, COUNT(*) AS n, MAX(finished_at) AS last "
        + "FROM vom_migration_case WHERE run_id = ? GROUP BY status", row.id())) {
      int n = ((Number) count.get("n")).intValue();
      if (MIGRATED.equals(count.get("status"))) {
        migrated = n;
      } else if (FAILED.equals(count.get("status"))) {
        failed = n;
      }
      if (count.get("last") instanceof Timestamp at && (last == null || at.toInstant().isAfter(last))) {
        last = at.toInstant();
      }
    }
    boolean prepared = row.preparedAt() != null;
    boolean finished = prepared && migrated + failed >= row.total();
    String status = !prepared ? "preparing" : finished ? "finished" : "running";
    return new Run(row.id(), row.processKey(), row.sourceVersion(), row.targetVersion(), row.targetVersionTag(),
        read(row.extraMappings()), row.startedBy(), row.startedAt(), finished ? (last == null ? row.preparedAt() : last) : null,
        status, new Progress(row.total(), migrated + failed, migrated, failed), cases);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static List<String> lines(String text) {
    return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
  }

  private static String write(List<CaseMigration.Mapping> mappings) {
    try {
      return JSON.writeValueAsString(mappings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<CaseMigration.Mapping> read(String json) {
    try {
      return json == null ? List.of() : new ArrayList<>(JSON.readValue(json, new TypeReference<List<CaseMigration.Mapping>>() {}));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
