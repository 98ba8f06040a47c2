package org.vomcase.figures;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.vomcase.access.CaseRegistry;
import org.vomcase.identity.StaffNames;
import org.vomcase.kernel.Roles;
import org.vomcase.kernel.Vocabularies;
import org.vomcase.settings.VomProperties;

/**
 * Reads what {@link ProgrammeFigures} and {@link ToaExport} compute from: the closed cases' figures (their counts per day
 * for the figures, their rows for the export; {@link ClosedCaseFigures}; they survive deletion, R20), the running cases
 * of the case register (its counts) and the overdue tasks of the engine, each counted in the database.
 */
@Service
public class FiguresService {

  private final JdbcTemplate jdbc;
  private final ClosedCaseFigures closed;
  private final IdentityService identity;
  private final CaseRegistry registry;
  private final Vocabularies vocabularies;
  private final String language;

  public FiguresService(JdbcTemplate jdbc, ClosedCaseFigures closed, IdentityService identity, CaseRegistry registry,
      Vocabularies vocabularies, VomProperties properties) {
    this.closed = closed;
    this.registry = registry;
    this.vocabularies = vocabularies;
    this.language = properties.programme().language();
    this.jdbc = jdbc;
    this.identity = identity;
  }

  public Map<String, Object> figures(LocalDate from, LocalDate to, String profile) {
    return ProgrammeFigures.compute(from, to, profile, closed.tally(profile, from, to), openCases(from, to, profile),
        caseload(profile), vocabularies, language);
  }

  public String toaExport(LocalDate from, LocalDate to, String profile) {
    return ToaExport.csv(closed.rows(profile, from, to), vocabularies, language);
  }

  /**
   * The running cases of the profile registered in the period, by referral source and procedural stage: the case
   * register's kept counts ({@link CaseRegistry#runningCasesRegistered}), a few rows per day of the period whatever the
   * number of cases. A case stops running when its instance ends, by its closure or in any other way (see
   * {@code CaseEndRecorder}), or when its personal data are deleted. No engine table and no variable is read.
   */
  List<OpenCase> openCases(LocalDate from, LocalDate to, String profile) {
    return registry.runningCasesRegistered(profile, from, to).stream()
        .map(c -> new OpenCase(c.referralSource(), c.proceduralStage(), c.count())).toList();
  }

  /**
   * Every mediator: the running cases of the profile assigned to them and their tasks past the due date. Two grouped reads
   * (the register's kept counts per mediator; the engine's {@code dueBefore}: {@code DUE_DATE_ < now}, a range of the
   * index {@code vom_task_due} over the overdue tasks only), whatever the number of cases and mediators: a programme with
   * hundreds of mediators asks no query per mediator.
   */
  List<ProgrammeFigures.Caseload> caseload(String profile) {
    Map<String, Long> cases = registry.runningCasesByMediator(profile);
    Map<String, Long> overdue = new HashMap<>();
    jdbc.query("SELECT ASSIGNEE_, COUNT(*) FROM ACT_RU_TASK WHERE ASSIGNEE_ IS NOT NULL AND DUE_DATE_ < ? GROUP BY ASSIGNEE_",
        (RowCallbackHandler) row -> overdue.put(row.getString(1), row.getLong(2)),
        new Timestamp(ClockUtil.getCurrentTime().getTime()));
    List<ProgrammeFigures.Caseload> caseload = new ArrayList<>();
    for (User mediator : identity.createUserQuery().memberOfGroup(Roles.MEDIATORS).orderByUserId().asc().list()) {
      caseload.add(new ProgrammeFigures.Caseload(mediator.getId(), StaffNames.displayName(mediator),
          cases.getOrDefault(mediator.getId(), 0L), overdue.getOrDefault(mediator.getId(), 0L)));
    }
    return caseload;
  }
}
