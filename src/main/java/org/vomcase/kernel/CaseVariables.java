package org.vomcase.kernel;

import static org.vomcase.kernel.CaseVariable.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The case's process variables, each declared once with its name and type: read them with {@code
 * X.from(scope)}, write them with {@code X.on(scope).set(value)} ({@link CaseVariable}). The one place
 * their names are spelled; forms use the same keys.
 */
public final class CaseVariables {

  /** Human-readable case number ({@code VOM-<year>-<5 digits>}), also the business key. */
  public static final CaseVariable<String> CASE_NUMBER = text("caseNumber");

  /** User who registered the referral (the start form's initiator). */
  public static final CaseVariable<String> REFERRED_BY = text("referredBy");

  /**
   * The referral's facts as registered, one Json object by the facts' names (referral source, procedural stage, offence
   * category, date and summary, the referrer's name, email and reference, the eligibility facts): one variable of the
   * case instead of one for each. Each fact is declared below with its type ({@code .keptIn(REFERRAL)}) and read by it:
   * {@code OFFENCE_CATEGORY.from(execution)}. A fact a later step sets (the appeal was decided) is a variable of its own,
   * which then counts; the record stays as registered. Forms show the facts as {@code referral.offenceCategory}; the
   * decision steps lay out the facts their tables read as input parameters ({@code ReferralFacts}).
   */
  public static final CaseVariable<Map<String, Object>> REFERRAL = record("referral");

  public static final CaseVariable<String> REFERRAL_SOURCE = text("referralSource").keptIn(REFERRAL);
  public static final CaseVariable<String> PROCEDURAL_STAGE = text("proceduralStage").keptIn(REFERRAL);
  /**
   * The stage the proceedings have reached since the referral (the case events "convicted" and "proceedings ended"), which
   * the eligibility rules read in place of the referral's own stage; {@link #PROCEDURAL_STAGE} stays the referral's, for
   * the figures and the TOA export.
   */
  public static final CaseVariable<String> PROCEDURAL_STAGE_NOW = text("proceduralStageNow");
  public static final CaseVariable<String> OFFENCE_CATEGORY = text("offenceCategory").keptIn(REFERRAL);
  public static final CaseVariable<LocalDate> OFFENCE_DATE = date("offenceDate").keptIn(REFERRAL);
  public static final CaseVariable<String> OFFENCE_SUMMARY = text("offenceSummary").keptIn(REFERRAL);

  /** Json lists of persons (name, dateOfBirth, email, phone, postalAddress, preferredLanguage, interpreterNeeded). */
  public static final CaseVariable<List<Person>> VICTIMS = jsonList("victims", Person.class);
  public static final CaseVariable<List<Person>> OFFENDERS = jsonList("offenders", Person.class);

  /** The referring body: name, email for notices, its own file reference. */
  public static final CaseVariable<String> REFERRER_NAME = text("referrerName").keptIn(REFERRAL);
  public static final CaseVariable<String> REFERRER_EMAIL = text("referrerEmail").keptIn(REFERRAL);
  public static final CaseVariable<String> REFERRER_REFERENCE = text("referrerReference").keptIn(REFERRAL);

  /** Eligibility inputs (R3). */
  public static final CaseVariable<String> RESPONSIBILITY_ADMISSION = text("responsibilityAdmission").keptIn(REFERRAL);
  public static final CaseVariable<Boolean> VICTIM_IS_NATURAL_PERSON = flag("victimIsNaturalPerson").keptIn(REFERRAL);
  /**
   * Whether a victim is a legal person (a shop, a company, a school) with a named representative: worked out from the
   * victims when the eligibility is decided (an input parameter of that step, {@code ReferralFacts}), not a case variable.
   */
  public static final CaseVariable<Boolean> VICTIM_IS_LEGAL_PERSON = flag("victimIsLegalPerson");
  public static final CaseVariable<Boolean> APPEAL_PENDING = flag("appealPending").keptIn(REFERRAL);
  public static final CaseVariable<Boolean> VICTIM_REFUSED = flag("victimRefused").keptIn(REFERRAL);

  /** The programme profile the case runs under (R26), fixed at registration. */
  public static final CaseVariable<String> PROGRAMME_PROFILE = text("programmeProfile");

  /** When the referral was registered (ISO date-time). */
  public static final CaseVariable<OffsetDateTime> REGISTERED_AT = moment("registeredAt");

