package org.vomcase.kernel;

/** Names of the case's process variables: the one place they are spelled. Forms use the same keys. */
public final class CaseVariables {

  /** Human-readable case number ({@code VOM-<year>-<5 digits>}), also the business key. */
  public static final String CASE_NUMBER = "caseNumber";

  /** User who registered the referral (the start form's initiator). */
  public static final String REFERRED_BY = "referredBy";

  public static final String REFERRAL_SOURCE = "referralSource";
  public static final String PROCEDURAL_STAGE = "proceduralStage";
  public static final String OFFENCE_CATEGORY = "offenceCategory";
  public static final String OFFENCE_DATE = "offenceDate";
  public static final String OFFENCE_SUMMARY = "offenceSummary";

  /** Json lists of persons (name, dateOfBirth, email, phone, postalAddress, preferredLanguage, interpreterNeeded). */
  public static final String VICTIMS = "victims";
  public static final String OFFENDERS = "offenders";

  /** The referring body: name, email for notices, its own file reference. */
  public static final String REFERRER_NAME = "referrerName";
  public static final String REFERRER_EMAIL = "referrerEmail";
  public static final String REFERRER_REFERENCE = "referrerReference";

  /** Eligibility inputs (R3). */
  public static final String RESPONSIBILITY_ADMISSION = "responsibilityAdmission";
  public static final String VICTIM_IS_NATURAL_PERSON = "victimIsNaturalPerson";
  public static final String APPEAL_PENDING = "appealPending";
  public static final String VICTIM_REFUSED = "victimRefused";

  /** The programme profile the case runs under (R26), fixed at registration. */
  public static final String PROGRAMME_PROFILE = "programmeProfile";

  /** When the referral was registered (ISO date-time). */
  public static final String REGISTERED_AT = "registeredAt";

  /** The eligibility decision's whole result (a JSON map of outcome and reason), as the engine stores it. */
  public static final String ELIGIBILITY = "eligibility";

  /** The eligibility decision (decision table "eligibility"): outcome and the reason in words. */
  public static final String ELIGIBILITY_OUTCOME = "eligibilityOutcome";
  public static final String ELIGIBILITY_REASON = "eligibilityReason";

  /** A coordinator's review of a referral the rules could not decide. */
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_REASON = "reviewReason";

  /** The mandate a self-referral waits for (R2). */
  public static final String MANDATE_OUTCOME = "mandateOutcome";
  public static final String MANDATE_ISSUER = "mandateIssuer";
  public static final String MANDATE_DATE = "mandateDate";
  public static final String MANDATE_REFERENCE = "mandateReference";

  /** Why the case closed (R19), when, and the reason given to the referrer where there is one. */
  public static final String CLOSURE_REASON = "closureReason";
  public static final String CLOSED_AT = "closedAt";
  public static final String CLOSURE_NOTE = "closureNote";

  /** True when a victim is under 18 (input of the contact-order decision). */
  public static final String VICTIM_IS_MINOR = "victimIsMinor";

  /** The contact-order decision: which side first, how, and why. */
  public static final String FIRST_CONTACT = "firstContact";
  public static final String CONTACT_ORDER_REASON = "contactOrderReason";

  /** Contact and consent of one person (called process contact-person). */
  public static final String PERSON = "person";
  public static final String PERSON_ID = "personId";
  /** Task-local: "Ana Roth (V1)", the person a task is about, for those who read the task's values (not in its name). */
  public static final String PERSON_LABEL = "personLabel";
  public static final String PERSON_NAME = "personName";
  public static final String PERSON_ROLE = "personRole";
  public static final String PERSON_PHONE = "personPhone";
  public static final String PERSON_EMAIL = "personEmail";
  public static final String PERSON_POSTAL_ADDRESS = "personPostalAddress";
  public static final String PERSON_LANGUAGE = "personLanguage";
  public static final String PERSON_INTERPRETER_NEEDED = "personInterpreterNeeded";
  public static final String PERSON_MINOR = "personMinor";
  public static final String INTRODUCTION_CHANNEL = "introductionChannel";
  public static final String CALL_OUTCOME = "callOutcome";
  /** When a person who could not be reached counts as not reachable (ISO date-time, six weeks after contact began). */
  public static final String CONTACT_DEADLINE = "contactDeadline";
  public static final String NEXT_CALL_DATE = "nextCallDate";
  public static final String UNREACHED_CALLS = "unreachedCalls";
  public static final String MAX_UNREACHED_CALLS = "maxUnreachedCalls";
  public static final String GUARDIAN_NAME = "guardianName";
  public static final String GUARDIAN_RELATION = "guardianRelation";
  public static final String GUARDIAN_PHONE = "guardianPhone";
  public static final String GUARDIAN_EMAIL = "guardianEmail";
  public static final String GUARDIAN_CONSENT = "guardianConsent";
  /** agreed, declined or not_reachable: how the person's contact ended. */
  public static final String CONSENT_OUTCOME = "consentOutcome";
  public static final String CONSENT_RECORDED_AT = "consentRecordedAt";

