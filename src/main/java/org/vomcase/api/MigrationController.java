package org.vomcase.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
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
  private static final List<String> FIELDS = List.of("processKey", "sourceVersion", "targetVersion", "extraMappings", "dryRun");
  private static final String MAPPINGS = "each of extraMappings has a from and a to (activity ids such as Task_CallForConsent)";
  private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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

  @PostMapping(value = "/vom/migrations/plan", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> plan(@RequestBody(required = false) String text) {
    if (!Callers.current(identity).inAnyGroup(ADMINISTRATORS)) {
      return refuse(Refusal.forbidden(ONLY_ADMINISTRATORS));
    }
    try {
      return answer(read(text), true);
    } catch (RefusedBody e) {
      return refuse(e.refusal);
    }
  }

  @PostMapping(value = "/vom/migrations/run", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> startRun(@RequestBody(required = false) String text) {
    if (!Callers.current(identity).inAnyGroup(ADMINISTRATORS)) {
      return refuse(Refusal.forbidden(ONLY_ADMINISTRATORS));
    }
    try {
      MigrationRequest body = read(text);
      return answer(body, body == null || body.dryRun() == null || body.dryRun());
    } catch (RefusedBody e) {
      return refuse(e.refusal);
    }
  }

  /** A body that is refused before anything is looked at. */
  private static final class RefusedBody extends Exception {
    private final transient Refusal refusal;

    RefusedBody(Refusal refusal) {
      super(refusal.message(), null, false, false);
      this.refusal = refusal;
    }
  }

  /**
   * The body read strictly (README "Errors"): a JSON object of the known fields, each of its own type (a version a whole
   * number, dryRun true or false, not "false"); anything else is refused naming the field. Null for an empty body.
   */
  static MigrationRequest read(String text) throws RefusedBody {
    if (text == null || text.isBlank()) {
      return null;
    }
    JsonNode body;
    try {
      body = STRICT.readTree(text);
    } catch (JsonProcessingException e) {
      throw new RefusedBody(Refusal.badRequest("The body is not a JSON object of a migration request (or has something after it)"));
    }
    if (body == null || body.isNull()) {
      return null;
    }
    if (!body.isObject()) {
      throw new RefusedBody(Refusal.badRequest("The body is not a JSON object of a migration request (or has something after it)"));
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new RefusedBody(Refusal.field(name, name, "is not a field of a migration request (" + String.join(", ", FIELDS) + ")"));
      }
    }
    JsonNode key = body.path("processKey");
    if (!absent(key) && !key.isTextual()) {
      throw new RefusedBody(Refusal.field("processKey", "Process", "processKey is the key of a process as text, e.g. vom-case"));
    }
    Integer source = version(body, "sourceVersion", "Source version");
    Integer target = version(body, "targetVersion", "Target version");
    List<CaseMigration.Mapping> mappings = null;
    JsonNode list = body.path("extraMappings");
    if (!absent(list)) {
      if (!list.isArray()) {
        throw new RefusedBody(Refusal.field("extraMappings", "Extra mappings", MAPPINGS));
      }
      mappings = new ArrayList<>();
      for (JsonNode mapping : list) {
        if (!mapping.isObject() || mapping.size() != 2 || !mapping.path("from").isTextual() || !mapping.path("to").isTextual()) {
          throw new RefusedBody(Refusal.field("extraMappings", "Extra mappings", MAPPINGS));
        }
        mappings.add(new CaseMigration.Mapping(mapping.get("from").textValue(), mapping.get("to").textValue()));
      }
    }
    JsonNode dryRun = body.path("dryRun");
    if (!absent(dryRun) && !dryRun.isBoolean()) {
      throw new RefusedBody(Refusal.field("dryRun", "Dry run", "dryRun is true or false (without quotes)"));
    }
    return new MigrationRequest(absent(key) ? null : key.textValue(), source, target, mappings,
        absent(dryRun) ? null : dryRun.booleanValue());
  }

  private static boolean absent(JsonNode node) {
    return node.isMissingNode() || node.isNull();
  }

  private static Integer version(JsonNode body, String field, String label) throws RefusedBody {
    JsonNode value = body.path(field);
    if (absent(value)) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
      throw new RefusedBody(Refusal.field(field, label, "a version is a whole number from 1"));
    }
    return value.intValue();
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