  /** The eligibility decision's whole result (a JSON map of outcome and reason), as the engine stores it. */
  public static final CaseVariable<Map<String, Object>> ELIGIBILITY = decision("eligibility");

  /** The eligibility decision (decision table "eligibility"): outcome and the reason in words. */
  public static final CaseVariable<String> ELIGIBILITY_OUTCOME = text("eligibilityOutcome");
  public static final CaseVariable<String> ELIGIBILITY_REASON = text("eligibilityReason");

  /** A coordinator's review of a referral the rules could not decide. */
  public static final CaseVariable<String> REVIEW_DECISION = text("reviewDecision");
  public static final CaseVariable<String> REVIEW_REASON = text("reviewReason");

  /** Whether the referral waits for the mandate of the prosecutor or court (decision table "mandate-required", R2, R26), and why. */
  public static final CaseVariable<Map<String, Object>> MANDATE_DECISION = decision("mandateDecision");
  public static final CaseVariable<Boolean> MANDATE_REQUIRED = flag("mandateRequired");
  public static final CaseVariable<String> MANDATE_REASON = text("mandateReason");

  /** The mandate a self-referral waits for (R2). */
  public static final CaseVariable<String> MANDATE_OUTCOME = text("mandateOutcome");
  public static final CaseVariable<String> MANDATE_ISSUER = text("mandateIssuer");
  public static final CaseVariable<LocalDate> MANDATE_DATE = date("mandateDate");
  public static final CaseVariable<String> MANDATE_REFERENCE = text("mandateReference");
  /**
   * The authority that gave the mandate, whose proceedings the case's reports serve from then on (the referrer of
   * record after a self-referral): its name and where it receives reports (an email address, a postal address or both).
   */
  public static final CaseVariable<String> MANDATE_AUTHORITY_NAME = text("mandateAuthorityName");
  public static final CaseVariable<String> MANDATE_AUTHORITY_EMAIL = text("mandateAuthorityEmail");
  public static final CaseVariable<String> MANDATE_AUTHORITY_ADDRESS = text("mandateAuthorityAddress");

  /** Why the case closed (R19), when, and the reason given to the referrer where there is one. */
  public static final CaseVariable<ClosureReason> CLOSURE_REASON = code("closureReason", ClosureReason.class);
  public static final CaseVariable<OffsetDateTime> CLOSED_AT = moment("closedAt");
  public static final CaseVariable<String> CLOSURE_NOTE = text("closureNote");

  /**
   * True when a victim is under 18: worked out from the victims when the order of contact is decided (an input parameter
   * of that step, {@code ReferralFacts}), not a case variable.
   */
  public static final CaseVariable<Boolean> VICTIM_IS_MINOR = flag("victimIsMinor");

  /** The contact-order decision: which side first, how, and why. */
  public static final CaseVariable<Side> FIRST_CONTACT = code("firstContact", Side.class);
  public static final CaseVariable<String> CONTACT_ORDER_REASON = text("contactOrderReason");
  /** The contact-order decision: victims are contacted in writing only (no email, no call; they get in touch). */
  public static final CaseVariable<Boolean> WRITTEN_ONLY = flag("writtenOnly");

