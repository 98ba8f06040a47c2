package org.vomcase.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.vomcase.boundary.DatabaseProbe;
import org.vomcase.boundary.ErrorContract;
import org.vomcase.boundary.Refusal;
import org.vomcase.casefile.DocumentUploads;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.ErrorText;
import org.vomcase.settings.StaffLanguage;

/**
 * The error contract of the application's own endpoints ({@code /api}, {@code /vom}), the same as the
 * engine's routes get at the boundary ({@link ErrorContract}): a caller's mistake is a 400 naming each field
 * with the label of the matching form (the referral form for referrals, the case-event form for case
 * events), a database that does not answer a 503, anything unexpected a 500 with a reference.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
public class ApiErrors {

  private final DatabaseProbe database;
  private final DocumentUploads uploads;
  private final StaffLanguage language;

  public ApiErrors(DatabaseProbe database, DocumentUploads uploads, StaffLanguage language) {
    this.database = database;
    this.uploads = uploads;
    this.language = language;
  }

  @ExceptionHandler(CaseInputException.class)
  public ResponseEntity<Map<String, Object>> mistake(CaseInputException e, HttpServletRequest request) {
    return answer(ErrorContract.mistake(e, ErrorContract.classpathForm(formOf(request), language)));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<Map<String, Object>> unreadable(HttpServletRequest request) {
    String key = request.getRequestURI().startsWith("/vom/migrations") ? "error.body.notAMigrationRequest"
        : request.getRequestURI().endsWith("/notes") ? "error.body.notANote"
        : formOf(request).equals("referral") ? "error.body.notAReferral" : "error.body.notACaseEvent";
    return answer(Refusal.badRequest(ErrorText.of(key)));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  public ResponseEntity<Map<String, Object>> mediaType() {
    return answer(new Refusal(415, "UnsupportedMediaType", ErrorText.of("error.body.json"), List.of()));
  }

  /** A body larger than the multipart limits ({@code UploadLimits}): 413, naming the file. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  public ResponseEntity<Map<String, Object>> tooLarge() {
    Refusal.FieldProblem problem = new Refusal.FieldProblem("file", language.text("staff.caseFile.file"),
        ErrorText.of("error.upload.larger", uploads.maxSizeText()));
    Refusal refusal = Refusal.fields(List.of(problem), Refusal.FIELDS_TO_CORRECT);
    return answer(new Refusal(413, "PayloadTooLarge", refusal.message(), refusal.errors(), null, refusal.text()));
  }

  @ExceptionHandler(MultipartException.class)
  public ResponseEntity<Map<String, Object>> unreadableUpload() {
    return answer(Refusal.badRequest(ErrorText.of("error.upload.unreadable")));
  }

  @ExceptionHandler(AuthorizationException.class)
  public ResponseEntity<Map<String, Object>> forbidden() {
    return answer(Refusal.forbidden(ErrorText.of("error.notAllowed")));
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<Map<String, Object>> fault(Exception e, HttpServletRequest request) {
    if (!database.reachableAfterFailure()) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
          .body(ErrorContract.unavailable().body(language));
    }
    return answer(ErrorContract.fault(request.getMethod() + " " + request.getRequestURI(), e.toString(), e));
  }

  private static String formOf(HttpServletRequest request) {
    return request.getRequestURI().contains("/referrals") ? "referral" : "record-case-event";
  }

  private ResponseEntity<Map<String, Object>> answer(Refusal refusal) {
    return ResponseEntity.status(refusal.status()).body(refusal.body(language));
  }
}
