package org.vomcase.kernel;

import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/** Reading the case's Json variables (persons, consent book, preparations), whichever way they were stored. */
public final class JsonVariables {

  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

  private JsonVariables() {}

  /** A Json variable's value as stored: Json, so that Cockpit and the REST API show it as JSON. */
  public static org.camunda.spin.plugin.variable.value.JsonValue json(SpinJsonNode node) {
    return org.camunda.spin.plugin.variable.SpinValues.jsonValue(node.toString()).create();
  }

  /** A Json list's elements, or none while the variable does not exist. */
  public static java.util.List<SpinJsonNode> elements(Object value) {
    return value == null ? java.util.List.of() : node(value).elements();
  }

  /** A text property of a Json object, or "" when it is missing or null. */
  public static String text(SpinJsonNode node, String field) {
    if (node == null || !node.hasProp(field) || node.prop(field).isNull()) {
      return "";
    }
    SpinJsonNode value = node.prop(field);
    return value.isString() ? value.stringValue() : value.toString();
  }

  /** The variable's value as a Json node: a Json variable as it is, JSON text parsed. */
  public static SpinJsonNode node(Object value) {
    if (value instanceof SpinJsonNode node) {
      return node;
    }
    if (value instanceof String text) {
      return Spin.JSON(text);
    }
    if (value instanceof java.util.Map<?, ?> || value instanceof java.util.List<?>) {
      try {
        return Spin.JSON(MAPPER.writeValueAsString(value));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("Not JSON: " + value, e);
      }
    }
    throw new IllegalStateException("Expected Json, got " + value);
  }

  /** A Json object variable, or an empty object while the variable does not exist yet. */
  public static SpinJsonNode objectOrEmpty(Object value) {
    return value == null ? Spin.JSON("{}") : node(value);
  }
}