  /** Contact and consent of one person (called process contact-person). */
  public static final CaseVariable<Person> PERSON = json("person", Person.class);
  public static final CaseVariable<String> PERSON_ID = text("personId");
  /** Task-local: "Ana Roth (V1)", the person a task is about, for those who read the task's values (not in its name). */
  public static final CaseVariable<String> PERSON_LABEL = text("personLabel");
  public static final CaseVariable<String> PERSON_NAME = text("personName");
  public static final CaseVariable<Side> PERSON_ROLE = code("personRole", Side.class);
  public static final CaseVariable<String> PERSON_PHONE = text("personPhone");
  public static final CaseVariable<String> PERSON_EMAIL = text("personEmail");
  public static final CaseVariable<String> PERSON_POSTAL_ADDRESS = text("personPostalAddress");
  public static final CaseVariable<String> PERSON_LANGUAGE = text("personLanguage");
  public static final CaseVariable<Boolean> PERSON_INTERPRETER_NEEDED = flag("personInterpreterNeeded");
  public static final CaseVariable<Boolean> PERSON_MINOR = flag("personMinor");
  public static final CaseVariable<String> INTRODUCTION_CHANNEL = text("introductionChannel");
  public static final CaseVariable<String> CALL_OUTCOME = text("callOutcome");
  /** When a person who could not be reached counts as not reachable (ISO date-time, six weeks after contact began). */
  public static final CaseVariable<OffsetDateTime> CONTACT_DEADLINE = moment("contactDeadline");
  public static final CaseVariable<LocalDate> NEXT_CALL_DATE = date("nextCallDate");
  public static final CaseVariable<Integer> UNREACHED_CALLS = count("unreachedCalls");
  public static final CaseVariable<Integer> MAX_UNREACHED_CALLS = count("maxUnreachedCalls");
  /** The person's consent calls so far (kept by the contact), and task-local: the earlier calls in words on the next call's form. */
  public static final CaseVariable<List<CallAttempt>> CALL_ATTEMPTS = jsonList("callAttempts", CallAttempt.class);
  public static final CaseVariable<String> CALLS_SHOWN = text("callsShown");
  /** The person's safe contact as the contact forms show and change it (laid out from the person's record). */
  public static final CaseVariable<String> SAFE_PREFERRED_CHANNEL = text("safePreferredChannel");
  public static final CaseVariable<Boolean> SAFE_DO_NOT_WRITE = flag("safeDoNotWrite");
  public static final CaseVariable<Boolean> SAFE_NO_MESSAGES = flag("safeNoMessages");
  public static final CaseVariable<String> SAFE_TIME_TO_CALL = text("safeTimeToCall");
  /** Why the mediator does not call the person (written-only contact), in words for the contact task; null when calls are allowed. */
  public static final CaseVariable<String> CONTACT_RESTRICTION = text("contactRestriction");
  public static final CaseVariable<String> GUARDIAN_NAME = text("guardianName");
  public static final CaseVariable<String> GUARDIAN_RELATION = text("guardianRelation");
  public static final CaseVariable<String> GUARDIAN_PHONE = text("guardianPhone");
  public static final CaseVariable<String> GUARDIAN_EMAIL = text("guardianEmail");
  public static final CaseVariable<String> GUARDIAN_CONSENT = text("guardianConsent");
  /** agreed, declined or not_reachable: how the person's contact ended. */
  public static final CaseVariable<ConsentOutcome> CONSENT_OUTCOME = code("consentOutcome", ConsentOutcome.class);
  public static final CaseVariable<OffsetDateTime> CONSENT_RECORDED_AT = moment("consentRecordedAt");

  /** The consent book: person id → side, outcome and guardian of each person whose contact ended (empty before). */
  public static final CaseVariable<ConsentBook> CONSENTS = json("consents", ConsentBook.class, ConsentBook::empty);

  /** Case events (R8): the form fields of "Record a case event" and the case's list of withdrawals. */
  public static final CaseVariable<String> EVENT_CASE_NUMBER = text("eventCaseNumber");
  public static final CaseVariable<String> EVENT_TYPE = text("eventType");
  public static final CaseVariable<String> EVENT_PERSON_ID = text("eventPersonId");
  public static final CaseVariable<String> EVENT_REASON = text("eventReason");
  /**
   * The case event "contact details changed" (issue 18): the new values for the person {@code eventPersonId} (V1, O1)
   * or their parent or guardian (G-V1, G-V1-2; the next id adds one); a field left empty keeps its value,
   * {@code contactRemove} lists the ways to reach that no longer hold (phone, email, postalAddress).
   */
  public static final CaseVariable<String> CONTACT_NAME = text("contactName");
  public static final CaseVariable<String> CONTACT_RELATION = text("contactRelation");
  public static final CaseVariable<String> CONTACT_PHONE = text("contactPhone");
  public static final CaseVariable<String> CONTACT_EMAIL = text("contactEmail");
  public static final CaseVariable<String> CONTACT_POSTAL_ADDRESS = text("contactPostalAddress");
  public static final CaseVariable<String> CONTACT_LANGUAGE = text("contactLanguage");
  public static final CaseVariable<String> CONTACT_INTERPRETER_NEEDED = text("contactInterpreterNeeded");
  public static final CaseVariable<List<String>> CONTACT_REMOVE = codes("contactRemove");
  public static final CaseVariable<String> RECORDED_BY = text("recordedBy");
  /** Json list of {personId, role, reason, recordedBy, recordedAt}. */
  public static final CaseVariable<List<Withdrawal>> WITHDRAWALS = jsonList("withdrawals", Withdrawal.class);
  /** The persons whose own part of the case ended while it goes on for the others ({@link PartEnded}). */
  public static final CaseVariable<List<PartEnded>> PARTS_ENDED = jsonList("partsEnded", PartEnded.class);
  /** The reason given with the event that closed the case (set when the event is correlated). */
  public static final CaseVariable<String> CASE_EVENT_REASON = text("caseEventReason");
  /** What a recorded case event did to the case (start form "Record a case event"): case_closed, case_continues, ... */
  public static final CaseVariable<String> CASE_EVENT_RESULT = text("caseEventResult");

