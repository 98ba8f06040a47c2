package org.vomcase.access;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The register of cases, in the application's own tables and written only by the case's own steps: the
 * registration of a referral enters the case ({@code vom_case}: number, case instance, who referred it and
 * the referrer of record), the assignment of mediators enters them ({@code vom_case_mediator}). Whatever
 * decides access to a case or where its reports go reads this register, never a process variable.
 *
 * <p>A case number is unique by construction: {@code vom_case.case_number} is the table's primary key, so
 * the database refuses a second case with the same number on any node, and a deleted case keeps its row
 * (without personal data) so that its number is never given again.
 */
@Service
public class CaseRegistry {

  /**
   * A registered case. {@code mandateAuthority}: the authority that gave a self-referral's mandate, null before (or
   * without) one.
   */
  public record RegisteredCase(String caseNumber, String caseInstanceId, String referredBy, String referrerName,
      String referrerEmail, boolean deleted, Authority mandateAuthority) {

    public RegisteredCase(String caseNumber, String caseInstanceId, String referredBy, String referrerName,
        String referrerEmail, boolean deleted) {
      this(caseNumber, caseInstanceId, referredBy, referrerName, referrerEmail, deleted, null);
    }
  }

  /** An authority that receives a case's reports: its name, email address and postal address (either may be null). */
  public record Authority(String name, String email, String postalAddress) {}

  private final JdbcTemplate jdbc;
  private final RunningCaseCounts counts;

