package org.vomcase.process.events;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.vomcase.access.CaseRegistry;
import org.vomcase.kernel.Roles;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.CaseProcess;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseVariable;
import org.vomcase.kernel.Consent;
import org.vomcase.kernel.ConsentBook;
import org.vomcase.kernel.ConsentOutcome;
import org.vomcase.kernel.ErrorText;
import org.vomcase.kernel.Guardian;
import org.vomcase.kernel.Obligation;
import org.vomcase.kernel.PartEnded;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.Side;
import org.vomcase.kernel.Vocabulary;
import org.vomcase.kernel.Withdrawal;
import org.vomcase.process.ProceedingsEnd;

/**
 * Records events on a running case, whatever it is waiting for (R8): a person withdraws consent, or
 * the referrer withdraws the referral; a person's or guardian's contact details change ({@link ContactCorrection}). A withdrawal is recorded in the case (who, when, reason, by
 * whom), ends that person's contact if it is running, and closes the case with "consent withdrawn"
 * when it leaves no victim or no offender who could still take part; otherwise the case goes on and
 * its mediators are told. An event is recorded in one transaction: everything it changes and every message it
 * correlates, or nothing (a refusal, a conflict with a job of the same case).
 */
@Service
public class CaseEvents {

  public static final String MSG_REFERRAL_WITHDRAWN = "Msg_ReferralWithdrawn";
  public static final String MSG_CONSENT_WITHDRAWN = "Msg_ConsentWithdrawn";
  public static final String MSG_LAST_PARTY_WITHDRAWN = "Msg_LastPartyWithdrawn";
  public static final String MSG_CONTACT_WITHDRAWN = "Msg_ContactWithdrawn";
  /** A person withdrew while the session is being arranged ({@code mediation-session}): their invitation is cancelled. */
  public static final String MSG_PARTICIPANT_WITHDRAWN = "Msg_ParticipantWithdrawn";
  /** Indirect mediation: the appointment of the person who withdrew ends ({@code Task_ChangeAppointment}'s boundary). */
  public static final String MSG_APPOINTMENT_PARTY_WITHDREW = "Msg_AppointmentPartyWithdrew";
  /** The person who withdrew, in the scope of the session's withdrawal handling. */
  public static final String WITHDRAWN_PERSON_ID = "withdrawnPersonId";
  /** An item or instalment stops: its offender or victim withdrew after the agreement ({@code monitor-obligation}). */
  public static final String MSG_ITEM_STOPPED = "Msg_ItemStopped";
  public static final String PROCEEDINGS_ENDED = "proceedings_ended";
  public static final String MEDIATORS_CHANGE = "mediators_change";
  public static final String MSG_MEDIATORS_CHANGE_REQUESTED = "Msg_MediatorsChangeRequested";
  /** The coordinators' task of a requested change of mediators. */
  public static final String TASK_REASSIGN_MEDIATORS = "Task_ReassignMediators";

  public static final String CONTACT_CHANGED = "contact_changed";
  /** The proceedings moved on: a case the eligibility rules made wait is checked again (README "Case lifecycle"). */
  public static final String APPEAL_DECIDED = "appeal_decided";
  public static final String CONVICTED = "convicted";
  public static final String MSG_PROCEEDINGS_MOVED_ON = "Msg_ProceedingsMovedOn";
  public static final String TASK_WAIT_FOR_PROCEEDINGS = "Task_WaitForProceedings";
  /** A direct session's wait state while its invitations are out, until it begins ({@code mediation-session}). */
  public static final String TASK_CHANGE_SESSION = "Task_ChangeSession";

  /** An event as a user or referring system reports it. */
  public record CaseEvent(String caseNumber, String type, String personId, String reason, String recordedBy,
      String proceedingsEndedOn, String proceedingsOutcome, ContactCorrection.ContactChange contact) {

    public CaseEvent(String caseNumber, String type, String personId, String reason, String recordedBy) {
      this(caseNumber, type, personId, reason, recordedBy, null, null, null);
    }

    public CaseEvent(String caseNumber, String type, String personId, String reason, String recordedBy,
        String proceedingsEndedOn, String proceedingsOutcome) {
      this(caseNumber, type, personId, reason, recordedBy, proceedingsEndedOn, proceedingsOutcome, null);
    }
  }

