package org.vomcase.process.contact;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.vomcase.settings.StaffLanguage;
import org.vomcase.identity.StaffNames;
import org.vomcase.kernel.CallAttempt;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseVariable;
import org.vomcase.kernel.ClosureReason;
import org.vomcase.kernel.Consent;
import org.vomcase.kernel.ConsentBook;
import org.vomcase.kernel.ConsentOutcome;
import org.vomcase.kernel.Dates;
import org.vomcase.kernel.Guardian;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.Side;
import org.vomcase.kernel.Vocabulary;

/**
 * The contact phase of a case (expressions of {@code vom-case}): which side is contacted first, who
 * is on a side, and the consent book {@code consents} (person id → side, outcome, guardian) that the
 * per-person contacts fill in.
 */
@Component("contactPlan")
public class ContactPlan {

  private final StaffLanguage language;

  /** The calls in English (diagram tests). */
  public ContactPlan() {
    this(StaffLanguage.of(StaffLanguage.SOURCE));
  }

  /** The calls in the staff language; an outcome in the consent-call form's words. */
  @Autowired
  public ContactPlan(StaffLanguage language) {
    this.language = language;
  }

  /** The guardian's answer that lets the contact go on. */
  static final String GUARDIAN_CONSENTS = "consents";

  /** The sides in the order of contact (decision table contact-order): the codes the multi-instance iterates. */
  public List<String> sides(String firstContact) {
    Side first = Side.of(firstContact);
    return List.of(first.code(), (first == Side.VICTIM ? Side.OFFENDER : Side.VICTIM).code());
  }

  /**
   * The persons of one side to contact (the multi-instance collection, each a Json person): everyone except
   * those who already withdrew or declined (a withdrawal recorded before their side's turn is never followed
   * by a letter or a call).
   */
  public List<Object> persons(DelegateExecution execution, String side) {
    Case theCase = Case.of(execution);
    ConsentBook book = theCase.consents();
    return theCase.side(Side.of(side)).stream()
        .filter(person -> book.outcome(person.personId()) == null || !book.outcome(person.personId()).refused())
        .map(PERSON::value).toList();
  }

  /**
   * Records the outcome of one person's contact (end of the call activity) in the consent book. Every
   * end of contact-person sets the outcome; a contact cancelled because the case closed has none.
   */
  public void recordConsent(DelegateExecution execution) {
    Person person = PERSON.fromLocal(execution);
    ConsentOutcome outcome = CONSENT_OUTCOME.fromLocal(execution);
    if (outcome == null) {
      return; // the contact was cancelled (the case closed meanwhile): nothing happened to record
    }
    keepSafeContact(execution, person);
    String guardianName = GUARDIAN_NAME.fromLocal(execution);
    Guardian guardian = guardianName == null ? null : new Guardian(guardianName, GUARDIAN_RELATION.fromLocal(execution),
        GUARDIAN_PHONE.fromLocal(execution), GUARDIAN_EMAIL.fromLocal(execution));
    ConsentBook book = CONSENTS.from(execution);
    if (book.outcome(person.personId()) == ConsentOutcome.WITHDRAWN) {
      return; // a withdrawal recorded meanwhile stands
    }
    CONSENTS.on(execution.getProcessInstance()).set(book.with(person.personId(),
        Consent.of(person.role(), outcome, guardian, GUARDIAN_CONSENT.fromLocal(execution))));
  }

  /**
   * The person as the contact left them (the safe-contact record the person gave in the call or letter answer)
   * replaces the referral's record in the case's list of victims or offenders, so every later message obeys it.
   */
  private static void keepSafeContact(DelegateExecution execution, Person contacted) {
    CaseVariable<List<Person>> side = contacted.victim() ? VICTIMS : OFFENDERS;
    List<Person> persons = side.from(execution.getProcessInstance());
    if (persons == null) {
      return;
    }
    List<Person> updated = persons.stream()
        .map(p -> p.personId().equals(contacted.personId()) ? p.withSafeContact(contacted.safeContact()) : p).toList();
    if (!updated.equals(persons)) {
      side.on(execution.getProcessInstance()).set(updated);
    }
  }