  /** Preparation of one person (called process prepare-person, R9, R10). */
  public static final CaseVariable<LocalDate> MEETING_DATE = date("meetingDate");
  public static final CaseVariable<String> MEETING_FORMAT = text("meetingFormat");
  public static final CaseVariable<List<String>> CHECKLIST = codes("checklist");
  public static final CaseVariable<List<String>> WISHES = codes("wishes");
  public static final CaseVariable<String> SUPPORT_PERSONS = text("supportPersons");
  /** Confidential (never a variable, see ConfidentialField): the concerns themselves. */
  public static final CaseVariable<String> SAFETY_CONCERNS = text("safetyConcerns");
  /** Whether the preparation meeting recorded safety concerns (the concerns are confidential notes). */
  public static final CaseVariable<Boolean> SAFETY_CONCERNS_RECORDED = flag("safetyConcernsRecorded");
  public static final CaseVariable<String> READINESS = text("readiness");
  public static final CaseVariable<String> MEETING_TYPE = text("meetingType");
  public static final CaseVariable<String> PREFERRED_PLACE = text("preferredPlace");
  public static final CaseVariable<String> PREFERRED_TIMES = text("preferredTimes");
  public static final CaseVariable<String> FIRST_SPEAKER = text("firstSpeaker");
  public static final CaseVariable<String> SEATING = text("seating");
  /** Json map person id -> preparation summary (readiness, wishes, victim's choices). */
  public static final CaseVariable<Map<String, Preparation>> PREPARATIONS = jsonBook("preparations", Preparation.class);
  /** The mediator's suitability decision (R9). */
  public static final CaseVariable<String> SUITABILITY = text("suitability");
  public static final CaseVariable<String> SUITABILITY_REASON = text("suitabilityReason");
  public static final CaseVariable<String> PREPARATION_SUMMARY = text("preparationSummary");