  /** What happened to the case. */
  public enum Result { CASE_CLOSED, CASE_CONTINUES, PROCEEDINGS_END_RECORDED, CONTACT_CHANGED }

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final CaseRegistry registry;
  private final ContactCorrection contacts;

  public CaseEvents(RuntimeService runtime, IdentityService identity, CaseRegistry registry, ContactCorrection contacts) {
    this.runtime = runtime;
    this.identity = identity;
    this.registry = registry;
    this.contacts = contacts;
  }

  @org.springframework.transaction.annotation.Transactional
  public Result record(CaseEvent event) {
    if (event.type() == null || !Vocabulary.CASE_EVENT_TYPES.containsKey(event.type())) {
      throw CaseInputException.of(CaseVariables.EVENT_TYPE, "error.notOneOf", event.type(),
          String.join(", ", Vocabulary.CASE_EVENT_TYPES.keySet()));
    }
    String reason = event.reason() == null ? "" : event.reason().trim();
    if (PROCEEDINGS_ENDED.equals(event.type())) {
      return proceedingsEnded(event);
    }
    if (reason.length() < 3 || reason.length() > 1000) {
      throw CaseInputException.of(CaseVariables.EVENT_REASON, "error.event.reason");
    }
    if (event.recordedBy() == null || event.recordedBy().isBlank()) {
      throw CaseInputException.of(CaseVariables.RECORDED_BY, "error.event.loggedIn");
    }
    ProcessInstance theCase = openCase(event.caseNumber());
    mayRecord(event.recordedBy(), theCase);
    if (MEDIATORS_CHANGE.equals(event.type())) {
      return requestMediatorsChange(theCase, event.recordedBy(), reason);
    }
    if (CONTACT_CHANGED.equals(event.type())) {
      if (!staffOfTheCase(event.recordedBy(), theCase)) {
        throw CaseInputException.of(CaseVariables.EVENT_TYPE, "error.event.contactByStaff");
      }
      contacts.apply(theCase, event.personId(), event.contact(), event.recordedBy());
      return Result.CONTACT_CHANGED;
    }
    if (APPEAL_DECIDED.equals(event.type()) || CONVICTED.equals(event.type())) {
      return proceedingsMovedOn(theCase, event.type());
    }
    if ("referral_withdrawn".equals(event.type())) {
      runtime.createMessageCorrelation(MSG_REFERRAL_WITHDRAWN).processInstanceId(theCase.getId())
          .setVariable(CaseVariables.CASE_EVENT_REASON.name(), reason).correlate();
      return Result.CASE_CLOSED;
    }
    return withdrawConsent(theCase, event, reason);
  }

  /**
   * The appeal was decided, or the accused convicted: the case's own record of the proceedings changes (no appeal
   * pending; the stage after the sentence) and, as it waits for exactly that, the eligibility rules run again. A case
   * that does not wait for the proceedings refuses the event, and nothing changes.
   */
  private Result proceedingsMovedOn(ProcessInstance theCase, String type) {
    if (!waitsForTheProceedings(theCase)) {
      throw CaseInputException.of(CaseVariables.EVENT_TYPE, "error.event.notWaiting", theCase.getBusinessKey());
    }
    var correlation = runtime.createMessageCorrelation(MSG_PROCEEDINGS_MOVED_ON).processInstanceId(theCase.getId());
    if (APPEAL_DECIDED.equals(type)) {
      correlation.setVariable(CaseVariables.APPEAL_PENDING.name(), false);
    } else {
      correlation.setVariable(CaseVariables.PROCEDURAL_STAGE_NOW.name(), LAST_STAGE);
    }
    correlation.correlate();
    return Result.CASE_CONTINUES;
  }

