package org.vomcase.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vomcase.kernel.FigureRow;
import org.vomcase.kernel.ProgrammeProfile;
import org.vomcase.kernel.Side;
import org.vomcase.kernel.Vocabularies;

/**
 * The programme's figures (R25) for a period, from the anonymous figures of closed cases and the
 * cases still running; pure computation, so every figure can be proven on seeded rows. Each block
 * states its counting unit, since programmes' figures are incomparable without them:
 * <ul>
 *   <li>referrals: cases registered in the period (closed or running), by source and stage;</li>
 *   <li>everything else about outcomes: cases <em>closed</em> in the period: contact rate (persons
 *       reached / persons the mediators tried to reach), consent rate per side (persons who agreed /
 *       persons reached), meetings (cases: direct, indirect, none), agreement rate (agreements /
 *       sessions held), fulfilment (agreements, items, money, hours), satisfaction (follow-up
 *       conversations held, per person), time per phase (days per case: median and 90th percentile,
 *       nearest rank), closure reasons;</li>
 *   <li>caseload: cases running now and overdue tasks, per mediator.</li>
 * </ul>
 */
public final class ProgrammeFigures {

  /** A mediator's caseload now. */
  public record Caseload(String userId, String name, long openCases, long overdueTasks) {}

  private ProgrammeFigures() {}

  public static Map<String, Object> compute(LocalDate from, LocalDate to, String profile, Collection<FigureRow> rows,
      Collection<OpenCase> open, List<Caseload> caseload) {
    return compute(from, to, profile, rows, open, caseload, Vocabularies.builtIn(), Vocabularies.FALLBACK_LANGUAGE);
  }

  /**
   * The figures, and their {@code labels}: every referral source, offence category and item kind of the configured
   * {@code vocabularies} and of the rows closed or registered in the period, by code, in {@code language} (a code the vocabularies do not have as itself).
   * {@code open}: the running cases registered in the period, counted by referral source and procedural stage.
   */
  public static Map<String, Object> compute(LocalDate from, LocalDate to, String profile, Collection<FigureRow> rows,
      Collection<OpenCase> open, List<Caseload> caseload, Vocabularies vocabularies, String language) {
    return compute(from, to, profile, Tally.of(rows, from, to), open, caseload, vocabularies, language);
  }

  /** The figures from the sums of the period's counts of closed cases ({@link FigureCounts}). */
  static Map<String, Object> compute(LocalDate from, LocalDate to, String profile, Tally closed, Collection<OpenCase> open,
      List<Caseload> caseload, Vocabularies vocabularies, String language) {
    long openRegistered = open.stream().mapToLong(OpenCase::count).sum();
    long closedCases = closed.count(FigureCounts.CLOSED);

    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("period", Map.of("from", from.toString(), "to", to.toString()));
    figures.put("profile", profile);
    figures.put("currency", ProgrammeProfile.DEFAULTS.containsKey(profile) ? ProgrammeProfile.of(profile).currency() : null);
    figures.put("cases", block("case", "closed", closedCases, "open", openRegistered));
    figures.put("referrals", referrals(closed, open));
    long toContact = closed.count(FigureCounts.TO_CONTACT);
    long reached = closed.count(FigureCounts.REACHED);
    figures.put("contact", block("person", "toContact", toContact, "reached", reached, "rate", rate(reached, toContact)));
    figures.put("consent", consent(closed));
    long direct = closed.count(FigureCounts.MEETINGS_DIRECT);
    long indirect = closed.count(FigureCounts.MEETINGS_INDIRECT);
    figures.put("meetings", block("case", "cases", closedCases, "direct", direct, "indirect", indirect, "none",
        closedCases - direct - indirect));
    long sessions = closed.count(FigureCounts.SESSIONS);
    long agreements = closed.count(FigureCounts.AGREEMENTS);
    figures.put("agreements", block("case", "sessions", sessions, "agreements", agreements, "rate", rate(agreements, sessions)));
    figures.put("fulfilment", fulfilment(closed));
    figures.put("satisfaction", satisfaction(closed));
    figures.put("phases", phases(closed));
    figures.put("closureReasons", block("case", "counts", closed.byCode(FigureCounts.CLOSURE_REASON)));
    figures.put("caseload", block("open cases and overdue tasks per mediator", "mediators", caseload));
    figures.put("labels", labels(closed, open, vocabularies, language));
    return figures;
  }

  private static Map<String, Object> labels(Tally closed, Collection<OpenCase> open, Vocabularies vocabularies,
      String language) {
    Map<String, String> sources = new LinkedHashMap<>(vocabularies.referralSources().labels(language));
    Map<String, String> categories = new LinkedHashMap<>(vocabularies.offenceCategories().labels(language));
    Map<String, String> kinds = new LinkedHashMap<>(vocabularies.itemKinds().labels(language));
    closed.byCode(FigureCounts.LABEL_SOURCE).keySet().forEach(code -> codeOf(sources, code));
    closed.byCode(FigureCounts.LABEL_OFFENCE).keySet().forEach(code -> codeOf(categories, code));
    closed.byCode(FigureCounts.LABEL_ITEM_KIND).keySet().forEach(code -> codeOf(kinds, code));
    open.forEach(c -> codeOf(sources, c.referralSource()));
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put("language", language);
    labels.put("referralSource", sources);
    labels.put("offenceCategory", categories);
    labels.put("itemKind", kinds);
    return labels;
  }

  /** A code the vocabularies do not have reads as itself. */
  private static void codeOf(Map<String, String> labels, String code) {
    if (code != null) {
      labels.putIfAbsent(code, code);
    }
  }

