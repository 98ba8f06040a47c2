package org.vomcase.process.referral;

import org.vomcase.access.CaseRegistry;
import org.vomcase.confidential.ConfidentialField;
import org.vomcase.confidential.ConfidentialNotes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.vomcase.settings.VomProperties;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseJson;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.kernel.ProgrammeProfile;
import org.vomcase.kernel.Vocabularies;

/**
 * "Referral received": checks the referral before the case exists (a rejected referral rolls the
 * whole start back, so nothing is created), then gives the case its number as business key, enters it
 * in the case register ({@link CaseRegistry}: the number, who referred it, the referrer of record) and
 * records the programme profile and registration time. It is the only way a case gets a number.
 */
@Component("referralIntakeListener")
public class ReferralIntakeListener implements ExecutionListener {

  private final CaseNumberGenerator caseNumbers;
  private final String programmeProfile;
  private final ConfidentialNotes confidentialNotes;
  private final CaseRegistry registry;

  private final int maxPersons;
  private final Vocabularies vocabularies;

  public ReferralIntakeListener(CaseNumberGenerator caseNumbers, VomProperties properties, ConfidentialNotes confidentialNotes,
      CaseRegistry registry) {
    this(caseNumbers, properties, confidentialNotes, registry, ReferralValidator.DEFAULT_MAX_PERSONS_PER_SIDE);
  }

  public ReferralIntakeListener(CaseNumberGenerator caseNumbers, VomProperties properties, ConfidentialNotes confidentialNotes,
      CaseRegistry registry, int maxPersons) {
    this(caseNumbers, properties, confidentialNotes, registry, maxPersons, Vocabularies.builtIn());
  }

  @org.springframework.beans.factory.annotation.Autowired
  public ReferralIntakeListener(CaseNumberGenerator caseNumbers, VomProperties properties, ConfidentialNotes confidentialNotes,
      CaseRegistry registry, @org.springframework.beans.factory.annotation.Value(
          "${vom.intake.max-persons-per-side:" + ReferralValidator.DEFAULT_MAX_PERSONS_PER_SIDE + "}") int maxPersons,
      Vocabularies vocabularies) {
    this.vocabularies = vocabularies;
    this.maxPersons = maxPersons;
    this.caseNumbers = caseNumbers;
    this.registry = registry;
    this.confidentialNotes = confidentialNotes;
    this.programmeProfile = properties.programme().profile();
  }

  @Override
  public void notify(DelegateExecution execution) {
    OffsetDateTime now = CaseClock.now().toOffsetDateTime();
    LocalDate today = now.toLocalDate();
    java.util.Map<String, Object> submitted = execution.getVariables();
    java.util.Map<String, Object> prepared = ReferralIntake.prepare(submitted, today, maxPersons,
        ProgrammeProfile.of(programmeProfile).guardiansFirst(), vocabularies, true);
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String caseNumber = caseNumbers.next(today.getYear());
    java.util.Map<String, Object> registered = new java.util.LinkedHashMap<>(prepared);
    registered.put(CaseVariables.REFERRED_BY.name(), authentication == null ? null : authentication.getUserId());
    registered.put(CaseVariables.CASE_NUMBER.name(), caseNumber);
    registered.put(CaseVariables.PROGRAMME_PROFILE.name(), programmeProfile);
    registered.put(CaseVariables.REGISTERED_AT.name(), CaseVariables.REGISTERED_AT.value(now));
    // Only the referral's own fields survive: a caller cannot preset case variables (closure, consents, ...). A value the
    // caller sent as the case keeps it is not written again (no second row for it in the runtime and the history).
    for (String name : submitted.keySet()) {
      if (!registered.containsKey(name)) {
        execution.removeVariable(name);
      }
    }
    registered.forEach((name, value) -> {
      // A transient value (sent with valueInfo.transient) would not outlive the registration: it is written as the case's
      // own, which the engine refuses (a transient variable cannot become a lasting one), so the start is refused.
      if (!submitted.containsKey(name) || !sameValue(submitted.get(name), value)
          || execution.getVariableTyped(name, false).isTransient()) {
        execution.setVariable(name, value);
      }
    });
    execution.setProcessBusinessKey(caseNumber);
    // The register's primary key refuses a second case with this number (the start rolls back).
    // One row: who referred it, what the figures count it by, and what the case list searches by (the persons' names and
    // the referrer's reference, README "The mediator's desk").
    org.vomcase.kernel.Case theCase = org.vomcase.kernel.Case.of(execution);
    registry.register(new CaseRegistry.Registration(caseNumber, execution.getProcessInstanceId(),
        authentication == null ? null : authentication.getUserId(), CaseVariables.REFERRER_NAME.in(prepared),
        CaseVariables.REFERRER_EMAIL.in(prepared), now, programmeProfile, theCase.get(CaseVariables.REFERRAL_SOURCE),
        theCase.get(CaseVariables.PROCEDURAL_STAGE), theCase.persons().stream().map(org.vomcase.kernel.Person::name).toList(),
        theCase.get(CaseVariables.REFERRER_REFERENCE), registeredReferral(registered)));
    // The police file's details go to the coordinators' confidential store, never into a variable (R4).
    String policeFile = ConfidentialNotes.checked(ConfidentialField.POLICE_FILE, submitted.get(ConfidentialField.POLICE_FILE.variable()));
    if (policeFile != null) {
      confidentialNotes.record(caseNumber, ConfidentialField.POLICE_FILE, null, execution.getProcessInstanceId(), "Referral",
          authentication == null ? null : authentication.getUserId(), policeFile);
    }
  }

  /**
   * The referral as registered, one JSON document (variable name to value, the persons as the case keeps them): the
   * register's record of the variables' first values, which the history therefore does not write again.
   */
  static String registeredReferral(java.util.Map<String, Object> registered) {
    java.util.Map<String, Object> document = new java.util.TreeMap<>();
    registered.forEach((name, value) -> document.put(name, CaseJson.plain(value)));
    return CaseJson.text(document);
  }

  /**
   * Whether the value the caller sent is the one the case keeps: text, flags and numbers as they are, a list of persons
   * as the same JSON (a date is always written in the case's own form).
   */
  private static boolean sameValue(Object sent, Object kept) {
    if (sent == null || kept == null) {
      return sent == kept;
    }
    if (CaseJson.isJson(kept)) {
      // The persons' lists: the referral API sends them as the case keeps them (see ReferralIntake.asSent).
      return CaseJson.sameJson(sent, kept);
    }
    boolean plain = kept instanceof String || kept instanceof Boolean || kept instanceof Number;
    return plain && sent.getClass() == kept.getClass() && sent.equals(kept);
  }
}
