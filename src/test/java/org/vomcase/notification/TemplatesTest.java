package org.vomcase.notification;

import org.vomcase.document.Templates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vomcase.settings.VomProperties;
import org.vomcase.document.PdfRenderer;
import org.vomcase.support.Configuration;
import org.vomcase.support.PdfText;

/**
 * The message and document templates (R21, R14): every message has an English template, German and
 * Danish ones too, and every template renders for a complete case without a missing value; an
 * administrator's own template replaces the built-in one, and a template naming a value the message
 * does not have fails loudly instead of sending a gap.
 */
class TemplatesTest {

  static final List<String> LANGUAGES = List.of("en", "de", "da");

  final Templates templates = new Templates(Configuration.demo("de_toa"));

  @Test
  void everyMessageHasATemplateInEnglishGermanAndDanish() {
    for (String message : MessageCatalogue.MESSAGES.keySet()) {
      assertThat(templates.languages(message)).as(message).containsAll(LANGUAGES);
    }
  }

  @Test
  void everyTemplateRendersForACompleteCaseWithoutMissingValues() {
    for (String message : MessageCatalogue.MESSAGES.keySet()) {
      for (String language : LANGUAGES) {
        for (Map<String, Object> content : List.of(completeCase(true), completeCase(false))) {
          Templates.Rendered rendered = templates.message(message, language, content);
          assertThat(rendered.language()).isEqualTo(language);
          assertThat(rendered.subject()).as(message + "." + language).isNotBlank().doesNotContain("{{", "}}");
          assertThat(rendered.body()).as(message + "." + language).isNotBlank().doesNotContain("{{", "}}")
              .doesNotContainPattern("\\bnull\\b").doesNotContain("\n\n\n");
        }
      }
    }
  }

  @Test
  void datesAndCodesAreWrittenOutInTheRecipientsLanguage() {
    Map<String, Object> content = completeCase(true);
    assertThat(templates.message("session-invitation", "de", content).body()).contains("Dienstag, 3. März 2026, 10:00",
        "Rathausplatz 1");
    assertThat(templates.message("session-invitation", "en", content).body()).contains("Tuesday, March 3, 2026, 10:00");
    assertThat(templates.message("referrer-report", "de", content).body()).contains("Zahlung", "600.00 EUR", "Ana Roth");
    assertThat(templates.message("referrer-report", "en", content).body()).contains("The agreement was partly fulfilled");
  }

  /** More in {@link RecipientLanguageTest}. */
  @Test
  void aLanguageWithoutTemplatesGetsTheProgrammesLanguageAndEnglishOrEnglishInAnEnglishProgramme() {
    Templates.Rendered rendered = templates.message("introduction", "tr", completeCase(true));
    assertThat(rendered.language()).isEqualTo("de+en");
    assertThat(rendered.subject()).startsWith("Angebot eines Täter-Opfer-Ausgleichs").contains(" / An offer of mediation");
    Templates.Rendered english = new Templates(Configuration.demo("us_vom")).message("introduction", "tr", completeCase(true));
    assertThat(english.language()).isEqualTo("en");
    assertThat(english.subject()).startsWith("An offer of mediation");
  }

  @Test
  void labelsHaveTheSameWordsInEveryLanguage() throws IOException {
    Properties english = labels("en");
    for (String language : List.of("de", "da")) {
      assertThat(labels(language).stringPropertyNames()).as(language).isEqualTo(english.stringPropertyNames());
    }
  }

  @Test
  void documentsRenderToReadablePdfsInEveryLanguage() {
    PdfRenderer pdf = new PdfRenderer();
    for (String language : LANGUAGES) {
      // The print layout is shared (documents/agreement.css, letter.css); the page footer stays in the language.
      assertThat(templates.document("agreement", language, agreementContent())).as(language)
          .contains(".signature td.sign { border-bottom: 0.6pt solid #000;", "@bottom-center", "VOM-2026-00042 · ");
      String agreement = PdfText.of(pdf.render(templates.document("agreement", language, agreementContent()), "test"));
      assertThat(agreement).as(language).contains("VOM-2026-00042", "Ana Roth", "Carl Vogt", "Petra Vogt", "600.00", "100.00");
      String letter = PdfText.of(pdf.render(templates.document("letter", language, Map.of("recipientName", "Carl Vogt",
          "postalAddress", "Hofweg 3\n10115 Berlin", "date", "2026-03-02", "subject", "Betreff", "body", "Guten Tag.",
          "caseNumber", "VOM-2026-00042", "sender", "")), "test"));
      assertThat(letter).as(language).contains("Carl Vogt", "Hofweg 3", "10115 Berlin", "Betreff", "Guten Tag.", "2026");
      // The letterhead: the programme's office (application.yaml, demo profile).
      assertThat(letter).as(language).contains("Täter-Opfer-Ausgleich Musterstadt", "Hauptstraße 12, 12345 Musterstadt",
          "+49 30 5550 1420");
    }
  }