  /** The mediation session (called process mediation-session, R11, R12). */
  public static final CaseVariable<LocalDate> SESSION_DATE = date("sessionDate");
  public static final CaseVariable<String> SESSION_TIME = text("sessionTime");
  public static final CaseVariable<String> SESSION_PLACE = text("sessionPlace");
  /** Who attends in words ("Ana Roth (V1), Carl Vogt (O1)"): from the checked persons, or as typed on forms before the list. */
  public static final CaseVariable<String> SESSION_ATTENDEES = text("sessionAttendees");
  /**
   * The scheduling form's list of who attends: the ids of the parties and of the guardians of minors ({@code V1}, {@code
   * G-O1}) it checks, and (task-local) the persons it offers.
   */
  public static final CaseVariable<List<String>> SESSION_ATTENDEE_IDS = codes("sessionAttendeeIds");
  public static final CaseVariable<List<Option>> ATTENDEE_OPTIONS = jsonList("attendeeOptions", Option.class);
  /** ISO date-times the timers wait for. */
  public static final CaseVariable<OffsetDateTime> SESSION_START = moment("sessionStart");
  public static final CaseVariable<OffsetDateTime> SESSION_REMINDER_AT = moment("sessionReminderAt");
  public static final CaseVariable<String> SESSION_HELD = text("sessionHeld");
  public static final CaseVariable<String> NO_SHOW_PARTY = text("noShowParty");
  public static final CaseVariable<SessionOutcome> SESSION_OUTCOME = code("sessionOutcome", SessionOutcome.class);
  /** Confidential (never a variable, see ConfidentialField): why the session was stopped for safety. */
  public static final CaseVariable<String> SAFETY_STOP_REASON = text("safetyStopReason");
  /** The coordinators' review of a session stopped for safety: what happened (confidential, see ConfidentialField), the decision and a note for the mediators. */
  public static final CaseVariable<String> SAFETY_REVIEW_ACCOUNT = text("safetyReviewAccount");
  public static final CaseVariable<String> SAFETY_REVIEW_DECISION = text("safetyReviewDecision");
  public static final CaseVariable<String> SAFETY_REVIEW_NOTE = text("safetyReviewNote");
  /**
   * A direct meeting's calendar entry: its SEQUENCE (0 for the first invitation, one more for every new
   * scheduling, move and cancellation), the form "Change the session" (move or cancel, and the new date, time and
   * place, fields of their own so that nothing of the session changes before the change is checked), the session in
   * words shown on it (task-local), and whether an invitation replaces an earlier one (an input of the session
   * messages).
   */
  public static final CaseVariable<Integer> SESSION_SEQUENCE = count("sessionSequence");
  public static final CaseVariable<String> SESSION_CHANGE = text("sessionChange");
  public static final CaseVariable<LocalDate> NEW_SESSION_DATE = date("newSessionDate");
  public static final CaseVariable<String> NEW_SESSION_TIME = text("newSessionTime");
  public static final CaseVariable<String> NEW_SESSION_PLACE = text("newSessionPlace");
  /** Whether the direct session was cancelled and waits to be scheduled again. */
  public static final CaseVariable<Boolean> SESSION_CANCELLED = flag("sessionCancelled");
  public static final CaseVariable<String> SESSION_SHOWN = text("sessionShown");
  public static final CaseVariable<Boolean> SESSION_CHANGED = flag("sessionChanged");
  public static final CaseVariable<Integer> RESCHEDULES = count("reschedules");
  public static final CaseVariable<Integer> MAX_RESCHEDULES = count("maxReschedules");
  /**
   * Indirect (shuttle) mediation: one appointment per party. The scheduling form takes the victims' and the
   * offenders' appointment (date, time, place); every person taking part gets their own appointment from it,
   * which "Change the appointment" moves or cancels for that person alone.
   */
  public static final CaseVariable<LocalDate> VICTIM_APPOINTMENT_DATE = date("victimAppointmentDate");
  public static final CaseVariable<String> VICTIM_APPOINTMENT_TIME = text("victimAppointmentTime");
  public static final CaseVariable<String> VICTIM_APPOINTMENT_PLACE = text("victimAppointmentPlace");
  public static final CaseVariable<LocalDate> OFFENDER_APPOINTMENT_DATE = date("offenderAppointmentDate");
  public static final CaseVariable<String> OFFENDER_APPOINTMENT_TIME = text("offenderAppointmentTime");
  public static final CaseVariable<String> OFFENDER_APPOINTMENT_PLACE = text("offenderAppointmentPlace");
  /** Json map person id -> that person's own appointment (indirect mediation). */
  public static final CaseVariable<Map<String, Appointment>> APPOINTMENTS = jsonBook("appointments", Appointment.class);
  /**
   * The persons invited to a session or appointment still to come when the last victim or offender withdrew and the case
   * closed (scope of the closing withdrawal): each gets the cancellation.
   */
  public static final CaseVariable<List<String>> INVITED_PERSON_IDS = codes("invitedPersonIds");
  /** The form "Change the appointment": reschedule or cancel one person's appointment, and the new date, time and place. */
  public static final CaseVariable<String> APPOINTMENT_CHANGE = text("appointmentChange");
  public static final CaseVariable<LocalDate> APPOINTMENT_DATE = date("appointmentDate");
  public static final CaseVariable<String> APPOINTMENT_TIME = text("appointmentTime");
  public static final CaseVariable<String> APPOINTMENT_PLACE = text("appointmentPlace");
  /**
   * Inputs of the appointment messages (local to each send task): whose appointment, when, where, its calendar
   * sequence, and whether it is a change of an earlier appointment.
   */
  public static final CaseVariable<String> APPOINTMENT_FOR = text("appointmentFor");
  public static final CaseVariable<OffsetDateTime> APPOINTMENT_START = moment("appointmentStart");
  public static final CaseVariable<Integer> APPOINTMENT_SEQUENCE = count("appointmentSequence");
  public static final CaseVariable<Boolean> APPOINTMENT_CHANGED = flag("appointmentChanged");
  /** Task-local: the person's current appointment in words, shown on "Change the appointment". */
  public static final CaseVariable<String> APPOINTMENT_SHOWN = text("appointmentShown");

