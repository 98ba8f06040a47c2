package org.vomcase.api;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vomcase.kernel.Roles;
import org.vomcase.migration.CaseMigration;

/**
 * Moving running cases onto another version of a process and its called processes, for administrators
 * only (the community edition has no Cockpit migration screen):
 * <ul>
 *   <li>{@code POST /vom/migrations/plan}: the plans and, for every case concerned, whether it can move
 *       and why not, in words (a dry run: nothing changes);</li>
 *   <li>{@code POST /vom/migrations/run}: the same with {@code "dryRun": false} moves each case that can
 *       move, a case and its called instances together; the default is a dry run.</li>
 * </ul>
 * The body: {@code {"processKey": "contact-person", "sourceVersion": 1, "targetVersion": 2,
 * "extraMappings": [{"from": "Task_Old", "to": "Task_New"}], "dryRun": true}}; only {@code processKey} is
 * required. A rollback is a run whose target is the previous version.
 */
@RestController
public class MigrationController {

  private static final List<String> ADMINISTRATORS = List.of(Roles.ADMINISTRATORS);

  private final CaseMigration migration;
  private final IdentityService identity;

  public MigrationController(CaseMigration migration, IdentityService identity) {
    this.migration = migration;
    this.identity = identity;
  }

  /** The body of both endpoints. */
  public record MigrationRequest(String processKey, Integer sourceVersion, Integer targetVersion,
      List<CaseMigration.Mapping> extraMappings, Boolean dryRun) {}

  @PostMapping(value = "/vom/migrations/plan", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> plan(@RequestBody MigrationRequest body) {
    return answer(body, true);
  }

  @PostMapping(value = "/vom/migrations/run", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> run(@RequestBody MigrationRequest body) {
    return answer(body, body == null || body.dryRun() == null || body.dryRun());
  }

  private ResponseEntity<?> answer(MigrationRequest body, boolean dryRun) {
    Callers.Caller caller = Callers.current(identity);
    if (!caller.inAnyGroup(ADMINISTRATORS)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "Only administrators migrate cases"));
    }
    if (body == null || body.processKey() == null || body.processKey().isBlank()) {
      return ResponseEntity.badRequest().body(Map.of("error", "processKey is required, e.g. vom-case or contact-person"));
    }
    for (CaseMigration.Mapping mapping : body.extraMappings() == null ? List.<CaseMigration.Mapping>of() : body.extraMappings()) {
      if (mapping == null || mapping.from() == null || mapping.to() == null) {
        return ResponseEntity.badRequest().body(Map.of("error", "each of extraMappings has a from and a to (activity ids)"));
      }
    }
    CaseMigration.Request request = new CaseMigration.Request(body.processKey(), body.sourceVersion(), body.targetVersion(),
        body.extraMappings());
    try {
      CaseMigration.Report report = migration.migrate(request, dryRun, caller.userId());
      return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of(
          "target", report.target(), "dryRun", report.dryRun(), "plans", report.plans(),
          "cases", Map.of("total", report.cases().size(), "migratable", report.migratable(),
              "migrated", report.cases().stream().filter(CaseMigration.CaseResult::migrated).count(),
              "results", report.cases())));
    } catch (CaseMigration.UnknownVersion e) {
      return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
  }
}
