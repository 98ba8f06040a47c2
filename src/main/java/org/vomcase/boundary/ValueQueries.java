package org.vomcase.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.vomcase.kernel.ErrorText;

/**
 * A query that filters or sorts by a variable's value tells its caller something about that value,
 * whatever the variable permissions say (the engine checks them on reading values, not on filtering by
 * them). Callers who may not read a case's values (administrators, referring systems) therefore send no
 * query to the engine that names a variable, in its parameters or its JSON body. (The application's own
 * endpoints take no such queries.)
 */
final class ValueQueries {

  private ValueQueries() {}

  static Refusal check(BoundaryRequest request) {
    Refusal inReturn = valuesInReturn(request);
    if (inReturn != null) {
      return inReturn;
    }
    if (request.caller().readsValues() || request.caller().isAnonymous() || request.route().entry() == Entry.APPLICATION) {
      return null;
    }
    for (Map.Entry<String, String[]> parameter : request.query().entrySet()) {
      if (namesVariable(parameter.getKey())) {
        for (String value : parameter.getValue()) {
          if (!value.isBlank() && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            return refusal(parameter.getKey());
          }
        }
      }
      if (parameter.getKey().equalsIgnoreCase("sortBy")) {
        for (String value : parameter.getValue()) {
          if (namesVariable(value)) {
            return refusal(parameter.getKey());
          }
        }
      }
    }
    if (!request.hasJsonBody()) {
      return null;
    }
    try {
      String field = variableField(request.json(), 0);
      return field == null ? null : refusal(field);
    } catch (BoundaryRequest.UnreadableBody e) {
      return e.refusal().status() == 413 ? e.refusal() : null; // the route itself answers a body it cannot read
    }
  }

  /**
   * A list or query that would carry the variables of what it finds ({@code withTaskVariablesInReturn},
   * {@code withTaskLocalVariablesInReturn} of the task query, in its parameters or its body): refused for every role, since
   * it would hand out every value of every task's case past the forms (which show a task's values, only those its form
   * reads). A task form's submission keeps {@code withVariablesInReturn}: its answer is cut to the form's own values.
   */
  private static Refusal valuesInReturn(BoundaryRequest request) {
    if (request.route().entry() == Entry.APPLICATION || request.route().rules().contains(FormSubmissions.TASK_FORM)) {
      return null;
    }
    for (Map.Entry<String, String[]> parameter : request.query().entrySet()) {
      if (asksValuesInReturn(parameter.getKey())) {
        for (String value : parameter.getValue()) {
          if (!value.isBlank() && !value.equalsIgnoreCase("false")) {
            return inReturnRefusal(parameter.getKey());
          }
        }
      }
    }
    if (!request.hasJsonBody()) {
      return null;
    }
    try {
      JsonNode body = request.json();
      if (body != null && body.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
          Map.Entry<String, JsonNode> field = fields.next();
          JsonNode value = field.getValue();
          if (asksValuesInReturn(field.getKey()) && !value.isNull() && !(value.isBoolean() && !value.asBoolean())
              && !value.asText("").equalsIgnoreCase("false")) {
            return inReturnRefusal(field.getKey());
          }
        }
      }
      return null;
    } catch (BoundaryRequest.UnreadableBody e) {
      return e.refusal().status() == 413 ? e.refusal() : null;
    }
  }

  private static boolean asksValuesInReturn(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.contains("variables") && lower.contains("inreturn");
  }

  private static Refusal inReturnRefusal(String field) {
    return Refusal.field(field, field, ErrorText.of("error.query.noValuesInAList"));
  }

  private static String variableField(JsonNode node, int depth) {
    if (node == null || depth > 20) {
      return null;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        String found = variableField(item, depth + 1);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (namesVariable(field.getKey()) && ((value.isTextual() && !value.asText().isBlank())
          || (value.isContainerNode() && !value.isEmpty()))) {
        return field.getKey();
      }
      if (field.getKey().equalsIgnoreCase("sortBy") && namesVariable(field.getValue().asText(""))) {
        return field.getKey();
      }
      String found = variableField(field.getValue(), depth + 1);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static boolean namesVariable(String name) {
    return name.toLowerCase(Locale.ROOT).contains("variable");
  }

  private static Refusal refusal(String field) {
    return Refusal.field(field, field, ErrorText.of("error.query.byValues"));
  }
}
