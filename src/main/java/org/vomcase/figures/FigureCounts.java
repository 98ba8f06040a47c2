package org.vomcase.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vomcase.kernel.FigureRow;
import org.vomcase.kernel.FollowUp;

/**
 * What one closed case adds to the programme's figures (R25), as counts of a day: the figures of a period are the sums
 * of its days' counts ({@link Tally}), so they are read from the kept counts of {@code vom_closed_case_counts}
 * ({@link ClosedCaseFigures}) instead of from every closed case's row. Most counts fall on the day the case closed; the
 * referral's (source, stage) on the day it was registered, as the figures count referrals by registration. A count is a
 * figure and a code ({@code ""} when the figure has none): a closure reason, a side, an answer, or the number of days
 * of a phase, so that medians and 90th percentiles are exact from the counts per number of days.
 */
final class FigureCounts {

  /** One count of a closed case: on {@code day}, {@code amount} more of {@code figure} (and {@code code}). */
  record Count(LocalDate day, String figure, String code, BigDecimal amount) {}

  static final String CLOSED = "closed";
  static final String REFERRALS = "referrals";
  static final String REFERRALS_BY_SOURCE = "referrals.source";
  static final String REFERRALS_BY_STAGE = "referrals.stage";
  static final String TO_CONTACT = "contact.toContact";
  static final String REACHED = "contact.reached";
  static final String CONSENT_ASKED = "consent.asked";
  static final String CONSENT_AGREED = "consent.agreed";
  static final String MEETINGS_DIRECT = "meetings.direct";
  static final String MEETINGS_INDIRECT = "meetings.indirect";
  static final String SESSIONS = "agreements.sessions";
  static final String AGREEMENTS = "agreements.agreements";
  static final String FULFILMENT = "fulfilment.agreements";
  static final String ITEMS = "items";
  static final String ITEMS_FULFILLED = "items.fulfilled";
  static final String MONEY_AGREED = "money.agreed";
  static final String MONEY_PAID = "money.paid";
  static final String HOURS_AGREED = "hours.agreed";
  static final String HOURS_DONE = "hours.done";
  static final String CONVERSATIONS = "satisfaction.conversations";
  static final String ANSWER = "satisfaction.";
  static final String PHASE = "phase.";
  static final String CLOSURE_REASON = "closureReason";
  static final String LABEL_SOURCE = "label.referralSource";
  static final String LABEL_OFFENCE = "label.offenceCategory";
  static final String LABEL_ITEM_KIND = "label.itemKind";

  /** The follow-up questions whose answers are counted, in the figures' order. */
  static final List<String> QUESTIONS = List.of("satisfaction", "fair", "heard", "recommend", "fearChange");

  /** The phases measured in days from the registration, in the figures' order. */
  static final List<String> PHASES = List.of("toFirstContact", "toSession", "toClosure");

  /** Consents of persons the mediators reached. */
  static final Set<String> REACHED_CONSENTS = Set.of("agreed", "declined", "withdrawn");

  private FigureCounts() {}

  /** Everything the closed case {@code row} adds to the figures, by day. */
  static List<Count> of(FigureRow row) {
    List<Count> counts = new ArrayList<>();
    LocalDate closed = row.closedOn();
    add(counts, closed, CLOSED, "", 1);
    add(counts, closed, CLOSURE_REASON, row.closureReason(), 1);
    LocalDate registered = row.registeredOn();
    if (registered != null) {
      add(counts, registered, REFERRALS, "", 1);
      add(counts, registered, REFERRALS_BY_SOURCE, orUnknown(row.referralSource()), 1);
      add(counts, registered, REFERRALS_BY_STAGE, orUnknown(row.proceduralStage()), 1);
    }
    persons(row, counts);
    if (row.sessionOutcome() != null && "direct".equals(row.meetingType())) {
      add(counts, closed, MEETINGS_DIRECT, "", 1);
    } else if (row.sessionOutcome() != null && "indirect".equals(row.meetingType())) {
      add(counts, closed, MEETINGS_INDIRECT, "", 1);
    }
    if (row.sessionOutcome() != null) {
      add(counts, closed, SESSIONS, "", 1);
    }
    if ("agreement".equals(row.sessionOutcome())) {
      add(counts, closed, AGREEMENTS, "", 1);
    }
    if (row.agreementFulfilment() != null) {
      add(counts, closed, FULFILMENT, switch (row.agreementFulfilment()) {
        case "fulfilled" -> "fulfilled";
        case "partly_fulfilled" -> "partly";
        default -> "notFulfilled";
      }, 1);
    }
    items(row, counts);
    followUps(row, counts);
    if (registered != null) {
      days(counts, closed, PHASE + "toFirstContact", registered, row.details().firstContactOn());
      days(counts, closed, PHASE + "toSession", registered, row.details().sessionOn());
      days(counts, closed, PHASE + "toClosure", registered, closed);
    }
    // The labels name every code of the rows the period touches: closed in it, or registered in it.
    for (LocalDate day : registered == null || registered.equals(closed) ? List.of(closed) : List.of(closed, registered)) {
      label(counts, day, LABEL_SOURCE, row.referralSource());
      label(counts, day, LABEL_OFFENCE, row.offenceCategory());
      row.details().items().forEach(item -> label(counts, day, LABEL_ITEM_KIND, item.kind() == null ? null : item.kind().code()));
    }
    return counts;
  }

