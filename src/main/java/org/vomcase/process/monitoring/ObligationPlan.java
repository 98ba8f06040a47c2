package org.vomcase.process.monitoring;

import static org.vomcase.kernel.CaseVariables.*;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.AgreementItem;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.ClosureReason;
import org.vomcase.kernel.Dates;
import org.vomcase.kernel.Fulfilment;
import org.vomcase.kernel.FulfilmentStatus;
import org.vomcase.kernel.Obligation;
import org.vomcase.kernel.SessionOutcome;
import org.vomcase.kernel.Vocabularies;
import org.vomcase.kernel.Words;
import org.vomcase.settings.StaffLanguage;

/**
 * Monitoring of the agreement (R17): what each called {@code monitor-obligation} watches, the book
 * of fulfilments of the case (obligation id -> status, what was done, when checked, escalated) and
 * the agreement's fulfilment as a whole, which decides the closure reason (R19).
 */
@Component("obligationPlan")
public class ObligationPlan {

  private final Words words;

  /** The item in English (diagram tests). */
  public ObligationPlan() {
    this.words = Words.ENGLISH;
  }

  /** The item in the staff language's words. */
  @Autowired
  public ObligationPlan(StaffLanguage language, Vocabularies vocabularies) {
    this.words = language.words(vocabularies);
  }

  /** Due dates fall due at nine in the morning in the programme's time zone. */
  public static final LocalTime DUE_TIME = LocalTime.of(9, 0);

  /** The obligations to monitor (the multi-instance collection, each a Json obligation): those still in force. */
  public List<Object> obligations(DelegateExecution execution) {
    // One whose party withdrew while the agreement was reported is never started.
    return Case.seenFrom(execution).obligationsInForce().stream().map(OBLIGATION::value).toList();
  }

  /**
   * Start of {@code monitor-obligation}: the obligation laid out for its timer, form (its due date in the programme's
   * words) and reminder.
   */
  public void prepare(DelegateExecution execution) {
    Obligation obligation = OBLIGATION.from(execution);
    Case theCase = Case.of(execution);
    OBLIGATION_ID.on(execution).set(obligation.obligationId());
    OBLIGATION_DUE_AT.on(execution).set(obligation.dueDate().atTime(DUE_TIME).atZone(ZoneId.systemDefault()).toOffsetDateTime());
    OBLIGATION_SUMMARY.on(execution).set(obligation.describe(theCase.names(), true, words));
    OBLIGATION_DUE_SHOWN.on(execution).set(Dates.inWords(obligation.dueDate(), Case.seenFrom(execution).locale()));
    OBLIGATION_UNIT.on(execution).set(obligation.kind().unit());
    CHECK_ROUND.on(execution).set(1);
    // The reminder goes to the offender who owes the item.
    theCase.person(obligation.offender()).ifPresent(person -> {
      PERSON_ID.on(execution).set(person.personId());
      PERSON_NAME.on(execution).set(person.name());
      PERSON_EMAIL.on(execution).set(person.email() == null ? "" : person.email());
      PERSON_LANGUAGE.on(execution).set(person.preferredLanguage() == null ? "" : person.preferredLanguage());
    });
  }

  /** End of one monitoring (vom-case): records how the obligation ended; a cancelled one records nothing. */
  public void record(DelegateExecution execution) {
    FulfilmentStatus status = OBLIGATION_STATUS.from(execution);
    if (status == null) {
      return;
    }
    Obligation obligation = OBLIGATION.from(execution);
    if (Case.of(execution).stopped(obligation)) {
      // Stopped during its grace period: the first check's result came back with it, but the item no longer counts.
      return;
    }
    boolean partly = status == FulfilmentStatus.PARTLY_FULFILLED;
    // checkRound is 2 after the grace period (a Long, as the diagram's expression sets it).
    Integer round = CHECK_ROUND.from(execution);
    Fulfilment fulfilment = new Fulfilment(status, obligation.kind(), obligation.amount(), obligation.hours(),
        partly ? FULFILLED_AMOUNT.from(execution) : null, partly ? FULFILLED_HOURS.from(execution) : null,
        round != null && round == 2 && status != FulfilmentStatus.FULFILLED, CaseClock.timestamp());
    Map<String, Fulfilment> book = FULFILMENTS.from(execution.getProcessInstance());
    book.put(obligation.obligationId(), fulfilment);
    FULFILMENTS.on(execution.getProcessInstance()).set(book);
  }

  /**
   * Start of "How did the case end?": the fulfilment of the whole agreement. Fulfilled when every
   * item (and instalment) was fulfilled, items done at the session included; not fulfilled when none
   * was even partly; otherwise partly fulfilled.
   */
  public void summarise(DelegateExecution execution) {
    if (SESSION_OUTCOME.from(execution) != SessionOutcome.AGREEMENT || !AGREEMENT_ITEMS.isSet(execution)) {
      return;
    }
    // Items stopped when a party withdrew after the agreement no longer count: the others' agreement is judged on its own.
    Case theCase = Case.of(execution);
    AGREEMENT_FULFILMENT.on(execution).set(FulfilmentStatus.judged(theCase.items(), theCase.obligationsInForce(),
        theCase.obligations(), FULFILMENTS.from(execution)));
  }

  /**
   * Settles the case's outcome as its follow-up starts ({@code CallActivity_FollowUp}): the agreement's fulfilment
   * ({@link #summarise}) and the closure the case has earned with it ({@code settledOutcome}), which a later withdrawal
   * of the referral or of consent keeps ({@code Gateway_ReferralWithdrawnOutcomeSettled},
   * {@code Gateway_LastPartyOutcomeSettled}). Nothing is settled for an agreement whose fulfilment is unknown.
   */
  public void settleOutcome(DelegateExecution execution) {
    summarise(execution);
    SessionOutcome outcome = SESSION_OUTCOME.from(execution);
    FulfilmentStatus fulfilment = AGREEMENT_FULFILMENT.from(execution);
    if (outcome == null || outcome == SessionOutcome.AGREEMENT && fulfilment == null) {
      return;
    }
    SETTLED_OUTCOME.on(execution.getProcessInstance()).set(ClosureReason.afterSession(outcome, fulfilment));
  }
}
