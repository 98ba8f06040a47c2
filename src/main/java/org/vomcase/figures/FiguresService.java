package org.vomcase.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vomcase.identity.StaffNames;
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
   * The running cases of the profile with their referral data, registration date and mediators, in one query on the case
   * register whatever the number of cases: the register's figures columns (written at registration and closure) and the
   * mediators (written by the assignment), for the cases not closed, each checked against the engine's own word that its
   * instance still runs (one primary-key lookup per running case; a case whose instance was ended in Cockpit without a
   * closure is not counted, nor one whose personal data were deleted). No variable is read, no list of ids is sent as
   * bind parameters.
   */
  List<OpenCase> openCases(String profile) {
    // No ORDER BY (a sort of every row by text): each case's mediators are put in order here, the lead first.
    Map<String, OpenCase> open = new LinkedHashMap<>();
    Map<String, String> leads = new HashMap<>();
    jdbc.query("SELECT c.process_instance_id, c.referral_source, c.procedural_stage, c.registered_at, m.user_id, m.is_lead"
        + " FROM vom_case c LEFT JOIN vom_case_mediator m ON m.case_number = c.case_number"
        + " WHERE c.closed_at IS NULL AND c.programme_profile = ? AND c.deleted_at IS NULL"
        + " AND EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.ID_ = c.process_instance_id)",
        (org.springframework.jdbc.core.RowCallbackHandler) row -> {
          OpenCase theCase = open.computeIfAbsent(row.getString(1), id -> {
            try {
              java.sql.Timestamp registered = row.getTimestamp(4);
              return new OpenCase(row.getString(2), row.getString(3),
                  registered == null ? null : registered.toLocalDateTime().toLocalDate(), new ArrayList<>());
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          });
          String mediator = row.getString(5);
          if (mediator != null) {
            theCase.mediators().add(mediator);
            if (row.getBoolean(6)) {
              leads.put(row.getString(1), mediator);
            }
          }
        }, profile);
    open.forEach((instance, theCase) -> theCase.mediators().sort(java.util.Comparator
        .comparing((String mediator) -> !mediator.equals(leads.get(instance))).thenComparing(java.util.Comparator.naturalOrder())));
    return new ArrayList<>(open.values());
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
