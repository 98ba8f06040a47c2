package org.vomcase.notification;

import static org.vomcase.kernel.CaseVariables.*;
import static org.vomcase.kernel.JsonVariables.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.spin.json.SpinJsonNode;
import org.vomcase.kernel.ClosureReason;
import org.vomcase.kernel.JsonVariables;
import org.vomcase.kernel.Vocabulary;
import org.vomcase.process.agreement.AgreementItems;
import org.vomcase.process.monitoring.ObligationPlan;

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

  /** Closures the referrer was told about already (or caused): no closure report. */
  public static final Set<String> REFERRER_ALREADY_TOLD = Set.of(ClosureReason.NOT_ELIGIBLE.value(),
      ClosureReason.REFERRAL_WITHDRAWN.value());

  private static final Map<String, String> SESSION_OUTCOMES = Map.of(
      "agreement", "An agreement was reached",
      "dialogue_without_agreement", "The parties talked; no agreement was needed",
      "no_agreement", "No agreement was reached",
      "stopped_for_safety", "No agreement was reached",
      "indirect_completed", "An indirect mediation was completed");

  /** The agreement's fulfilment, as a code the templates put into words ({@code agreementFulfilmentLabel}). */
  private static final Set<String> FULFILMENT = Set.of(ObligationPlan.FULFILLED, ObligationPlan.PARTLY_FULFILLED,
      ObligationPlan.NOT_FULFILLED);

  private ReferrerReport() {}

  /** The report's content for an occasion, from the case's variables. */
  public static Map<String, Object> build(String occasion, Function<String, Object> variables) {
    if (!OCCASIONS.contains(occasion)) {
      throw new IllegalArgumentException("Unknown report '" + occasion + "'; known: " + OCCASIONS);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("report", occasion);
    report.put(CASE_NUMBER, variables.apply(CASE_NUMBER));
    report.put("recipientName", variables.apply(REFERRER_NAME));
    report.put("recipientEmail", variables.apply(REFERRER_EMAIL));
    report.put(REFERRER_REFERENCE, variables.apply(REFERRER_REFERENCE));
    boolean held = "held".equals(variables.apply(SESSION_HELD));
    report.put("mediationTookPlace", held);
    Object outcome = variables.apply(SESSION_OUTCOME);
    if (held && outcome != null) {
      report.put("sessionOutcome", SESSION_OUTCOMES.get(outcome.toString()));
      report.put("sessionResult", outcome.toString());
    }
    boolean agreement = held && "agreement".equals(outcome);
    report.put("agreementReached", agreement && !"not_signed".equals(variables.apply(SIGNATURE_OUTCOME)));
    boolean shared = Boolean.TRUE.equals(variables.apply(SHARE_AGREEMENT_WITH_REFERRER));
    if (agreement) {
      report.put("agreementShared", shared);
      report.put("agreementWithheld", !shared && !"not_signed".equals(variables.apply(SIGNATURE_OUTCOME)));
    }
    if (shared) {
      report.put("agreement", items(variables.apply(AGREEMENT_ITEMS), variables));
      List<Map<String, Object>> items = new ArrayList<>();
      JsonVariables.elements(variables.apply(AGREEMENT_ITEMS)).forEach(i -> items.add(AgreementItems.forMessage(i, variables)));
      report.put("items", items);
    }
    if ("item_unfulfilled".equals(occasion)) {
      report.put("itemUnfulfilled", true);
      if (shared && variables.apply(OBLIGATION) != null) {
        SpinJsonNode obligation = JsonVariables.node(variables.apply(OBLIGATION));
        report.put("itemText", item(obligation, names(variables)));
        report.put("item", AgreementItems.forMessage(obligation, variables));
      }
    }
    if ("closure".equals(occasion)) {
      Object reason = variables.apply(CLOSURE_REASON);
      report.put(CLOSURE_REASON, reason);
      report.put("closure", reason == null ? null : ClosureReason.of(reason.toString()).label());
      Object fulfilment = variables.apply(AGREEMENT_FULFILMENT);
      if (fulfilment != null && FULFILMENT.contains(fulfilment.toString())) {
        report.put("agreementFulfilment", fulfilment.toString());
      }
    }
    return report;
  }

  private static List<String> items(Object items, Function<String, Object> variables) {
    Map<String, String> names = names(variables);
    List<String> lines = new ArrayList<>();
    for (SpinJsonNode item : JsonVariables.elements(items)) {
      lines.add(item(item, names));
    }
    return lines;
  }

  private static String item(SpinJsonNode item, Map<String, String> names) {
    return AgreementItems.describe(item, names, false);
  }

  private static Map<String, String> names(Function<String, Object> variables) {
    return AgreementItems.names(variables);
  }

}
