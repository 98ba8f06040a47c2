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

  /**
   * A variable the form writes, or a field of a group: its path, its label and, for a group or list, its nested
   * fields by key (groups in groups too: {@code victim1.guardian1.phone}).
   */
  public record Field(String name, String label, Map<String, Field> children) {
    public boolean nested() {
      return children != null;
    }
  }

  private static final Set<String> CONTAINERS = Set.of("group", "dynamiclist");

  private final String title;
  private final Map<String, Field> writable = new LinkedHashMap<>();
  private final Set<String> shown = new LinkedHashSet<>();
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, String> types = new LinkedHashMap<>();
  private final Set<String> read = new LinkedHashSet<>();

  private FormFields(String title) {
    this.title = title;
  }

  public static FormFields parse(String formJson) {
    try {
      JsonNode form = BoundaryRequest.JSON.readTree(formJson);
      String title = form.path("id").asText("form");
      FormFields fields = new FormFields(title);
      fields.walk(form.path("components"), null);
      fields.collectReads(form.path("components"), 0);
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

  /**
   * Every variable the form reads: its fields and groups, the option lists it draws from ({@code valuesKey}) and
   * every name its expressions and templates mention (conditions, computed fields, {@code {{...}}} in texts).
   * What a form route answers is cut to these: the form shows nothing else, so its person needs nothing else.
   */
  public Set<String> readNames() {
    return read;
  }

  /** The form-js type of the field at a path ({@code textfield}, {@code number}, {@code checkbox}, ...), or null. */
  public String type(String path) {
    return types.get(path);
  }

  /**
   * The field's label as the form shows it: "Offence category", "Victim 1 – Full name". A referral's list
   * paths ({@code victims[0].dateOfBirth}) are the form's groups ({@code victim1.dateOfBirth}).
   */
  public String label(String path) {
    String own = formPath(path);
    if (labels.containsKey(own)) {
      return labels.get(own);
    }
    for (int dot = own.lastIndexOf('.'); dot > 0; dot = own.lastIndexOf('.', dot - 1)) {
      if (labels.containsKey(own.substring(0, dot))) {
        return labels.get(own.substring(0, dot)) + " – " + own.substring(dot + 1);
      }
    }
    java.util.regex.Matcher listItem = LIST_ITEM.matcher(path);
    if (listItem.matches()) {
      int number = Integer.parseInt(listItem.group(2)) + 1;
      String person = Character.toUpperCase(listItem.group(1).charAt(0)) + listItem.group(1).substring(1) + " " + number;
      Field first = writable.get(listItem.group(1) + "1");
      Field nested = listItem.group(3) == null || first == null || first.children() == null ? null
          : first.children().get(listItem.group(3));
      String child = nested == null ? listItem.group(3) : nested.label();
      return child == null ? person : person + " – " + child;
    }
    if (path.equals("victims") || path.equals("offenders")) {
      return Character.toUpperCase(path.charAt(0)) + path.substring(1);
    }
    return path;
  }

  /** A referral's list path as this form names the field ({@code victims[1].name} is {@code victim2.name}), if it has it. */
  public String formPath(String path) {
    java.util.regex.Matcher listItem = LIST_ITEM.matcher(path);
    if (listItem.matches()) {
      String group = listItem.group(1) + (Integer.parseInt(listItem.group(2)) + 1);
      String own = listItem.group(3) == null ? group : group + "." + formGuardians(listItem.group(3));
      if (labels.containsKey(own) || labels.containsKey(group)) {
        return own; // a rule of the whole group (its contact) is named at the group's path
      }
    }
    return path;
  }

  private static final java.util.regex.Pattern LIST_ITEM =
      java.util.regex.Pattern.compile("(victim|offender)s\\[(\\d+)\\](?:\\.([\\w.\\[\\]]+))?");
  private static final java.util.regex.Pattern GUARDIAN_ITEM = java.util.regex.Pattern.compile("guardians\\[(\\d+)\\]");

  /** A person's guardians as the form's sub-groups name them: {@code guardians[1].phone} is {@code guardian2.phone}. */
  private static String formGuardians(String rest) {
    java.util.regex.Matcher item = GUARDIAN_ITEM.matcher(rest);
    StringBuilder named = new StringBuilder();
    while (item.find()) {
      item.appendReplacement(named, "guardian" + (Integer.parseInt(item.group(1)) + 1));
    }
    item.appendTail(named);
    String own = named.toString();
    return own.equals("guardians") ? "guardian1" : own;
  }

  private void walk(JsonNode components, Field group) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      String key = text(component, "key");
      String path = text(component, "path");
      String label = text(component, "label") != null ? text(component, "label") : text(component, "dateLabel");
      boolean showsOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)
          || "expression".equals(type);
      if (key != null) {
        String fieldPath = group != null ? group.name() + "." + key : key;
        labels.put(fieldPath, group != null ? group.label() + " – " + (label != null ? label : key) : (label != null ? label : key));
        types.put(fieldPath, type);
        if (group != null) {
          group.children().put(key, new Field(fieldPath, label != null ? label : key, null));
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
          labels.put(variable, container.label());
          types.put(variable, type);
          if (container.children() != null) {
            walk(component.path("components"), container);
          }
        } else if (path != null && group.children() != null && !path.contains(".")) {
          // a group in a group: its own object inside the outer one (victim1.guardian1)
          String nestedPath = group.name() + "." + path;
          String nestedLabel = group.label() + " – " + (label != null ? label : path);
          Field nested = group.children().computeIfAbsent(path, p -> new Field(nestedPath, nestedLabel, new LinkedHashMap<>()));
          labels.put(nestedPath, nestedLabel);
          types.put(nestedPath, type);
          walk(component.path("components"), nested);
        } else {
          walk(component.path("components"), group);
        }
      }
    }
  }

  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final java.util.regex.Pattern TEMPLATE = java.util.regex.Pattern.compile("\\{\\{(.*?)}}",
      java.util.regex.Pattern.DOTALL);

  /** The top-level variables a component tree reads (see {@link #readNames}). */
  private void collectReads(JsonNode components, int depth) {
    if (depth > 30) {
      return;
    }
    for (JsonNode component : components) {
      boolean grouped = CONTAINERS.contains(component.path("type").asText("")) && text(component, "path") != null;
      for (String own : new String[] {"key", "path", "valuesKey"}) {
        String name = text(component, own);
        if (name != null) {
          read.add(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
        }
      }
      mentions(component);
      if (component.has("components") && !grouped) {
        collectReads(component.path("components"), depth + 1);
      } else if (component.has("components")) {
        mentionsBelow(component.path("components"), 0);
      }
    }
  }

  /**
   * Names in a group's own fields: their expressions and templates, and the option lists they draw from (its keys
   * are the group's, not variables).
   */
  private void mentionsBelow(JsonNode components, int depth) {
    if (depth > 30) {
      return;
    }
    for (JsonNode component : components) {
      String options = text(component, "valuesKey");
      if (options != null) {
        read.add(options);
      }
      mentions(component);
      if (component.has("components")) {
        mentionsBelow(component.path("components"), depth + 1);
      }
    }
  }

  /** The names in a component's FEEL expressions ({@code =...}) and text templates ({@code {{...}}}), not in its children. */
  private void mentions(JsonNode component) {
    for (java.util.Iterator<Map.Entry<String, JsonNode>> fields = component.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getKey().equals("components")) {
        mentionsIn(field.getValue(), 0);
      }
    }
  }

  private void mentionsIn(JsonNode value, int depth) {
    if (depth > 10) {
      return;
    }
    if (value.isTextual()) {
      String text = value.asText();
      if (text.startsWith("=")) {
        names(text.substring(1));
      }
      java.util.regex.Matcher template = TEMPLATE.matcher(text);
      while (template.find()) {
        names(template.group(1));
      }
    } else if (value.isContainerNode()) {
      for (JsonNode item : value) {
        mentionsIn(item, depth + 1);
      }
    }
  }

  /** The first name of each path in an expression ({@code victim1.dateOfBirth}: victim1), outside string literals. */
  private void names(String expression) {
    String code = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    java.util.regex.Matcher name = NAME.matcher(code);
    while (name.find()) {
      int before = name.start() - 1;
      if (before < 0 || code.charAt(before) != '.') {
        read.add(name.group());
      }
    }
  }

  private static String text(JsonNode node, String field) {
    String value = node.path(field).asText(null);
    return value == null || value.isBlank() ? null : value;
  }
}
