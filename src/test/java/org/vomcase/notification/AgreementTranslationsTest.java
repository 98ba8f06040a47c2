package org.vomcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vomcase.document.DocumentService;
import org.vomcase.document.PdfRenderer;
import org.vomcase.document.StoredDocumentService;
import org.vomcase.document.Templates;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.kernel.ContactPolicy;
import org.vomcase.support.Configuration;
import org.vomcase.support.PdfText;

/**
 * The agreement in the parties' languages: made in the programme's language, the binding version, which says so and
 * names the translations; for each party's language with an agreement template of its own a translation that names
 * the binding version; the copy a party gets carries the translation into their language too.
 */
class AgreementTranslationsTest {

  private static final String CASE = "VOM-2026-00042";
  private static final org.vomcase.settings.VomProperties SETTINGS = Configuration.demo("de_toa");

  JdbcTemplate jdbc;
  StoredDocumentService documents;

  @BeforeEach
  void store() {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:agreements-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    jdbc = new JdbcTemplate(database);
    jdbc.execute("CREATE TABLE vom_document (id VARCHAR(36) PRIMARY KEY, idempotency_key VARCHAR(400) NOT NULL UNIQUE,"
        + " case_number VARCHAR(20) NOT NULL, document VARCHAR(80) NOT NULL, file_name VARCHAR(200) NOT NULL,"
        + " media_type VARCHAR(100) NOT NULL, created_at TIMESTAMP NOT NULL, bytes VARBINARY NOT NULL, title VARCHAR(200),"
        + " uploaded_by VARCHAR(100))");
    documents = new StoredDocumentService(jdbc, new Templates(SETTINGS), new PdfRenderer(),
        SETTINGS);
  }

  @Test
  void aDanishPartyInAGermanProgrammeGetsADanishTranslationTheGermanVersionBinds() {
    String id = documents.generate(new DocumentService.DocumentRequest("pi:Task_GenerateAgreementDocument:agreement", CASE,
        "agreement", agreement(List.of("de", "da", "tr"))));

    String binding = PdfText.of(documents.find(id).bytes()).replaceAll("\\s+", " ");
    assertThat(binding).contains("Vereinbarung im Täter-Opfer-Ausgleich",
        "Diese Fassung ist verbindlich. Übersetzungen zur Information: Dänisch.");
    DocumentService.StoredDocument danish = documents.translation(id, "da");
    assertThat(danish.fileName()).isEqualTo("agreement-" + CASE + "-da.pdf");
    assertThat(PdfText.of(danish.bytes()).replaceAll("\\s+", " ")).contains("Kun udgaven på tysk er bindende.",
        "Ana Roth", "Carl Vogt", "600.00");
    // Turkish has no agreement template: no translation; nor into the binding version's own language.
    assertThat(documents.translation(id, "tr")).isNull();
    assertThat(documents.translation(id, "de")).isNull();
    // A retried job gets the same documents, nothing twice.
    assertThat(documents.generate(new DocumentService.DocumentRequest("pi:Task_GenerateAgreementDocument:agreement", CASE,
        "agreement", agreement(List.of("de", "da", "tr"))))).isEqualTo(id);
    assertThat(documents.ofCase(CASE)).extracting(DocumentService.DocumentInfo::fileName)
        .containsExactlyInAnyOrder("agreement-" + CASE + ".pdf", "agreement-" + CASE + "-da.pdf");
  }

  @Test
  void partiesOfTheProgrammesLanguageGetTheAgreementAsBefore() {
    String id = documents.generate(new DocumentService.DocumentRequest("pi:T:agreement", CASE, "agreement",
        agreement(List.of("de", "ar"))));

    assertThat(PdfText.of(documents.find(id).bytes())).doesNotContain("verbindlich", "Übersetzung");
    assertThat(documents.ofCase(CASE)).hasSize(1);
  }

  @Test
  void theCopyToADanishPartyCarriesTheTranslationTheCopyToAGermanOneDoesNot() {
    String id = documents.generate(new DocumentService.DocumentRequest("pi:T:agreement", CASE, "agreement",
        agreement(List.of("de", "da"))));

    assertThat(copyTo("da", id)).containsExactly("agreement-" + CASE + ".pdf", "agreement-" + CASE + "-da.pdf");
    assertThat(copyTo("de", id)).containsExactly("agreement-" + CASE + ".pdf");
  }

