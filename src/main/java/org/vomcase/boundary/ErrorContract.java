package org.vomcase.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.ErrorText;
import org.vomcase.settings.StaffLanguage;

/**
 * One error contract for every entry: a user's mistake answers 400 (a conflict 409) with
 * {@code {"message", "errors": [{"field", "label", "message"}]}}, where {@code label} is the form's own label and the
 * messages are sentences in the staff language ({@link Refusal#body(StaffLanguage)}, where the answer is written);
 * no engine class names, no stack traces, no internal ids. An unexpected fault stays 500 and carries a
 * reference the user can quote; the log has the same reference with the details. A database that does not
 * answer gives 503 with {@code Retry-After}.
 */
public final class ErrorContract {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorContract.class);

  /** Engine exceptions that are a conflict with what someone else did, not a fault. */
  private static final Map<String, String> CONFLICTS = Map.of(
      "TaskAlreadyClaimedException", "error.conflict.claimed",
      "OptimisticLockingException", "error.conflict.changedMeanwhile",
      "SuspendedEntityInteractionException", "error.conflict.suspended");

  private static final Set<String> GONE = Set.of("NullValueException", "NotFoundException");

  private static final Map<String, FormFields> CLASSPATH_FORMS = new ConcurrentHashMap<>();

  private ErrorContract() {}

  /** The 400 of a user's mistake, every field with the form's label. */
  public static Refusal mistake(CaseInputException mistake, FormFields form) {
    return mistake(mistake, form, false);
  }

  /**
   * The 400 of a user's mistake in a form submission ({@code submitted}: the fields are named as the form names
   * them, so that Tasklist can mark them) or through an API (the API's own field names), with the form's labels.
   */
  public static Refusal mistake(CaseInputException mistake, FormFields form, boolean submitted) {
    List<Refusal.FieldProblem> problems = mistake.problems().stream()
        .map(p -> new Refusal.FieldProblem(form == null || !submitted ? p.field() : form.formPath(p.field()),
            form == null ? p.field() : form.label(p.field()), p.message(), p.text())).toList();
    return Refusal.fields(problems, Refusal.FIELDS_TO_CORRECT);
  }

  /** A form of the application's own (the referral form, the case-event form) for the labels of its API's errors. */
  public static FormFields classpathForm(String form) {
    return classpathForm(form, StaffLanguage.of(StaffLanguage.SOURCE));
  }

  /** The same, its labels as staff read them. */
  public static FormFields classpathForm(String form, StaffLanguage language) {
    if (form == null) {
      return null;
    }
    return CLASSPATH_FORMS.computeIfAbsent(form + "." + language.code(), key -> {
      String name = form;
      try (InputStream in = ErrorContract.class.getResourceAsStream("/forms/" + name + ".form")) {
        return in == null ? null
            : FormFields.parse(new String(language.translateForm(in.readAllBytes()), StandardCharsets.UTF_8));
      } catch (IOException e) {
        return null;
      }
    });
  }

  /** The database did not answer. */
  public static Refusal unavailable() {
    return new Refusal(503, "ServiceUnavailable", ErrorText.of("error.unavailable"), List.of());
  }

  /** An unexpected fault: a reference for the user, the details for the log. */
  public static Refusal fault(String what, String details) {
    return fault(what, details, null);
  }

  /** An unexpected fault with its exception, logged with its stack trace under the reference the user gets. */
  public static Refusal fault(String what, String details, Throwable cause) {
    String reference = UUID.randomUUID().toString().substring(0, 8);
    LOG.error("Unexpected fault (reference {}) in {}: {}", reference, what, details, cause);
    return new Refusal(500, "ServerError", ErrorText.of("error.fault", reference), List.of(), reference);
  }

  /**
   * What the user should see instead of an engine error answer, or null to keep it: a conflict (409), a gone
   * object (404), a refused request in the engine's words without its codes (400), an unexpected fault (500).
   */
  static Refusal replaceEngineError(int status, JsonNode body, String what) {
    String type = body == null ? "" : body.path("type").asText("");
    String message = body == null ? "" : clean(body.path("message").asText(""));
    if (status >= 500) {
      if (CONFLICTS.containsKey(type)) {
        return new Refusal(409, "Conflict", ErrorText.of(CONFLICTS.get(type)), List.of());
      }
      if (GONE.contains(type)) {
        // The engine's own words where it has some (not a sentence of ours: as it says them).
        return message.isBlank() ? new Refusal(404, "NotFound", ErrorText.of("error.notFound"), List.of())
            : new Refusal(404, "NotFound", message, List.of());
      }
      return fault(what, body == null ? "(no body)" : body.toString());
    }
    if (status == 400 && message.matches("(?s).*(ENGINE-\\d+|Exception|\\bjava\\.|org\\.camunda).*")) {
      return Refusal.badRequest(ErrorText.of("error.engineRefused", message.replaceAll(
          "(?:[a-z]+\\.)+([A-Z][A-Za-z]+(?:Exception|Error))", "$1").replaceAll("(?:java|org)\\.[\\w.$]+", "a value")));
    }
    return null;
  }

  private static String clean(String engineMessage) {
    return engineMessage.replaceAll("ENGINE-\\d+\\s*", "").trim();
  }
}
