package org.vomcase.figures;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seeds {@code vom_case_figures} with closed cases as the retention process writes them: a mix of
 * sources, stages, closures, meetings, agreements with items and checks, follow-ups; one or two
 * persons a side. Deterministic for a seed, so every benchmark run reads the same data.
 */
public final class FiguresGenerator {

  private static final String[] SOURCES = {"police", "prosecutor", "court", "youth_justice", "victim_service"};
  private static final String[] STAGES = {"diversion", "after_charge", "at_trial", "post_sentence"};
  private static final String[] OFFENCES = {"property_damage", "theft", "assault", "threat", "fraud"};
  private static final String[] CLOSURES = {"agreement_fulfilled", "agreement_partly_fulfilled", "agreement_not_fulfilled",
      "dialogue_without_agreement", "no_agreement", "victim_declined", "offender_declined", "consent_withdrawn",
      "not_reachable", "unsuitable_after_preparation", "referral_withdrawn", "indirect_mediation_completed"};
  private static final String[] CONSENTS = {"agreed", "agreed", "agreed", "declined", "not_reachable", "withdrawn"};
  private static final String[] AGE = {"juvenile", "young_adult", "adult", "adult"};

  private FiguresGenerator() {}

  /** Inserts {@code count} closed cases of the profile, closed within the year; returns nothing but rows. */
  public static void seed(JdbcTemplate jdbc, String profile, int count, int year, long seed) {
    Random random = new Random(seed);
    List<Object[]> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      LocalDate registered = LocalDate.of(year, 1, 1).plusDays(random.nextInt(300));
      LocalDate closed = registered.plusDays(20 + random.nextInt(60));
      String closure = CLOSURES[random.nextInt(CLOSURES.length)];
      boolean agreement = closure.startsWith("agreement_");
      boolean session = agreement || closure.equals("dialogue_without_agreement") || closure.equals("no_agreement")
          || closure.equals("indirect_mediation_completed");
      int offenders = 1 + (random.nextInt(5) == 0 ? 1 : 0);
      StringBuilder details = new StringBuilder("{\"persons\":[");
      details.append(person("victim", random));
      for (int o = 0; o < offenders; o++) {
        details.append(',').append(person("offender", random));
      }
      details.append("],\"items\":[");
      if (agreement) {
        details.append("{\"kind\":\"payment\",\"amount\":\"").append(100 + random.nextInt(900))
            .append(".00\",\"instalments\":\"2\",\"offenderIndex\":0,\"checks\":[{\"status\":\"fulfilled\",\"amount\":\"50.00\"},")
            .append("{\"status\":\"").append(closure.equals("agreement_fulfilled") ? "fulfilled" : "partly_fulfilled")
            .append("\",\"amount\":\"50.00\",\"fulfilledAmount\":\"20\"}]},")
            .append("{\"kind\":\"community_service\",\"hours\":\"").append(5 + random.nextInt(30))
            .append("\",\"offenderIndex\":").append(offenders - 1).append(",\"checks\":[{\"status\":\"fulfilled\"}]},")
            .append("{\"kind\":\"apology_oral\",\"status\":\"fulfilled\",\"offenderIndex\":0,\"checks\":[]}");
      }
      details.append("],\"followUps\":[");
      if (session) {
        details.append("{\"role\":\"victim\",\"outcome\":\"held\",\"satisfaction\":\"satisfied\",\"fair\":\"yes\",")
            .append("\"heard\":\"partly\",\"recommend\":\"yes\",\"fearChange\":\"less_fear\"},")
            .append("{\"role\":\"offender\",\"outcome\":\"declined\"}");
      }
      details.append("],\"firstContactOn\":\"").append(registered.plusDays(1 + random.nextInt(14))).append('"');
      if (session) {
        details.append(",\"sessionOn\":\"").append(registered.plusDays(15 + random.nextInt(5))).append('"');
      }
      details.append('}');
      batch.add(new Object[] {UUID.nameUUIDFromBytes((profile + seed + ":" + i).getBytes()).toString(), profile,
          SOURCES[random.nextInt(SOURCES.length)], STAGES[random.nextInt(STAGES.length)], OFFENCES[random.nextInt(OFFENCES.length)],
          Date.valueOf(registered), Date.valueOf(closed), closure, 1, offenders, session ? (agreement ? "agreement" : "no_agreement")
          : null, session ? (random.nextBoolean() ? "direct" : "indirect") : null,
          agreement ? closure.substring("agreement_".length()).replace("partly_fulfilled", "partly_fulfilled") : null,
          details.toString()});
      if (batch.size() == 1000) {
        insert(jdbc, batch);
      }
    }
    insert(jdbc, batch);
  }

  private static String person(String role, Random random) {
    return "{\"role\":\"" + role + "\",\"ageClass\":\"" + AGE[random.nextInt(AGE.length)] + "\",\"consent\":\""
        + CONSENTS[random.nextInt(CONSENTS.length)] + "\"}";
  }

  private static void insert(JdbcTemplate jdbc, List<Object[]> batch) {
    if (!batch.isEmpty()) {
      jdbc.batchUpdate("INSERT INTO vom_case_figures (id, programme_profile, referral_source, procedural_stage, offence_category,"
          + " registered_on, closed_on, closure_reason, victims, offenders, session_outcome, meeting_type, agreement_fulfilment,"
          + " details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
      batch.clear();
    }
  }
}
