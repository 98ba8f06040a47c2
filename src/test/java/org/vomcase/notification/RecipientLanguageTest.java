package org.vomcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.vomcase.document.DocumentService;
import org.vomcase.document.PdfRenderer;
import org.vomcase.document.Templates;
import org.vomcase.kernel.ContactPolicy;
import org.vomcase.settings.VomProperties;
import org.vomcase.support.Configuration;
import org.vomcase.support.PdfText;

/**
 * The programme's language, everywhere a person reads: a person gets the message in their own language where it has a
 * template (built in: de, da, en; or an administrator's own in {@code VOM_TEMPLATE_DIR}), and otherwise never a
 * language they did not choose without being told: the programme's language first, then English, in one message
 * (subjects joined by " / ", the footer once, recorded as {@code de+en}); in a programme whose language is English,
 * English. Mails, letters and calendar files alike.
 */
class RecipientLanguageTest {

  private static final String CASE = "VOM-2026-00042";

  final Templates germanProgramme = new Templates(Configuration.demo("de_toa"));

  @Test
  void aTurkishSpeakerInAGermanProgrammeGetsGermanAndThenEnglish() {
    Templates.Rendered rendered = germanProgramme.message("session-invitation", "tr", TemplatesTest.completeCase(true));
    Templates.Rendered german = germanProgramme.message("session-invitation", "de", TemplatesTest.completeCase(true));
    Templates.Rendered english = germanProgramme.message("session-invitation", "en", TemplatesTest.completeCase(true));

    assertThat(rendered.language()).isEqualTo("de+en");
    assertThat(rendered.bilingual()).isTrue();
    assertThat(rendered.documentLanguage()).isEqualTo("de");
    assertThat(rendered.subject()).isEqualTo(german.subject() + " / " + english.subject())
        .isEqualTo("Einladung zum Ausgleichsgespräch am Dienstag, 3. März 2026, 10:00"
            + " / Invitation to the mediation session on Tuesday, March 3, 2026, 10:00");
    String body = rendered.body();
    // German first (its dates and words in German), the separator, then English (in English), the footer once at the end.
    assertThat(body).startsWith(german.letterBody().stripTrailing() + "\n\n" + Templates.LANGUAGE_SEPARATOR + "\n\n"
        + english.letterBody().stripTrailing() + "\n\n-- \n");
    assertThat(body.indexOf("einem gemeinsamen Gespräch mit allen Beteiligten"))
        .isLessThan(body.indexOf(Templates.LANGUAGE_SEPARATOR));
    assertThat(body.indexOf("a meeting of everyone taking part")).isGreaterThan(body.indexOf(Templates.LANGUAGE_SEPARATOR));
    assertThat(count(body, "(?m)^-- ?$")).isOne();
    assertThat(count(body, Pattern.quote(Templates.LANGUAGE_SEPARATOR))).isOne();
    assertThat(body).endsWith(german.body().substring(german.body().lastIndexOf("-- \n")))
        .contains("Sprechzeiten: ").doesNotContain("Office hours: ");
    // A letter leaves out the footer; both languages stay.
    assertThat(rendered.letterBody()).contains("Guten Tag Ana Roth", Templates.LANGUAGE_SEPARATOR, "Dear Ana Roth")
        .doesNotContain("Sprechzeiten: ").endsWith("\n");
  }