  /**
   * Whether the mediator may call the person (gateway "May the mediator call the person?"): not a victim the
   * contact-order decision has contacted in writing only, who gets in touch instead.
   */
  public boolean mayCall(DelegateExecution execution) {
    return Case.seenFrom(execution).contactPolicy(PERSON.from(execution), false).calls();
  }

  /**
   * Whether the person is a minor the programme reaches through their parents or guardians first (gateway "Reach
   * the parents first?"): the introduction went to them, and their consent is asked before the minor's.
   */
  public boolean guardiansFirst(DelegateExecution execution) {
    Person person = PERSON.from(execution);
    return person.minor() && Case.seenFrom(execution).guardiansFirst();
  }

  /** Whether a minor who agreed still needs the consent of a parent or guardian (not asked first). */
  public boolean needsGuardianConsent(DelegateExecution execution) {
    return Boolean.TRUE.equals(PERSON_MINOR.from(execution)) && !GUARDIAN_CONSENTS.equals(GUARDIAN_CONSENT.from(execution));
  }

  /**
   * A repeated call starts empty (task "Call the person for consent", on create): the form does not offer the last
   * call's answer and its day again, so one careless click cannot repeat "call again" or "not reached". The earlier
   * calls are shown instead, read-only (task-local {@code callsShown}): one line each with the day in the programme's
   * words, the outcome in words, the next call asked for, and who called.
   */
  public void startCallAfresh(DelegateTask task) {
    CALL_OUTCOME.on(task.getExecution()).remove();
    NEXT_CALL_DATE.on(task.getExecution()).remove();
    List<CallAttempt> attempts = CALL_ATTEMPTS.from(task);
    Locale locale = Case.seenFrom(task.getExecution()).locale();
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    StringBuilder shown = new StringBuilder();
    for (int n = 0; n < attempts.size(); n++) {
      CallAttempt attempt = attempts.get(n);
      String caller = StaffNames.displayName(attempt.calledBy(), identity);
      String outcome = Vocabulary.CALL_OUTCOMES.getOrDefault(attempt.outcome(), attempt.outcome());
      outcome = language.formTexts("consent-call").getOrDefault(outcome, outcome);
      shown.append(n == 0 ? "" : "\n").append(language.text("staff.call.line", String.valueOf(n + 1),
          Dates.inWords(attempt.calledOn(), locale), outcome));
      if (attempt.nextCallOn() != null) {
        shown.append(" (").append(language.text("staff.call.next", Dates.inWords(attempt.nextCallOn(), locale))).append(')');
      }
      shown.append(", ").append(language.text("staff.call.by", caller == null ? attempt.calledBy() : caller));
    }
    CALLS_SHOWN.on(task).setLocal(attempts.isEmpty() ? language.text("staff.call.first") : shown.toString());
  }

  /** Has at least one person of the side agreed? */
  public boolean anyAgreed(DelegateExecution execution, String side) {
    return CONSENTS.from(execution).outcomes(Side.of(side)).contains(ConsentOutcome.AGREED);
  }

  /**
   * Why a case without consent on one side closes (R19): the first side in the order of contact
   * where nobody agreed; declined if anyone of it declined, otherwise not reachable.
   */
  public String closureReason(DelegateExecution execution) {
    ConsentBook book = CONSENTS.from(execution);
    for (String side : sides(FIRST_CONTACT.from(execution).code())) {
      List<ConsentOutcome> outcomes = book.outcomes(Side.of(side));
      if (!outcomes.isEmpty() && !outcomes.contains(ConsentOutcome.AGREED)) {
        if (outcomes.contains(ConsentOutcome.WITHDRAWN)) {
          return ClosureReason.CONSENT_WITHDRAWN.code();
        }
        if (outcomes.contains(ConsentOutcome.DECLINED)) {
          return (Side.VICTIM.code().equals(side) ? ClosureReason.VICTIM_DECLINED : ClosureReason.OFFENDER_DECLINED).code();
        }
        return ClosureReason.NOT_REACHABLE.code();
      }
    }
    throw new IllegalStateException("Case " + execution.getProcessBusinessKey() + " has consent on both sides");
  }
}
