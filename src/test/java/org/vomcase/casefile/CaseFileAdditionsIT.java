package org.vomcase.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vomcase.support.CaseApi.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vomcase.access.CaseRegistry;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.CaseApi;
import org.vomcase.support.Http;

/**
 * Documents and notes a mediator keeps in a case (README "The mediator's desk"), over real HTTP: an uploaded PDF is in
 * the case file and the overview and downloads byte for byte as an attachment of its sniffed type; HTML, SVG, ZIP,
 * empty or too large files are refused naming the field "file", whatever name and Content-Type they come with; a note
 * is shown with author and time to every reader of the case; the case file's rule decides who may (another mediator
 * 404, supervisors 403, administrators and referring systems refused); a deleted case takes nothing; each upload, note
 * and download is audited without personal content.
 */
class CaseFileAdditionsIT extends AbstractApplicationIT {

  private static final String[] CHANGE = {"X-VOM-Request", "1"};
  static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] "
      + "/Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

  @Autowired JdbcTemplate jdbc;
  @Autowired CaseRegistry registry;
  @Autowired DocumentUploads uploads;

  @Test
  void aMediatorUploadsAPdfThatTheCaseFileShowsAndHandsOutAsADownloadOnly() throws Exception {
    Http mara = rest("mara");
    String caseNumber = assignedToMara();
    HttpResponse<String> uploaded = mara.postFile("/vom/cases/" + caseNumber + "/documents",
        Map.of("kind", "mandate_letter", "title", "Mandate of the public prosecutor"), "file", "C:\\scans\\..\\mandate\u202e.pdf",
        "application/octet-stream", PDF, CHANGE);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    JsonNode document = json(uploaded);
    String id = document.path("id").asText();
    assertThat(document.path("fileName").asText()).isEqualTo("mandate.pdf");
    assertThat(document.path("mediaType").asText()).isEqualTo("application/pdf");
    assertThat(document.path("size").asInt()).isEqualTo(PDF.length);
    assertThat(document.path("href").asText()).isEqualTo("/vom/documents/" + id);

    JsonNode listed = documentOf(json(ok(mara.get("/vom/case-file?case=" + caseNumber))).path("documents"), id);
    assertThat(listed.path("title").asText()).isEqualTo("Mandate of the public prosecutor");
    assertThat(listed.path("kind").asText()).isEqualTo("mandate_letter");
    assertThat(listed.path("uploadedBy").asText()).isEqualTo("mara");
    JsonNode overview = json(ok(mara.get("/vom/cases/" + caseNumber)));
    assertThat(documentOf(overview.path("documents"), id).path("fileName").asText()).isEqualTo("mandate.pdf");
    assertThat(overview.path("documentKinds").has("signed_agreement")).isTrue();
    assertThat(overview.path("maxDocumentSize").asLong()).isEqualTo(10L * 1024 * 1024);
    assertThat(overview.path("timeline")).anySatisfy(item -> {
      assertThat(item.path("kind").asText()).isEqualTo("document");
      assertThat(item.path("who").asText()).isEqualTo("mara");
      assertThat(item.path("subject").asText()).contains("Mandate of the public prosecutor");
    });
    // Every reader of the case sees it: the coordinator and the supervisor too.
    assertThat(json(ok(rest("sam").get("/vom/cases/" + caseNumber))).path("documents").toString()).contains(id);

    HttpResponse<byte[]> download = mara.getBytes("/vom/documents/" + id);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(PDF);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
        assertThat(d).startsWith("attachment").contains("mandate.pdf"));
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(rest("jonas").getBytes("/vom/documents/" + id).statusCode()).isEqualTo(404);

    // A PNG without an extension is named after what it is, and sent as that.
    HttpResponse<String> png = rest("clara").postFile("/vom/cases/" + caseNumber + "/documents",
        Map.of("kind", "signed_agreement", "title", "Signed agreement, page 1"), "file", "scan", "text/html", PNG, CHANGE);
    assertThat(png.statusCode()).as(png.body()).isEqualTo(201);
    assertThat(json(png).path("fileName").asText()).isEqualTo("scan.png");
    HttpResponse<byte[]> image = rest("sam").getBytes(json(png).path("href").asText());
    assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(image.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));

    // The audit trail: the uploads and the downloads, by id and kind, never a title or a file name.
    List<Map<String, Object>> audit = jdbc.queryForList("SELECT user_id, action, detail FROM vom_audit WHERE case_number = ?",
        caseNumber);
    assertThat(audit).anySatisfy(row -> {
      assertThat(row.get("ACTION")).isEqualTo("document_uploaded");
      assertThat(row.get("USER_ID")).isEqualTo("mara");
      assertThat(row.get("DETAIL").toString()).contains(id, "mandate_letter", "application/pdf", PDF.length + " bytes");
    });
    assertThat(audit).anySatisfy(row -> {
      assertThat(row.get("ACTION")).isEqualTo("document_opened");
      assertThat(row.get("DETAIL").toString()).contains(id);
    });
    assertThat(audit.toString()).doesNotContain("Mandate of the public prosecutor", "mandate.pdf", "Signed agreement, page 1");
  }

  @Test
  void whatIsNotAPdfPngOrJpegByItsContentOrTooLargeIsRefusedNamingTheFile() throws Exception {
    Http mara = rest("mara");
    String caseNumber = assignedToMara();
    Map<String, String> fields = Map.of("kind", "correspondence", "title", "A letter");
    Map<String, byte[]> refused = Map.of(
        "html as pdf", "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
        "svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8),
        "script", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8),
        "zip", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0},
        "pdf with a blank before", (" " + new String(PDF, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII),
        "empty", new byte[0]);
    for (Map.Entry<String, byte[]> file : refused.entrySet()) {
      HttpResponse<String> response = mara.postFile("/vom/cases/" + caseNumber + "/documents", fields, "file", "letter.pdf",
          "application/pdf", file.getValue(), CHANGE);
      assertThat(response.statusCode()).as(file.getKey() + ": " + response.body()).isEqualTo(400);
      assertThat(json(response).path("errors").get(0).path("field").asText()).as(file.getKey()).isEqualTo("file");
      assertThat(json(response).path("errors").get(0).path("label").asText()).isEqualTo("File");
    }
    // A little too large: the application's own check; much too large: the server stops reading (413), both name the file.
    byte[] justOver = Arrays.copyOf(PDF, (int) uploads.maxBytes() + 1);
    HttpResponse<String> over = mara.postFile("/vom/cases/" + caseNumber + "/documents", fields, "file", "big.pdf",
        "application/pdf", justOver, CHANGE);
    assertThat(over.statusCode()).as(over.body()).isEqualTo(400);
    assertThat(json(over).path("errors").get(0).path("field").asText()).isEqualTo("file");
    assertThat(json(over).path("errors").get(0).path("message").asText()).contains("larger than 10 MB");
    HttpResponse<String> huge = mara.postFile("/vom/cases/" + caseNumber + "/documents", fields, "file", "huge.pdf",
        "application/pdf", Arrays.copyOf(PDF, (int) uploads.maxBytes() + 3 * 512 * 1024), CHANGE);
    assertThat(huge.statusCode()).as(huge.body()).isEqualTo(413);
    assertThat(json(huge).path("errors").get(0).path("field").asText()).isEqualTo("file");
    // Kind and title are refused together, each by its field; without a file the file too.
    HttpResponse<String> bad = mara.postFile("/vom/cases/" + caseNumber + "/documents", Map.of("kind", "selfie", "title", " a\n"),
        "file", "a.pdf", "application/pdf", PDF, CHANGE);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).path("errors").findValuesAsText("field")).containsExactly("kind", "title");
    HttpResponse<String> noFile = mara.postFile("/vom/cases/" + caseNumber + "/documents", fields, "other", "a.pdf",
        "application/pdf", PDF, CHANGE);
    assertThat(json(noFile).path("errors").findValuesAsText("field")).containsExactly("file");
    HttpResponse<String> json = mara.postJsonWithHeader("/vom/cases/" + caseNumber + "/documents", "{}", "X-VOM-Request", "1");
    assertThat(json.statusCode()).isEqualTo(415);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vom_document WHERE case_number = ? AND uploaded_by IS NOT NULL",
        Integer.class, caseNumber)).isZero();
  }

  @Test
  void theCaseFilesRuleDecidesWhoMayAddAndADeletedCaseTakesNothing() throws Exception {
    String caseNumber = assignedToMara();
    String path = "/vom/cases/" + caseNumber + "/documents";
    Map<String, String> fields = Map.of("kind", "other", "title", "Some paper");
    assertThat(upload(rest("jonas"), path, fields).statusCode()).as("another mediator").isEqualTo(404);
    HttpResponse<String> supervisor = upload(rest("sam"), path, fields);
    assertThat(supervisor.statusCode()).as("a supervisor reads only").isEqualTo(403);
    for (String user : List.of("admin", "policeapi")) {
      HttpResponse<String> refused = upload(rest(user), path, fields);
      assertThat(refused.statusCode()).as(user).isIn(403, 404);
      assertThat(refused.body()).as(user).doesNotContain("Some paper", "mara");
    }
    assertThat(upload(anonymous(), path, fields).statusCode()).isEqualTo(401);
    // A cross-site form cannot add the header the case file's changes need.
    assertThat(rest("mara").postFile(path, fields, "file", "a.pdf", "application/pdf", PDF).statusCode()).isEqualTo(403);
    assertThat(upload(rest("clara"), "/vom/cases/VOM-1999-99999/documents", fields).statusCode()).isEqualTo(404);
    assertThat(rest("jonas").postJsonWithHeader("/vom/cases/" + caseNumber + "/notes", "{\"text\":\"hello\"}", CHANGE[0],
        CHANGE[1]).statusCode()).isEqualTo(404);
    assertThat(rest("sam").postJsonWithHeader("/vom/cases/" + caseNumber + "/notes", "{\"text\":\"hello\"}", CHANGE[0],
        CHANGE[1]).statusCode()).isEqualTo(403);
    assertThat(rest("admin").postJsonWithHeader("/vom/cases/" + caseNumber + "/notes", "{\"text\":\"hello\"}", CHANGE[0],
        CHANGE[1]).statusCode()).isIn(403, 404);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vom_document WHERE case_number = ? AND uploaded_by IS NOT NULL",
        Integer.class, caseNumber)).isZero();

    // Through Tasklist's session (no Basic auth), as the case overview's form sends it.
    Http tasklist = new Http(port);
    assertThat(tasklist.loginToWebapp("tasklist", "mara", DEMO_PASSWORD).statusCode()).isEqualTo(200);
    assertThat(upload(tasklist, path, fields).statusCode()).isEqualTo(201);
    assertThat(tasklist.postJsonWithHeader("/vom/cases/" + caseNumber + "/notes", "{\"text\":\"Called the office\"}", CHANGE[0],
        CHANGE[1]).statusCode()).isEqualTo(201);

    // Deleted by the retention (R20): nothing more, in words; the register keeps no personal data of the case (the
    // referral as registered with the rest).
    assertThat(registry.registeredReferral(caseNumber)).hasValueSatisfying(referral -> assertThat(referral).contains(caseNumber));
    registry.forget(caseNumber, java.time.OffsetDateTime.now());
    assertThat(registry.registeredReferral(caseNumber)).isEmpty();
    assertThat(jdbc.queryForMap("SELECT persons, referrer_name, referrer_email, referred_by, referrer_reference"
        + " FROM vom_case WHERE case_number = ?", caseNumber).values()).containsOnlyNulls();
    HttpResponse<String> deleted = upload(rest("clara"), path, fields);
    assertThat(deleted.statusCode()).isEqualTo(409);
    assertThat(json(deleted).path("message").asText()).contains("deleted");
    assertThat(rest("clara").postJsonWithHeader("/vom/cases/" + caseNumber + "/notes", "{\"text\":\"Too late\"}", CHANGE[0],
        CHANGE[1]).statusCode()).isEqualTo(409);
  }

  @Test
  void aNoteIsShownWithAuthorAndTimeToEveryReaderOfTheCase() throws Exception {
    Http mara = rest("mara");
    String caseNumber = assignedToMara();
    String path = "/vom/cases/" + caseNumber + "/notes";
    HttpResponse<String> added = mara.postJsonWithHeader(path, "{\"text\":\"  The prosecutor's office will send the mandate"
        + " by post.\\r\\nCall back on Monday.\\u0007 \"}", CHANGE[0], CHANGE[1]);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    JsonNode note = json(added);
    assertThat(note.path("text").asText()).isEqualTo("The prosecutor's office will send the mandate by post.\nCall back on Monday.");
    assertThat(note.path("writtenBy").asText()).isEqualTo("mara");
    assertThat(note.path("writtenAt").asText()).isNotBlank();

    for (String reader : List.of("mara", "clara", "sam")) {
      JsonNode notes = json(ok(rest(reader).get("/vom/case-file?case=" + caseNumber))).path("notes");
      assertThat(notes).as(reader).anySatisfy(n -> {
        assertThat(n.path("id").asText()).isEqualTo(note.path("id").asText());
        assertThat(n.path("writtenBy").asText()).isEqualTo("mara");
        assertThat(n.path("text").asText()).startsWith("The prosecutor's office");
      });
    }
    JsonNode overview = json(ok(mara.get("/vom/cases/" + caseNumber)));
    assertThat(overview.path("notes")).hasSize(1);
    assertThat(overview.path("timeline")).anySatisfy(item -> {
      assertThat(item.path("kind").asText()).isEqualTo("note");
      assertThat(item.path("who").asText()).isEqualTo("mara");
      assertThat(item.path("at").asText()).isEqualTo(note.path("writtenAt").asText());
      assertThat(item.path("subject").asText()).startsWith("The prosecutor's office");
    });
    // Not the confidential notes: those stay apart.
    assertThat(overview.path("confidentialNotes").toString()).doesNotContain("prosecutor's office");

    for (String[] bad : new String[][] {{"{\"text\":\"\"}", "text"}, {"{\"text\":\"   \"}", "text"}, {"{}", "text"},
        {"{\"text\":\"ab\"}", "text"}, {"{\"text\":\"" + "x".repeat(2001) + "\"}", "text"}, {"{\"text\":42}", "text"},
        {"{\"text\":\"fine text\",\"author\":\"lea\"}", "author"}}) {
      HttpResponse<String> response = mara.postJsonWithHeader(path, bad[0], CHANGE[0], CHANGE[1]);
      assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
      assertThat(json(response).path("errors").get(0).path("field").asText()).as(bad[0]).isEqualTo(bad[1]);
    }
    assertThat(mara.postJsonWithHeader(path, "{\"text\":", CHANGE[0], CHANGE[1]).statusCode()).isEqualTo(400);
    assertThat(ok(mara.get("/vom/case-file?case=" + caseNumber)).body()).doesNotContain("fine text");
    assertThat(jdbc.queryForList("SELECT detail FROM vom_audit WHERE case_number = ? AND action = 'note_added'", String.class,
        caseNumber)).singleElement().satisfies(detail -> assertThat(detail).contains(note.path("id").asText())
        .doesNotContain("prosecutor"));
  }

  private String assignedToMara() throws Exception {
    String instanceId = CaseApi.assignedCase(engine, rest("policeapi"), rest("clara"));
    return CaseApi.caseNumber(engine, instanceId);
  }

  private static HttpResponse<String> upload(Http user, String path, Map<String, String> fields) {
    return user.postFile(path, fields, "file", "paper.pdf", "application/pdf", PDF, CHANGE);
  }

  private static JsonNode documentOf(JsonNode documents, String id) {
    for (JsonNode document : documents) {
      if (document.path("id").asText().equals(id)) {
        return document;
      }
    }
    throw new AssertionError("document " + id + " not in " + documents);
  }

  private static HttpResponse<String> ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }
}