  @Test
  void everyMessageIsBilingualForALanguageWithoutTemplatesInEveryProgrammeWhoseLanguageIsNotEnglish() {
    for (String profile : List.of("de_toa", "dk_konfliktraad")) {
      Templates programme = new Templates(Configuration.demo(profile));
      String language = programme.programmeLanguage();
      for (String message : MessageCatalogue.MESSAGES.keySet()) {
        for (String person : List.of("ar", "tr", "pl", "ru", "uk", "es", "fr", "other")) {
          Templates.Rendered rendered = programme.message(message, person, TemplatesTest.completeCase(true));
          String where = profile + ": " + message + " to " + person;
          assertThat(rendered.language()).as(where).isEqualTo(language + "+en");
          assertThat(rendered.subject()).as(where).isEqualTo(programme.message(message, language, TemplatesTest.completeCase(true))
              .subject() + " / " + programme.message(message, "en", TemplatesTest.completeCase(true)).subject());
          assertThat(rendered.body()).as(where).doesNotContain("{{", "}}", "\n\n\n").doesNotContainPattern("\\bnull\\b");
          assertThat(count(rendered.body(), "(?m)^-- ?$")).as(where).isOne();
          assertThat(count(rendered.letterBody(), "(?m)^-- ?$")).as(where).isZero();
        }
      }
    }
  }

  @Test
  void anArabicSpeakerInADanishProgrammeGetsDanishAndThenEnglish() {
    Templates danishProgramme = new Templates(Configuration.demo("dk_konfliktraad"));

    Templates.Rendered rendered = danishProgramme.message("session-invitation", "ar", TemplatesTest.completeCase(true));

    assertThat(rendered.language()).isEqualTo("da+en");
    assertThat(rendered.subject()).startsWith("Invitation til konfliktrådsmøde ")
        .contains(" / Invitation to the mediation session on ");
    assertThat(rendered.body()).startsWith("Kære Ana Roth").contains(Templates.LANGUAGE_SEPARATOR + "\n\nDear Ana Roth")
        .contains("tirsdag den 3. marts 2026", "Tuesday, March 3, 2026").contains("Telefontid: ");
  }

  @Test
  void inAnEnglishProgrammeALanguageWithoutTemplatesGetsEnglishOnce() {
    Templates englishProgramme = new Templates(Configuration.demo("us_vom"));

    Templates.Rendered rendered = englishProgramme.message("introduction", "ar", TemplatesTest.completeCase(true));

    assertThat(rendered.language()).isEqualTo("en");
    assertThat(rendered.bilingual()).isFalse();
    assertThat(rendered).isEqualTo(englishProgramme.message("introduction", "en", TemplatesTest.completeCase(true)));
    assertThat(rendered.body()).doesNotContain(Templates.LANGUAGE_SEPARATOR);
  }

  @Test
  void germanDanishAndEnglishSpeakersGetTheirOwnLanguageAsBefore() {
    for (String profile : org.vomcase.kernel.Vocabulary.PROGRAMME_PROFILES.keySet()) {
      Templates programme = new Templates(Configuration.demo(profile));
      for (String message : MessageCatalogue.MESSAGES.keySet()) {
        for (String language : TemplatesTest.LANGUAGES) {
          Templates.Rendered rendered = programme.message(message, language, TemplatesTest.completeCase(true));
          assertThat(rendered.language()).as(profile + ": " + message + "." + language).isEqualTo(language);
          assertThat(rendered.subject()).as(profile + ": " + message + "." + language).doesNotContain(" / ");
          assertThat(rendered.body()).as(profile + ": " + message + "." + language).doesNotContain(Templates.LANGUAGE_SEPARATOR);
        }
      }
    }
  }

