package org.vomcase.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.vomcase.kernel.FigureRow;
import org.vomcase.kernel.FollowUp;
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

  private static final Set<String> REACHED = Set.of("agreed", "declined", "withdrawn");

  private ProgrammeFigures() {}

  public static Map<String, Object> compute(LocalDate from, LocalDate to, String profile, Collection<FigureRow> rows,
      Collection<OpenCase> open, List<Caseload> caseload) {
    return compute(from, to, profile, rows, open, caseload, Vocabularies.builtIn(), Vocabularies.FALLBACK_LANGUAGE);
  }

  /**
   * The figures, and their {@code labels}: every referral source, offence category and item kind of the configured
   * {@code vocabularies} and of the rows, by code, in {@code language} (a code the vocabularies do not have as itself).
   * {@code open}: the running cases registered in the period, counted by referral source and procedural stage.
   */
  public static Map<String, Object> compute(LocalDate from, LocalDate to, String profile, Collection<FigureRow> rows,
      Collection<OpenCase> open, List<Caseload> caseload, Vocabularies vocabularies, String language) {
    List<FigureRow> closed = rows.stream().filter(r -> within(r.closedOn(), from, to)).toList();
    List<FigureRow> registered = rows.stream().filter(r -> within(r.registeredOn(), from, to)).toList();
    long openRegistered = open.stream().mapToLong(OpenCase::count).sum();

    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("period", Map.of("from", from.toString(), "to", to.toString()));
    figures.put("profile", profile);
    figures.put("currency", ProgrammeProfile.DEFAULTS.containsKey(profile) ? ProgrammeProfile.of(profile).currency() : null);
    figures.put("cases", block("case", "closed", closed.size(), "open", openRegistered));
    figures.put("referrals", referrals(registered, open));
    figures.put("contact", contact(closed));
    figures.put("consent", consent(closed));
    figures.put("meetings", meetings(closed));
    figures.put("agreements", agreements(closed));
    figures.put("fulfilment", fulfilment(closed));
    figures.put("satisfaction", satisfaction(closed));
    figures.put("phases", phases(closed));
    Map<String, Long> reasons = new TreeMap<>();
    closed.forEach(r -> reasons.merge(r.closureReason(), 1L, Long::sum));
    figures.put("closureReasons", block("case", "counts", reasons));
    figures.put("caseload", block("open cases and overdue tasks per mediator", "mediators", caseload));
    figures.put("labels", labels(rows, open, vocabularies, language));
    return figures;
  }

  private static Map<String, Object> labels(Collection<FigureRow> rows, Collection<OpenCase> open, Vocabularies vocabularies,
      String language) {
    Map<String, String> sources = new LinkedHashMap<>(vocabularies.referralSources().labels(language));
    Map<String, String> categories = new LinkedHashMap<>(vocabularies.offenceCategories().labels(language));
    Map<String, String> kinds = new LinkedHashMap<>(vocabularies.itemKinds().labels(language));
    rows.forEach(r -> {
      codeOf(sources, r.referralSource());
      codeOf(categories, r.offenceCategory());
      r.details().items().forEach(item -> codeOf(kinds, item.kind() == null ? null : item.kind().code()));
    });
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

  private static Map<String, Object> referrals(List<FigureRow> registered, Collection<OpenCase> open) {
    Map<String, Long> bySource = new TreeMap<>();
    Map<String, Long> byStage = new TreeMap<>();
    registered.forEach(r -> {
      bySource.merge(orUnknown(r.referralSource()), 1L, Long::sum);
      byStage.merge(orUnknown(r.proceduralStage()), 1L, Long::sum);
    });
    open.forEach(c -> {
      bySource.merge(orUnknown(c.referralSource()), c.count(), Long::sum);
      byStage.merge(orUnknown(c.proceduralStage()), c.count(), Long::sum);
    });
    return block("case", "total", registered.size() + open.stream().mapToLong(OpenCase::count).sum(), "bySource", bySource,
        "byStage", byStage);
  }

  private static Map<String, Object> contact(List<FigureRow> closed) {
    long toContact = 0;
    long reached = 0;
    for (FigureRow row : closed) {
      for (FigureRow.PersonFigure person : row.details().persons()) {
        String consent = consentOf(person);
        if (!FigureRow.PersonFigure.NOT_ASKED.equals(consent)) {
          toContact++;
          if (REACHED.contains(consent)) {
            reached++;
          }
        }
      }
    }
    return block("person", "toContact", toContact, "reached", reached, "rate", rate(reached, toContact));
  }

  private static Map<String, Object> consent(List<FigureRow> closed) {
    Map<String, Object> consent = new LinkedHashMap<>();
    consent.put("unit", "person");
    for (Side side : Side.values()) {
      long asked = 0;
      long agreed = 0;
      for (FigureRow row : closed) {
        for (FigureRow.PersonFigure person : row.details().persons()) {
          String answer = consentOf(person);
          if (side == person.role() && REACHED.contains(answer)) {
            asked++;
            if (!"declined".equals(answer)) {
              agreed++; // agreed, or agreed and later withdrew
            }
          }
        }
      }
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("asked", asked);
      figures.put("agreed", agreed);
      figures.put("rate", rate(agreed, asked));
      consent.put(side.code(), figures);
    }
    return consent;
  }

  private static Map<String, Object> meetings(List<FigureRow> closed) {
    long direct = 0;
    long indirect = 0;
    for (FigureRow row : closed) {
      if (row.sessionOutcome() != null && "direct".equals(row.meetingType())) {
        direct++;
      } else if (row.sessionOutcome() != null && "indirect".equals(row.meetingType())) {
        indirect++;
      }
    }
    return block("case", "cases", closed.size(), "direct", direct, "indirect", indirect, "none",
        closed.size() - direct - indirect);
  }

  private static Map<String, Object> agreements(List<FigureRow> closed) {
    long sessions = closed.stream().filter(r -> r.sessionOutcome() != null).count();
    long agreements = closed.stream().filter(r -> "agreement".equals(r.sessionOutcome())).count();
    return block("case", "sessions", sessions, "agreements", agreements, "rate", rate(agreements, sessions));
  }

  private static Map<String, Object> fulfilment(List<FigureRow> closed) {
    long total = 0;
    long fulfilled = 0;
    long partly = 0;
    long notFulfilled = 0;
    long items = 0;
    long itemsFulfilled = 0;
    BigDecimal moneyAgreed = BigDecimal.ZERO;
    BigDecimal moneyPaid = BigDecimal.ZERO;
    BigDecimal hoursAgreed = BigDecimal.ZERO;
    BigDecimal hoursDone = BigDecimal.ZERO;
    for (FigureRow row : closed) {
      if (row.agreementFulfilment() != null) {
        total++;
        switch (row.agreementFulfilment()) {
          case "fulfilled" -> fulfilled++;
          case "partly_fulfilled" -> partly++;
          default -> notFulfilled++;
        }
      }
      for (FigureRow.ItemFigure item : row.details().items()) {
        ItemOutcome outcome = ItemOutcome.of(item);
        items++;
        if (outcome.fulfilled()) {
          itemsFulfilled++;
        }
        moneyAgreed = moneyAgreed.add(outcome.amountAgreed());
        moneyPaid = moneyPaid.add(outcome.amountPaid());
        hoursAgreed = hoursAgreed.add(outcome.hoursAgreed());
        hoursDone = hoursDone.add(outcome.hoursDone());
      }
    }
    Map<String, Object> fulfilment = new LinkedHashMap<>();
    fulfilment.put("agreements", block("case", "total", total, "fulfilled", fulfilled, "partly", partly, "notFulfilled",
        notFulfilled, "rate", rate(fulfilled, total)));
    fulfilment.put("items", block("item", "total", items, "fulfilled", itemsFulfilled, "rate", rate(itemsFulfilled, items)));
    fulfilment.put("money", block("currency unit", "agreed", moneyAgreed, "paid", moneyPaid, "rate", rate(moneyPaid, moneyAgreed)));
    fulfilment.put("hours", block("hour", "agreed", hoursAgreed, "done", hoursDone, "rate", rate(hoursDone, hoursAgreed)));
    return fulfilment;
  }

  private static Map<String, Object> satisfaction(List<FigureRow> closed) {
    long conversations = 0;
    Map<String, Map<String, Long>> answers = new LinkedHashMap<>();
    for (String question : List.of("satisfaction", "fair", "heard", "recommend", "fearChange")) {
      answers.put(question, new TreeMap<>());
    }
    for (FigureRow row : closed) {
      for (FigureRow.FollowUpFigure followUp : row.details().followUps()) {
        if (!FollowUp.HELD.equals(followUp.outcome())) {
          continue;
        }
        conversations++;
        Map<String, String> given = new LinkedHashMap<>();
        given.put("satisfaction", followUp.satisfaction());
        given.put("fair", followUp.fair());
        given.put("heard", followUp.heard());
        given.put("recommend", followUp.recommend());
        given.put("fearChange", followUp.fearChange());
        answers.forEach((question, counts) -> {
          String answer = given.get(question);
          if (answer != null && !answer.isEmpty()) {
            counts.merge(answer, 1L, Long::sum);
          }
        });
      }
    }
    Map<String, Object> satisfaction = block("person", "conversations", conversations);
    satisfaction.putAll(answers);
    return satisfaction;
  }

  private static Map<String, Object> phases(List<FigureRow> closed) {
    List<Long> toFirstContact = new ArrayList<>();
    List<Long> toSession = new ArrayList<>();
    List<Long> toClosure = new ArrayList<>();
    for (FigureRow row : closed) {
      if (row.registeredOn() == null) {
        continue;
      }
      days(row.registeredOn(), row.details().firstContactOn(), toFirstContact);
      days(row.registeredOn(), row.details().sessionOn(), toSession);
      toClosure.add(ChronoUnit.DAYS.between(row.registeredOn(), row.closedOn()));
    }
    return block("days per case", "toFirstContact", distribution(toFirstContact), "toSession", distribution(toSession),
        "toClosure", distribution(toClosure));
  }

  private static void days(LocalDate from, LocalDate end, List<Long> into) {
    if (end != null) {
      into.add(ChronoUnit.DAYS.between(from, end));
    }
  }

  /** Count, median and 90th percentile (nearest rank) of whole days. */
  static Map<String, Object> distribution(List<Long> days) {
    Map<String, Object> distribution = new LinkedHashMap<>();
    distribution.put("cases", days.size());
    List<Long> sorted = days.stream().sorted().toList();
    distribution.put("median", sorted.isEmpty() ? null : median(sorted));
    distribution.put("p90", sorted.isEmpty() ? null : (double) sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1));
    return distribution;
  }

  private static double median(List<Long> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
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

  private static String consentOf(FigureRow.PersonFigure person) {
    return person.consent() == null || person.consent().isBlank() ? FigureRow.PersonFigure.NOT_ASKED : person.consent();
  }

  private static String orUnknown(String value) {
    return value == null || value.isBlank() ? "unknown" : value;
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
