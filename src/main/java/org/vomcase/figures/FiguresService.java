package org.vomcase.figures;

import static org.vomcase.kernel.CaseVariables.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vomcase.identity.StaffNames;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseProcess;
import org.vomcase.kernel.FigureRow;
import org.vomcase.kernel.Roles;
import org.vomcase.kernel.Vocabularies;
import org.vomcase.settings.VomProperties;

/**
 * Reads what {@link ProgrammeFigures} and {@link ToaExport} compute from: the anonymous figures of
 * closed cases (one indexed query on {@code vom_case_figures}; they survive deletion, R20) and the
 * running cases and open tasks of the engine.
 */
@Service
public class FiguresService {

  private final JdbcTemplate jdbc;
  private final IdentityService identity;
  private final Vocabularies vocabularies;
  private final String language;

  public FiguresService(JdbcTemplate jdbc, IdentityService identity, Vocabularies vocabularies,
      VomProperties properties) {
    this.vocabularies = vocabularies;
    this.language = properties.programme().language();
    this.jdbc = jdbc;
    this.identity = identity;
  }

  public Map<String, Object> figures(LocalDate from, LocalDate to, String profile) {
    List<OpenCase> open = openCases(profile);
    return ProgrammeFigures.compute(from, to, profile, rows(from, to, profile, false), open, caseload(open),
        vocabularies, language);
  }

  public String toaExport(LocalDate from, LocalDate to, String profile) {
    return ToaExport.csv(rows(from, to, profile, true), vocabularies, language);
  }