  /** Case events (R8): the form fields of "Record a case event" and the case's list of withdrawals. */
  public static final String EVENT_CASE_NUMBER = "eventCaseNumber";
  public static final String EVENT_TYPE = "eventType";
  public static final String EVENT_PERSON_ID = "eventPersonId";
  public static final String EVENT_REASON = "eventReason";
  public static final String RECORDED_BY = "recordedBy";
  /** Json list of {personId, role, reason, recordedBy, recordedAt}. */
  public static final String WITHDRAWALS = "withdrawals";
  /** The reason given with the event that closed the case (set when the event is correlated). */
  public static final String CASE_EVENT_REASON = "caseEventReason";

  /** Preparation of one person (called process prepare-person, R9, R10). */
  public static final String MEETING_DATE = "meetingDate";
  public static final String MEETING_FORMAT = "meetingFormat";
  public static final String CHECKLIST = "checklist";
  public static final String WISHES = "wishes";
  public static final String SUPPORT_PERSONS = "supportPersons";
  /** Confidential (never a variable, see ConfidentialField): the concerns themselves. */
  public static final String SAFETY_CONCERNS = "safetyConcerns";
  /** Whether the preparation meeting recorded safety concerns (the concerns are confidential notes). */
  public static final String SAFETY_CONCERNS_RECORDED = "safetyConcernsRecorded";
  public static final String READINESS = "readiness";
  public static final String MEETING_TYPE = "meetingType";
  public static final String PREFERRED_PLACE = "preferredPlace";
  public static final String PREFERRED_TIMES = "preferredTimes";
  public static final String FIRST_SPEAKER = "firstSpeaker";
  public static final String SEATING = "seating";
  /** Json map person id -> preparation summary (readiness, wishes, victim's choices). */
  public static final String PREPARATIONS = "preparations";
  /** The mediator's suitability decision (R9). */
  public static final String SUITABILITY = "suitability";
  public static final String SUITABILITY_REASON = "suitabilityReason";
  public static final String PREPARATION_SUMMARY = "preparationSummary";

  /** The mediation session (called process mediation-session, R11, R12). */
  public static final String SESSION_DATE = "sessionDate";
  public static final String SESSION_TIME = "sessionTime";
  public static final String SESSION_PLACE = "sessionPlace";
  public static final String SESSION_ATTENDEES = "sessionAttendees";
  /** ISO date-times the timers wait for. */
  public static final String SESSION_START = "sessionStart";
  public static final String SESSION_REMINDER_AT = "sessionReminderAt";
  public static final String SESSION_HELD = "sessionHeld";
  public static final String NO_SHOW_PARTY = "noShowParty";
  public static final String SESSION_OUTCOME = "sessionOutcome";
  /** Confidential (never a variable, see ConfidentialField): why the session was stopped for safety. */
  public static final String SAFETY_STOP_REASON = "safetyStopReason";
  public static final String RESCHEDULES = "reschedules";
  public static final String MAX_RESCHEDULES = "maxReschedules";