  /** The stage the proceedings are at after a conviction, or once they ended. */
  private static final String LAST_STAGE = "post_sentence";

  private boolean waitsForTheProceedings(ProcessInstance theCase) {
    return runtime.createExecutionQuery().processInstanceId(theCase.getId()).activityId(TASK_WAIT_FOR_PROCEEDINGS).count() > 0;
  }

  /**
   * The referrer's notice that the criminal proceedings ended (R20): a closed case waiting for it
   * starts its retention period; an open case keeps it until it closes.
   */
  private Result proceedingsEnded(CaseEvent event) {
    java.time.LocalDate endedOn = ProceedingsEnd.check(event.proceedingsEndedOn(), event.proceedingsOutcome());
    String caseNumber = caseNumberOf(event.caseNumber());
    ProcessInstance waiting = runtime.createProcessInstanceQuery().processDefinitionKey(CaseProcess.RETENTION_KEY)
        .processInstanceBusinessKey(caseNumber).singleResult();
    ProcessInstance theCase = registeredInstance(caseNumber);
    ProcessInstance target = waiting != null ? waiting : theCase;
    if (target == null) {
      throw CaseInputException.of(CaseVariables.EVENT_CASE_NUMBER, "error.event.noOpenCase", caseNumber);
    }
    mayRecord(event.recordedBy(), target);
    java.time.LocalDate recorded = variable(target, CaseVariables.PROCEEDINGS_ENDED_ON);
    if (recorded != null) {
      throw CaseInputException.of(CaseVariables.PROCEEDINGS_ENDED_ON, "error.event.proceedingsEndedAlready", caseNumber,
          recorded);
    }
    if (waiting != null) {
      runtime.createMessageCorrelation(CaseProcess.MSG_PROCEEDINGS_ENDED).processInstanceId(waiting.getId())
          .setVariable(CaseVariables.PROCEEDINGS_ENDED_ON.name(), CaseVariables.PROCEEDINGS_ENDED_ON.value(endedOn))
          .setVariable(CaseVariables.PROCEEDINGS_OUTCOME.name(), event.proceedingsOutcome()).correlate();
    } else {
      set(theCase, CaseVariables.PROCEEDINGS_ENDED_ON, endedOn);
      set(theCase, CaseVariables.PROCEEDINGS_OUTCOME, event.proceedingsOutcome());
      if (waitsForTheProceedings(theCase)) {
        // The proceedings a case waits for are over (dismissed, acquitted, convicted): no appeal pending, the last stage;
        // the eligibility rules run again.
        runtime.createMessageCorrelation(MSG_PROCEEDINGS_MOVED_ON).processInstanceId(theCase.getId())
            .setVariable(CaseVariables.APPEAL_PENDING.name(), false)
            .setVariable(CaseVariables.PROCEDURAL_STAGE_NOW.name(), LAST_STAGE).correlate();
      }
    }
    return Result.PROCEEDINGS_END_RECORDED;
  }

  /**
   * A coordinator asks to give the case other mediators (illness, leave, a conflict of interest): the
   * case gets a "Reassign mediators" task for the coordinators, whose completion moves the case.
   */
  private Result requestMediatorsChange(ProcessInstance theCase, String user, String reason) {
    if (identity.createGroupQuery().groupMember(user).groupId(Roles.COORDINATORS).count() == 0) {
      throw CaseInputException.of(CaseVariables.EVENT_TYPE, "error.event.onlyCoordinatorsChangeMediators");
    }
    if (registry.mediators(theCase.getBusinessKey()).isEmpty()) {
      throw CaseInputException.of(CaseVariables.EVENT_TYPE, "error.event.noMediatorsYet", theCase.getBusinessKey());
    }
    if (runtime.createExecutionQuery().processInstanceId(theCase.getId()).activityId(TASK_REASSIGN_MEDIATORS).count() > 0) {
      throw CaseInputException.of(CaseVariables.EVENT_TYPE, "error.event.mediatorsChangeWaiting", theCase.getBusinessKey());
    }
    runtime.createMessageCorrelation(MSG_MEDIATORS_CHANGE_REQUESTED).processInstanceId(theCase.getId())
        .setVariable(CaseVariables.MEDIATORS_CHANGE_REASON.name(), reason).correlate();
    return Result.CASE_CONTINUES;
  }

