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
        ProgrammeProfile.of(programmeProfile).guardiansFirst(), vocabularies);
    // Only the referral's own fields survive: a caller cannot preset case variables (closure, consents, ...).
    for (String name : submitted.keySet()) {
      if (!prepared.containsKey(name)) {
        execution.removeVariable(name);
      }
    }
    execution.setVariables(prepared);
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    CaseVariables.REFERRED_BY.on(execution).set(authentication == null ? null : authentication.getUserId());
    String caseNumber = caseNumbers.next(today.getYear());
    CaseVariables.CASE_NUMBER.on(execution).set(caseNumber);
    CaseVariables.PROGRAMME_PROFILE.on(execution).set(programmeProfile);
    CaseVariables.REGISTERED_AT.on(execution).set(now);
    execution.setProcessBusinessKey(caseNumber);
    // The register's primary key refuses a second case with this number (the start rolls back).
    // One row: who referred it, what the figures count it by, and what the case list searches by (the persons' names and
    // the referrer's reference, README "The mediator's desk").
    org.vomcase.kernel.Case registered = org.vomcase.kernel.Case.of(execution);
    registry.register(new CaseRegistry.Registration(caseNumber, execution.getProcessInstanceId(),
        authentication == null ? null : authentication.getUserId(), CaseVariables.REFERRER_NAME.in(prepared),
        CaseVariables.REFERRER_EMAIL.in(prepared), now, programmeProfile, registered.get(CaseVariables.REFERRAL_SOURCE),
        registered.get(CaseVariables.PROCEDURAL_STAGE), registered.persons().stream().map(org.vomcase.kernel.Person::name).toList(),
        registered.get(CaseVariables.REFERRER_REFERENCE)));
    // The police file's details go to the coordinators' confidential store, never into a variable (R4).
    String policeFile = ConfidentialNotes.checked(ConfidentialField.POLICE_FILE, submitted.get(ConfidentialField.POLICE_FILE.variable()));
    if (policeFile != null) {
      confidentialNotes.record(caseNumber, ConfidentialField.POLICE_FILE, null, execution.getProcessInstanceId(), "Referral",
          authentication == null ? null : authentication.getUserId(), policeFile);
    }
  }
}