  /** The agreement (R13-R15, called process agreement). */
  /** Json list of items: itemId (I1, I2, ...), kind, offender, creditor (a victim's id or "community"), description, amount, instalments, hours, dueDate, status. */
  public static final String AGREEMENT_ITEMS = "agreementItems";
  /** Json list of what is monitored (R17): each open item, a payment in instalments once per instalment. */
  public static final String OBLIGATIONS = "obligations";
  /** Json lists of {label, value} for the selects of the agreement forms. */
  public static final String OFFENDER_OPTIONS = "offenderOptions";
  public static final String CREDITOR_OPTIONS = "creditorOptions";
  public static final String SIGNATORY_OPTIONS = "signatoryOptions";
  public static final String PARTY_OPTIONS = "partyOptions";
  /** Read-only context of the agreement forms: who takes part, and the agreement in words. */
  public static final String PARTIES_SHOWN = "partiesShown";
  public static final String AGREEMENT_SUMMARY = "agreementSummary";
  /** The generated agreement document's id in the document store. */
  public static final String AGREEMENT_DOCUMENT_ID = "agreementDocumentId";
  public static final String SIGNATURE_OUTCOME = "signatureOutcome";
  /** Json lists of the ids of those who signed, and of the parties who consent to share the agreement with the referrer (R15). */
  public static final String SIGNED_BY = "signedBy";
  public static final String SHARE_CONSENT_BY = "shareConsentBy";
  public static final String NOT_SIGNED_REASON = "notSignedReason";
  public static final String AGREEMENT_SIGNED_AT = "agreementSignedAt";
  /** True only when every party consented to the referrer receiving the agreement (R15). */
  public static final String SHARE_AGREEMENT_WITH_REFERRER = "shareAgreementWithReferrer";

  /** Monitoring of one obligation (called process monitor-obligation, R17). */
  public static final String OBLIGATION = "obligation";
  public static final String OBLIGATION_ID = "obligationId";
  public static final String OBLIGATION_DUE_AT = "obligationDueAt";
  public static final String OBLIGATION_SUMMARY = "obligationSummary";
  /** amount, hours or none: what a partial fulfilment is measured in. */
  public static final String OBLIGATION_UNIT = "obligationUnit";
  public static final String FULFILMENT = "fulfilment";
  public static final String FULFILLED_AMOUNT = "fulfilledAmount";
  public static final String FULFILLED_HOURS = "fulfilledHours";
  public static final String FULFILMENT_CONFIRMATION = "fulfilmentConfirmation";
  /** 1 at the due date, 2 after the grace period. */
  public static final String CHECK_ROUND = "checkRound";
  public static final String GRACE_UNTIL = "graceUntil";
  /** fulfilled, partly_fulfilled or not_fulfilled: how the obligation ended. */
  public static final String OBLIGATION_STATUS = "obligationStatus";
  /** Json map obligation id -> {status, fulfilledAmount, fulfilledHours, checkedAt, escalated}. */
  public static final String FULFILMENTS = "fulfilments";
  /** fulfilled, partly_fulfilled or not_fulfilled: the whole agreement. */
  public static final String AGREEMENT_FULFILMENT = "agreementFulfilment";

  /** Follow-up (called process follow-up, R18). */
  public static final String FOLLOW_UP_AT = "followUpAt";
  /** Json list of the persons who took part (the follow-up's collection). */
  public static final String PARTICIPANTS = "participants";
  public static final String FOLLOW_UP_OUTCOME = "followUpOutcome";
  public static final String FAIR = "fair";
  public static final String HEARD = "heard";
  public static final String RECOMMEND = "recommend";
  public static final String FEAR_CHANGE = "fearChange";
  public static final String SATISFACTION = "satisfaction";
  /** Json map person id -> {role, outcome, fair, heard, recommend, fearChange, satisfaction}. */
  public static final String FOLLOW_UPS = "followUps";

  /** Retention and deletion (process case-retention, R20). */
  public static final String PROCEEDINGS_ENDED_ON = "proceedingsEndedOn";
  public static final String PROCEEDINGS_OUTCOME = "proceedingsOutcome";
  /** ISO date-time when the case's personal data are deleted. */
  public static final String DELETE_AT = "deleteAt";
  /** The closed case's process instance (in the retention process): its record in the history. */
  public static final String CASE_INSTANCE_ID = "caseInstanceId";
  public static final String DELETED_AT = "deletedAt";

  /** Json list of {label, value} for the mediator selects of the assignment form. */
  public static final String MEDIATOR_OPTIONS = "mediatorOptions";

  public static final String LEAD_MEDIATOR = "leadMediator";
  public static final String CO_MEDIATOR = "coMediator";

  /** Why a coordinator asked for other mediators (case event "mediators_change"). */
  public static final String MEDIATORS_CHANGE_REASON = "mediatorsChangeReason";

  /** The assigned mediators' user ids (one, or two for co-mediation). */
  public static final String MEDIATORS = "mediators";

  private CaseVariables() {}
}
