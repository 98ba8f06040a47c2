package org.vomcase.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.vomcase.boundary.Refusal;
import org.vomcase.casefile.CaseClosedToAdditions;
import org.vomcase.casefile.CaseFileInputException;
import org.vomcase.casefile.CaseNotes;
import org.vomcase.casefile.DocumentUploads;
import org.vomcase.kernel.ErrorText;
import org.vomcase.kernel.Roles;
import org.vomcase.settings.StaffLanguage;

/**
 * What a mediator or a coordinator adds to a case file by hand (README "The mediator's desk"):
 * <ul>
 *   <li>{@code POST /vom/cases/<case number>/documents}, multipart/form-data {@code file}, {@code kind}, {@code title}: a
 *       PDF, PNG or JPEG document (checked by {@link DocumentUploads}); 201 with the document and its download address;
 *   <li>{@code POST /vom/cases/<case number>/notes}, JSON {@code {"text": ...}}: a plain note ({@link CaseNotes}); 201.
 * </ul>
 * Who may is the case file's rule ({@link CaseFileController}): a case the caller may not read is 404 (another mediator's,
 * or any case for anyone but mediators, coordinators and supervisors); supervisors read and get 403; the case's
 * mediators and the coordinators add. A case the register does not know is 404, a case deleted by the retention 409.
 * A refused field is 400 naming it ({@code file}, {@code kind}, {@code title}, {@code text}) with the form's label.
 */
@RestController
public class CaseFileAdditionsController {

  /** The labels of the desk's forms to add a document or a note, in the staff language. */
  private static final Map<String, String> LABELS = Map.of("file", "staff.caseFile.file", "kind", "staff.caseFile.kind",
      "title", "staff.caseFile.title", "text", "staff.caseFile.note");

  private final IdentityService identity;
  private final CaseFileController caseFile;
  private final DocumentUploads uploads;
  private final CaseNotes notes;
  private final StaffLanguage language;

  public CaseFileAdditionsController(IdentityService identity, CaseFileController caseFile, DocumentUploads uploads,
      CaseNotes notes, StaffLanguage language) {
    this.identity = identity;
    this.caseFile = caseFile;
    this.uploads = uploads;
    this.notes = notes;
    this.language = language;
  }

  @PostMapping(value = "/vom/cases/{caseNumber}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> upload(@PathVariable String caseNumber, HttpServletRequest request)
      throws IOException {
    Callers.Caller caller = Callers.current(identity);
    Refusal refused = Callers.asSystem(identity, () -> mayAdd(caller, caseNumber, "error.caseFile.supervisorsAddNoDocuments"));
    if (refused != null) {
      return answer(refused);
    }
    if (!(request instanceof MultipartHttpServletRequest multipart)) {
      return answer(new Refusal(415, "UnsupportedMediaType", ErrorText.of("error.caseFile.multipart"), List.of()));
    }
    MultipartFile file = multipart.getFile("file");
    byte[] bytes = file == null ? null : file.getBytes();
    String fileName = file == null ? null : file.getOriginalFilename();
    try {
      DocumentUploads.Uploaded document = Callers.asSystem(identity, () -> uploads.upload(caseNumber, caller.userId(),
          multipart.getParameter("kind"), multipart.getParameter("title"), fileName, bytes));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", document.id());
      body.put("caseNumber", document.caseNumber());
      body.put("kind", document.kind());
      body.put("title", document.title());
      body.put("fileName", document.fileName());
      body.put("mediaType", document.mediaType());
      body.put("size", document.size());
      body.put("uploadedBy", document.uploadedBy());
      body.put("href", "/vom/documents/" + document.id());
      return ResponseEntity.status(201).cacheControl(CacheControl.noStore()).body(body);
    } catch (CaseFileInputException e) {
      return answer(fields(e));
    } catch (CaseClosedToAdditions e) {
      return answer(closed(e));
    }
  }

  @PostMapping(value = "/vom/cases/{caseNumber}/notes", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> note(@PathVariable String caseNumber,
      @RequestBody(required = false) JsonNode body) {
    Callers.Caller caller = Callers.current(identity);
    Refusal refused = Callers.asSystem(identity, () -> mayAdd(caller, caseNumber, "error.caseFile.supervisorsAddNoNotes"));
    if (refused != null) {
      return answer(refused);
    }
    if (body == null || !body.isObject()) {
      return answer(Refusal.badRequest(ErrorText.of("error.caseFile.noteBody")));
    }
    for (java.util.Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("text")) {
        return answer(Refusal.field(name, name, ErrorText.of("error.caseFile.notANoteField")));
      }
    }
    JsonNode text = body.path("text");
    Object value = text.isMissingNode() || text.isNull() ? null : text.isTextual() ? text.asText() : text;
    try {
      CaseNotes.Note note = Callers.asSystem(identity, () -> notes.add(caseNumber, caller.userId(), value));
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("id", note.id());
      view.put("caseNumber", note.caseNumber());
      view.put("writtenBy", note.writtenBy());
      view.put("writtenAt", note.writtenAt().toString());
      view.put("text", note.text());
      return ResponseEntity.status(201).cacheControl(CacheControl.noStore()).body(view);
    } catch (CaseFileInputException e) {
      return answer(fields(e));
    } catch (CaseClosedToAdditions e) {
      return answer(closed(e));
    }
  }

  /**
   * Null when the caller may add to the case: one of its mediators or a coordinator. A case the caller may not read is
   * "no such case" (its existence not revealed); a supervisor reads only.
   */
  private Refusal mayAdd(Callers.Caller caller, String caseNumber, String supervisorsAddNoKey) {
    boolean assignedMediator = caseFile.isAssignedMediator(caller, caseNumber);
    if (!(CaseFileController.readsAll(caller) || assignedMediator)) {
      return new Refusal(404, "NotFound", ErrorText.of("error.caseFile.noSuchCase"), List.of());
    }
    if (!(assignedMediator || caller.inAnyGroup(List.of(Roles.COORDINATORS)))) {
      return Refusal.forbidden(ErrorText.of(supervisorsAddNoKey));
    }
    return null;
  }

  private Refusal fields(CaseFileInputException e) {
    List<Refusal.FieldProblem> problems = e.problems().stream().map(p -> new Refusal.FieldProblem(p.field(),
        LABELS.containsKey(p.field()) ? language.text(LABELS.get(p.field())) : p.field(), p.message(), p.text())).toList();
    return Refusal.fields(problems, Refusal.FIELDS_TO_CORRECT);
  }

  private static Refusal closed(CaseClosedToAdditions e) {
    return e.isDeleted() ? new Refusal(409, "Conflict", ErrorText.of("error.caseFile.deleted"), List.of())
        : new Refusal(404, "NotFound", ErrorText.of("error.caseFile.noSuchCase"), List.of());
  }

  private ResponseEntity<Map<String, Object>> answer(Refusal refusal) {
    return ResponseEntity.status(refusal.status()).cacheControl(CacheControl.noStore()).body(refusal.body(language));
  }
}
