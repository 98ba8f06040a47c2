package org.vomcase.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vomcase.kernel.CaseVariables;

/** A valid referral as the start form or the referral API delivers it, for tests to change one thing at a time. */
public final class Referrals {

  private Referrals() {}

  public static Map<String, Object> referral() {
    Map<String, Object> referral = new HashMap<>();
    referral.put(CaseVariables.REFERRAL_SOURCE.name(), "prosecutor");
    referral.put(CaseVariables.REFERRER_NAME.name(), "Staatsanwaltschaft Musterstadt");
    referral.put(CaseVariables.REFERRER_EMAIL.name(), "toa@sta-musterstadt.example");
    referral.put(CaseVariables.REFERRER_REFERENCE.name(), "StA 99/26");
    referral.put(CaseVariables.PROCEDURAL_STAGE.name(), "diversion");
    referral.put(CaseVariables.OFFENCE_CATEGORY.name(), "assault");
    referral.put(CaseVariables.OFFENCE_DATE.name(), "2026-01-03");
    referral.put(CaseVariables.OFFENCE_SUMMARY.name(), "A fight outside a bar after an argument about a parking space.");
    referral.put(CaseVariables.RESPONSIBILITY_ADMISSION.name(), "essential_confession");
    referral.put(CaseVariables.VICTIMS.name(), new ArrayList<>(List.of(person("Ana Roth", "1980-04-02"))));
    referral.put(CaseVariables.OFFENDERS.name(), new ArrayList<>(List.of(person("Carl Vogt", "1990-01-15"))));
    return referral;
  }

  public static Map<String, Object> person(String name, String dateOfBirth) {
    Map<String, Object> person = new HashMap<>();
    person.put("name", name);
    person.put("dateOfBirth", dateOfBirth);
    person.put("preferredLanguage", "de");
    person.put("email", name.toLowerCase().replace(' ', '.') + "@example.org");
    return person;
  }}