  /**
   * The letters the PDF's standard fonts lack (Turkish, Polish, Cyrillic, Greek) print from the font the built-in layouts
   * name after serif ({@link PdfRenderer#UNICODE_FONT}); a letter that needs none keeps the standard serif font.
   */
  @Test
  void lettersOfOtherScriptsArePrintedNotReplaced() throws IOException {
    PdfRenderer renderer = new PdfRenderer();
    String text = "Sayın görüşme, Dzień dobry, łódź, Здравствуйте, Доброго дня, Καλημέρα";
    byte[] other = renderer.render(templates.document("letter", "de", Map.of("recipientName", "Carl Vogt",
        "postalAddress", "Hofweg 3", "date", "2026-03-02", "subject", "Betreff", "body", text, "caseNumber", "VOM-2026-00042",
        "sender", "")), "test");
    assertThat(PdfText.of(other)).contains(text).doesNotContain("#");
    byte[] german = renderer.render(templates.document("letter", "de", Map.of("recipientName", "Carl Vogt",
        "postalAddress", "Hofweg 3", "date", "2026-03-02", "subject", "Betreff", "body", "Grüße, Straße",
        "caseNumber", "VOM-2026-00042", "sender", "")), "test");
    assertThat(fonts(german)).contains("Times-Roman").noneMatch(font -> font.contains("LiberationSans"));
    assertThat(fonts(other)).anyMatch(font -> font.contains("LiberationSans"));
  }

