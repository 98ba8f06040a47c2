package org.vomcase.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a Camunda Form (form-js) lets a person set: the variables its input fields write, with their
 * labels, and the nested keys of its groups and dynamic lists. Read-only, disabled and computed fields
 * show values; they set nothing (form-js still submits read-only fields, so the boundary drops them).
 */
public final class FormFields {

  /** A variable the form writes: its label and, for a group or list, the labels of its nested keys. */
  public record Field(String name, String label, Map<String, String> children) {
    public boolean nested() {
      return children != null;
    }
  }

  private static final Set<String> CONTAINERS = Set.of("group", "dynamiclist");

  private final String title;
  private final Map<String, Field> writable = new LinkedHashMap<>();
  private final Set<String> shown = new LinkedHashSet<>();

  private FormFields(String title) {
    this.title = title;
  }

  public static FormFields parse(String formJson) {
    try {
      JsonNode form = BoundaryRequest.JSON.readTree(formJson);
      String title = form.path("id").asText("form");
      FormFields fields = new FormFields(title);
      fields.walk(form.path("components"), null);
      return fields;
    } catch (IOException e) {
      throw new IllegalStateException("A deployed form is not JSON", e);
    }
  }

  /** The form's id (its name in messages where no label helps). */
  public String title() {
    return title;
  }

  public Field writable(String variable) {
    return writable.get(variable);
  }

  /** A field the form only shows (read-only, disabled, computed): submitted values for it are dropped. */
  public boolean onlyShows(String variable) {
    return shown.contains(variable) && !writable.containsKey(variable);
  }

  public Set<String> writableNames() {
    return writable.keySet();
  }

  private void walk(JsonNode components, Field group) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      String key = text(component, "key");
      String path = text(component, "path");
      String label = text(component, "label");
      boolean showsOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)
          || "expression".equals(type);
      if (key != null) {
        if (group != null) {
          group.children().put(key, label != null ? label : key);
        } else {
          String variable = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
          if (showsOnly) {
            shown.add(variable);
          } else {
            writable.putIfAbsent(variable, new Field(variable, label != null ? label : variable, null));
          }
        }
      }
      if (CONTAINERS.contains(type) && component.has("components")) {
        if (path != null && group == null) {
          String variable = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
          Field container = writable.computeIfAbsent(variable, v -> new Field(v, label != null ? label : v,
              path.contains(".") ? null : new LinkedHashMap<>()));
          if (container.children() != null) {
            walk(component.path("components"), container);
          }
        } else {
          walk(component.path("components"), group);
        }
      }
    }
  }

  private static String text(JsonNode node, String field) {
    String value = node.path(field).asText(null);
    return value == null || value.isBlank() ? null : value;
  }
}
