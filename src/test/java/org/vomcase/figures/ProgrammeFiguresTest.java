package org.vomcase.figures;

import org.vomcase.kernel.FigureRow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every figure of R25 on seeded cases with known answers (worked out by hand in the comments), and
 * the edge cases: no cases, only withdrawn cases, several offenders in one case.
 */
class ProgrammeFiguresTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate FROM = LocalDate.of(2026, 1, 1);
  static final LocalDate TO = LocalDate.of(2026, 12, 31);

  /** A: agreement partly fulfilled (direct meeting, juvenile offender, instalments, hours, an apology done at the session). */
  static final FigureRow A = row("aaaaaaaa-1", "police", "diversion", "2026-01-01", "2026-03-31", "agreement_partly_fulfilled", 1, 1,
      "agreement", "direct", "partly_fulfilled", """
      {"persons":[{"role":"victim","ageClass":"adult","consent":"agreed"},{"role":"offender","ageClass":"juvenile","consent":"agreed"}],
       "items":[{"kind":"payment","amount":"600.00","instalments":"2","offenderIndex":0,
                 "checks":[{"status":"fulfilled","amount":"300.00"},{"status":"partly_fulfilled","amount":"300.00","fulfilledAmount":"100"}]},
                {"kind":"community_service","hours":"20","offenderIndex":0,"checks":[{"status":"fulfilled"}]},
                {"kind":"apology_oral","status":"fulfilled","offenderIndex":0,"checks":[]}],
       "followUps":[{"role":"victim","outcome":"held","satisfaction":"satisfied","fair":"yes","heard":"yes","recommend":"yes",
                     "fearChange":"less_fear"},{"role":"offender","outcome":"declined"}],
       "firstContactOn":"2026-01-11","sessionOn":"2026-02-20"}""");
  /** B: the victim declined. */
  static final FigureRow B = row("bbbbbbbb-2", "prosecutor", "after_charge", "2026-01-10", "2026-02-15", "victim_declined", 1, 1,
      null, null, null, """
      {"persons":[{"role":"victim","ageClass":"adult","consent":"declined"},{"role":"offender","ageClass":"adult","consent":"agreed"}],
       "items":[],"followUps":[],"firstContactOn":"2026-01-12"}""");
  /** C: registered in 2025, the victim not reachable, the offender never asked. */
  static final FigureRow C = row("cccccccc-3", "police", "diversion", "2025-12-01", "2026-06-30", "not_reachable", 1, 1,
      null, null, null, """
      {"persons":[{"role":"victim","ageClass":"adult","consent":"not_reachable"},{"role":"offender","ageClass":"adult","consent":"not_asked"}],
       "items":[],"followUps":[]}""");
  /** D: closed before the period: in no figure. */
  static final FigureRow D = row("dddddddd-4", "court", "at_trial", "2025-11-01", "2025-12-20", "no_agreement", 1, 1,
      "no_agreement", "direct", null, """
      {"persons":[{"role":"victim","ageClass":"adult","consent":"agreed"},{"role":"offender","ageClass":"adult","consent":"agreed"}],
       "items":[],"followUps":[],"sessionOn":"2025-12-01"}""");
  /** E: two offenders, indirect mediation, agreement fulfilled. */
  static final FigureRow E = row("eeeeeeee-5", "court", "at_trial", "2026-02-01", "2026-05-01", "agreement_fulfilled", 1, 2,
      "agreement", "indirect", "fulfilled", """
      {"persons":[{"role":"victim","ageClass":"adult","consent":"agreed"},{"role":"offender","ageClass":"young_adult","consent":"agreed"},
                  {"role":"offender","ageClass":"adult","consent":"agreed"}],
       "items":[{"kind":"payment","amount":"200","offenderIndex":0,"checks":[{"status":"fulfilled"}]},
                {"kind":"work_for_victim","hours":"10","offenderIndex":1,"checks":[{"status":"fulfilled"}]}],
       "followUps":[],"firstContactOn":"2026-02-05","sessionOn":"2026-03-01"}""");

  /** The running cases registered in the period, as the register counts them: one police referral in diversion. */
  static final List<OpenCase> OPEN = List.of(OpenCase.one("police", "diversion"));

  static final List<ProgrammeFigures.Caseload> CASELOAD = List.of(new ProgrammeFigures.Caseload("mara", "Mara Jensen", 2, 1));

  @Test
  void everyFigureOfTheSeededCases() {
    JsonNode f = figures(List.of(A, B, C, D, E), OPEN);

    assertThat(f.at("/cases")).isEqualTo(json("{\"unit\":\"case\",\"closed\":4,\"open\":1}"));
    // Registered in 2026: A, B, E and the first running case.
    assertThat(f.at("/referrals")).isEqualTo(json("{\"unit\":\"case\",\"total\":4,\"bySource\":{\"court\":1,\"police\":2,"
        + "\"prosecutor\":1},\"byStage\":{\"after_charge\":1,\"at_trial\":1,\"diversion\":2}}"));
    // Persons tried: A 2, B 2, C 1 (the offender never asked), E 3 = 8; reached: all but C's victim = 7.
    assertThat(f.at("/contact")).isEqualTo(json("{\"unit\":\"person\",\"toContact\":8,\"reached\":7,\"rate\":0.875}"));
    assertThat(f.at("/consent/victim")).isEqualTo(json("{\"asked\":3,\"agreed\":2,\"rate\":0.667}"));
    assertThat(f.at("/consent/offender")).isEqualTo(json("{\"asked\":4,\"agreed\":4,\"rate\":1.0}"));
    assertThat(f.at("/meetings")).isEqualTo(json("{\"unit\":\"case\",\"cases\":4,\"direct\":1,\"indirect\":1,\"none\":2}"));
    assertThat(f.at("/agreements")).isEqualTo(json("{\"unit\":\"case\",\"sessions\":2,\"agreements\":2,\"rate\":1.0}"));
    assertThat(f.at("/fulfilment/agreements")).isEqualTo(json("{\"unit\":\"case\",\"total\":2,\"fulfilled\":1,\"partly\":1,"
        + "\"notFulfilled\":0,\"rate\":0.5}"));
    // Items: A's payment is partly paid; A's hours and apology, E's payment and work are done: 4 of 5.
    assertThat(f.at("/fulfilment/items")).isEqualTo(json("{\"unit\":\"item\",\"total\":5,\"fulfilled\":4,\"rate\":0.8}"));
    // Money: 600 + 200 agreed; 300 + 100 + 200 paid.
    assertThat(f.at("/fulfilment/money")).isEqualTo(json("{\"unit\":\"currency unit\",\"agreed\":800.0,\"paid\":600.0,\"rate\":0.75}"));
    assertThat(f.at("/fulfilment/hours")).isEqualTo(json("{\"unit\":\"hour\",\"agreed\":30.0,\"done\":30.0,\"rate\":1.0}"));
    assertThat(f.at("/satisfaction")).isEqualTo(json("{\"unit\":\"person\",\"conversations\":1,\"satisfaction\":{\"satisfied\":1},"
        + "\"fair\":{\"yes\":1},\"heard\":{\"yes\":1},\"recommend\":{\"yes\":1},\"fearChange\":{\"less_fear\":1}}"));
    // Days: first contact 10, 2, 4; session 50, 28; closure 89, 36, 211, 89.
    assertThat(f.at("/phases")).isEqualTo(json("{\"unit\":\"days per case\","
        + "\"toFirstContact\":{\"cases\":3,\"median\":4.0,\"p90\":10.0},"
        + "\"toSession\":{\"cases\":2,\"median\":39.0,\"p90\":50.0},"
        + "\"toClosure\":{\"cases\":4,\"median\":89.0,\"p90\":211.0}}"));
    assertThat(f.at("/closureReasons")).isEqualTo(json("{\"unit\":\"case\",\"counts\":{\"agreement_fulfilled\":1,"
        + "\"agreement_partly_fulfilled\":1,\"not_reachable\":1,\"victim_declined\":1}}"));
    assertThat(f.at("/caseload/mediators")).isEqualTo(json("[{\"userId\":\"mara\",\"name\":\"Mara Jensen\",\"openCases\":2,"
        + "\"overdueTasks\":1}]"));
  }

  @Test
  void runningCasesCountedByTheRegisterAddUpBySourceAndStage() {
    JsonNode f = figures(List.of(), List.of(new OpenCase("police", "diversion", 3), new OpenCase("police", "at_trial", 4),
        new OpenCase(null, "diversion", 2), new OpenCase("xx_local", null, 1)));

    assertThat(f.at("/cases")).isEqualTo(json("{\"unit\":\"case\",\"closed\":0,\"open\":10}"));
    assertThat(f.at("/referrals")).isEqualTo(json("{\"unit\":\"case\",\"total\":10,\"bySource\":{\"police\":7,"
        + "\"unknown\":2,\"xx_local\":1},\"byStage\":{\"at_trial\":4,\"diversion\":5,\"unknown\":1}}"));
    // A source the vocabularies do not know reads as its code.
    assertThat(f.at("/labels/referralSource/xx_local").asText()).isEqualTo("xx_local");
  }

  @Test
  void noCasesGiveZerosAndNoRates() {
    JsonNode f = figures(List.of(), List.of());

    assertThat(f.at("/cases/closed").asInt()).isZero();
    assertThat(f.at("/referrals/total").asInt()).isZero();
    assertThat(f.at("/contact/rate").isNull()).isTrue();
    assertThat(f.at("/agreements/rate").isNull()).isTrue();
    assertThat(f.at("/fulfilment/money/rate").isNull()).isTrue();
    assertThat(f.at("/phases/toClosure")).isEqualTo(json("{\"cases\":0,\"median\":null,\"p90\":null}"));
    assertThat(f.at("/closureReasons/counts").size()).isZero();
  }

  @Test
  void onlyWithdrawnCasesCountAsClosuresWithoutSessionsOrAgreements() {
    FigureRow consent = row("ffffffff-6", "police", "diversion", "2026-03-01", "2026-04-01", "consent_withdrawn", 1, 1, null, null,
        null, "{\"persons\":[{\"role\":\"victim\",\"consent\":\"withdrawn\"},{\"role\":\"offender\",\"consent\":\"agreed\"}],"
            + "\"items\":[],\"followUps\":[]}");
    FigureRow referral = row("gggggggg-7", "police", "diversion", "2026-03-05", "2026-03-20", "referral_withdrawn", 1, 1, null,
        null, null, "{\"persons\":[{\"role\":\"victim\",\"consent\":\"not_asked\"},{\"role\":\"offender\",\"consent\":\"not_asked\"}],"
            + "\"items\":[],\"followUps\":[]}");

    JsonNode f = figures(List.of(consent, referral), List.of());

    assertThat(f.at("/closureReasons/counts")).isEqualTo(json("{\"consent_withdrawn\":1,\"referral_withdrawn\":1}"));
    assertThat(f.at("/agreements")).isEqualTo(json("{\"unit\":\"case\",\"sessions\":0,\"agreements\":0,\"rate\":null}"));
    assertThat(f.at("/meetings/none").asInt()).isEqualTo(2);
    // The withdrawing victim had agreed first: reached and counted as consent given.
    assertThat(f.at("/consent/victim")).isEqualTo(json("{\"asked\":1,\"agreed\":1,\"rate\":1.0}"));
    assertThat(f.at("/contact")).isEqualTo(json("{\"unit\":\"person\",\"toContact\":2,\"reached\":2,\"rate\":1.0}"));
  }

  @Test
  void theLabelledExportAndTheFiguresLabelCodesFromTheConfiguredVocabularies() throws Exception {
    org.vomcase.kernel.Vocabularies extended = org.vomcase.kernel.Vocabularies.builtIn().extendedBy(
        "offenceCategories:\n  fraud_online: {en: Online fraud, de: Online-Betrug, da: Netbedrageri}\n", "test");
    List<String> lines = ToaExport.csv(List.of(A), extended, "de").lines().toList();
    assertThat(lines.get(0)).endsWith(";closed_on;initiator_label;offence_category_label;agreement_types_label");
    assertThat(lines.get(1)).endsWith(";2026-03-31;Polizei;Sachbeschädigung;Zahlung|Gemeinnützige Arbeit|Entschuldigung (mündlich)");

    JsonNode labels = JSON.readTree(JSON.writeValueAsString(ProgrammeFigures.compute(FROM, TO, "dk_konfliktraad",
        List.of(A, B, E), List.of(), CASELOAD, extended, "da"))).path("labels");
    assertThat(labels.at("/offenceCategory/fraud_online").asText()).isEqualTo("Netbedrageri");
    assertThat(labels.at("/referralSource/police").asText()).isEqualTo("Politi");
    assertThat(labels.at("/itemKind/payment").asText()).isEqualTo("Betaling");
    assertThat(labels.path("language").asText()).isEqualTo("da");
  }

  @Test
  void aLabelThatASpreadsheetWouldReadAsAFormulaIsExportedAsText() {
    org.vomcase.kernel.Vocabularies formula = org.vomcase.kernel.Vocabularies.builtIn().extendedBy(
        "offenceCategories:\n  property_damage: {de: '=HYPERLINK(\"http://x.invalid\";\"Klick\")'}\n", "test");
    String line = ToaExport.csv(List.of(A), formula, "de").lines().toList().get(1);
    assertThat(line).contains(";'=HYPERLINK(\"http://x.invalid\",\"Klick\");").doesNotContain(";=HYPERLINK");
    assertThat(ToaExport.text("+49 30")).isEqualTo("'+49 30");
    assertThat(ToaExport.text("-1")).isEqualTo("'-1");
    assertThat(ToaExport.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(ToaExport.text("2026-03-31")).isEqualTo("2026-03-31");
  }

  @Test
  void toaExportHasOneLinePerOffenderWithOutcomeAgreementAndFulfilment() {
    String csv = ToaExport.csv(List.of(A, B, E));
    List<String> lines = csv.lines().toList();

    assertThat(csv).contains("\r\n");
    assertThat(lines.get(0)).isEqualTo("case;offender;initiator;stage;offence_category;age_group;outcome;outcome_reason;"
        + "agreement_types;amount_agreed;amount_paid;hours_agreed;hours_done;fulfilment;registered_on;closed_on");
    assertThat(lines).hasSize(5);
    assertThat(lines.get(1)).isEqualTo("aaaaaaaa;1;police;diversion;property_damage;juvenile;partial;agreement_partly_fulfilled;"
        + "payment|community_service|apology_oral;600;400;20;20;partly_fulfilled;2026-01-01;2026-03-31");
    assertThat(lines.get(2)).isEqualTo("bbbbbbbb;1;prosecutor;after_charge;property_damage;adult;none;victim_declined;;0;0;0;0;;"
        + "2026-01-10;2026-02-15");
    assertThat(lines.get(3)).isEqualTo("eeeeeeee;1;court;at_trial;property_damage;adolescent;full;agreement_fulfilled;payment;"
        + "200;200;0;0;fulfilled;2026-02-01;2026-05-01");
    assertThat(lines.get(4)).isEqualTo("eeeeeeee;2;court;at_trial;property_damage;adult;full;agreement_fulfilled;work_for_victim;"
        + "0;0;10;10;fulfilled;2026-02-01;2026-05-01");
  }

  /**
   * Each offender's own outcome (issue 17): O1 kept the agreement (a payment to a victim who withdrew stopped), O2 did
   * not sign it, O3 declined to take part, O4 withdrew after the agreement with one of two instalments paid, O5 withdrew
   * once everything was done. The case's closure reason is O1's; the others carry
   * their own.
   */
  @Test
  void toaExportCountsEachOffendersOwnOutcomeWhenTheCaseWentOnWithoutThem() {
    FigureRow multi = row("mmmmmmmm-9", "prosecutor", "after_charge", "2026-02-01", "2026-06-01", "agreement_fulfilled", 1, 5,
        "agreement", "direct", "fulfilled", """
        {"persons":[{"role":"victim","ageClass":"adult","consent":"agreed"},
                    {"role":"offender","ageClass":"adult","consent":"agreed"},
                    {"role":"offender","ageClass":"adult","consent":"agreed","part":"not_signed"},
                    {"role":"offender","ageClass":"juvenile","consent":"declined"},
                    {"role":"offender","ageClass":"adult","consent":"withdrawn","part":"withdrew_after_agreement"},
                  {"role":"offender","ageClass":"adult","consent":"withdrawn","part":"withdrew_after_agreement"}],
         "items":[{"kind":"payment","amount":"300","offenderIndex":0,"checks":[{"status":"fulfilled"}]},
                  {"kind":"payment","amount":"150","offenderIndex":0,"checks":[],"stopped":1},
                  {"kind":"payment","amount":"200","instalments":2,"offenderIndex":3,
                   "checks":[{"status":"fulfilled","amount":"100"}],"stopped":1},
                  {"kind":"work_for_victim","hours":"5","offenderIndex":4,"checks":[{"status":"fulfilled"}]}],
         "followUps":[]}""");

    List<String> lines = ToaExport.csv(List.of(multi)).lines().toList();

    assertThat(lines).hasSize(6);
    // O1's second payment was owed to a victim who withdrew and stopped unchecked: not O1's doing, not counted.
    assertThat(lines.get(1)).startsWith("mmmmmmmm;1;").contains(";full;agreement_fulfilled;payment;300;300;");
    assertThat(lines.get(2)).startsWith("mmmmmmmm;2;").contains(";none;agreement_not_signed;;0;0;0;0;;");
    assertThat(lines.get(3)).startsWith("mmmmmmmm;3;").contains(";juvenile;none;consent_declined;;0;0;0;0;;");
    assertThat(lines.get(4)).startsWith("mmmmmmmm;4;").contains(";partial;consent_withdrawn;payment;200;100;0;0;partly_fulfilled;");
    // O5 withdrew once everything they owed was done: their outcome stays the agreement's.
    assertThat(lines.get(5)).startsWith("mmmmmmmm;5;").contains(";full;agreement_fulfilled;work_for_victim;0;0;5;5;fulfilled;");
  }

  static JsonNode figures(List<FigureRow> rows, List<OpenCase> open) {
    try {
      return JSON.readTree(JSON.writeValueAsString(ProgrammeFigures.compute(FROM, TO, "de_toa", rows, open, CASELOAD)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  static FigureRow row(String id, String source, String stage, String registered, String closed, String reason, int victims,
      int offenders, String session, String meeting, String fulfilment, String details) {
    return new FigureRow(id, "de_toa", source, stage, "property_damage", LocalDate.parse(registered), LocalDate.parse(closed),
        reason, victims, offenders, session, meeting, fulfilment, FigureRow.Details.parse(details));
  }
}