  /** The agreement (R13-R15, called process agreement). */
  /** Json list of items: itemId (I1, I2, ...), kind, offender, creditor (a victim's id or "community"), description, amount, instalments, hours, dueDate, status. */
  public static final CaseVariable<List<AgreementItem>> AGREEMENT_ITEMS = jsonList("agreementItems", AgreementItem.class);
  /** Json list of what is monitored (R17): each open item, a payment in instalments once per instalment. */
  public static final CaseVariable<List<Obligation>> OBLIGATIONS = jsonList("obligations", Obligation.class);
  /** Json lists of {label, value} for the selects of the agreement forms. */
  public static final CaseVariable<List<Option>> OFFENDER_OPTIONS = jsonList("offenderOptions", Option.class);
  public static final CaseVariable<List<Option>> CREDITOR_OPTIONS = jsonList("creditorOptions", Option.class);
  public static final CaseVariable<List<Option>> SIGNATORY_OPTIONS = jsonList("signatoryOptions", Option.class);
  public static final CaseVariable<List<Option>> PARTY_OPTIONS = jsonList("partyOptions", Option.class);
  /** Read-only context of the agreement forms: who takes part, and the agreement in words. */
  public static final CaseVariable<String> PARTIES_SHOWN = text("partiesShown");
  public static final CaseVariable<String> AGREEMENT_SUMMARY = text("agreementSummary");
  /** The generated agreement document's id in the document store. */
  public static final CaseVariable<String> AGREEMENT_DOCUMENT_ID = text("agreementDocumentId");
  /** The agreement document as the signing form shows it: its file name and where the case file downloads it. */
  public static final CaseVariable<String> AGREEMENT_DOCUMENT_SHOWN = text("agreementDocumentShown");
  public static final CaseVariable<String> SIGNATURE_OUTCOME = text("signatureOutcome");
  /** Json lists of the ids of those who signed, and of the parties who consent to share the agreement with the referrer (R15). */
  public static final CaseVariable<List<String>> SIGNED_BY = codes("signedBy");
  public static final CaseVariable<List<String>> SHARE_CONSENT_BY = codes("shareConsentBy");
  public static final CaseVariable<String> NOT_SIGNED_REASON = text("notSignedReason");
  public static final CaseVariable<OffsetDateTime> AGREEMENT_SIGNED_AT = moment("agreementSignedAt");
  /** True only when every party consented to the referrer receiving the agreement (R15). */
  public static final CaseVariable<Boolean> SHARE_AGREEMENT_WITH_REFERRER = flag("shareAgreementWithReferrer");

  /** Monitoring of one obligation (called process monitor-obligation, R17). */
  public static final CaseVariable<Obligation> OBLIGATION = json("obligation", Obligation.class);
  public static final CaseVariable<String> OBLIGATION_ID = text("obligationId");
  public static final CaseVariable<OffsetDateTime> OBLIGATION_DUE_AT = moment("obligationDueAt");
  public static final CaseVariable<String> OBLIGATION_SUMMARY = text("obligationSummary");
  /** The obligation's due date in the programme's words, as the check's form shows it ("1. Februar 2027"). */
  public static final CaseVariable<String> OBLIGATION_DUE_SHOWN = text("obligationDueShown");
  /** amount, hours or none: what a partial fulfilment is measured in. */
  public static final CaseVariable<String> OBLIGATION_UNIT = text("obligationUnit");
  public static final CaseVariable<String> FULFILMENT = text("fulfilment");
  public static final CaseVariable<BigDecimal> FULFILLED_AMOUNT = decimal("fulfilledAmount");
  public static final CaseVariable<BigDecimal> FULFILLED_HOURS = decimal("fulfilledHours");
  public static final CaseVariable<String> FULFILMENT_CONFIRMATION = text("fulfilmentConfirmation");
  /** 1 at the due date, 2 after the grace period. */
  public static final CaseVariable<Integer> CHECK_ROUND = count("checkRound");
  public static final CaseVariable<OffsetDateTime> GRACE_UNTIL = moment("graceUntil");
  /** fulfilled, partly_fulfilled or not_fulfilled: how the obligation ended. */
  public static final CaseVariable<FulfilmentStatus> OBLIGATION_STATUS = code("obligationStatus", FulfilmentStatus.class);
  /** Json map obligation id -> {status, fulfilledAmount, fulfilledHours, checkedAt, escalated}. */
  public static final CaseVariable<Map<String, Fulfilment>> FULFILMENTS = jsonBook("fulfilments", Fulfilment.class);
  /** fulfilled, partly_fulfilled or not_fulfilled: the whole agreement. */
  public static final CaseVariable<FulfilmentStatus> AGREEMENT_FULFILMENT = code("agreementFulfilment", FulfilmentStatus.class);
  /**
   * The closure the case earned once its session and the monitoring of its agreement were over (set as its follow-up
   * starts): a referral or consent withdrawn during the follow-up closes the case with it, never over it.
   */
  public static final CaseVariable<ClosureReason> SETTLED_OUTCOME = code("settledOutcome", ClosureReason.class);

