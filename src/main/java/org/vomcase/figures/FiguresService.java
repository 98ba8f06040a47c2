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
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vomcase.access.CaseRegistry;
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
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final CaseRegistry registry;
  private final Vocabularies vocabularies;
  private final String language;

  public FiguresService(JdbcTemplate jdbc, RuntimeService runtime, TaskService tasks, IdentityService identity,
      CaseRegistry registry, Vocabularies vocabularies, VomProperties properties) {
    this.vocabularies = vocabularies;
    this.language = properties.programme().language();
    this.registry = registry;
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.tasks = tasks;
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

  /** The running cases of the profile with their referral data, registration date and mediators (as the case register has them). */
  List<OpenCase> openCases(String profile) {
    List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionKey(CaseProcess.KEY).list();
    if (instances.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> values = new HashMap<>();
    String[] ids = instances.stream().map(ProcessInstance::getId).toArray(String[]::new);
    for (VariableInstance variable : runtime.createVariableInstanceQuery().processInstanceIdIn(ids)
        .variableNameIn(PROGRAMME_PROFILE.name(), REFERRAL_SOURCE.name(), PROCEDURAL_STAGE.name(), REGISTERED_AT.name(),
            CASE_NUMBER.name()).list()) {
      if (variable.getExecutionId().equals(variable.getProcessInstanceId())) {
        values.computeIfAbsent(variable.getProcessInstanceId(), k -> new HashMap<>()).put(variable.getName(), variable.getValue());
      }
    }
    Map<String, List<String>> mediators = registry.mediatorsOfCases();
    List<OpenCase> open = new ArrayList<>();
    for (Map<String, Object> value : values.values()) {
      Case theCase = Case.of(value);
      if (!profile.equals(theCase.get(PROGRAMME_PROFILE))) {
        continue;
      }
      OffsetDateTime registered = theCase.get(REGISTERED_AT);
      open.add(new OpenCase(theCase.get(REFERRAL_SOURCE), theCase.get(PROCEDURAL_STAGE),
          registered == null ? null : registered.toLocalDate(), mediators.getOrDefault(theCase.caseNumber(), List.of())));
    }
    return open;
  }

  /** Every mediator: the running cases assigned to them and their tasks past the due date. */
  List<ProgrammeFigures.Caseload> caseload(List<OpenCase> open) {
    Date now = ClockUtil.getCurrentTime();
    List<ProgrammeFigures.Caseload> caseload = new ArrayList<>();
    for (User mediator : identity.createUserQuery().memberOfGroup(Roles.MEDIATORS).orderByUserId().asc().list()) {
      long cases = open.stream().filter(c -> c.mediators().contains(mediator.getId())).count();
      long overdue = tasks.createTaskQuery().taskAssignee(mediator.getId()).dueBefore(now).count();
      caseload.add(new ProgrammeFigures.Caseload(mediator.getId(), StaffNames.displayName(mediator), cases, overdue));
    }
    return caseload;
  }
}