  public CaseRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.counts = new RunningCaseCounts(jdbc);
  }

  /**
   * Enters a new case, in the transaction that starts it: if the number is taken the database refuses
   * the row and the whole start is rolled back.
   */
  public void register(String caseNumber, String caseInstanceId, String referredBy, String referrerName, String referrerEmail,
      OffsetDateTime registeredAt) {
    register(new Registration(caseNumber, caseInstanceId, referredBy, referrerName, referrerEmail, registeredAt, null, null,
        null, null, null, null));
  }

  /**
   * What the registration of a referral enters: who referred it, and what the figures and the case list read of it (the
   * programme profile, the referral's source and procedural stage, the persons' names and the referrer's reference).
   */
  public record Registration(String caseNumber, String caseInstanceId, String referredBy, String referrerName,
      String referrerEmail, OffsetDateTime registeredAt, String programmeProfile, String referralSource,
      String proceduralStage, List<String> personNames, String referrerReference, String referral) {}

  /**
   * Enters a new case with everything its registration knows, in one row written once (the transaction that starts the
   * case): if the number is taken the database refuses the row and the whole start is rolled back.
   */
  public void register(Registration r) {
    jdbc.update("INSERT INTO vom_case (case_number, process_instance_id, referred_by, referrer_name, referrer_email,"
        + " registered_at, programme_profile, referral_source, procedural_stage, persons, referrer_reference)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.caseNumber(), r.caseInstanceId(), r.referredBy(), r.referrerName(),
        r.referrerEmail(), Timestamp.from(r.registeredAt().toInstant()), r.programmeProfile(), r.referralSource(),
        r.proceduralStage(), r.personNames() == null ? null : persons(r.personNames()), r.referrerReference());
    if (r.referral() != null) {
      jdbc.update("INSERT INTO vom_case_referral (case_number, referral) VALUES (?, ?)", r.caseNumber(), r.referral());
    }
    counts.caseChanged(r.caseNumber(), new RunningCaseCounts.Registered(r.programmeProfile(),
        Timestamp.from(r.registeredAt().toInstant()).toLocalDateTime().toLocalDate(), r.referralSource(),
        r.proceduralStage()), List.of(), 1);
  }

  /** A running case (neither closed nor deleted) as the kept counts know it: its key and its mediators. */
  private record Running(String caseNumber, RunningCaseCounts.Registered key, List<String> mediators) {}

  /**
   * The running cases whose row meets {@code condition} (with its bind values), with their mediators: their rows locked
   * ({@code FOR UPDATE}) until the transaction ends, and the mediators read after the lock, so that two transactions
   * changing the same case (a reassignment and the case's end) count one after the other, each from what the other left.
   */
  private List<Running> running(String condition, Object... args) {
    List<Running> running = new java.util.ArrayList<>();
    for (Running row : jdbc.query("SELECT case_number, programme_profile, registered_at, referral_source, procedural_stage"
        + " FROM vom_case WHERE closed_at IS NULL AND deleted_at IS NULL AND " + condition + " FOR UPDATE", (row, n) ->
            new Running(row.getString(1), new RunningCaseCounts.Registered(row.getString(2),
                row.getTimestamp(3).toLocalDateTime().toLocalDate(), row.getString(4), row.getString(5)), List.of()), args)) {
      running.add(new Running(row.caseNumber(), row.key(), mediators(row.caseNumber())));
    }
    return running;
  }

  private static String persons(List<String> personNames) {
    String persons = String.join("\n", personNames);
    return persons.length() > 2000 ? persons.substring(0, 2000) : persons;
  }

  /**
   * The case has closed: written by the closure in its transaction, and by {@link CaseEndRecorder} when the case's
   * instance ends in any other way (through the engine's API, without a closure); the first mark stays. The figures count a case as running while
   * it has none, without asking the engine about any case.
   */
  public void closed(String caseInstanceId, OffsetDateTime closedAt) {
    Timestamp at = Timestamp.from(closedAt.toInstant());
    for (Running c : running("process_instance_id = ?", caseInstanceId)) {
      // Only the transaction that ends a running case counts its end (the row's lock decides), so it ends once.
      if (jdbc.update(STOPS_RUNNING.formatted("closed_at = ?"), at, c.caseNumber()) == 1) {
        counts.caseChanged(c.caseNumber(), c.key(), c.mediators(), -1);
      }
    }
    jdbc.update("UPDATE vom_case SET closed_at = ? WHERE process_instance_id = ? AND closed_at IS NULL", at, caseInstanceId);
  }

  /** Marks a running case as no longer running (a {@code SET} clause, then the case number): 1 if it ran until now. */
  private static final String STOPS_RUNNING = "UPDATE vom_case SET %s WHERE case_number = ? AND closed_at IS NULL"
      + " AND deleted_at IS NULL";

  /** The referral as registered (JSON), while the case's personal data are kept; empty for a case registered before it. */
  public Optional<String> registeredReferral(String caseNumber) {
    return jdbc.queryForList("SELECT referral FROM vom_case_referral WHERE case_number = ?", String.class, caseNumber).stream()
        .findFirst();
  }

  public Optional<RegisteredCase> find(String caseNumber) {
    if (caseNumber == null) {
      return Optional.empty();
    }
    return jdbc.query("SELECT case_number, process_instance_id, referred_by, referrer_name, referrer_email, deleted_at,"
        + " mandate_authority_name, mandate_authority_email, mandate_authority_address FROM vom_case WHERE case_number = ?",
        (row, n) -> new RegisteredCase(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
            row.getString(5), row.getTimestamp(6) != null, row.getString(7) == null ? null
                : new Authority(row.getString(7), row.getString(8), row.getString(9))), caseNumber).stream().findFirst();
  }

  /**
   * Records the authority that gave the case's mandate ("Record the mandate", in that step's transaction): the referrer
   * of record from then on.
   */
  public void recordMandateAuthority(String caseNumber, Authority authority) {
    jdbc.update("UPDATE vom_case SET mandate_authority_name = ?, mandate_authority_email = ?, mandate_authority_address = ?"
        + " WHERE case_number = ? AND deleted_at IS NULL", authority.name(), authority.email(), authority.postalAddress(),
        caseNumber);
  }

  /** The case a case instance belongs to (the case's own instance, not its called processes). */
  public Optional<String> caseOfInstance(String caseInstanceId) {
    return jdbc.queryForList("SELECT case_number FROM vom_case WHERE process_instance_id = ?", String.class, caseInstanceId)
        .stream().findFirst();
  }

  /** The case's mediators, the lead mediator first; none before the assignment. */
  public List<String> mediators(String caseNumber) {
    return jdbc.queryForList("SELECT user_id FROM vom_case_mediator WHERE case_number = ? ORDER BY is_lead DESC, user_id",
        String.class, caseNumber);
  }

  /**
   * Each mediator's running cases (user id → count), read from the kept counts ({@link RunningCaseCounts}, a row per
   * mediator, profile and slot): the cases they mediate whose instance has
   * not ended ({@code closed_at}, written when the case's instance ends however it ends, {@link CaseEndRecorder}) and
   * which are not deleted; mediators without one are absent. The one definition of a mediator's open cases: the
   * assignment offers the mediators with it (every profile's cases, {@code profile} null), the figures show it per
   * programme profile.
   */
  public java.util.Map<String, Long> runningCasesByMediator(String profile) {
    return counts.byMediator(profile);
  }

  /** Running cases of one referral source and procedural stage (null: not recorded), however many. */
  public record RunningCount(String referralSource, String proceduralStage, long count) {}

  /**
   * The running cases (not closed, not deleted) of the profile registered from {@code from} to {@code to} (both days
   * included, in the server's time zone), counted by referral source and procedural stage; pairs without one are absent.
   * Read from the kept counts ({@link RunningCaseCounts}): a few rows per day of the period, however many cases.
   */
  public List<RunningCount> runningCasesRegistered(String profile, java.time.LocalDate from, java.time.LocalDate to) {
    return counts.registered(profile, from, to).entrySet().stream()
        .map(e -> new RunningCount(e.getKey().source(), e.getKey().stage(), e.getValue())).toList();
  }

  /**
   * Corrects the kept counts of running cases where they differ from a count of the register (a register changed outside
   * the application), in the caller's transaction; empty when they agree. One pass over the register, for the start:
   * see {@link RunningCaseCounts#correct()}.
   */
  RunningCaseCounts.Correction correctRunningCounts() {
    return counts.correct();
  }

  public boolean isMediator(String caseNumber, String userId) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM vom_case_mediator WHERE case_number = ? AND user_id = ?",
        Integer.class, caseNumber, userId);
    return count != null && count > 0;
  }

  /** Records the case's mediators (the assignment and every reassignment), in the transaction of that step. */
  public void setMediators(String caseNumber, List<String> mediators) {
    running("case_number = ?", caseNumber).forEach(c -> counts.mediatorsChanged(caseNumber, c.key().profile(), c.mediators(),
        mediators));
    jdbc.update("DELETE FROM vom_case_mediator WHERE case_number = ?", caseNumber);
    for (int i = 0; i < mediators.size(); i++) {
      jdbc.update("INSERT INTO vom_case_mediator (case_number, user_id, is_lead) VALUES (?, ?, ?)", caseNumber, mediators.get(i),
          i == 0);
    }
  }

  /**
   * What the case list searches by (the desk's columns): the persons' names, one a line, and the referrer's own file
   * reference; written by the registration.
   */
  public void describe(String caseNumber, List<String> personNames, String referrerReference) {
    jdbc.update("UPDATE vom_case SET persons = ?, referrer_reference = ? WHERE case_number = ? AND deleted_at IS NULL",
        persons(personNames), referrerReference, caseNumber);
  }

  /**
   * Where the case stands (the desk's columns): its phase and the next date it waits for, with what it waits for (which
   * may name a person). A deleted case keeps none of it: only its phase "deleted" is written, never anything after.
   */
  public void progress(String caseNumber, String phase, java.time.Instant nextDate, String nextWhat) {
    if ("deleted".equals(phase)) {
      jdbc.update("UPDATE vom_case SET phase = 'deleted', next_date = NULL, next_what = NULL WHERE case_number = ?", caseNumber);
      return;
    }
    jdbc.update("UPDATE vom_case SET phase = ?, next_date = ?, next_what = ? WHERE case_number = ? AND deleted_at IS NULL", phase,
        nextDate == null ? null : Timestamp.from(nextDate), nextWhat == null || nextWhat.length() <= 300 ? nextWhat
            : nextWhat.substring(0, 300), caseNumber);
  }

  /** The cases the desk's columns do not describe yet (registered before them): their numbers. */
  public List<String> undescribed() {
    return jdbc.queryForList("SELECT case_number FROM vom_case WHERE phase IS NULL OR (persons IS NULL AND deleted_at IS NULL)",
        String.class);
  }

  /**
   * The register's personal data of every closed case whose history the engine's history cleanup has removed (a case
   * that never reached its deletion step: ended without a closure, its proceedings' end never reported, so
   * its history went at its time-to-live): removed as {@link #forget} removes them, set-based. Returns how many cases.
   */
  public int forgetCasesWhoseHistoryIsGone(OffsetDateTime now) {
    return forgetCases(false, "IN (SELECT c.case_number FROM vom_case c WHERE c.deleted_at IS NULL"
        + " AND c.closed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST h WHERE h.ID_ = c.process_instance_id))", now);
  }

  /** The case's personal data leave the register with the case (R20); its number stays taken. */
  public void forget(String caseNumber, OffsetDateTime deletedAt) {
    forgetCases(true, "= ?", deletedAt, caseNumber);
  }

  /**
   * Forgets the cases whose number meets {@code which} (a condition on {@code case_number} with its bind values {@code
   * args}; {@code mayBeRunning} false when it selects closed cases only): their mediators, the referral as registered, and the personal columns of their row. Returns how many rows.
   */
  private int forgetCases(boolean mayBeRunning, String which, OffsetDateTime deletedAt, Object... args) {
    for (Running c : mayBeRunning ? running("case_number " + which, args) : List.<Running>of()) {
      if (jdbc.update(STOPS_RUNNING.formatted("deleted_at = ?"), Timestamp.from(deletedAt.toInstant()), c.caseNumber()) == 1) {
        counts.caseChanged(c.caseNumber(), c.key(), c.mediators(), -1);
      }
    }
    jdbc.update("DELETE FROM vom_case_mediator WHERE case_number " + which, args);
    jdbc.update("DELETE FROM vom_case_referral WHERE case_number " + which, args);
    Object[] update = new Object[args.length + 1];
    update[0] = Timestamp.from(deletedAt.toInstant());
    System.arraycopy(args, 0, update, 1, args.length);
    return jdbc.update("UPDATE vom_case SET referrer_name = NULL, referrer_email = NULL, referred_by = NULL, persons = NULL,"
        + " mandate_authority_name = NULL, mandate_authority_email = NULL, mandate_authority_address = NULL,"
        + " referrer_reference = NULL, next_what = NULL, next_date = NULL, phase = 'deleted', deleted_at = ?"
        + " WHERE case_number " + which, update);
  }
}