  /**
   * A party's withdrawal, or a parent's or guardian's for a minor ({@code G-V1}, {@code G-V1-2}): a minor takes
   * part only with their guardians' consent, so a guardian's withdrawal withdraws the minor (recorded as the
   * guardian's).
   */
  private Result withdrawConsent(ProcessInstance theCase, CaseEvent event, String reason) {
    String given = event.personId() == null ? "" : event.personId().trim();
    String personId = Guardian.isGuardianId(given) ? Guardian.personOf(given) : given;
    Case openCase = caseOf(theCase);
    Person person = openCase.person(personId).orElseThrow(() -> CaseInputException.of(CaseVariables.EVENT_PERSON_ID,
        "error.event.notAPerson", given, theCase.getBusinessKey()));
    Guardian guardian = Guardian.isGuardianId(given) ? openCase.guardian(person, given).orElseThrow(() ->
        CaseInputException.of(CaseVariables.EVENT_PERSON_ID, person.minor() ? "error.event.noSuchGuardian"
            : "error.event.guardianOfAnAdult", given, theCase.getBusinessKey(), personId)) : null;
    ConsentBook book = variable(theCase, CaseVariables.CONSENTS);
    ConsentOutcome earlier = book.outcome(personId);
    if (earlier != null && earlier.refused()) {
      throw CaseInputException.of(CaseVariables.EVENT_PERSON_ID, earlier == ConsentOutcome.DECLINED
          ? "error.event.declinedAlready" : "error.event.withdrawnAlready", personId);
    }
    String agreement = signedAgreement(theCase);
    PartEnded ended = (agreement == null ? openCase : withAgreement(theCase, agreement)).partEnded(personId).orElse(null);
    if (ended != null) {
      // What happened to this person is settled: a later event does not rewrite it.
      throw CaseInputException.of(CaseVariables.EVENT_PERSON_ID, "error.event.partEndedAlready", personId,
          theCase.getBusinessKey(), partEnded(ended));
    }
    book = book.with(personId, Consent.of(person.role(), ConsentOutcome.WITHDRAWN));
    set(theCase, CaseVariables.CONSENTS, book);
    List<Withdrawal> withdrawals = new ArrayList<>(variable(theCase, CaseVariables.WITHDRAWALS));
    withdrawals.add(new Withdrawal(personId, person.role(), reason, event.recordedBy() == null ? "system" : event.recordedBy(),
        CaseClock.timestamp(), guardian == null ? null : given, guardian == null ? null : guardian.name()));
    set(theCase, CaseVariables.WITHDRAWALS, withdrawals);

    Case withParts = agreement == null ? caseOf(theCase) : withAgreement(theCase, agreement);
    if (!stillHasParty(withParts, book, Side.VICTIM) || !stillHasParty(withParts, book, Side.OFFENDER)) {
      var closing = runtime.createMessageCorrelation(MSG_LAST_PARTY_WITHDRAWN).processInstanceId(theCase.getId())
          .setVariable(CaseVariables.CASE_EVENT_REASON.name(), reason)
          .setVariableToTriggeredScope(CaseVariables.EVENT_PERSON_ID.name(), personId);
      callOffTheSession(theCase, closing, withParts, personId);
      closing.correlate();
      return Result.CASE_CLOSED;
    }
    if (agreement != null && earlier == ConsentOutcome.AGREED) {
      endPartAfterTheAgreement(theCase, agreement, person, reason, event.recordedBy());
    }
    runtime.createMessageCorrelation(MSG_CONTACT_WITHDRAWN).processInstanceBusinessKey(theCase.getBusinessKey())
        .processInstanceVariableEquals(CaseVariables.PERSON_ID.name(), personId).correlateAll();
    // Indirect mediation: the person's own appointment ends (its change task and reminder with it).
    runtime.createExecutionQuery().processInstanceBusinessKey(theCase.getBusinessKey())
        .messageEventSubscriptionName(MSG_APPOINTMENT_PARTY_WITHDREW).list().stream()
        .filter(waiting -> personId.equals(runtime.getVariable(waiting.getId(), CaseVariables.PERSON_ID.name())))
        .forEach(waiting -> runtime.messageEventReceived(MSG_APPOINTMENT_PARTY_WITHDREW, waiting.getId()));
    // A session being arranged withdraws what the person was sent: their invitation or their own appointment.
    runtime.createMessageCorrelation(MSG_PARTICIPANT_WITHDRAWN).processInstanceBusinessKey(theCase.getBusinessKey())
        .setVariableToTriggeredScope(WITHDRAWN_PERSON_ID, personId).correlateAll();
    // The person is kept in the scope of this withdrawal's handling: a second withdrawal does not overwrite it.
    runtime.createMessageCorrelation(MSG_CONSENT_WITHDRAWN).processInstanceId(theCase.getId())
        .setVariableToTriggeredScope(CaseVariables.EVENT_PERSON_ID.name(), personId).correlate();
    return Result.CASE_CONTINUES;
  }

