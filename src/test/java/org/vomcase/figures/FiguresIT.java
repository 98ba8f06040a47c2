package org.vomcase.figures;

import org.vomcase.kernel.FigureRow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vomcase.support.AbstractApplicationIT;

/**
 * The figures endpoints over HTTP on the real database: who may read them, the seeded cases' figures
 * and export, the audit of exports, bad periods; and the benchmark of R25: figures for 50,000 closed
 * cases in under half a second, from their counts (the time and the ratio to 5,000 cases are printed for the README).
 */
class FiguresIT extends AbstractApplicationIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired JdbcTemplate jdbc;
  @Autowired FiguresService figures;
  @Autowired ClosedCaseFigures closedFigures;
  @Autowired org.vomcase.access.CaseRegistryBackfill backfill;
  @Autowired org.vomcase.access.CaseRegistry registry;

  @AfterEach
  void removeSeededRows() {
    jdbc.update("DELETE FROM vom_case_figures WHERE programme_profile IN ('us_vom', 'dk_konfliktraad')");
    jdbc.update("DELETE FROM vom_closed_case_counts WHERE programme_profile IN ('us_vom', 'dk_konfliktraad')");
  }

  @Test
  void supervisorsAndAdministratorsReadTheFiguresOthersDoNot() {
    assertThat(rest("sam").get("/vom/figures").statusCode()).isEqualTo(200);
    assertThat(rest("admin").get("/vom/figures").statusCode()).isEqualTo(200);
    for (String other : List.of("mara", "clara", "policeapi")) {
      HttpResponse<String> denied = rest(other).get("/vom/figures");
      assertThat(denied.statusCode()).as(other).isEqualTo(403);
      assertThat(denied.headers().firstValue("X-VOM-Boundary")).as("refused by the boundary").contains("route");
      assertThat(rest(other).get("/vom/figures/toa-export.csv").statusCode()).as(other).isEqualTo(403);
    }
    assertThat(anonymous().get("/vom/figures").statusCode()).isEqualTo(401);
  }

  @Test
  void theSeededCasesFiguresAndExportAreServedAndTheExportIsAudited() throws Exception {
    for (FigureRow row : List.of(ProgrammeFiguresTest.A, ProgrammeFiguresTest.B, ProgrammeFiguresTest.E)) {
      jdbc.update("INSERT INTO vom_case_figures (id, programme_profile, referral_source, procedural_stage, offence_category,"
          + " registered_on, closed_on, closure_reason, victims, offenders, session_outcome, meeting_type, agreement_fulfilment,"
          + " details) VALUES (?, 'us_vom', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.id(), row.referralSource(),
          row.proceduralStage(), row.offenceCategory(), java.sql.Date.valueOf(row.registeredOn()),
          java.sql.Date.valueOf(row.closedOn()), row.closureReason(), row.victims(), row.offenders(), row.sessionOutcome(),
          row.meetingType(), row.agreementFulfilment(), row.details().json());
    }
    assertThat(closedFigures.countEarlierRows()).as("rows written by SQL, counted as a start counts them").isEqualTo(3);

    JsonNode body = JSON.readTree(rest("sam").get("/vom/figures?from=2026-01-01&to=2026-12-31&profile=us_vom").body());
    assertThat(body.at("/cases/closed").asInt()).isEqualTo(3);
    assertThat(body.at("/fulfilment/money")).isEqualTo(JSON.readTree(
        "{\"unit\":\"currency unit\",\"agreed\":800.0,\"paid\":600.0,\"rate\":0.75}"));
    assertThat(body.at("/closureReasons/counts")).isEqualTo(JSON.readTree(
        "{\"agreement_fulfilled\":1,\"agreement_partly_fulfilled\":1,\"victim_declined\":1}"));
    assertThat(body.at("/caseload/mediators")).extracting(m -> m.path("userId").asText()).contains("mara", "jonas", "lea");

    HttpResponse<String> csv = rest("sam").get("/vom/figures/toa-export.csv?from=2026-01-01&to=2026-12-31&profile=us_vom");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
        .contains("toa-export-2026-01-01-2026-12-31.csv"));
    assertThat(csv.body()).isEqualTo(ToaExport.csv(List.of(ProgrammeFiguresTest.B, ProgrammeFiguresTest.A, ProgrammeFiguresTest.E),
        org.vomcase.kernel.Vocabularies.builtIn(), "de"));
    assertThat(csv.body().lines().toList().get(0)).endsWith(";initiator_label;offence_category_label;agreement_types_label");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vom_audit WHERE user_id = 'sam' AND action = 'figures_exported'"
        + " AND detail = 'toa-export us_vom 2026-01-01..2026-12-31'", Integer.class)).isEqualTo(1);
  }

  /**
   * The running cases as the figures count them in the database equal what the engine's API says (every case instance, its
   * variables, its mediators from the register), for assigned and unassigned cases, a case ended in Cockpit and one
   * cancelled with its listeners skipped, before and after the start's backfill; the caseload likewise per mediator.
   */
  @Test
  void theOpenCasesCountedBySqlAreWhatTheEngineSays() throws Exception {
    org.vomcase.support.CaseApi.assignedCase(engine, rest("policeapi"), rest("clara"));
    String instanceId = org.vomcase.support.CaseApi.json(rest("policeapi").postJson("/api/referrals",
        org.vomcase.support.CaseApi.referral().toString())).path("processInstanceId").asText();
    org.vomcase.support.CaseApi.runJobs(engine, instanceId);
    String assigned = org.vomcase.support.CaseApi.assignedCase(engine, rest("policeapi"), rest("clara"));
    String twoMediators = org.vomcase.support.CaseApi.json(rest("policeapi").postJson("/api/referrals",
        org.vomcase.support.CaseApi.referral().toString())).path("processInstanceId").asText();
    org.vomcase.support.CaseApi.runJobs(engine, twoMediators);
    org.vomcase.support.CaseApi.assign(engine, rest("clara"), twoMediators, "jonas", "lea");
    assertThat(assigned).isNotBlank();
    // A case whose instance an administrator ended in Cockpit (no closure): the engine's end of the instance marks its
    // register row closed, in the same transaction, with its listeners run or skipped.
    String ended = org.vomcase.support.CaseApi.json(rest("policeapi").postJson("/api/referrals",
        org.vomcase.support.CaseApi.referral().toString())).path("processInstanceId").asText();
    String cancelled = org.vomcase.support.CaseApi.json(rest("policeapi").postJson("/api/referrals",
        org.vomcase.support.CaseApi.referral().toString())).path("processInstanceId").asText();
    org.vomcase.support.CaseApi.runJobs(engine, cancelled);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vom_case WHERE process_instance_id IN (?, ?) AND closed_at IS NULL",
        Integer.class, ended, cancelled)).isEqualTo(2);
    engine.getRuntimeService().deleteProcessInstance(ended, "ended in Cockpit");
    engine.getRuntimeService().deleteProcessInstance(cancelled, "cancelled, listeners skipped", true, true);
    for (String gone : List.of(ended, cancelled)) {
      java.sql.Timestamp closedAt = jdbc.queryForObject("SELECT closed_at FROM vom_case WHERE process_instance_id = ?",
          java.sql.Timestamp.class, gone);
      assertThat(closedAt).as("closed_at of %s", gone).isNotNull();
      assertThat(closedAt.toInstant()).isEqualTo(engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId(gone).singleResult().getEndTime().toInstant());
    }
    assertTheOpenCasesAreWhatTheEngineSays();
    assertThat(figures.openCases(java.time.LocalDate.of(2000, 1, 1), java.time.LocalDate.of(2000, 12, 31), "de_toa"))
        .as("no case was registered in 2000").isEmpty();

    // Cases registered before the register had the figures' columns: the start's backfill describes the running ones from
    // their variables and closes the ended ones as of their end.
    // The register changed outside the application (here by SQL): the start's correction finds the kept counts differ
    // and corrects them; the backfill then describes the cases, and the next correction follows.
    jdbc.update("UPDATE vom_case SET programme_profile = NULL, referral_source = NULL, procedural_stage = NULL, closed_at = NULL");
    backfill.countTheRunningCases();
    assertThat(figures.openCases(FROM, TO, "de_toa")).isEmpty();
    backfill.describeEarlierCasesForTheFigures();
    backfill.countTheRunningCases();
    assertThat(jdbc.queryForObject("SELECT closed_at FROM vom_case WHERE process_instance_id = ?", java.sql.Timestamp.class,
        ended)).isNotNull();
    assertTheOpenCasesAreWhatTheEngineSays();
    backfill.describeEarlierCasesForTheFigures();
    backfill.countTheRunningCases();
    assertTheOpenCasesAreWhatTheEngineSays();

    // The caseload (two grouped counts, not a query per mediator) is what the engine's API says per mediator; one of
    // Mara's tasks is made overdue so that the count is not zero.
    var maraTask = engine.getTaskService().createTaskQuery().taskAssignee("mara").listPage(0, 1).get(0);
    maraTask.setDueDate(new java.util.Date(System.currentTimeMillis() - 86_400_000L));
    engine.getTaskService().saveTask(maraTask);
    java.util.Date now = new java.util.Date();
    java.util.Map<String, Long> expectedCases = new java.util.HashMap<>();
    engineCases("de_toa").forEach(c -> c.mediators().forEach(m -> expectedCases.merge(m, 1L, Long::sum)));
    var caseload = figures.caseload("de_toa");
    assertThat(caseload).extracting(c -> c.userId()).contains("mara", "jonas", "lea");
    for (var mediator : caseload) {
      assertThat(mediator.openCases()).as("open cases of %s", mediator.userId())
          .isEqualTo(expectedCases.getOrDefault(mediator.userId(), 0L));
      assertThat(mediator.overdueTasks()).as("overdue tasks of %s", mediator.userId())
          .isEqualTo(engine.getTaskService().createTaskQuery().taskAssignee(mediator.userId()).dueBefore(now).count());
    }
    assertThat(caseload).filteredOn(c -> c.userId().equals("mara")).singleElement()
        .satisfies(mara -> assertThat(mara.openCases()).isPositive())
        .satisfies(mara -> assertThat(mara.overdueTasks()).isPositive());

    // The assignment offers the mediators with the same count over every profile's running cases: one definition of a
    // mediator's open cases. A case ended in any way (its phase in the register not written by a closure) no longer counts.
    java.util.Map<String, Long> everyProfile = new java.util.HashMap<>();
    engineCases(null).forEach(c -> c.mediators().forEach(m -> everyProfile.merge(m, 1L, Long::sum)));
    assertThat(registry.runningCasesByMediator(null)).isEqualTo(everyProfile).containsKey("mara");
    String marasCase = jdbc.queryForObject("SELECT c.process_instance_id FROM vom_case c JOIN vom_case_mediator m"
        + " ON m.case_number = c.case_number WHERE m.user_id = 'mara' AND c.closed_at IS NULL AND c.deleted_at IS NULL"
        + " ORDER BY c.case_number LIMIT 1", String.class);
    long before = registry.runningCasesByMediator(null).get("mara");
    engine.getRuntimeService().deleteProcessInstance(marasCase, "ended in Cockpit", true, true);
    assertThat(registry.runningCasesByMediator(null).getOrDefault("mara", 0L)).isEqualTo(before - 1);
    assertThat(figures.caseload("de_toa")).filteredOn(c -> c.userId().equals("mara")).singleElement()
        .satisfies(mara -> assertThat(mara.openCases()).isEqualTo(registry.runningCasesByMediator("de_toa").getOrDefault("mara", 0L)));
  }

  /**
   * Referrals from four clients at once, of the same source and stage on the same day (the kept counts' one key): each
   * is counted, and the counts stay what the engine says (on PostgreSQL through its upsert, on H2 through its update).
   */
  @Test
  void concurrentReferralsAreEachCounted() throws Exception {
    long before = figures.openCases(FROM, TO, "de_toa").stream().mapToLong(OpenCase::count).sum();
    java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<List<String>>> sent = new ArrayList<>();
    try {
      for (int client = 0; client < 4; client++) {
        sent.add(clients.submit(() -> {
          List<String> instances = new ArrayList<>();
          for (int i = 0; i < 5; i++) {
            HttpResponse<String> created = rest("policeapi").postJson("/api/referrals",
                org.vomcase.support.CaseApi.referral().toString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            instances.add(org.vomcase.support.CaseApi.json(created).path("processInstanceId").asText());
          }
          return instances;
        }));
      }
      for (var client : sent) {
        client.get(5, java.util.concurrent.TimeUnit.MINUTES).forEach(id -> org.vomcase.support.CaseApi.runJobs(engine, id));
      }
    } finally {
      clients.shutdownNow();
    }
    assertThat(figures.openCases(FROM, TO, "de_toa").stream().mapToLong(OpenCase::count).sum()).isEqualTo(before + 20);
    assertTheOpenCasesAreWhatTheEngineSays();
  }

  private static final java.time.LocalDate FROM = java.time.LocalDate.of(2000, 1, 1);
  private static final java.time.LocalDate TO = java.time.LocalDate.now().plusDays(1);

  /** A running case as the engine's API reads it: its referral's source and stage, registration, mediators. */
  private record EngineCase(String source, String stage, java.time.LocalDate registeredOn, List<String> mediators) {}

  /** The engine's running case instances of the profile (null: of every profile), without those whose personal data were deleted. */
  private List<EngineCase> engineCases(String profile) {
    java.util.Map<String, List<String>> mediators = new java.util.HashMap<>();
    jdbc.query("SELECT case_number, user_id FROM vom_case_mediator ORDER BY case_number, is_lead DESC, user_id",
        (org.springframework.jdbc.core.RowCallbackHandler) row -> mediators.computeIfAbsent(row.getString(1),
            k -> new ArrayList<>()).add(row.getString(2)));
    List<EngineCase> cases = new ArrayList<>();
    for (var instance : engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(org.vomcase.kernel.CaseProcess.KEY).list()) {
      org.vomcase.kernel.Case theCase = org.vomcase.kernel.Case.of(engine.getRuntimeService().getVariables(instance.getId()));
      // A case whose personal data were deleted (R20) is no open case, even if a test left its instance running (the
      // deletion comes after the closure in the retention process).
      boolean deleted = jdbc.queryForObject("SELECT COUNT(*) FROM vom_case WHERE process_instance_id = ? AND deleted_at IS NOT NULL",
          Integer.class, instance.getId()) > 0;
      if (!deleted && (profile == null || profile.equals(theCase.get(org.vomcase.kernel.CaseVariables.PROGRAMME_PROFILE)))) {
        java.time.OffsetDateTime registered = theCase.get(org.vomcase.kernel.CaseVariables.REGISTERED_AT);
        cases.add(new EngineCase(theCase.get(org.vomcase.kernel.CaseVariables.REFERRAL_SOURCE),
            theCase.get(org.vomcase.kernel.CaseVariables.PROCEDURAL_STAGE),
            registered == null ? null : registered.atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDate(),
            mediators.getOrDefault(theCase.caseNumber(), List.of())));
      }
    }
    return cases;
  }

  /** The running cases as the figures count them from the register are the engine's running case instances, exactly. */
  private void assertTheOpenCasesAreWhatTheEngineSays() {
    for (String profile : List.of("de_toa", "us_vom")) {
      List<EngineCase> cases = engineCases(profile);
      java.util.Map<List<String>, Long> expected = new java.util.HashMap<>();
      cases.stream().filter(c -> c.registeredOn() != null && !c.registeredOn().isBefore(FROM) && !c.registeredOn().isAfter(TO))
          .forEach(c -> expected.merge(java.util.Arrays.asList(c.source(), c.stage()), 1L, Long::sum));
      java.util.Map<List<String>, Long> counted = new java.util.HashMap<>();
      figures.openCases(FROM, TO, profile).forEach(o -> counted.put(java.util.Arrays.asList(o.referralSource(),
          o.proceduralStage()), o.count()));
      assertThat(counted).as(() -> profile + ": running case instances and their register rows "
          + engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(org.vomcase.kernel.CaseProcess.KEY)
              .list().stream().map(i -> i.getId() + " " + i.getBusinessKey() + " " + jdbc.queryForList(
                  "SELECT programme_profile, closed_at, deleted_at FROM vom_case WHERE process_instance_id = ?", i.getId()))
              .toList()).isEqualTo(expected);
      if (profile.equals("de_toa")) {
        assertThat(cases).as("the cases just referred").hasSizeGreaterThanOrEqualTo(3);
        assertThat(cases).extracting(EngineCase::mediators).contains(List.of("mara"), List.of("jonas", "lea"), List.of());
      }
    }
  }

  @Test
  void aBadPeriodIsRefusedWithTheReason() {
    assertThat(rest("sam").get("/vom/figures?from=2026-13-01").body()).contains("from and to are dates such as 2026-01-31");
    HttpResponse<String> reversed = rest("sam").get("/vom/figures?from=2026-12-01&to=2026-01-01");
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(reversed.body()).contains("is after to");
    assertThat(rest("sam").get("/vom/figures?profile=xx").statusCode()).isEqualTo(400);
  }

  /**
   * R25's budget of 2 s, and the scale goal of 500 ms (README "Performance at scale"): the figures of a year with 50,000
   * closed cases, read from their counts, exact (every case closed in the year) and under 500 ms. Best of three runs,
   * after one warm-up. The rows that SQL wrote are counted first, as a start counts them.
   */
  @Test
  void figuresForFiftyThousandClosedCasesTakeUnderHalfASecond() {
    FiguresGenerator.seed(jdbc, "dk_konfliktraad", 5_000, 2025, 7);
    closedFigures.countEarlierRows();
    long small = best(() -> figures.figures(java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 12, 31),
        "dk_konfliktraad"));
    FiguresGenerator.seed(jdbc, "dk_konfliktraad", 45_000, 2025, 8);
    long counting = System.nanoTime();
    assertThat(closedFigures.countEarlierRows()).isEqualTo(45_000);
    counting = (System.nanoTime() - counting) / 1_000_000;
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vom_case_figures WHERE programme_profile = 'dk_konfliktraad'",
        Integer.class)).isEqualTo(50_000);
    long large = best(() -> figures.figures(java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 12, 31),
        "dk_konfliktraad"));
    Map<String, Object> year = figures.figures(java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 12, 31),
        "dk_konfliktraad");
    assertThat(((Map<?, ?>) year.get("cases")).get("closed")).as("every case closed in the year, from the counts")
        .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM vom_case_figures WHERE programme_profile = 'dk_konfliktraad'"
            + " AND closed_on BETWEEN '2025-01-01' AND '2025-12-31'", Long.class));
    long export = best(() -> figures.toaExport(java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 12, 31),
        "dk_konfliktraad"));
    String database = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'pg_class'",
        Integer.class) > 0 ? "PostgreSQL" : "H2";
    System.out.printf("FIGURES BENCHMARK (%s): 5,000 cases %d ms; 50,000 cases %d ms (ratio %.1f for 10x the cases);"
        + " TOA export of 50,000 cases %d ms; 45,000 earlier rows counted in %d ms%n", database, small, large,
        (double) large / Math.max(small, 1), export, counting);
    assertThat(large).as("figures for 50,000 closed cases, ms").isLessThan(500);
  }

  private static long best(Runnable work) {
    work.run();
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      work.run();
      times.add((System.nanoTime() - start) / 1_000_000);
    }
    return times.stream().min(Long::compare).orElseThrow();
  }
}
