package org.vomcase.process.referral;

import java.util.List;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.kernel.Person;

/**
 * Facts the decision tables read that follow from the case's persons, worked out when a table is evaluated from the
 * persons as the case knows them then (a victim added or corrected since the referral counts), as input parameters of
 * the deciding step: they are not kept as variables of their own (README "Performance at scale").
 * <ul>
 *   <li>{@code ${referralFacts.anyMinor(victims)}}: a victim is under 18 (decision table "contact-order");</li>
 *   <li>{@code ${referralFacts.anyLegalPerson(victims)}}: a victim is a legal person with a named representative
 *       (decision table "eligibility").</li>
 * </ul>
 */
@Component("referralFacts")
public class ReferralFacts {

  /** Whether one of the persons (the variable {@code victims} or {@code offenders} as stored) is a minor. */
  public boolean anyMinor(Object persons) {
    return read(persons).stream().anyMatch(Person::minor);
  }

  /** Whether one of the persons is a legal person (a shop, a company, a school) with a named representative. */
  public boolean anyLegalPerson(Object persons) {
    return read(persons).stream().anyMatch(Person::legalPerson);
  }

  private static List<Person> read(Object persons) {
    return persons == null ? List.of() : CaseVariables.VICTIMS.read(persons);
  }
}
