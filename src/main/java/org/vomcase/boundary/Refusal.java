package org.vomcase.boundary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why the boundary refuses a request: an HTTP status and a message, and for a refused field its name,
 * the form's label and what is wrong, as {@code {"message": ..., "errors": [{"field", "label", "message"}]}}.
 */
public record Refusal(int status, String type, String message, List<FieldProblem> errors, String reference) {

  public Refusal(int status, String type, String message, List<FieldProblem> errors) {
    this(status, type, message, errors, null);
  }

  /** One field the request got wrong. */
  public record FieldProblem(String field, String label, String message) {}

  public static Refusal forbidden(String message) {
    return new Refusal(403, "Forbidden", message, List.of());
  }

  public static Refusal badRequest(String message) {
    return new Refusal(400, "InvalidRequest", message, List.of());
  }

  public static Refusal fields(String message, List<FieldProblem> errors) {
    return new Refusal(400, "InvalidRequest", message, List.copyOf(errors));
  }

  public static Refusal field(String field, String label, String message) {
    return fields(label + ": " + message, List.of(new FieldProblem(field, label, message)));
  }

  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    List<Map<String, String>> problems = new ArrayList<>();
    for (FieldProblem problem : errors) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("field", problem.field());
      entry.put("label", problem.label());
      entry.put("message", problem.message());
      problems.add(entry);
    }
    body.put("errors", problems);
    if (reference != null) {
      body.put("reference", reference);
    }
    return body;
  }
}
