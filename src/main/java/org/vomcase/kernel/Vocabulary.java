package org.vomcase.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The controlled vocabularies of a case: the values forms offer, the API accepts and the decision
 * tables test. Value → English label. Forms must offer exactly these values (a test checks it).
 *
 * <p>The referral sources, offence categories and agreement item kinds are the <em>built-in</em> ones of {@code
 * vocabularies.yaml} ({@link Vocabularies#builtIn()}), which administrators extend without a release: what an
 * installation accepts is its configured {@link Vocabularies}, not these maps.
 */
public final class Vocabulary {

  public static final Map<String, String> REFERRAL_SOURCES =
      Vocabularies.builtIn().referralSources().labels(Vocabularies.FALLBACK_LANGUAGE);

  public static final String SELF_REFERRAL = "self_referral";

  public static final Map<String, String> PROCEDURAL_STAGES = ordered(
      "diversion", "Diversion / pre-charge",
      "after_charge", "After charge",
      "at_trial", "At trial",
      "post_sentence", "Post-sentence or in custody");

  public static final Map<String, String> OFFENCE_CATEGORIES =
      Vocabularies.builtIn().offenceCategories().labels(Vocabularies.FALLBACK_LANGUAGE);

  /** R3: how far the offender has admitted responsibility. */
  public static final Map<String, String> RESPONSIBILITY_ADMISSIONS = ordered(
      "none", "Denies responsibility",
      "does_not_deny", "Does not deny",
      "essential_confession", "Essentially confesses",
      "full", "Fully admits");

  public static final Map<String, String> LANGUAGES = ordered(
      "en", "English",
      "de", "German",
      "da", "Danish",
      "ar", "Arabic",
      "tr", "Turkish",
      "pl", "Polish",
      "ru", "Russian",
      "uk", "Ukrainian",
      "es", "Spanish",
      "fr", "French",
      "other", "Other");

  /** R26: the programme profiles; the active one is configuration ({@code vom.programme.profile}). */
  public static final Map<String, String> PROGRAMME_PROFILES = ordered(
      "de_toa", "German Täter-Opfer-Ausgleich",
      "dk_konfliktraad", "Danish konfliktråd",
      "us_vom", "US victim-offender mediation");

  /** Outcomes of the eligibility decision (R3). */
  public static final Set<String> ELIGIBILITY_OUTCOMES = Set.of("eligible", "not_eligible", "needs_review", "wait");

  /** How a self-referral's request for a mandate ended (R2). */
  public static final Map<String, String> MANDATE_OUTCOMES = ordered(
      "granted", "Mandate granted",
      "refused", "Mandate refused",
      "referral_withdrawn", "Referral withdrawn");

  public static final Map<String, String> MANDATE_ISSUERS = ordered(
      "prosecutor", "Prosecutor",
      "court", "Court");

  /** A coordinator's decision on a referral the rules sent to review. */
  public static final Map<String, String> REVIEW_DECISIONS = ordered(
      "accept", "Accept: the case goes on",
      "reject", "Reject: not eligible");

  /** Who a person is in the case. */
  public static final Map<String, String> PERSON_ROLES = ordered(
      "victim", "Victim",
      "offender", "Offender");

  /** Outcome of one consent call (R6). */
  public static final Map<String, String> CALL_OUTCOMES = ordered(
      "agrees", "Agrees to take part",
      "declines", "Declines",
      "call_again", "Wants time: call again",
      "not_reachable", "Not reached");

  /** The channel a person prefers to be reached by (safe contact). */
  public static final Map<String, String> CONTACT_CHANNELS = ordered(
      "letter", "Letter",
      "email", "Email",
      "phone", "Phone");

  /** The answer of a person contacted in writing only, who gets in touch themselves (victim safety). */
  public static final Map<String, String> LETTER_ANSWERS = ordered(
      "agrees", "Agrees to take part",
      "declines", "Declines");

  /** How a person's contact ended (R6-R8): the outcome the case goes on with. */
  public static final Set<String> CONSENT_OUTCOMES = Set.of("agreed", "declined", "not_reachable", "withdrawn");

  /** Events recorded on a running case from Tasklist ("Record a case event") or the API (R8). */
  public static final Map<String, String> CASE_EVENT_TYPES = ordered(
      "consent_withdrawn", "A person withdraws consent",
      "referral_withdrawn", "The referrer withdraws the referral",
      "proceedings_ended", "The criminal proceedings have ended",
      "mediators_change", "The case needs other mediators (coordinators)",
      "contact_changed", "A person's or guardian's contact details or language changed",
      "appeal_decided", "The appeal was decided (a case waiting for it is checked again)",
      "convicted", "The accused was convicted (a case waiting for it is checked again)");

  /** The ways to reach a person that a contact change can remove (they no longer hold). */
  public static final Map<String, String> CONTACT_REMOVABLE = ordered(
      "phone", "Phone",
      "email", "Email",
      "postalAddress", "Postal address");

  /** An answer that changes a flag: yes or no (left empty: unchanged). */
  public static final Map<String, String> YES_NO = ordered(
      "yes", "Yes",
      "no", "No");

  /** A minor's parent or guardian (R7). */
  public static final Map<String, String> GUARDIAN_RELATIONS = ordered(
      "parent", "Parent",
      "legal_guardian", "Legal guardian",
      "youth_welfare", "Youth welfare office",
      "other", "Other holder of parental authority");

  public static final Map<String, String> GUARDIAN_CONSENTS = ordered(
      "consents", "Consents",
      "refuses", "Refuses");

  /** How the first contact is made (decision table contact-order). */
  public static final Map<String, String> INTRODUCTION_CHANNELS = ordered(
      "letter_or_email", "Letter or email",
      "letter_only", "Letter only");

  /** Preparation meeting (R9). */
  public static final Map<String, String> MEETING_FORMATS = ordered(
      "in_person", "In person",
      "phone", "Phone",
      "video", "Video");

  /** The checklist of a preparation meeting (R9); every point must be covered. */
  public static final Map<String, String> PREPARATION_CHECKLIST = ordered(
      "confidentiality", "Confidentiality and its limits explained",
      "ground_rules", "Ground rules explained",
      "account", "The person's account of what happened heard",
      "harm", "The harm done discussed",
      "wishes", "What the person wants discussed",
      "support", "Support persons discussed",
      "safety", "Safety concerns asked about",
      "readiness", "Readiness to meet discussed");

  public static final Map<String, String> WISHES = ordered(
      "apology", "An apology",
      "answers", "Answers to questions",
      "reparation", "Reparation",
      "other", "Something else");

  public static final Map<String, String> READINESS = ordered(
      "ready", "Ready to go on",
      "not_ready", "Not ready");

  /** The victim's choices that drive scheduling (R10). */
  public static final Map<String, String> MEETING_TYPES = ordered(
      "direct", "Direct meeting",
      "indirect", "Indirect (shuttle) mediation");

  public static final Map<String, String> FIRST_SPEAKERS = ordered(
      "victim", "The victim",
      "offender", "The offender",
      "mediator_decides", "The mediator decides");

  public static final Map<String, String> SUITABILITY = ordered(
      "suitable", "Suitable: schedule the session",
      "unsuitable", "Not suitable: close the case");

  /** The mediation session (R11, R12). */
  public static final Map<String, String> SESSION_HELD = ordered(
      "held", "The session took place",
      "no_show", "Someone did not come");

  /** Indirect mediation: what the mediator does with one person's appointment. */
  public static final Map<String, String> APPOINTMENT_CHANGES = ordered(
      "reschedule", "Move it to another date, time or place",
      "cancel", "Cancel it");

  public static final Map<String, String> NO_SHOW_PARTIES = ordered(
      "victim", "The victim",
      "offender", "The offender",
      "both", "Both");

  public static final Map<String, String> SESSION_OUTCOMES = ordered(
      "agreement", "Agreement reached",
      "dialogue_without_agreement", "Dialogue; no agreement needed",
      "no_agreement", "No agreement",
      "stopped_for_safety", "Stopped for safety",
      "indirect_completed", "Indirect mediation completed");

  /** What the coordinators decide after a session stopped for safety (issue 16: the safety review). */
  public static final Map<String, String> SAFETY_REVIEW_DECISIONS = ordered(
      "continue_indirect", "Continue as indirect mediation (separate conversations, no joint meeting)",
      "refer_to_support", "Refer the victim to support services and close the case",
      "close", "Close the case");

  /** The built-in kinds of agreement item (R13); the configured ones are {@link Vocabularies#itemKinds()}. */
  public static final Map<String, String> AGREEMENT_ITEM_KINDS =
      Vocabularies.builtIn().itemKinds().labels(Vocabularies.FALLBACK_LANGUAGE);

  /** An item's status when the agreement is recorded: still to be done, or done at the session. */
  public static final Map<String, String> AGREEMENT_ITEM_STATUSES = ordered(
      "open", "To be done",
      "fulfilled", "Done at the session");

  /** Whether everyone signed the agreement (R14). */
  public static final Map<String, String> SIGNATURE_OUTCOMES = ordered(
      "all_signed", "Everyone signed",
      "some_signed", "Some did not sign: the agreement stands for those who signed",
      "not_signed", "Not everyone signed: the agreement is not concluded");

  /** The mediator's check of an item or instalment at its due date (R17). */
  public static final Map<String, String> FULFILMENT = ordered(
      "fulfilled", "Fulfilled",
      "partly", "Partly fulfilled",
      "not_fulfilled", "Not fulfilled");

  public static final Map<String, String> FULFILMENT_CONFIRMATIONS = ordered(
      "victim_confirmed", "The victim confirmed it",
      "proof_received", "Proof received (receipt, confirmation of the service place)",
      "offender_only", "Only the offender says so");

  /** The follow-up conversation (R18). */
  public static final Map<String, String> FOLLOW_UP_OUTCOMES = ordered(
      "held", "Conversation held",
      "declined", "The person declined",
      "not_reached", "Not reached");

  public static final Map<String, String> SATISFACTION = ordered(
      "very_satisfied", "Very satisfied",
      "satisfied", "Satisfied",
      "neutral", "Neither satisfied nor dissatisfied",
      "dissatisfied", "Dissatisfied",
      "very_dissatisfied", "Very dissatisfied");

  public static final Map<String, String> YES_PARTLY_NO = ordered(
      "yes", "Yes",
      "partly", "Partly",
      "no", "No");

  public static final Map<String, String> RECOMMEND = ordered(
      "yes", "Yes",
      "maybe", "Maybe",
      "no", "No");

  /** For the victim: fear of the offender after the mediation. */
  public static final Map<String, String> FEAR_CHANGES = ordered(
      "less_fear", "Less fear than before",
      "no_change", "No change",
      "more_fear", "More fear than before",
      "no_fear", "Had no fear before");

  /** How the criminal proceedings ended (R20): the referrer's notice starts the retention period. */
  public static final Map<String, String> PROCEEDINGS_OUTCOMES = ordered(
      "dismissed", "Dismissed / not prosecuted",
      "dismissed_with_conditions", "Dismissed on conditions",
      "convicted", "Convicted / sentenced",
      "acquitted", "Acquitted",
      "other", "Ended otherwise");

  /** What a document a mediator or coordinator uploads to the case file is (README "The mediator's desk"). */
  public static final Map<String, String> DOCUMENT_KINDS = ordered(
      "signed_agreement", "Signed agreement (scan)",
      "mandate_letter", "Mandate letter (prosecutor or court)",
      "correspondence", "Correspondence",
      "other", "Other");

  private Vocabulary() {}

  private static Map<String, String> ordered(String... valuesAndLabels) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < valuesAndLabels.length; i += 2) {
      map.put(valuesAndLabels[i], valuesAndLabels[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