  /**
   * The case closes with this withdrawal: a session or appointment still to come is called off for everyone invited,
   * the person who withdrew included. The session's own process ends with the case, so what its cancellation needs
   * (who was invited, when and where, the calendar sequence) goes to the closing withdrawal's scope.
   */
  private void callOffTheSession(ProcessInstance theCase, org.camunda.bpm.engine.runtime.MessageCorrelationBuilder closing,
      Case before, String personId) {
    ProcessInstance session = runtime.createProcessInstanceQuery().superProcessInstanceId(theCase.getId())
        .processDefinitionKey(CaseProcess.SESSION_KEY).list().stream().findFirst().orElse(null);
    if (session == null) {
      return;
    }
    List<String> invited = new ArrayList<>(before.parties().stream().map(Person::personId).toList());
    if (!invited.contains(personId)) {
      invited.add(personId);
    }
    invited = invitedTo(session.getId(), invited);
    if (invited.isEmpty()) {
      return;
    }
    closing.setVariableToTriggeredScope(CaseVariables.INVITED_PERSON_IDS.name(), CaseVariables.INVITED_PERSON_IDS.value(invited));
    for (CaseVariable<?> arranged : List.of(CaseVariables.MEETING_TYPE, CaseVariables.SESSION_START, CaseVariables.SESSION_PLACE,
        CaseVariables.SESSION_SEQUENCE, CaseVariables.APPOINTMENTS)) {
      Object value = runtime.getVariable(session.getId(), arranged.name());
      if (value != null) {
        closing.setVariableToTriggeredScope(arranged.name(), value);
      }
    }
  }

  /**
   * Whether a session's invitations are out and it has not begun: a direct meeting waiting at {@code Task_ChangeSession}
   * (or a moved one whose update is about to go out); in indirect mediation, the persons whose own appointment is still
   * to come and not cancelled. Read from the running session ({@code sessionInstanceId}) when the case must call it off.
   */
  private List<String> invitedTo(String sessionInstanceId, List<String> parties) {
    java.util.Map<String, Object> session = runtime.getVariables(sessionInstanceId);
    if ("indirect".equals(CaseVariables.MEETING_TYPE.read(session.get(CaseVariables.MEETING_TYPE.name())))) {
      java.util.Map<String, org.vomcase.kernel.Appointment> appointments = CaseVariables.APPOINTMENTS.read(session.get(CaseVariables.APPOINTMENTS.name()));
      java.time.OffsetDateTime now = CaseClock.now().toOffsetDateTime();
      return appointments == null ? List.of() : appointments.values().stream()
          .filter(a -> !a.cancelled() && a.startAt().isAfter(now)).map(org.vomcase.kernel.Appointment::personId).toList();
    }
    java.time.OffsetDateTime start = CaseVariables.SESSION_START.read(session.get(CaseVariables.SESSION_START.name()));
    Integer sequence = CaseVariables.SESSION_SEQUENCE.read(session.get(CaseVariables.SESSION_SEQUENCE.name()));
    boolean changeable = runtime.createExecutionQuery().processInstanceId(sessionInstanceId).activityId(TASK_CHANGE_SESSION)
        .count() > 0;
    boolean out = changeable || sequence != null && sequence > 0 && start != null;
    return out && start != null && start.isAfter(CaseClock.now().toOffsetDateTime()) ? parties : List.of();
  }