  /** Follow-up (called process follow-up, R18). */
  public static final CaseVariable<OffsetDateTime> FOLLOW_UP_AT = moment("followUpAt");
  /** Json list of the persons who took part (the follow-up's collection). */
  public static final CaseVariable<List<Person>> PARTICIPANTS = jsonList("participants", Person.class);
  public static final CaseVariable<String> FOLLOW_UP_OUTCOME = text("followUpOutcome");
  public static final CaseVariable<String> FAIR = text("fair");
  public static final CaseVariable<String> HEARD = text("heard");
  public static final CaseVariable<String> RECOMMEND = text("recommend");
  public static final CaseVariable<String> FEAR_CHANGE = text("fearChange");
  public static final CaseVariable<String> SATISFACTION = text("satisfaction");
  /** Json map person id -> {role, outcome, fair, heard, recommend, fearChange, satisfaction}. */
  public static final CaseVariable<Map<String, FollowUp>> FOLLOW_UPS = jsonBook("followUps", FollowUp.class);

  /** Retention and deletion (process case-retention, R20). */
  public static final CaseVariable<LocalDate> PROCEEDINGS_ENDED_ON = date("proceedingsEndedOn");
  public static final CaseVariable<String> PROCEEDINGS_OUTCOME = text("proceedingsOutcome");
  /** ISO date-time when the case's personal data are deleted. */
  public static final CaseVariable<OffsetDateTime> DELETE_AT = moment("deleteAt");
  /** The closed case's process instance (in the retention process): its record in the history. */
  public static final CaseVariable<String> CASE_INSTANCE_ID = text("caseInstanceId");
  public static final CaseVariable<OffsetDateTime> DELETED_AT = moment("deletedAt");

  /** Json list of {label, value} for the mediator selects of the assignment form ("Mara Jensen — 12 open cases"). */
  public static final CaseVariable<List<Option>> MEDIATOR_OPTIONS = jsonList("mediatorOptions", Option.class);
  /** Task-local: the case's persons in words for the assignment (age, language, interpreter), one a line. */
  public static final CaseVariable<String> PERSONS_SHOWN = text("personsShown");

  public static final CaseVariable<String> LEAD_MEDIATOR = text("leadMediator");
  public static final CaseVariable<String> CO_MEDIATOR = text("coMediator");

  /** Why a coordinator asked for other mediators (case event "mediators_change"). */
  public static final CaseVariable<String> MEDIATORS_CHANGE_REASON = text("mediatorsChangeReason");

  /** The assigned mediators' user ids (one, or two for co-mediation). */
  public static final CaseVariable<List<String>> MEDIATORS = userIds("mediators");

  /** The contact-order decision (decision table "contact-order"); its fields have their own variables (firstContact, ...). */
  public static final CaseVariable<Map<String, Object>> CONTACT_ORDER = decision("contactOrder");