  private static java.util.List<String> fonts(byte[] pdf) throws IOException {
    java.util.List<String> names = new java.util.ArrayList<>();
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
        for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
          names.add(page.getResources().getFont(name).getName());
        }
      }
    }
    return names;
  }

  @Test
  void anAdministratorsTemplateReplacesTheBuiltInOneAndAMissingValueFailsLoudly(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("messages"));
    Files.writeString(dir.resolve("messages/mandate-reminder.en.txt"), "Subject: Mandate {{caseNumber}}\n\nStill missing.\n");
    Files.writeString(dir.resolve("messages/mandate-refused.en.txt"), "Subject: {{caseNumbr}}\n\nTypo.\n");
    Templates own = new Templates(new VomProperties(null, null, Configuration.demo("de_toa").programme(), null,
        new VomProperties.Mail(null, null, dir.toString())));

    assertThat(own.message("mandate-reminder", "en", completeCase(true)).subject()).isEqualTo("Mandate VOM-2026-00042");
    assertThat(own.message("mandate-reminder", "de", completeCase(true)).subject()).contains("Auftrag");
    assertThatThrownBy(() -> own.message("mandate-refused", "en", completeCase(true)))
        .hasMessageContaining("messages/mandate-refused.en.txt").hasMessageContaining("caseNumbr");
    assertThatThrownBy(() -> own.message("no-such-message", "en", completeCase(true))).hasMessageContaining("no template");
    // The shared print layout of the letters is one file to replace, for every language.
    Files.createDirectories(dir.resolve("documents"));
    Files.writeString(dir.resolve("documents/letter.css"), "  body { font-family: sans-serif; }\n");
    for (String language : LANGUAGES) {
      assertThat(own.document("letter", language, Map.of("recipientName", "Carl Vogt", "postalAddress",
          "Hofweg 3", "date", "2026-03-02", "subject", "S", "body", "B", "caseNumber", "VOM-2026-00042", "sender", "")))
          .as(language).contains("body { font-family: sans-serif; }").doesNotContain("font-family: serif");
    }
  }

  /**
   * Letters carry the programme's identity: every message and document, in every language, of every profile's
   * demo installation gives the programme's name, postal address, phone and office hours (in the letter's
   * language), with nothing left unresolved; a letter gives them in its letterhead, a mail in its footer.
   */
  @Test
  void everyMessageAndDocumentGivesTheProgrammesNameAddressPhoneAndOfficeHours() {
    PdfRenderer pdf = new PdfRenderer();
    for (String profile : org.vomcase.kernel.Vocabulary.PROGRAMME_PROFILES.keySet()) {
      VomProperties settings = Configuration.demo(profile);
      VomProperties.Office office = settings.programme().office();
      Templates programme = new Templates(settings);
      for (String language : LANGUAGES) {
        String hours = office.officeHours().text(java.util.Locale.forLanguageTag(language));
        List<String> identity = List.of(office.name(), office.address(), office.phone(), hours);
        for (String message : MessageCatalogue.MESSAGES.keySet()) {
          for (Map<String, Object> content : List.of(completeCase(true), completeCase(false))) {
            Templates.Rendered rendered = programme.message(message, language, content);
            String where = profile + ": " + message + "." + language;
            assertThat(rendered.body()).as(where).contains(identity).doesNotContain("{{", "}}")
                .doesNotContainPattern("(?m)(Phone|Telefon|Office hours|Sprechzeiten|Telefontid):\\s*$");
            assertThat(rendered.subject()).as(where).doesNotContain("{{", "}}");
            // A letter has the same text without the mail's footer: its letterhead gives the office.
            assertThat(rendered.letterBody()).as(where).doesNotContain(office.address()).endsWith("\n");
            String letter = programme.document("letter", language, Map.of("recipientName", "Carl Vogt", "postalAddress",
                "Hofweg 3", "date", "2026-03-02", "subject", rendered.subject(), "body", rendered.letterBody(),
                "caseNumber", "VOM-2026-00042", "sender", ""));
            assertThat(letter).as(where).contains(html(identity)).doesNotContain("{{", "}}");
          }
        }
        String agreement = programme.document("agreement", language, agreementContent());
        assertThat(agreement).as(profile + ": agreement." + language).contains(html(identity)).doesNotContain("{{", "}}");
        String printed = PdfText.of(pdf.render(agreement, "test")).replaceAll("\\s+", " ");
        assertThat(printed).as(profile + ": agreement PDF." + language).contains(office.phone(), hours, office.name());
      }
    }
  }

  /**
   * The introduction, the first letter or mail to a victim, an offender or a guardian, says in each language that
   * taking part is voluntary, free of charge and can be stopped at any time, and that the dialogue is confidential;
   * and, since it asks them to call, it gives the phone number and office hours in its text (also in a letter).
   */
  @Test
  void theIntroductionSaysVoluntaryFreeStopAnyTimeConfidentialAndWhereToCall() {
    Map<String, List<String>> statements = Map.of(
        "en", List.of("voluntary", "free of charge", "stop at any time", "confidential"),
        "de", List.of("freiwillig", "kostenlos", "jederzeit beenden", "vertraulich"),
        "da", List.of("frivilligt", "gratis", "når som helst", "fortroligt"));
    VomProperties.Office office = Configuration.demo("de_toa").programme().office();
    for (String language : LANGUAGES) {
      for (String recipient : List.of("victim", "offender", "guardian")) {
        Map<String, Object> content = completeCase(true);
        content.put("recipientIs", Map.of(recipient, true));
        Templates.Rendered introduction = templates.message("introduction", language, content);
        assertThat(introduction.letterBody()).as(language + ", " + recipient).contains(statements.get(language))
            .contains(office.phone(), office.officeHours().text(java.util.Locale.forLanguageTag(language)));
      }
    }
  }

  /** Where a message asks people to call, the number and the hours are in its text, not only in the footer. */
  @Test
  void messagesThatAskPeopleToCallSayWhereAndWhen() {
    VomProperties.Office office = Configuration.demo("de_toa").programme().office();
    for (String message : List.of("introduction", "session-reminder", "appointment-reminder", "obligation-reminder",
        "agreement-copy")) {
      for (String language : LANGUAGES) {
        assertThat(templates.message(message, language, completeCase(true)).letterBody()).as(message + "." + language)
            .contains(office.phone(), office.officeHours().text(java.util.Locale.forLanguageTag(language)));
      }
    }
  }

  @Test
  void withoutTheProgrammesOfficeNothingIsRendered() {
    assertThatThrownBy(() -> new Templates(new VomProperties(null, null, null, null, null)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("VOM_PROGRAMME_NAME")
        .hasMessageContaining("VOM_PROGRAMME_ADDRESS").hasMessageContaining("VOM_PROGRAMME_PHONE")
        .hasMessageContaining("VOM_PROGRAMME_OFFICE_HOURS");
  }

  private static String[] html(List<String> values) {
    return values.stream().map(value -> value.replace("&", "&amp;")).toArray(String[]::new);
  }

  private static Properties labels(String language) throws IOException {
    Properties labels = new Properties();
    try (var in = TemplatesTest.class.getClassLoader().getResourceAsStream("vom-templates/labels/" + language + ".properties")) {
      labels.load(new StringReader(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }
    return labels;
  }

  /** Every value any message names, as the delegates put them; {@code full} with every optional part, else without. */
  static Map<String, Object> completeCase(boolean full) {
    Map<String, Object> item = new LinkedHashMap<>(Map.of("kind", "payment", "amount", "600.00", "instalments", "6",
        "dueDate", "2026-06-01", "debtor", "Carl Vogt", "creditor", "Ana Roth"));
    Map<String, Object> hours = new LinkedHashMap<>(Map.of("kind", "community_service", "hours", "20", "dueDate", "2026-07-01",
        "debtor", "Carl Vogt", "creditor", "community"));
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("caseNumber", "VOM-2026-00042");
    content.put("recipientName", "Ana Roth");
    content.put("recipientEmail", "ana.roth@example.org");
    content.put("recipientIs", Map.of(full ? "victim" : "offender", true));
    content.put("mediatorName", full ? "Mara Jensen" : null);
    content.put("personId", "V1");
    content.put("reason", "The victim has expressly refused mediation.");
    content.put("referrerReference", full ? "StA 99/26" : null);
    content.put("task", "Call Ana Roth for consent (VOM-2026-00042)");
    content.put("assignee", full ? "mara" : null);
    content.put("dueDate", full ? "2026-03-01T09:00:00Z" : null);
    content.put("sessionStart", "2026-03-03T10:00+01:00");
    content.put("sessionPlace", "Rathausplatz 1, Raum 12");
    content.put("meetingType", full ? "direct" : "indirect");
    content.put("appointmentFor", "V1");
    content.put("appointmentStart", "2026-03-04T15:00+01:00");
    content.put("appointmentPlace", "Opferhilfe, Lindenstr. 3");
    content.put("appointmentSequence", full ? 1 : 0);
    content.put("appointmentChanged", full);
    content.put("items", List.of(item, hours));
    content.put("partEndedName", "Ben Roth");
    content.put("someItemsEnded", true);
    content.put("itemsEnded", List.of(item));
    content.put("item", full ? item : hours);
    content.put("graceUntil", "2026-06-15T09:00+02:00");
    content.put("obligationStatus", full ? "partly_fulfilled" : "not_fulfilled");
    content.put("report", "closure");
    content.put("mediationTookPlace", full);
    content.put("sessionResult", full ? "agreement" : null);
    content.put("agreementReached", full);
    content.put("agreementShared", full);
    content.put("agreementWithheld", !full);
    content.put("itemUnfulfilled", full);
    content.put("closureReason", full ? "agreement_partly_fulfilled" : "victim_declined");
    content.put("agreementFulfilment", full ? "partly_fulfilled" : null);
    return content;
  }

  private static Map<String, Object> agreementContent() {
    return Map.of("caseNumber", "VOM-2026-00042", "programme", "de_toa",
        "parties", List.of(Map.of("name", "Ana Roth", "role", "victim"), Map.of("name", "Carl Vogt", "role", "offender")),
        "items", List.of(Map.of("kind", "payment", "amount", "600.00", "instalments", "6", "dueDate", "2026-06-01",
            "debtor", "Carl Vogt", "creditor", "Ana Roth", "description", "Bicycle repair")),
        "instalmentPlan", List.of(Map.of("kind", "payment", "instalment", "1", "amount", "100.00", "dueDate", "2026-06-01",
            "debtor", "Carl Vogt", "creditor", "Ana Roth")),
        "hasInstalments", true,
        "signatories", List.of(Map.of("name", "Ana Roth"), Map.of("name", "Carl Vogt"),
            Map.of("name", "Petra Vogt", "guardianOf", "Carl Vogt")));
  }
}
