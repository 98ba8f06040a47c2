package org.vomcase.process;

import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/** Reading the case's Json variables (persons, consent book, preparations), whichever way they were stored. */
public final class JsonVariables {

  private JsonVariables() {}

  /** The variable's value as a Json node: a Json variable as it is, JSON text parsed. */
  public static SpinJsonNode node(Object value) {
    if (value instanceof SpinJsonNode node) {
      return node;
    }
    if (value instanceof String text) {
      return Spin.JSON(text);
    }
    throw new IllegalStateException("Expected Json, got " + value);
  }

  /** A Json object variable, or an empty object while the variable does not exist yet. */
  public static SpinJsonNode objectOrEmpty(Object value) {
    return value == null ? Spin.JSON("{}") : node(value);
  }
}
