package org.vomcase.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vomcase.audit.AuditLog;
import org.vomcase.settings.VomProperties;
import org.vomcase.figures.FiguresService;
import org.vomcase.kernel.Roles;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.Dates;
import org.vomcase.kernel.Vocabularies;
import org.vomcase.kernel.Vocabulary;
import org.vomcase.settings.StaffLanguage;

/**
 * The programme's figures (R25) for supervisors and administrators, behind the Cockpit login or
 * HTTP Basic:
 * <ul>
 *   <li>{@code GET /vom/figures?from=2026-01-01&to=2026-12-31[&profile=de_toa]}: every figure as JSON;</li>
 *   <li>{@code GET /vom/figures/toa-export.csv?from=...&to=...}: the German national TOA statistics export,
 *       recorded in the audit trail.</li>
 * </ul>
 * The period defaults to the current calendar year, the profile to the installation's. Anyone else: 403.
 */
@RestController
public class FiguresController {

  private static final List<String> READERS = List.of(Roles.SUPERVISORS, Roles.ADMINISTRATORS);

  private final FiguresService figures;
  private final IdentityService identity;
  private final AuditLog audit;
  private final String activeProfile;
  private final Vocabularies vocabularies;
  private final StaffLanguage staffLanguage;

  public FiguresController(FiguresService figures, IdentityService identity, AuditLog audit, VomProperties properties,
      Vocabularies vocabularies, StaffLanguage staffLanguage) {
    this.figures = figures;
    this.vocabularies = vocabularies;
    this.staffLanguage = staffLanguage;
    this.identity = identity;
    this.audit = audit;
    this.activeProfile = properties.programme().profile();
  }

  @GetMapping(value = "/vom/figures", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> figures(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String profile) {
    return answer(from, to, profile, (period, caller) -> {
      long start = System.nanoTime();
      Map<String, Object> body = new LinkedHashMap<>(figures.figures(period.from(), period.to(), period.profile()));
      body.put("elapsedMs", (System.nanoTime() - start) / 1_000_000);
      // The words of the codes the administrators' vocabularies define, in the staff language (the page has the rest).
      Map<String, Object> labels = new LinkedHashMap<>();
      if (body.get("labels") instanceof Map<?, ?> given) {
        given.forEach((key, value) -> labels.put(String.valueOf(key), value));
      }
      labels.put("bySource", vocabularies.referralSources().labels(staffLanguage.code()));
      body.put("labels", labels);
      return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    });
  }

  @GetMapping(value = "/vom/figures/toa-export.csv")
  public ResponseEntity<?> toaExport(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String profile) {
    return answer(from, to, profile, (period, caller) -> {
      String csv = figures.toaExport(period.from(), period.to(), period.profile());
      audit.record(caller.userId(), AuditLog.FIGURES_EXPORTED, null,
          "toa-export " + period.profile() + " " + period.from() + ".." + period.to());
      return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
          .header("Content-Disposition", ContentDisposition.attachment()
              .filename("toa-export-" + period.from() + "-" + period.to() + ".csv").build().toString())
          .cacheControl(CacheControl.noStore()).body(csv);
    });
  }

  private record Period(LocalDate from, LocalDate to, String profile) {}

  private <T> ResponseEntity<?> answer(String from, String to, String profile,
      java.util.function.BiFunction<Period, Callers.Caller, ResponseEntity<T>> work) {
    Callers.Caller caller = Callers.current(identity);
    if (!caller.inAnyGroup(READERS)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error",
          "Only supervisors and administrators see the programme figures"));
    }
    int year = CaseClock.today().getYear();
    LocalDate start = from == null || from.isBlank() ? LocalDate.of(year, 1, 1) : Dates.orNull(from);
    LocalDate end = to == null || to.isBlank() ? LocalDate.of(year, 12, 31) : Dates.orNull(to);
    if (start == null || end == null) {
      return ResponseEntity.badRequest().body(Map.of("error", "from and to are dates such as 2026-01-31"));
    }
    Period period = new Period(start, end, profile == null || profile.isBlank() ? activeProfile : profile);
    if (period.from().isAfter(period.to())) {
      return ResponseEntity.badRequest().body(Map.of("error", "from (" + period.from() + ") is after to (" + period.to() + ")"));
    }
    if (!Vocabulary.PROGRAMME_PROFILES.containsKey(period.profile())) {
      return ResponseEntity.badRequest().body(Map.of("error", "profile is one of " + Vocabulary.PROGRAMME_PROFILES.keySet()));
    }
    // The engine queries run as the system: the figures are anonymous and the role was checked above.
    return Callers.asSystem(identity, () -> work.apply(period, caller));
  }
}
