package org.vomcase.boundary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vomcase.kernel.ErrorText;
import org.vomcase.settings.StaffLanguage;

/**
 * Why the boundary refuses a request: an HTTP status and a message, and for a refused field its name,
 * the form's label and what is wrong, as {@code {"message": ..., "errors": [{"field", "label", "message"}]}}.
 * A message given as a sentence ({@link ErrorText}: {@code text}, a problem's {@code text}) is written in the staff
 * language where the answer is written ({@link #body(StaffLanguage)}); {@link #message()} is its English, for the log.
 */
public record Refusal(int status, String type, String message, List<FieldProblem> errors, String reference,
    ErrorText text) {

  /** A problem that names several fields: "n fields need to be corrected: label: message; label: message". */
  public static final String FIELDS_TO_CORRECT = "error.fieldsToCorrect";

  public Refusal(int status, String type, String message, List<FieldProblem> errors) {
    this(status, type, message, errors, null, null);
  }

  public Refusal(int status, String type, ErrorText text, List<FieldProblem> errors) {
    this(status, type, text, errors, null);
  }

  public Refusal(int status, String type, ErrorText text, List<FieldProblem> errors, String reference) {
    this(status, type, text.english(), errors, reference, text);
  }

  /** One field the request got wrong: what is wrong in English and, where it is a sentence, as staff read it. */
  public record FieldProblem(String field, String label, String message, ErrorText text) {

    public FieldProblem(String field, String label, String message) {
      this(field, label, message, null);
    }

    public FieldProblem(String field, String label, ErrorText text) {
      this(field, label, text.english(), text);
    }

    /** What is wrong, in {@code language}. */
    public String message(StaffLanguage language) {
      return text == null ? message : language.text(text);
    }

    /** "label: what is wrong", a sentence to name in the refusal's message. */
    ErrorText withLabel() {
      return ErrorText.of("error.field", label, text == null ? ErrorText.of("error.text", message) : text);
    }
  }

  public static Refusal forbidden(String message) {
    return new Refusal(403, "Forbidden", message, List.of());
  }

  public static Refusal forbidden(ErrorText text) {
    return new Refusal(403, "Forbidden", text, List.of());
  }

  public static Refusal badRequest(String message) {
    return new Refusal(400, "InvalidRequest", message, List.of());
  }

  public static Refusal badRequest(ErrorText text) {
    return new Refusal(400, "InvalidRequest", text, List.of());
  }

  /**
   * The problems of a request's fields: the message names the one ("label: what is wrong") or says the sentence {@code
   * manyKey} with their number and the problems ({@code {0}}, {@code {1}}).
   */
  public static Refusal fields(List<FieldProblem> errors, String manyKey) {
    ErrorText text = errors.size() == 1 ? errors.get(0).withLabel()
        : ErrorText.of(manyKey, errors.size(), errors.stream().map(FieldProblem::withLabel).toList());
    return new Refusal(400, "InvalidRequest", text, List.copyOf(errors));
  }

  public static Refusal field(String field, String label, String message) {
    return fields(List.of(new FieldProblem(field, label, message)), FIELDS_TO_CORRECT);
  }

  public static Refusal field(String field, String label, ErrorText text) {
    return fields(List.of(new FieldProblem(field, label, text)), FIELDS_TO_CORRECT);
  }

  /** The answer in English. */
  public Map<String, Object> body() {
    return body(StaffLanguage.of(StaffLanguage.SOURCE));
  }

  /** The answer as staff read it: its sentences in {@code language}. */
  public Map<String, Object> body(StaffLanguage language) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", text == null ? message : language.text(text));
    List<Map<String, String>> problems = new ArrayList<>();
    for (FieldProblem problem : errors) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("field", problem.field());
      entry.put("label", problem.label());
      entry.put("message", problem.message(language));
      problems.add(entry);
    }
    body.put("errors", problems);
    if (reference != null) {
      body.put("reference", reference);
    }
    return body;
  }
}
