package org.vomcase.process.referral;

import java.util.List;
import org.springframework.stereotype.Component;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.vomcase.kernel.CaseVariable;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.kernel.Person;

/**
 * Facts the decision tables read that follow from the case's persons, worked out when a table is evaluated from the
 * persons as the case knows them then (a victim added or corrected since the referral counts), as input parameters of
 * the deciding step: they are not kept as variables of their own (README "Performance at scale").
 * <ul>
 *   <li>{@code ${referralFacts.anyMinor(victims)}}: a victim is under 18 (decision table "contact-order");</li>
 *   <li>{@code ${referralFacts.anyLegalPerson(victims)}}: a victim is a legal person with a named representative
 *       (decision table "eligibility");</li>
 *   <li>{@code ${referralFacts.fact(execution, 'offenceCategory')}}: a fact of the referral as the case knows it now (the
 *       case keeps the facts as registered in one record, {@code referral}; a fact a later step set counts over it), laid
 *       out for a decision table that reads it by its name, and for a called process that shows it.</li>
 * </ul>
 */
@Component("referralFacts")
public class ReferralFacts {

  private static final java.util.Map<String, CaseVariable<?>> FACTS = CaseVariables.REFERRAL_FACTS.stream()
      .collect(java.util.stream.Collectors.toUnmodifiableMap(CaseVariable::name, fact -> fact));

  /**
   * The referral's fact {@code name} as stored (text, a flag, a date as {@code YYYY-MM-DD}), or null when the referral
   * did not give it; a name that is no fact of a referral stops the step with an error (a diagram's mistake).
   */
  public Object fact(VariableScope execution, String name) {
    CaseVariable<?> fact = FACTS.get(name);
    if (fact == null) {
      throw new IllegalArgumentException("'" + name + "' is not a fact of a referral; the facts are "
          + CaseVariables.REFERRAL_FACTS.stream().map(CaseVariable::name).toList());
    }
    return stored(fact, execution);
  }

  private static <T> Object stored(CaseVariable<T> fact, VariableScope execution) {
    return fact.value(fact.from(execution));
  }

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
