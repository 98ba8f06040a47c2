package org.vomcase.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vomcase.boundary.Refusal;
import org.vomcase.kernel.Roles;
import org.vomcase.migration.CaseMigration;
import org.vomcase.migration.MigrationRuns;

/**
 * Moving running cases onto another version of a process and its called processes, for administrators
 * only (the community edition has no Cockpit migration screen; the "Migrate cases" page of Cockpit calls these):
 * <ul>
 *   <li>{@code POST /vom/migrations/plan}: the plans and, for every case concerned, whether it can move
 *       and why not, in words (a dry run: nothing changes);</li>
 *   <li>{@code POST /vom/migrations/run}: the same (a dry run) by default; with {@code "dryRun": false} it
 *       starts a migration run in the background and answers 202 with the run's id and address: each case
 *       that can move is moved, a case and its called instances together;</li>
 *   <li>{@code GET /vom/migrations/runs/{id}}: a run's progress and the result of each case;
 *       {@code GET /vom/migrations/runs}: the last runs.</li>
 * </ul>
 * The body: {@code {"processKey": "contact-person", "sourceVersion": 1, "targetVersion": 2,
 * "extraMappings": [{"from": "Task_Old", "to": "Task_New"}], "dryRun": true}}; only {@code processKey} is
 * required. A rollback is a run whose target is the previous version.
 */
@RestController
public class MigrationController {

  private static final List<String> ADMINISTRATORS = List.of(Roles.ADMINISTRATORS);
  private static final String ONLY_ADMINISTRATORS = "Only administrators migrate cases";
  private static final Pattern RUN_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  /** An activity id of BPMN (an XML name): letters, digits, '_', '-', '.', not starting with a digit. */
  private static final Pattern ACTIVITY_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,254}");
  private static final int LISTED_RUNS = 50;

  private final CaseMigration migration;
  private final MigrationRuns runs;
  private final IdentityService identity;

  public MigrationController(CaseMigration migration, MigrationRuns runs, IdentityService identity) {
    this.migration = migration;
    this.runs = runs;
    this.identity = identity;
  }

  /** The body of both endpoints. */
  public record MigrationRequest(String processKey, Integer sourceVersion, Integer targetVersion,
      List<CaseMigration.Mapping> extraMappings, Boolean dryRun) {}

  @PostMapping(value = "/vom/migrations/plan", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> plan(@RequestBody(required = false) MigrationRequest body) {
    return answer(body, true);
  }

  @PostMapping(value = "/vom/migrations/run", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> run(@RequestBody(required = false) MigrationRequest body) {
    return answer(body, body == null || body.dryRun() == null || body.dryRun());
  }

  @GetMapping(value = "/vom/migrations/runs", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> runs() {
    if (!Callers.current(identity).inAnyGroup(ADMINISTRATORS)) {
      return refuse(Refusal.forbidden(ONLY_ADMINISTRATORS));
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("runs", runs.runs(LISTED_RUNS)));
  }

  @GetMapping(value = "/vom/migrations/runs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> run(@PathVariable("id") String id) {
    if (!Callers.current(identity).inAnyGroup(ADMINISTRATORS)) {
      return refuse(Refusal.forbidden(ONLY_ADMINISTRATORS));
    }
    Optional<MigrationRuns.Run> run = RUN_ID.matcher(id).matches() ? runs.run(id) : Optional.empty();
    if (run.isEmpty()) {
      return refuse(new Refusal(404, "NotFound", "There is no migration run " + id, List.of()));
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(run.get());
  }

  private ResponseEntity<?> answer(MigrationRequest body, boolean dryRun) {
    Callers.Caller caller = Callers.current(identity);
    if (!caller.inAnyGroup(ADMINISTRATORS)) {
      return refuse(Refusal.forbidden(ONLY_ADMINISTRATORS));
    }
    if (body == null || body.processKey() == null || body.processKey().isBlank()) {
      return refuse(Refusal.field("processKey", "Process", "processKey is required, e.g. vom-case or contact-person"));
    }
    if (body.sourceVersion() != null && body.sourceVersion() < 1) {
      return refuse(Refusal.field("sourceVersion", "Source version", "a version is a whole number from 1"));
    }
    if (body.targetVersion() != null && body.targetVersion() < 1) {
      return refuse(Refusal.field("targetVersion", "Target version", "a version is a whole number from 1"));
    }
    for (CaseMigration.Mapping mapping : body.extraMappings() == null ? List.<CaseMigration.Mapping>of() : body.extraMappings()) {
      if (mapping == null || mapping.from() == null || mapping.to() == null
          || !ACTIVITY_ID.matcher(mapping.from()).matches() || !ACTIVITY_ID.matcher(mapping.to()).matches()) {
        return refuse(Refusal.field("extraMappings", "Extra mappings",
            "each of extraMappings has a from and a to (activity ids such as Task_CallForConsent)"));
      }
    }
    CaseMigration.Request request = new CaseMigration.Request(body.processKey(), body.sourceVersion(), body.targetVersion(),
        body.extraMappings());
    try {
      if (!dryRun) {
        String id = runs.start(request, caller.userId());
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("id", id);
        started.put("dryRun", false);
        started.put("status", "preparing");
        started.put("progress", "/vom/migrations/runs/" + id);
        return ResponseEntity.accepted().location(URI.create("/vom/migrations/runs/" + id)).cacheControl(CacheControl.noStore())
            .body(started);
      }
      CaseMigration.Report report = migration.migrate(request, true, caller.userId());
      return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of(
          "target", report.target(), "dryRun", report.dryRun(), "plans", report.plans(),
          "cases", Map.of("total", report.cases().size(), "migratable", report.migratable(),
              "migrated", report.cases().stream().filter(CaseMigration.CaseResult::migrated).count(),
              "results", report.cases())));
    } catch (CaseMigration.UnknownVersion e) {
      return refuse(Refusal.field(e.field(), label(e.field()), e.getMessage()));
    }
  }

  private static String label(String field) {
    return switch (field) {
      case "sourceVersion" -> "Source version";
      case "targetVersion" -> "Target version";
      default -> "Process";
    };
  }

  private static ResponseEntity<?> refuse(Refusal refusal) {
    return ResponseEntity.status(refusal.status()).body(refusal.body());
  }
}