  /** Rows closed in the period, and (unless only closed ones are wanted) rows registered in it. */
  List<FigureRow> rows(LocalDate from, LocalDate to, String profile, boolean closedOnly) {
    String where = closedOnly ? "closed_on BETWEEN ? AND ?" : "(closed_on BETWEEN ? AND ? OR registered_on BETWEEN ? AND ?)";
    Object[] args = closedOnly ? new Object[] {profile, java.sql.Date.valueOf(from), java.sql.Date.valueOf(to)}
        : new Object[] {profile, java.sql.Date.valueOf(from), java.sql.Date.valueOf(to), java.sql.Date.valueOf(from),
            java.sql.Date.valueOf(to)};
    return jdbc.query("SELECT id, programme_profile, referral_source, procedural_stage, offence_category, registered_on,"
        + " closed_on, closure_reason, victims, offenders, session_outcome, meeting_type, agreement_fulfilment, details"
        + " FROM vom_case_figures WHERE programme_profile = ? AND " + where + " ORDER BY closed_on, id", (rs, i) -> {
          try {
            return new FigureRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(), rs.getString(8),
                rs.getInt(9), rs.getInt(10), rs.getString(11), rs.getString(12), rs.getString(13),
                FigureRow.Details.parse(rs.getString(14)));
          } catch (IllegalStateException e) {
            throw new IllegalStateException("Figures row " + rs.getString(1) + " has unreadable details", e);
          }
        }, args);
  }

  /**
   * The running cases of the profile with their referral data, registration date and mediators (as the case register has
   * them), in two set-based queries whatever the number of cases: the four instance variables of every case instance
   * (a variable row exists only while its instance runs), pivoted in the database and read through the engine's index
   * {@code ACT_IDX_VARIABLE_TASK_NAME_TYPE} ({@code TASK_ID_ IS NULL AND NAME_ IN (...)}: four index rows per case, no
   * join per case with the execution table), and the mediators of the running cases from {@code vom_case_mediator}.
   * No per-case round trip, no list of ids as bind parameters.
   */
  List<OpenCase> openCases(String profile) {
    Map<String, List<String>> mediators = new HashMap<>();
    jdbc.query("SELECT c.process_instance_id, m.user_id FROM vom_case_mediator m JOIN vom_case c ON c.case_number = m.case_number"
        + " WHERE c.deleted_at IS NULL AND EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.ID_ = c.process_instance_id)"
        + " ORDER BY c.process_instance_id, m.is_lead DESC, m.user_id",
        (org.springframework.jdbc.core.RowCallbackHandler) row -> mediators.computeIfAbsent(row.getString(1),
            k -> new ArrayList<>()).add(row.getString(2)));
    List<OpenCase> open = new ArrayList<>();
    jdbc.query("SELECT v.PROC_INST_ID_,"
        + " MAX(CASE WHEN v.NAME_ = ? THEN v.TEXT_ END),"
        + " MAX(CASE WHEN v.NAME_ = ? THEN v.TEXT_ END),"
        + " MAX(CASE WHEN v.NAME_ = ? THEN v.TEXT_ END),"
        + " MAX(CASE WHEN v.NAME_ = ? THEN v.TYPE_ END),"
        + " MAX(CASE WHEN v.NAME_ = ? THEN v.LONG_ END)"
        + " FROM ACT_RU_VARIABLE v"
        + " WHERE v.TASK_ID_ IS NULL AND v.NAME_ IN (?, ?, ?, ?) AND v.EXECUTION_ID_ = v.PROC_INST_ID_"
        + " AND v.PROC_DEF_ID_ IN (SELECT d.ID_ FROM ACT_RE_PROCDEF d WHERE d.KEY_ = ?)"
        + " GROUP BY v.PROC_INST_ID_"
        + " HAVING MAX(CASE WHEN v.NAME_ = ? THEN v.TEXT_ END) = ?",
        (org.springframework.jdbc.core.RowCallbackHandler) row -> {
          Map<String, Object> value = new HashMap<>();
          value.put(REFERRAL_SOURCE.name(), row.getString(2));
          value.put(PROCEDURAL_STAGE.name(), row.getString(3));
          // A moment is stored as ISO text; an instance from before that may hold a date (type "date", in LONG_).
          long millis = row.getLong(6);
          boolean isDate = !row.wasNull() && "date".equals(row.getString(5));
          value.put(REGISTERED_AT.name(), isDate ? new Date(millis) : row.getString(4));
          OffsetDateTime registered = Case.of(value).get(REGISTERED_AT);
          open.add(new OpenCase(row.getString(2), row.getString(3), registered == null ? null : registered.toLocalDate(),
              mediators.getOrDefault(row.getString(1), List.of())));
        },
        REFERRAL_SOURCE.name(), PROCEDURAL_STAGE.name(), REGISTERED_AT.name(), REGISTERED_AT.name(), REGISTERED_AT.name(),
        PROGRAMME_PROFILE.name(), REFERRAL_SOURCE.name(), PROCEDURAL_STAGE.name(), REGISTERED_AT.name(), CaseProcess.KEY,
        PROGRAMME_PROFILE.name(), profile);
    return open;
  }

  /**
   * Every mediator: the running cases assigned to them and their tasks past the due date. One pass over the open cases
   * and one grouped count of the overdue tasks (the engine's {@code dueBefore}: {@code DUE_DATE_ < now}), whatever the
   * number of mediators: a programme with hundreds of mediators asks no query per mediator.
   */
  List<ProgrammeFigures.Caseload> caseload(List<OpenCase> open) {
    Map<String, Long> cases = new HashMap<>();
    open.forEach(c -> c.mediators().forEach(mediator -> cases.merge(mediator, 1L, Long::sum)));
    Map<String, Long> overdue = new HashMap<>();
    jdbc.query("SELECT ASSIGNEE_, COUNT(*) FROM ACT_RU_TASK WHERE ASSIGNEE_ IS NOT NULL AND DUE_DATE_ < ? GROUP BY ASSIGNEE_",
        (org.springframework.jdbc.core.RowCallbackHandler) row -> overdue.put(row.getString(1), row.getLong(2)),
        new java.sql.Timestamp(ClockUtil.getCurrentTime().getTime()));
    List<ProgrammeFigures.Caseload> caseload = new ArrayList<>();
    for (User mediator : identity.createUserQuery().memberOfGroup(Roles.MEDIATORS).orderByUserId().asc().list()) {
      caseload.add(new ProgrammeFigures.Caseload(mediator.getId(), StaffNames.displayName(mediator),
          cases.getOrDefault(mediator.getId(), 0L), overdue.getOrDefault(mediator.getId(), 0L)));
    }
    return caseload;
  }
}
