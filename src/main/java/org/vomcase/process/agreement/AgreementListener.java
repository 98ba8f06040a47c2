package org.vomcase.process.agreement;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.AgreementItem;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.Owed;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.Side;
import org.vomcase.kernel.Vocabularies;
import org.vomcase.kernel.Words;
import org.vomcase.settings.StaffLanguage;

/**
 * "Record the agreement" (R13): checks every item (an offender who took part owes it to a victim who
 * took part or to the community; amounts, instalments, hours and due dates in range) and stores the
 * agreement as the case's list of items, the obligations to monitor and the agreement in words. The
 * form's groups are removed again so that the agreement exists once.
 */
@Component("agreementListener")
public class AgreementListener implements TaskListener {

  private final Vocabularies vocabularies;
  private final Words words;

  /** With the built-in vocabularies, in English (process tests). */
  public AgreementListener() {
    this(Vocabularies.builtIn());
  }

  public AgreementListener(Vocabularies vocabularies) {
    this.vocabularies = vocabularies;
    this.words = Words.ENGLISH;
  }

  /** The agreement's summary in the staff language. */
  @Autowired
  public AgreementListener(Vocabularies vocabularies, StaffLanguage language) {
    this.vocabularies = vocabularies;
    this.words = language.words(vocabularies);
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    Case theCase = Case.seenFrom(execution);
    Set<String> offenders = ids(theCase, Side.OFFENDER);
    Set<String> creditors = ids(theCase, Side.VICTIM);
    creditors.add(Owed.COMMUNITY);
    List<AgreementItem> items = AgreementItems.parse(task::getVariable, offenders, creditors, CaseClock.today(),
        vocabularies);
    for (int n = 1; n <= AgreementItems.MAX_ITEMS; n++) {
      execution.removeVariable(AgreementItems.group(n));
    }
    AGREEMENT_ITEMS.on(execution).set(items);
    OBLIGATIONS.on(execution).set(AgreementItems.obligations(items));
    AGREEMENT_SUMMARY.on(execution).set(AgreementItems.summary(items, theCase.names(), words));
  }

  /** The parties of a side who took part: whom an item may name. */
  private static Set<String> ids(Case theCase, Side side) {
    return theCase.parties().stream().filter(p -> p.role() == side).map(Person::personId)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