  @Test
  void theMailItsCalendarFileAndTheCaseFileSayBothLanguages() throws Exception {
    MailDelivery mail = mock(MailDelivery.class);
    MessageLog log = mock(MessageLog.class);
    DeliveringNotificationService delivery = new DeliveringNotificationService(germanProgramme, mail, log,
        mock(DocumentService.class), mock(PdfRenderer.class));
    Recipient turkish = new Recipient("O1", "Carl Vogt", "carl@example.org", null, "tr", ContactPolicy.OPEN);

    delivery.send(new OutgoingMessage(CASE + "|session-invitation|1", CASE, "pi", "session-invitation",
        MessageCatalogue.PARTICIPANTS, session(), List.of(turkish)));

    ArgumentCaptor<MailDelivery.Mail> sent = ArgumentCaptor.forClass(MailDelivery.Mail.class);
    verify(mail).deliver(sent.capture());
    assertThat(sent.getValue().subject()).isEqualTo("Einladung zum Ausgleichsgespräch am Dienstag, 3. März 2026, 10:00"
        + " / Invitation to the mediation session on Tuesday, March 3, 2026, 10:00");
    assertThat(sent.getValue().body()).startsWith("Guten Tag Carl Vogt").contains("\n\nDear Carl Vogt");
    VEvent event = new CalendarBuilder().build(new ByteArrayInputStream(sent.getValue().attachments().get(0).bytes()))
        .getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
    assertThat(event.getSummary().getValue()).isEqualTo(sent.getValue().subject());
    ArgumentCaptor<Templates.Rendered> recorded = ArgumentCaptor.forClass(Templates.Rendered.class);
    verify(log).begin(eq(CASE + "|session-invitation|1|O1"), any(), eq(turkish), eq("email"), eq("carl@example.org"),
        recorded.capture(), any(), any(), eq(MessageLog.SENDING));
    assertThat(recorded.getValue().language()).isEqualTo("de+en");
  }

  @Test
  void aLetterToPostHasTheProgrammesLetterheadAndBothLanguages() {
    DocumentService documents = mock(DocumentService.class);
    DeliveringNotificationService delivery = new DeliveringNotificationService(germanProgramme, mock(MailDelivery.class),
        mock(MessageLog.class), documents, new PdfRenderer());
    Recipient turkish = new Recipient("O1", "Carl Vogt", null, "Hofweg 3\n10115 Berlin", "tr", ContactPolicy.OPEN);

    delivery.send(new OutgoingMessage(CASE + "|session-invitation|1", CASE, "pi", "session-invitation",
        MessageCatalogue.PARTICIPANTS, session(), List.of(turkish)));

    ArgumentCaptor<byte[]> pdf = ArgumentCaptor.forClass(byte[].class);
    verify(documents).store(anyString(), eq(CASE), eq("letter"), anyString(), eq("application/pdf"), pdf.capture());
    String letter = PdfText.of(pdf.getValue()).replaceAll("\\s+", " ");
    assertThat(letter).contains("Sprechzeiten", "Fall " + CASE, "Guten Tag Carl Vogt", "Dear Carl Vogt",
        "Invitation to the mediation session on Tuesday, March 3, 2026", "English");
    assertThat(letter).doesNotContain("Office hours:");
  }

  @Test
  void anAdministratorsTurkishTemplatesMakeTheMessageTurkishAndTheOthersStayBilingual(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("messages"));
    Files.writeString(dir.resolve("messages/session-invitation.tr.txt"), """
        Subject: Arabuluculuk görüşmesine davet: {{sessionStartText}}

        Sayın {{recipientName}},

        sizi {{meetingTypeLabel}} davet ediyoruz:

          Ne zaman: {{sessionStartText}}
          Nerede:   {{sessionPlace}}

        Saygılarımızla,
        {{programmeName}}

        {{> footer.tr.txt}}
        """);
    Files.writeString(dir.resolve("messages/footer.tr.txt"), """
        --\s
        {{programmeName}}
        {{programmeAddress}}
        Telefon: {{programmePhone}}
        Çalışma saatleri: {{programmeOfficeHours}}
        """);
    Templates own = new Templates(withTemplateDir(Configuration.demo("de_toa"), dir));