  /** The engine's own counters of a multi-instance activity (each person contacted, prepared, each obligation monitored). */
  public static final List<String> MULTI_INSTANCE_COUNTERS =
      List.of("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

  /**
   * What the decision steps write from their results into the case (decision tables "mandate-required", "eligibility"
   * and "contact-order"): the decisions' history keeps each result with its inputs, so the history writes no past value
   * of their first value; a later value (a decision taken again) is kept.
   */
  public static final java.util.Set<String> DECISION_RESULTS = java.util.Set.of(MANDATE_REQUIRED.name(), MANDATE_REASON.name(),
      ELIGIBILITY_OUTCOME.name(), ELIGIBILITY_REASON.name(), FIRST_CONTACT.name(), INTRODUCTION_CHANNEL.name(),
      WRITTEN_ONLY.name(), CONTACT_ORDER_REASON.name());

  /**
   * A person's fields laid out for the forms to show (name, side, phone, email, postal address, language, interpreter,
   * minor): copies of the person's record ({@link #PERSON}, and the case's {@link #VICTIMS} and {@link #OFFENDERS}), which
   * the history keeps, and which no form lets anyone change (the boundary drops them from every submission). The
   * person's id ({@link #PERSON_ID}) is not among them: the history says by it whom a step was about.
   */
  public static final List<String> PERSON_DISPLAY_COPIES = java.util.stream.Stream.of(PERSON_NAME, PERSON_ROLE, PERSON_PHONE,
      PERSON_EMAIL, PERSON_POSTAL_ADDRESS, PERSON_LANGUAGE, PERSON_INTERPRETER_NEEDED, PERSON_MINOR).map(CaseVariable::name)
      .toList();

  /**
   * Working values, never part of a case's record: what a form shows in words or offers as options (every {@code *Shown}
   * and {@code *Options} variable, the task list's person column, a person's fields laid out for a form, {@link
   * #PERSON_DISPLAY_COPIES}), the whole result of a decision whose fields have their own variables, the facts a decision
   * step works out from the victims (its input parameters; the decision's history keeps them as its inputs), and the
   * engine's multi-instance counters. The engine keeps them while a case needs them and writes none of them into the
   * history (README "Performance at scale": {@code CaseHistoryLevel}).
   */
  public static final java.util.Set<String> WORKING_VALUES = java.util.Set.copyOf(java.util.stream.Stream.of(
      java.util.stream.Stream.of(CALLS_SHOWN, SESSION_SHOWN, APPOINTMENT_SHOWN, PARTIES_SHOWN, AGREEMENT_DOCUMENT_SHOWN,
          OBLIGATION_DUE_SHOWN, PERSONS_SHOWN, ATTENDEE_OPTIONS, OFFENDER_OPTIONS, CREDITOR_OPTIONS, SIGNATORY_OPTIONS,
          PARTY_OPTIONS, MEDIATOR_OPTIONS, PERSON_LABEL, ELIGIBILITY, MANDATE_DECISION, CONTACT_ORDER, VICTIM_IS_MINOR,
          VICTIM_IS_LEGAL_PERSON).map(CaseVariable::name),
      PERSON_DISPLAY_COPIES.stream(), MULTI_INSTANCE_COUNTERS.stream()).flatMap(names -> names).toList());

  /** The referral's facts, kept as registered in {@link #REFERRAL}, in the order of the referral form. */
  public static final List<CaseVariable<?>> REFERRAL_FACTS = List.of(REFERRAL_SOURCE, PROCEDURAL_STAGE, OFFENCE_CATEGORY,
      OFFENCE_DATE, OFFENCE_SUMMARY, REFERRER_NAME, REFERRER_EMAIL, REFERRER_REFERENCE, RESPONSIBILITY_ADMISSION,
      VICTIM_IS_NATURAL_PERSON, APPEAL_PENDING, VICTIM_REFUSED);

  /**
   * The variables the registration of a referral writes, in the transaction that starts the case: the referral's facts
   * and persons as registered, who referred it, the case number, the programme profile and the registration time. The
   * register keeps them as registered ({@code vom_case_referral}), so the history writes no first past value of them
   * (README "Performance at scale": {@code CaseHistoryLevel}); each later value is kept.
   */
  public static final java.util.Set<String> REGISTRATION = java.util.Set.copyOf(java.util.stream.Stream.of(REFERRAL,
      REFERRAL_SOURCE,
      PROCEDURAL_STAGE, OFFENCE_CATEGORY, OFFENCE_DATE, OFFENCE_SUMMARY, REFERRER_NAME, REFERRER_EMAIL, REFERRER_REFERENCE,
      RESPONSIBILITY_ADMISSION, VICTIM_IS_NATURAL_PERSON, APPEAL_PENDING, VICTIM_REFUSED, VICTIMS, OFFENDERS, REFERRED_BY,
      CASE_NUMBER, PROGRAMME_PROFILE, REGISTERED_AT).map(CaseVariable::name).toList());

  private CaseVariables() {}
}
