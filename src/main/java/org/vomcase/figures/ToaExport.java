package org.vomcase.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vomcase.kernel.FigureRow;
import org.vomcase.kernel.PartEnded;
import org.vomcase.kernel.Side;
import org.vomcase.kernel.Vocabularies;

/**
 * The export for the German national TOA statistics (Bundesweite TOA-Statistik): one line per
 * offender of every case closed in the period, semicolon-separated with a header, values as codes:
 * <ul>
 *   <li>{@code case}, {@code offender}: an anonymous case key and the offender's number in it;</li>
 *   <li>{@code initiator} (referral source), {@code stage} (procedural stage), {@code offence_category};</li>
 *   <li>{@code age_group}: {@code juvenile} (14–17), {@code adolescent} (18–20, Heranwachsende), {@code adult},
 *       {@code child}, {@code unknown}, at the offence;</li>
 *   <li>{@code outcome}: {@code full}, {@code partial} or {@code none} settlement, and {@code outcome_reason}
 *       (the closure reason, or this offender's own when the case went on without them: {@code agreement_not_signed},
 *       {@code no_agreement_left}, {@code consent_withdrawn} (after the agreement: outcome by what they had done until
 *       then), {@code consent_declined}, {@code not_reachable}). Full: every item this offender owed was fulfilled, or
 *       the parties settled without items (dialogue, indirect mediation completed); partial: some of it; none: nothing
 *       or no agreement;</li>
 *   <li>{@code agreement_types} (item kinds, {@code |}-separated), {@code amount_agreed}, {@code amount_paid},
 *       {@code hours_agreed}, {@code hours_done}, {@code fulfilment} of this offender's items;</li>
 *   <li>{@code registered_on}, {@code closed_on};</li>
 *   <li>in the labelled export ({@link #csv(Collection, Vocabularies, String)}, the one the application answers), then
 *       {@code initiator_label}, {@code offence_category_label} and {@code agreement_types_label}: the codes' labels in
 *       the programme's language from the configured vocabularies, a code the vocabularies do not have as itself.</li>
 * </ul>
 */
public final class ToaExport {

  public static final List<String> COLUMNS = List.of("case", "offender", "initiator", "stage", "offence_category",
      "age_group", "outcome", "outcome_reason", "agreement_types", "amount_agreed", "amount_paid", "hours_agreed",
      "hours_done", "fulfilment", "registered_on", "closed_on");

  private static final Set<String> SETTLED_WITHOUT_ITEMS = Set.of("dialogue_without_agreement", "indirect_mediation_completed");

  /** An offender's consent by which they took no part in a case that went on with others: their own outcome reason. */
  private static final java.util.Map<String, String> DID_NOT_TAKE_PART = java.util.Map.of(
      "declined", "consent_declined", "withdrawn", "consent_withdrawn", "not_reachable", "not_reachable");

  /** The columns the labelled export appends. */
  public static final List<String> LABEL_COLUMNS = List.of("initiator_label", "offence_category_label",
      "agreement_types_label");

  private ToaExport() {}

  /** The export with codes only. */
  public static String csv(Collection<FigureRow> closed) {
    return csv(closed, null, null);
  }

  /** The export with the codes' labels in {@code language} appended ({@link #LABEL_COLUMNS}); codes only without vocabularies. */
  public static String csv(Collection<FigureRow> closed, Vocabularies vocabularies, String language) {
    List<String> columns = new ArrayList<>(COLUMNS);
    if (vocabularies != null) {
      columns.addAll(LABEL_COLUMNS);
    }
    StringBuilder csv = new StringBuilder(String.join(";", columns)).append("\r\n");
    for (FigureRow row : closed) {
      List<FigureRow.PersonFigure> offenders = new ArrayList<>();
      row.details().persons().forEach(p -> {
        if (p.role() == Side.OFFENDER) {
          offenders.add(p);
        }
      });
      for (int index = 0; index < Math.max(offenders.size(), row.offenders()); index++) {
        List<String> line = new ArrayList<>(line(row, index, index < offenders.size() ? offenders.get(index) : null));
        if (vocabularies != null) {
          line.add(text(row.referralSource() == null ? null
              : vocabularies.referralSources().label(row.referralSource(), language)));
          line.add(text(row.offenceCategory() == null ? null
              : vocabularies.offenceCategories().label(row.offenceCategory(), language)));
          String kinds = line.get(COLUMNS.indexOf("agreement_types"));
          line.add(kinds.isEmpty() ? "" : String.join("|", java.util.Arrays.stream(kinds.split("\\|"))
              .map(kind -> text(vocabularies.itemKinds().label(kind, language)).replace("|", "/")).toList()));
        }
        csv.append(String.join(";", line)).append("\r\n");
      }
    }
    return csv.toString();
  }