    Templates.Rendered turkish = own.message("session-invitation", "tr", TemplatesTest.completeCase(true));
    assertThat(turkish.language()).isEqualTo("tr");
    assertThat(turkish.bilingual()).isFalse();
    // Dates in Turkish; no labels/tr.properties: the coded words in English.
    assertThat(turkish.subject()).isEqualTo("Arabuluculuk görüşmesine davet: 3 Mart 2026 Salı, 10:00");
    assertThat(turkish.body()).startsWith("Sayın Ana Roth,").contains("sizi a meeting of everyone taking part davet ediyoruz")
        .contains("Çalışma saatleri: ").doesNotContain(Templates.LANGUAGE_SEPARATOR, "Guten Tag", "Dear");
    assertThat(turkish.letterBody()).doesNotContain("Çalışma saatleri");
    // A message the administrator did not translate stays German and English.
    assertThat(own.message("session-reminder", "tr", TemplatesTest.completeCase(true)).language()).isEqualTo("de+en");
    assertThat(own.languages("session-invitation")).contains("tr");
    // A Turkish message without its footer fails loudly, naming the file.
    Files.writeString(dir.resolve("messages/session-reminder.tr.txt"), "Subject: Hatırlatma\n\nMerhaba.\n\n{{> footer.tr.txt}}\n");
    Files.delete(dir.resolve("messages/footer.tr.txt"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> own.message("session-reminder", "tr", TemplatesTest.completeCase(true)))
        .hasMessageContaining("messages/session-reminder.tr.txt").hasMessageContaining("footer.tr.txt");
    Files.delete(dir.resolve("messages/session-reminder.tr.txt"));
    Files.writeString(dir.resolve("messages/footer.tr.txt"), "--\s\n{{programmeName}}\n");

    // Their own labels: the words they give in Turkish, English where they give none.
    Files.createDirectories(dir.resolve("labels"));
    Files.writeString(dir.resolve("labels/tr.properties"), "meetingType.direct=herkesin katıldığı ortak bir görüşmeye\n");
    assertThat(own.message("session-invitation", "tr", TemplatesTest.completeCase(true)).body())
        .contains("sizi herkesin katıldığı ortak bir görüşmeye davet ediyoruz");
    assertThat(own.message("referrer-report", "de", TemplatesTest.completeCase(true)).language()).isEqualTo("de");
  }

  @Test
  void anAdministratorsTurkishLetterIsPrintedWithTheTurkishText(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("messages"));
    Files.writeString(dir.resolve("messages/introduction.tr.txt"), """
        Subject: Arabuluculuk teklifi ({{caseNumber}})

        Sayın {{recipientName}}, görüşmeye katılım gönüllüdür.

        {{> footer.tr.txt}}
        """);
    Files.writeString(dir.resolve("messages/footer.tr.txt"), "--\s\n{{programmeName}}\n");
    Templates own = new Templates(withTemplateDir(Configuration.demo("de_toa"), dir));
    DocumentService documents = mock(DocumentService.class);
    DeliveringNotificationService delivery = new DeliveringNotificationService(own, mock(MailDelivery.class),
        mock(MessageLog.class), documents, new PdfRenderer());

    delivery.send(new OutgoingMessage(CASE + "|introduction|1", CASE, "pi", "introduction", MessageCatalogue.OFFENDER,
        Map.of("caseNumber", CASE), List.of(new Recipient("O1", "Carl Vogt", null, "Hofweg 3", "tr", ContactPolicy.OPEN))));

    ArgumentCaptor<byte[]> pdf = ArgumentCaptor.forClass(byte[].class);
    verify(documents).store(anyString(), eq(CASE), eq("letter"), anyString(), eq("application/pdf"), pdf.capture());
    assertThat(PdfText.of(pdf.getValue())).contains("Arabuluculuk teklifi", "Sayın Carl Vogt, görüşmeye katılım gönüllüdür.");
  }

  private static Map<String, Object> session() {
    return Map.of("caseNumber", CASE, "sessionStart", "2026-03-03T10:00+01:00", "sessionPlace", "Rathausplatz 1",
        "meetingType", "direct", "sessionSequence", 0);
  }

  private static VomProperties withTemplateDir(VomProperties settings, Path dir) {
    return new VomProperties(null, null, settings.programme(), null, new VomProperties.Mail(null, null, dir.toString()));
  }

  private static int count(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (matcher.find()) {
      n++;
    }
    return n;
  }
}