  @Test
  void anAdministratorsTurkishAgreementGivesTurkishPartiesATranslation(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Files.createDirectories(dir.resolve("documents"));
    java.nio.file.Files.writeString(dir.resolve("documents/agreement.tr.html"), """
        <html><head><style>{{> agreement.css}}</style></head><body>{{> letterhead.en.html}}
        <h1>Arabuluculuk anlaşması {{caseNumber}}</h1>
        {{#translation}}<p class="binding">Bilgi amaçlı çeviri. Yalnızca {{bindingLanguage}} metin bağlayıcıdır.</p>{{/translation}}
        {{#parties}}<p>{{name}}</p>{{/parties}}</body></html>
        """);
    org.vomcase.settings.VomProperties own = new org.vomcase.settings.VomProperties(null, null, SETTINGS.programme(), null,
        new org.vomcase.settings.VomProperties.Mail(null, null, dir.toString()));
    StoredDocumentService store = new StoredDocumentService(jdbc, new Templates(own), new PdfRenderer(), own);

    String id = store.generate(new DocumentService.DocumentRequest("pi:T:agreement", CASE, "agreement",
        agreement(List.of("de", "tr"))));

    assertThat(PdfText.of(store.translation(id, "tr").bytes()).replaceAll("\\s+", " "))
        .contains("Arabuluculuk anlaşması " + CASE, "Yalnızca Almanca metin bağlayıcıdır.", "Ana Roth");
    assertThat(PdfText.of(store.find(id).bytes()).replaceAll("\\s+", " ")).contains("Übersetzungen zur Information: Türkisch.");
  }

  @Test
  void everyBuiltInAgreementSaysWhichVersionBinds() {
    Templates templates = new Templates(SETTINGS);
    Map<String, List<String>> says = Map.of(
        "de", List.of("Verbindlich ist allein die Fassung auf Englisch.", "Diese Fassung ist verbindlich."),
        "da", List.of("Kun udgaven på engelsk er bindende.", "Denne udgave er bindende."),
        "en", List.of("Only the version in Danish is binding.", "This version is binding."));
    Map<String, String> binding = Map.of("de", "Englisch", "da", "engelsk", "en", "Danish");
    says.forEach((language, lines) -> {
      Map<String, Object> translation = agreement(List.of());
      translation.put("translation", Map.of("bindingLanguage", binding.get(language)));
      Map<String, Object> translated = agreement(List.of());
      translated.put("translated", Map.of("languages", "Türkçe"));
      assertThat(templates.document("agreement", language, translation)).as(language).contains(lines.get(0))
          .doesNotContain(lines.get(1), "{{");
      assertThat(templates.document("agreement", language, translated)).as(language).contains(lines.get(1), "Türkçe")
          .doesNotContain(lines.get(0), "{{");
    });
  }

  private List<String> copyTo(String language, String documentId) {
    MailDelivery mail = mock(MailDelivery.class);
    DeliveringNotificationService delivery = new DeliveringNotificationService(new Templates(SETTINGS),
        mail, mock(MessageLog.class), documents, new PdfRenderer());
    Map<String, Object> content = TemplatesTest.completeCase(true);
    content.put(CaseVariables.AGREEMENT_DOCUMENT_ID.name(), documentId);
    delivery.send(new OutgoingMessage(CASE + "|agreement-copy|" + language, CASE, "pi", "agreement-copy",
        MessageCatalogue.PARTIES, content, List.of(new Recipient("V1", "Ana Roth", "ana@example.org", null, language,
        ContactPolicy.OPEN))));
    ArgumentCaptor<MailDelivery.Mail> sent = ArgumentCaptor.forClass(MailDelivery.Mail.class);
    verify(mail).deliver(sent.capture());
    return sent.getValue().attachments().stream().map(MailDelivery.Attachment::fileName).toList();
  }

  private static Map<String, Object> agreement(List<String> languages) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("caseNumber", CASE);
    content.put("programme", "de_toa");
    content.put("parties", List.of(Map.of("name", "Ana Roth", "role", "victim"), Map.of("name", "Carl Vogt", "role", "offender")));
    content.put("languages", languages);
    content.put("items", List.of(Map.of("kind", "payment", "amount", "600.00", "dueDate", "2026-06-01", "debtor", "Carl Vogt",
        "creditor", "Ana Roth")));
    content.put("instalmentPlan", List.of());
    content.put("hasInstalments", false);
    content.put("signatories", List.of(Map.of("name", "Ana Roth"), Map.of("name", "Carl Vogt")));
    return content;
  }
}
