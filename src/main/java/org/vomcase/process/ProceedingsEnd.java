package org.vomcase.process;

import static org.vomcase.kernel.CaseVariables.PROCEEDINGS_ENDED_ON;
import static org.vomcase.kernel.CaseVariables.PROCEEDINGS_OUTCOME;

import java.time.LocalDate;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.InputCheck;
import org.vomcase.kernel.Vocabulary;

/**
 * The end of the criminal proceedings (R20), as a coordinator records it in a case's task or a case
 * event reports it: a date not in the future and one of the outcomes. It starts the retention period.
 */
public final class ProceedingsEnd {

  private ProceedingsEnd() {}

  /** The date the proceedings ended; refused with the field's name when it or the outcome is not valid. */
  public static LocalDate check(Object endedOn, Object outcome) {
    InputCheck check = InputCheck.failFirst();
    LocalDate date = check.pastDate(PROCEEDINGS_ENDED_ON.name(), endedOn instanceof String text ? text.trim() : endedOn,
        CaseClock.today(), true);
    check.oneOf(PROCEEDINGS_OUTCOME.name(), outcome, Vocabulary.PROCEEDINGS_OUTCOMES, true);
    return date;
  }
}