  private static Map<String, Object> referrals(Tally closed, Collection<OpenCase> open) {
    Map<String, Long> bySource = closed.byCode(FigureCounts.REFERRALS_BY_SOURCE);
    Map<String, Long> byStage = closed.byCode(FigureCounts.REFERRALS_BY_STAGE);
    open.forEach(c -> {
      bySource.merge(FigureCounts.orUnknown(c.referralSource()), c.count(), Long::sum);
      byStage.merge(FigureCounts.orUnknown(c.proceduralStage()), c.count(), Long::sum);
    });
    return block("case", "total", closed.count(FigureCounts.REFERRALS) + open.stream().mapToLong(OpenCase::count).sum(),
        "bySource", bySource, "byStage", byStage);
  }

  private static Map<String, Object> consent(Tally closed) {
    Map<String, Object> consent = new LinkedHashMap<>();
    consent.put("unit", "person");
    for (Side side : Side.values()) {
      long asked = closed.count(FigureCounts.CONSENT_ASKED, side.code());
      long agreed = closed.count(FigureCounts.CONSENT_AGREED, side.code());
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("asked", asked);
      figures.put("agreed", agreed);
      figures.put("rate", rate(agreed, asked));
      consent.put(side.code(), figures);
    }
    return consent;
  }

  private static Map<String, Object> fulfilment(Tally closed) {
    Map<String, Long> agreements = closed.byCode(FigureCounts.FULFILMENT);
    long fulfilled = agreements.getOrDefault("fulfilled", 0L);
    long total = agreements.values().stream().mapToLong(Long::longValue).sum();
    long items = closed.count(FigureCounts.ITEMS);
    long itemsFulfilled = closed.count(FigureCounts.ITEMS_FULFILLED);
    BigDecimal moneyAgreed = closed.amount(FigureCounts.MONEY_AGREED);
    BigDecimal moneyPaid = closed.amount(FigureCounts.MONEY_PAID);
    BigDecimal hoursAgreed = closed.amount(FigureCounts.HOURS_AGREED);
    BigDecimal hoursDone = closed.amount(FigureCounts.HOURS_DONE);
    Map<String, Object> fulfilment = new LinkedHashMap<>();
    fulfilment.put("agreements", block("case", "total", total, "fulfilled", fulfilled, "partly",
        agreements.getOrDefault("partly", 0L), "notFulfilled", agreements.getOrDefault("notFulfilled", 0L), "rate",
        rate(fulfilled, total)));
    fulfilment.put("items", block("item", "total", items, "fulfilled", itemsFulfilled, "rate", rate(itemsFulfilled, items)));
    fulfilment.put("money", block("currency unit", "agreed", moneyAgreed, "paid", moneyPaid, "rate", rate(moneyPaid, moneyAgreed)));
    fulfilment.put("hours", block("hour", "agreed", hoursAgreed, "done", hoursDone, "rate", rate(hoursDone, hoursAgreed)));
    return fulfilment;
  }

  private static Map<String, Object> satisfaction(Tally closed) {
    Map<String, Object> satisfaction = block("person", "conversations", closed.count(FigureCounts.CONVERSATIONS));
    for (String question : FigureCounts.QUESTIONS) {
      satisfaction.put(question, closed.byCode(FigureCounts.ANSWER + question));
    }
    return satisfaction;
  }

  private static Map<String, Object> phases(Tally closed) {
    List<Object> pairs = new ArrayList<>();
    for (String phase : FigureCounts.PHASES) {
      pairs.add(phase);
      pairs.add(distribution(closed.byDays(FigureCounts.PHASE + phase)));
    }
    return block("days per case", pairs.toArray());
  }

  /** Count, median and 90th percentile (nearest rank) of whole days. */
  static Map<String, Object> distribution(List<Long> days) {
    TreeMap<Long, Long> counts = new TreeMap<>();
    days.forEach(d -> counts.merge(d, 1L, Long::sum));
    return distribution(counts);
  }

  /** Count, median and 90th percentile (nearest rank) of whole days, from the number of cases per number of days. */
  static Map<String, Object> distribution(TreeMap<Long, Long> casesByDays) {
    long n = casesByDays.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Object> distribution = new LinkedHashMap<>();
    distribution.put("cases", n);
    if (n == 0) {
      distribution.put("median", null);
      distribution.put("p90", null);
      return distribution;
    }
    double median = n % 2 == 1 ? rank(casesByDays, n / 2) : (rank(casesByDays, n / 2 - 1) + rank(casesByDays, n / 2)) / 2.0;
    distribution.put("median", median);
    distribution.put("p90", (double) rank(casesByDays, (long) Math.ceil(0.9 * n) - 1));
    return distribution;
  }

  /** The number of days at position {@code index} (from 0) of the cases sorted by days. */
  private static long rank(TreeMap<Long, Long> casesByDays, long index) {
    long seen = 0;
    for (Map.Entry<Long, Long> entry : casesByDays.entrySet()) {
      seen += entry.getValue();
      if (index < seen) {
        return entry.getKey();
      }
    }
    throw new IllegalArgumentException("no case at position " + index);
  }

  static Double rate(long part, long whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP).doubleValue();
  }

  static Double rate(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? null : part.divide(whole, 3, RoundingMode.HALF_UP).doubleValue();
  }

  static boolean within(LocalDate date, LocalDate from, LocalDate to) {
    return date != null && !date.isBefore(from) && !date.isAfter(to);
  }

  private static Map<String, Object> block(String unit, Object... pairs) {
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("unit", unit);
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      Object value = pairs[i + 1];
      block.put((String) pairs[i], value instanceof BigDecimal number ? number.doubleValue() : value);
    }
    return block;
  }
}