  /**
   * A party withdrew after the agreement came into force, and the case goes on for the others: their own part ends
   * ({@code partsEnded}), and every item or instalment they owe or are owed that was not yet checked stops where it
   * stands (its {@code monitor-obligation} ends at {@code Msg_ItemStopped}; one not yet started is never started). What
   * was checked stays as it was; the others' agreement is monitored to the end and judged on its own
   * ({@link Case#obligationsInForce()}). {@code agreement} is where the signed agreement is held: the case, or its
   * agreement process still sending the copies, whose record of the parts becomes the case's when it ends.
   */
  private void endPartAfterTheAgreement(ProcessInstance theCase, String agreement, Person person, String reason,
      String recordedBy) {
    Case openCase = withAgreement(theCase, agreement);
    var checked = openCase.fulfilments().keySet();
    List<String> stopped = openCase.obligationsInForce().stream()
        .filter(o -> person.personId().equals(o.offender()) || person.personId().equals(o.creditor()))
        .map(Obligation::obligationId).filter(id -> !checked.contains(id)).toList();
    List<PartEnded> ended = new ArrayList<>(openCase.partsEnded());
    ended.add(new PartEnded(person.personId(), person.role(), PartEnded.WITHDREW, reason,
        stopped, recordedBy == null ? "system" : recordedBy, CaseClock.timestamp()));
    runtime.setVariable(agreement, CaseVariables.PARTS_ENDED.name(), CaseVariables.PARTS_ENDED.value(ended));
    for (String obligationId : stopped) {
      runtime.createMessageCorrelation(MSG_ITEM_STOPPED).processInstanceBusinessKey(theCase.getBusinessKey())
          .processInstanceVariableEquals(CaseVariables.OBLIGATION_ID.name(), obligationId).correlateAll();
    }
  }

  /** The case as its signed agreement's scope sees it: that scope's own variables first, then the case's. */
  private Case withAgreement(ProcessInstance theCase, String agreement) {
    return Case.of(name -> {
      Object own = runtime.getVariable(agreement, name);
      return own != null ? own : runtime.getVariable(theCase.getId(), name);
    });
  }

  /**
   * Where the case's signed agreement is held: the case itself once its agreement process has ended, or that process
   * while it still generates the agreement as it stands and sends the copies; null before the signing.
   */
  private String signedAgreement(ProcessInstance theCase) {
    if (variable(theCase, CaseVariables.AGREEMENT_SIGNED_AT) != null) {
      return theCase.getId();
    }
    return runtime.createProcessInstanceQuery().superProcessInstanceId(theCase.getId())
        .processDefinitionKey(CaseProcess.AGREEMENT_KEY).list().stream()
        .filter(agreement -> runtime.getVariable(agreement.getId(), CaseVariables.AGREEMENT_SIGNED_AT.name()) != null)
        .map(ProcessInstance::getId).findFirst().orElse(null);
  }

