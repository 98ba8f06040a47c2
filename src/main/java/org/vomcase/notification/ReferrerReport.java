package org.vomcase.notification;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vomcase.kernel.AgreementItem;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.ClosureReason;
import org.vomcase.kernel.FulfilmentStatus;
import org.vomcase.kernel.Obligation;
import org.vomcase.kernel.PartEnded;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.SessionOutcome;

/**
 * The report to the referrer (R16), built from an explicit allow-list: the case and the referrer's
 * file reference; whether mediation took place, and if not why (the closure reason in words);
 * whether an agreement was reached; the agreement's items (kind, amount, instalments, hours, due
 * date, who owes whom) only when every party consented (R15); and whether it was fulfilled. No free
 * text written in any form (notes, reasons, descriptions) is ever read here.
 */
public final class ReferrerReport {

  /** The report's occasions: after the session, after the agreement was signed, an item left unfulfilled, the closure. */
  public static final Set<String> OCCASIONS = Set.of("session", "agreement", "item_unfulfilled", "closure");

  /** What the referrer reads of a session that took place. */
  private static final Map<SessionOutcome, String> SESSION_OUTCOMES = Map.of(
      SessionOutcome.AGREEMENT, "An agreement was reached",
      SessionOutcome.DIALOGUE_WITHOUT_AGREEMENT, "The parties talked; no agreement was needed",
      SessionOutcome.NO_AGREEMENT, "No agreement was reached",
      SessionOutcome.STOPPED_FOR_SAFETY, "No agreement was reached",
      SessionOutcome.INDIRECT_COMPLETED, "An indirect mediation was completed");

  private static final String NOT_SIGNED = "not_signed";

  private ReferrerReport() {}

  /** The report's content for an occasion, from the case, about the case as a whole. */
  public static Map<String, Object> build(String occasion, Case theCase) {
    return build(occasion, theCase, null);
  }

  /**
   * The report about one accused person (an offender of the case): whether they took part, and of the agreement only the
   * items they owe and how they kept them; nothing about a co-accused. Null {@code accused}: the case as a whole.
   */
  public static Map<String, Object> build(String occasion, Case theCase, Person accused) {
    if (!OCCASIONS.contains(occasion)) {
      throw new IllegalArgumentException("Unknown report '" + occasion + "'; known: " + OCCASIONS);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("report", occasion);
    report.put(CASE_NUMBER.name(), theCase.caseNumber());
    org.vomcase.kernel.ReferrerOfRecord referrer = org.vomcase.kernel.ReferrerOfRecord.of(theCase);
    report.put("recipientName", referrer.name());
    report.put("recipientEmail", referrer.email());
    report.put(REFERRER_REFERENCE.name(), referrer.reference());
    boolean held = "held".equals(theCase.get(SESSION_HELD));
    report.put("mediationTookPlace", held);
    SessionOutcome outcome = theCase.get(SESSION_OUTCOME);
    if (held && outcome != null) {
      report.put("sessionOutcome", SESSION_OUTCOMES.get(outcome));
      report.put("sessionResult", outcome.code());
    }
    boolean signed = !NOT_SIGNED.equals(theCase.get(SIGNATURE_OUTCOME));
    boolean agreement = held && outcome == SessionOutcome.AGREEMENT;
    report.put("agreementReached", agreement && signed);
    boolean shared = Boolean.TRUE.equals(theCase.get(SHARE_AGREEMENT_WITH_REFERRER));
    if (agreement) {
      report.put("agreementShared", shared);
      report.put("agreementWithheld", !shared && signed);
    }
    Map<String, String> names = theCase.names();
    if (accused != null) {
      report.put("accusedId", accused.personId());
      report.put("accusedName", accused.name());
      org.vomcase.kernel.PartEnded part = theCase.partEnded(accused.personId()).orElse(null);
      boolean withdrew = part != null && org.vomcase.kernel.PartEnded.WITHDREW.equals(part.reason());
      report.put("accusedTookPart", theCase.consents().agreed(accused.personId()) || withdrew);
      if (part != null && !withdrew) {
        // The accused's own part ended at the signing: the agreement as it stands does not include them.
        report.put("accusedDidNotSign", org.vomcase.kernel.PartEnded.NOT_SIGNED.equals(part.reason()));
        report.put("accusedNothingLeft", org.vomcase.kernel.PartEnded.NOTHING_LEFT.equals(part.reason()));
        report.put("agreementReached", false);
        if (agreement) {
          report.put("agreementShared", false);
          report.put("agreementWithheld", false);
        }
        shared = false;
      }
      report.put("accusedWithdrewAfterAgreement", withdrew);
    }
    java.util.function.Predicate<String> owedByAccused = offender -> accused == null || accused.personId().equals(offender);
    if (shared) {
      List<AgreementItem> items = theCase.items().stream().filter(item -> owedByAccused.test(item.offender())).toList();
      report.put("agreement", items.stream().map(item -> item.describe(names, false)).toList());
      report.put("items", items.stream().map(theCase::words).toList());
    }
    if ("item_unfulfilled".equals(occasion)) {
      report.put("itemUnfulfilled", true);
      Obligation obligation = theCase.get(OBLIGATION);
      if (shared && obligation != null) {
        report.put("itemText", obligation.describe(names, false));
        report.put("item", theCase.words(obligation));
      }
    }
    boolean endedAtSigning = accused != null && theCase.partEnded(accused.personId())
        .map(part -> !PartEnded.WITHDREW.equals(part.reason())).orElse(false);
    if ("closure".equals(occasion) && endedAtSigning) {
      // The case's closure reason is the outcome of the others' agreement, not this accused's: only that it closed.
      report.put("caseClosedWithoutAccused", true);
    } else if ("closure".equals(occasion)) {
      ClosureReason reason = theCase.get(CLOSURE_REASON);
      report.put(CLOSURE_REASON.name(), reason == null ? null : reason.code());
      report.put("closure", reason == null ? null : reason.label());
      FulfilmentStatus fulfilment = theCase.get(AGREEMENT_FULFILMENT);
      if (fulfilment != null && accused != null) {
        // The accused's own part: the items they owe (done at the session, or each instalment as checked).
        List<AgreementItem> own = theCase.items().stream().filter(item -> owedByAccused.test(item.offender())).toList();
        List<Obligation> owed = theCase.obligations().stream().filter(o -> owedByAccused.test(o.offender())).toList();
        List<Obligation> inForce = theCase.obligationsInForce().stream().filter(o -> owedByAccused.test(o.offender())).toList();
        boolean withdrew = theCase.partEnded(accused.personId()).map(p -> PartEnded.WITHDREW.equals(p.reason())).orElse(false);
        // An accused who withdrew is judged on everything they owed (what stopped was not done); the others on what
        // stayed in force.
        boolean doneAtSession = own.stream().anyMatch(item -> !item.open());
        // Everything they owed stopped because the victim withdrew: no verdict on them, they did not fail it.
        boolean nothingLeft = !withdrew && inForce.isEmpty() && !doneAtSession;
        fulfilment = own.isEmpty() || nothingLeft ? null : withdrew ? FulfilmentStatus.of(own, owed, theCase.fulfilments())
            : FulfilmentStatus.of(own, inForce, theCase.fulfilments());
      }
      if (fulfilment != null) {
        report.put("agreementFulfilment", fulfilment.code());
      }
    }
    return report;
  }
}
