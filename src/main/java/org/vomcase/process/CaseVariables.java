package org.vomcase.process;

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
  public static final String SAFETY_CONCERNS = "safetyConcerns";
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
  public static final String SAFETY_STOP_REASON = "safetyStopReason";
  public static final String RESCHEDULES = "reschedules";
  public static final String MAX_RESCHEDULES = "maxReschedules";

  /** Json list of {label, value} for the mediator selects of the assignment form. */
  public static final String MEDIATOR_OPTIONS = "mediatorOptions";

  public static final String LEAD_MEDIATOR = "leadMediator";
  public static final String CO_MEDIATOR = "coMediator";

  /** The assigned mediators' user ids (one, or two for co-mediation). */
  public static final String MEDIATORS = "mediators";

  private CaseVariables() {}
}
