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

  /** Json list of {label, value} for the mediator selects of the assignment form. */
  public static final String MEDIATOR_OPTIONS = "mediatorOptions";

  public static final String LEAD_MEDIATOR = "leadMediator";
  public static final String CO_MEDIATOR = "coMediator";

  /** The assigned mediators' user ids (one, or two for co-mediation). */
  public static final String MEDIATORS = "mediators";

  private CaseVariables() {}
}