  private static void persons(FigureRow row, List<Count> counts) {
    for (FigureRow.PersonFigure person : row.details().persons()) {
      String consent = person.consent() == null || person.consent().isBlank() ? FigureRow.PersonFigure.NOT_ASKED
          : person.consent();
      if (FigureRow.PersonFigure.NOT_ASKED.equals(consent)) {
        continue;
      }
      add(counts, row.closedOn(), TO_CONTACT, "", 1);
      if (REACHED_CONSENTS.contains(consent)) {
        add(counts, row.closedOn(), REACHED, "", 1);
        if (person.role() != null) {
          add(counts, row.closedOn(), CONSENT_ASKED, person.role().code(), 1);
          if (!"declined".equals(consent)) {
            add(counts, row.closedOn(), CONSENT_AGREED, person.role().code(), 1); // agreed, or agreed and later withdrew
          }
        }
      }
    }
  }

  private static void items(FigureRow row, List<Count> counts) {
    for (FigureRow.ItemFigure item : row.details().items()) {
      ItemOutcome outcome = ItemOutcome.of(item);
      add(counts, row.closedOn(), ITEMS, "", BigDecimal.ONE);
      if (outcome.fulfilled()) {
        add(counts, row.closedOn(), ITEMS_FULFILLED, "", BigDecimal.ONE);
      }
      add(counts, row.closedOn(), MONEY_AGREED, "", outcome.amountAgreed());
      add(counts, row.closedOn(), MONEY_PAID, "", outcome.amountPaid());
      add(counts, row.closedOn(), HOURS_AGREED, "", outcome.hoursAgreed());
      add(counts, row.closedOn(), HOURS_DONE, "", outcome.hoursDone());
    }
  }

  private static void followUps(FigureRow row, List<Count> counts) {
    for (FigureRow.FollowUpFigure followUp : row.details().followUps()) {
      if (!FollowUp.HELD.equals(followUp.outcome())) {
        continue;
      }
      add(counts, row.closedOn(), CONVERSATIONS, "", 1);
      List<String> given = java.util.Arrays.asList(followUp.satisfaction(), followUp.fair(), followUp.heard(),
          followUp.recommend(), followUp.fearChange());
      for (int i = 0; i < QUESTIONS.size(); i++) {
        String answer = given.get(i);
        if (answer != null && !answer.isEmpty()) {
          add(counts, row.closedOn(), ANSWER + QUESTIONS.get(i), answer, 1);
        }
      }
    }
  }

  private static void days(List<Count> counts, LocalDate day, String phase, LocalDate from, LocalDate end) {
    if (end != null) {
      add(counts, day, phase, Long.toString(ChronoUnit.DAYS.between(from, end)), 1);
    }
  }

  private static void label(List<Count> counts, LocalDate day, String figure, String code) {
    if (code != null) {
      add(counts, day, figure, code, 1);
    }
  }

  private static void add(List<Count> counts, LocalDate day, String figure, String code, long amount) {
    add(counts, day, figure, code, BigDecimal.valueOf(amount));
  }

  private static void add(List<Count> counts, LocalDate day, String figure, String code, BigDecimal amount) {
    if (amount != null && amount.signum() != 0) {
      counts.add(new Count(day, figure, code, amount));
    }
  }

  static String orUnknown(String value) {
    return value == null || value.isBlank() ? "unknown" : value;
  }
}