  private static List<String> line(FigureRow row, int index, FigureRow.PersonFigure offender) {
    Set<String> kinds = new LinkedHashSet<>();
    BigDecimal amountAgreed = BigDecimal.ZERO;
    BigDecimal amountPaid = BigDecimal.ZERO;
    BigDecimal hoursAgreed = BigDecimal.ZERO;
    BigDecimal hoursDone = BigDecimal.ZERO;
    int items = 0;
    int fulfilled = 0;
    int partly = 0;
    boolean withdrew = offender != null && PartEnded.WITHDREW.equals(offender.part());
    boolean stoppedByWithdrawal = false;
    for (FigureRow.ItemFigure item : row.details().items()) {
      if (item.offenderIndex() == null || item.offenderIndex() != index) {
        continue;
      }
      if (!withdrew && item.checks().isEmpty() && item.stoppedChecks() >= item.checksDue()) {
        // Stopped as a whole before any check when the victim it was owed to withdrew: not this offender's doing.
        continue;
      }
      ItemOutcome outcome = ItemOutcome.of(item, withdrew);
      stoppedByWithdrawal |= withdrew && item.stoppedChecks() > 0;
      items++;
      kinds.add(outcome.kind());
      fulfilled += outcome.fulfilled() ? 1 : 0;
      partly += outcome.partly() ? 1 : 0;
      amountAgreed = amountAgreed.add(outcome.amountAgreed());
      amountPaid = amountPaid.add(outcome.amountPaid());
      hoursAgreed = hoursAgreed.add(outcome.hoursAgreed());
      hoursDone = hoursDone.add(outcome.hoursDone());
    }
    String fulfilment = items == 0 ? "" : fulfilled == items ? "fulfilled" : fulfilled + partly > 0 ? "partly_fulfilled"
        : "not_fulfilled";
    String outcome;
    String reason = row.closureReason();
    String part = offender == null ? null : offender.part();
    String consent = offender == null ? null : offender.consent();
    if (PartEnded.NOT_SIGNED.equals(part) || PartEnded.NOTHING_LEFT.equals(part)) {
      // This offender's own part ended at the signing; the others' agreement is not theirs.
      outcome = "none";
      reason = PartEnded.NOT_SIGNED.equals(part) ? "agreement_not_signed" : "no_agreement_left";
    } else if (stoppedByWithdrawal) {
      // Withdrew after the agreement while items were still open: what they had done of their items until then. (One
      // who withdrew once everything was checked keeps the agreement's outcome, below.)
      outcome = items > 0 && fulfilled == items ? "full" : fulfilled + partly > 0 ? "partial" : "none";
      reason = "consent_withdrawn";
    } else if (items == 0 && consent != null && DID_NOT_TAKE_PART.containsKey(consent)
        && (row.agreementFulfilment() != null || SETTLED_WITHOUT_ITEMS.contains(row.closureReason()))) {
      // The case went on with the others: this offender declined, withdrew before the session or was not reached.
      outcome = "none";
      reason = DID_NOT_TAKE_PART.get(consent);
    } else if (row.agreementFulfilment() != null) {
      outcome = items == 0 || fulfilled == items ? "full" : fulfilled + partly > 0 ? "partial" : "none";
    } else {
      outcome = SETTLED_WITHOUT_ITEMS.contains(row.closureReason()) ? "full" : "none";
    }
    return List.of(row.id().substring(0, 8), String.valueOf(index + 1), text(row.referralSource()),
        text(row.proceduralStage()), text(row.offenceCategory()), ageGroup(offender), outcome, text(reason),
        String.join("|", kinds), plain(amountAgreed), plain(amountPaid), plain(hoursAgreed), plain(hoursDone), fulfilment,
        text(row.registeredOn()), text(row.closedOn()));
  }

  private static String ageGroup(FigureRow.PersonFigure offender) {
    String ageClass = offender == null || offender.ageClass() == null ? "unknown" : offender.ageClass();
    return "young_adult".equals(ageClass) ? "adolescent" : ageClass;
  }

  private static String plain(BigDecimal number) {
    return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
  }

  /**
   * A cell: no separator, no line break, and never read as a formula by a spreadsheet (a label an administrator wrote
   * that starts with {@code = + - @} or a tab gets a leading apostrophe, the spreadsheets' mark for "text").
   */
  static String text(Object value) {
    String cell = value == null ? "" : value.toString().replace(";", ",").replace("\r", " ").replace("\n", " ");
    return !cell.isEmpty() && "=+-@\t".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
  }
}
