package org.vomcase.access;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vomcase.kernel.CaseProcess;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseVariables;

/**
 * Enters the cases of an installation that predates the case register, once, at start: each case
 * instance whose number the register does not know yet is entered with the referrer and mediators it
 * recorded at its registration and assignment. Later starts find nothing to do.
 */
@Component
public class CaseRegistryBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(CaseRegistryBackfill.class);

  private final HistoryService history;
  private final CaseRegistry registry;
  private final org.camunda.bpm.engine.ManagementService management;

  private final org.springframework.jdbc.core.JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  public CaseRegistryBackfill(HistoryService history, CaseRegistry registry,
      org.camunda.bpm.engine.ManagementService management, org.springframework.jdbc.core.JdbcTemplate jdbc,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.history = history;
    this.registry = registry;
    this.management = management;
  }

  @Order(0)
  @EventListener(ApplicationReadyEvent.class)
  public void enterEarlierCases() {
    int entered = 0;
    // Only the cases the register lacks (none after the first start): the engine's history, asked once.
    List<HistoricProcessInstance> missing = history.createNativeHistoricProcessInstanceQuery().sql("SELECT * FROM "
        + management.getTableName(HistoricProcessInstance.class) + " P WHERE P.PROC_DEF_KEY_ = '" + CaseProcess.KEY + "' AND P.BUSINESS_KEY_ IS NOT NULL"
        + " AND NOT EXISTS (SELECT 1 FROM vom_case C WHERE C.case_number = P.BUSINESS_KEY_)").list();
    java.util.Set<String> known = new java.util.HashSet<>();
    for (HistoricProcessInstance instance : missing) {
      String caseNumber = instance.getBusinessKey();
      if (!known.add(caseNumber)) {
        continue;
      }
      Map<String, Object> values = history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
          .stream().filter(v -> instance.getId().equals(v.getExecutionId()) && v.getValue() != null)
          .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> a));
      OffsetDateTime registeredAt = instance.getStartTime().toInstant().atOffset(java.time.ZoneOffset.UTC);
      Case theCase = Case.of(values);
      transaction.executeWithoutResult(status -> { // the row, its mediators and the counts together
        registry.register(caseNumber, instance.getId(), theCase.get(CaseVariables.REFERRED_BY),
            theCase.get(CaseVariables.REFERRER_NAME), theCase.get(CaseVariables.REFERRER_EMAIL), registeredAt);
        List<String> mediators = theCase.mediators();
        if (!mediators.isEmpty()) {
          registry.setMediators(caseNumber, mediators);
        }
      });
      entered++;
    }
    if (entered > 0) {
      LOG.info("Case register: {} cases of an earlier version entered", entered);
    }
  }
  /**
   * Fills the figures' columns of the register (profile, referral source, procedural stage, closed_at) for the cases
   * registered before them, once, at start, set-based: a case whose instance no longer runs is closed as of its end in
   * the history; a running case takes the three values from its instance's variables. Later starts find nothing to do.
   */
  @Order(1)
  @EventListener(ApplicationReadyEvent.class)
  public void describeEarlierCasesForTheFigures() {
    int closed = jdbc.update("UPDATE vom_case SET closed_at = COALESCE((SELECT h.END_TIME_ FROM "
        + management.getTableName(HistoricProcessInstance.class) + " h WHERE h.ID_ = vom_case.process_instance_id),"
        + " CURRENT_TIMESTAMP) WHERE closed_at IS NULL AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e"
        + " WHERE e.ID_ = vom_case.process_instance_id)");
    // A case that keeps its referral's facts in one record (CaseVariables.REFERRAL) is read through the case model, one by
    // one (only a register row that lost its figures' columns; none in a normal installation), the others set-based below.
    int described = 0;
    for (Map<String, Object> row : jdbc.queryForList("SELECT case_number, process_instance_id FROM vom_case WHERE"
        + " programme_profile IS NULL AND closed_at IS NULL AND EXISTS " + variable(CaseVariables.REFERRAL.name()).replace(
            "SELECT v.TEXT_", "SELECT 1"))) {
      Case theCase = Case.of(org.vomcase.kernel.CaseRecord.of(String.valueOf(row.get("process_instance_id")), history,
          CaseVariables.PROGRAMME_PROFILE, CaseVariables.REFERRAL_SOURCE, CaseVariables.PROCEDURAL_STAGE));
      described += jdbc.update("UPDATE vom_case SET programme_profile = ?, referral_source = ?, procedural_stage = ?"
          + " WHERE case_number = ? AND programme_profile IS NULL", theCase.get(CaseVariables.PROGRAMME_PROFILE),
          theCase.get(CaseVariables.REFERRAL_SOURCE), theCase.get(CaseVariables.PROCEDURAL_STAGE), row.get("case_number"));
    }
    described += jdbc.update("UPDATE vom_case SET programme_profile = " + variable(CaseVariables.PROGRAMME_PROFILE.name())
        + ", referral_source = " + variable(CaseVariables.REFERRAL_SOURCE.name()) + ", procedural_stage = "
        + variable(CaseVariables.PROCEDURAL_STAGE.name()) + " WHERE programme_profile IS NULL AND closed_at IS NULL");
    if (closed + described > 0) {
      LOG.info("Case register: {} closed and {} running cases of an earlier version described for the figures", closed, described);
    }
  }

  /**
   * Corrects the kept counts of running cases ({@link RunningCaseCounts}) where they differ from the register: after the
   * backfills above, and after any change of the register outside the application (a restored database, an operator's
   * SQL). One pass over the register at start, in one transaction; nodes starting together correct one after the other,
   * and what the application commits meanwhile counts as it should. Later starts find nothing to correct. A failure is
   * logged, not thrown: the application runs, and the next start corrects.
   */
  @Order(2)
  @EventListener(ApplicationReadyEvent.class)
  public void countTheRunningCases() {
    try {
      RunningCaseCounts.Correction correction = transaction.execute(status -> registry.correctRunningCounts());
      if (correction != null && !correction.isEmpty()) {
        LOG.info("Case register: the running cases' counts corrected from the register: {} key(s), {} by mediator",
            correction.registeredKeys(), correction.mediatorKeys());
      }
    } catch (RuntimeException e) {
      LOG.warn("Case register: the running cases' counts could not be compared with the register now; the next start"
          + " does it", e);
    }
  }

  private static String variable(String name) {
    return "(SELECT v.TEXT_ FROM ACT_RU_VARIABLE v WHERE v.EXECUTION_ID_ = vom_case.process_instance_id AND v.TASK_ID_ IS NULL"
        + " AND v.NAME_ = '" + name + "')";
  }
}