  /** Why a person's part ended ({@link PartEnded#describe()}) as a sentence staff read in their language. */
  private static ErrorText partEnded(PartEnded ended) {
    return switch (ended.reason()) {
      case PartEnded.NOT_SIGNED -> ErrorText.of("error.partEnded.notSigned");
      case PartEnded.NOTHING_LEFT -> ErrorText.of("error.partEnded.nothingLeft");
      case PartEnded.WITHDREW -> ended.itemsEnded().isEmpty() ? ErrorText.of("error.partEnded.withdrew")
          : ErrorText.of("error.partEnded.withdrewStopped", String.join(", ", ended.itemsEnded()));
      default -> ErrorText.of("error.text", ended.describe());
    };
  }

  private static String caseNumberOf(String caseNumber) {
    if (caseNumber == null || !caseNumber.trim().matches("VOM-\\d{4}-\\d{5}")) {
      throw CaseInputException.of(CaseVariables.EVENT_CASE_NUMBER, "error.event.notACaseNumber", caseNumber);
    }
    return caseNumber.trim();
  }

  /** The running case instance of a case number, as the case register knows it (never just any instance with that key). */
  private ProcessInstance registeredInstance(String caseNumber) {
    return registry.find(caseNumber).filter(c -> !c.deleted()).map(c -> runtime.createProcessInstanceQuery()
        .processInstanceId(c.caseInstanceId()).processDefinitionKey(CaseProcess.KEY).singleResult()).orElse(null);
  }

  private ProcessInstance openCase(String caseNumber) {
    caseNumberOf(caseNumber);
    ProcessInstance theCase = registeredInstance(caseNumber.trim());
    if (theCase == null) {
      throw CaseInputException.of(CaseVariables.EVENT_CASE_NUMBER, "error.event.noOpenCase", caseNumber.trim());
    }
    return theCase;
  }

  /**
   * Coordinators record events on any case, mediators on their own cases, referring systems on the cases they
   * referred: as the case register says, never a variable.
   */
  private void mayRecord(String user, ProcessInstance theCase) {
    if (user == null || user.isBlank()) {
      throw CaseInputException.of(CaseVariables.RECORDED_BY, "error.event.loggedIn");
    }
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    if (groups.contains(Roles.COORDINATORS)) {
      return;
    }
    String caseNumber = theCase.getBusinessKey();
    if (groups.contains(Roles.MEDIATORS) && registry.isMediator(caseNumber, user)) {
      return;
    }
    if (groups.contains(Roles.REFERRERS) && registry.find(caseNumber).map(c -> user.equals(c.referredBy())).orElse(false)) {
      return;
    }
    // The same answer as for a case that does not exist: case numbers cannot be probed.
    throw CaseInputException.of(CaseVariables.EVENT_CASE_NUMBER, "error.event.noOpenCase", theCase.getBusinessKey());
  }

  /** Whether the user is a coordinator or one of the case's mediators (the case register says, never a variable). */
  private boolean staffOfTheCase(String user, ProcessInstance theCase) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    return groups.contains(Roles.COORDINATORS)
        || groups.contains(Roles.MEDIATORS) && registry.isMediator(theCase.getBusinessKey(), user);
  }

  /**
   * A side still has a party while someone of it has not been asked to the end, or agreed and their own part has not
   * ended (a party who did not sign the agreement no longer takes part).
   */
  private static boolean stillHasParty(Case openCase, ConsentBook book, Side side) {
    return openCase.side(side).stream().anyMatch(person -> book.outcome(person.personId()) == null
        || book.agreed(person.personId()) && openCase.partEnded(person.personId()).isEmpty());
  }

  /** The running case's variables, typed. */
  private Case caseOf(ProcessInstance theCase) {
    return Case.of(name -> runtime.getVariable(theCase.getId(), name));
  }

  private <T> T variable(ProcessInstance instance, CaseVariable<T> variable) {
    return variable.read(runtime.getVariable(instance.getId(), variable.name()));
  }

  private <T> void set(ProcessInstance instance, CaseVariable<T> variable, T value) {
    runtime.setVariable(instance.getId(), variable.name(), variable.value(value));
  }
}
