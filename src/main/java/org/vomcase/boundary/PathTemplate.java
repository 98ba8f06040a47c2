package org.vomcase.boundary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A route's path as JAX-RS and Spring MVC write it: literal segments and variables ({@code {id}} is one
 * segment, {@code {file*}} the rest of the path). Matched against a {@link CanonicalPath}.
 */
public final class PathTemplate {

  /** The more literal characters, the more specific (as JAX-RS chooses between templates that both match). */
  public static final Comparator<PathTemplate> MOST_SPECIFIC_FIRST = Comparator
      .comparingInt(PathTemplate::literalCharacters).reversed()
      .thenComparing(Comparator.comparingInt(PathTemplate::variableCount).reversed())
      .thenComparing(PathTemplate::toString);

  private final String text;
  private final List<String> segments;
  private final boolean tail;

  private PathTemplate(String text) {
    this.text = text;
    List<String> parts = new ArrayList<>();
    for (String segment : text.split("/")) {
      if (!segment.isEmpty()) {
        parts.add(segment);
      }
    }
    this.tail = !parts.isEmpty() && parts.get(parts.size() - 1).endsWith("*}");
    this.segments = List.copyOf(parts);
  }

  public static PathTemplate of(String text) {
    return new PathTemplate(normalise(text));
  }

  /** Joins JAX-RS path pieces: one slash between them, none at the end, regex variables as {@code {name}} or {@code {name*}}. */
  public static String normalise(String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.startsWith("{") && segment.endsWith("}") && segment.contains(":")) {
        String name = segment.substring(1, segment.indexOf(':')).trim();
        String regex = segment.substring(segment.indexOf(':') + 1, segment.length() - 1).trim();
        segment = "{" + name + (regex.contains(".*") || regex.contains(".+") ? "*" : "") + "}";
      }
      out.append('/').append(segment);
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  /** The variables of the path if it matches, or null. */
  public Map<String, String> match(String path) {
    String[] parts = path.equals("/") ? new String[0] : path.substring(1).split("/", -1);
    if (tail ? parts.length < segments.size() : parts.length != segments.size()) {
      return null;
    }
    Map<String, String> variables = new LinkedHashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      if (segment.startsWith("{") && segment.endsWith("*}")) {
        variables.put(segment.substring(1, segment.length() - 2), String.join("/", List.of(parts).subList(i, parts.length)));
        return variables;
      }
      if (segment.startsWith("{") && segment.endsWith("}")) {
        if (parts[i].isEmpty()) {
          return null;
        }
        variables.put(segment.substring(1, segment.length() - 1), parts[i]);
      } else if (!segment.equals(parts[i])) {
        return null;
      }
    }
    return variables;
  }

  int literalCharacters() {
    return segments.stream().filter(s -> !s.startsWith("{")).mapToInt(s -> s.length() + 1).sum();
  }

  int variableCount() {
    return (int) segments.stream().filter(s -> s.startsWith("{")).count();
  }

  /** An example path: each variable replaced by the given value (a tail by one segment). */
  public String example(String value) {
    StringBuilder out = new StringBuilder();
    for (String segment : segments) {
      out.append('/').append(segment.startsWith("{") ? value : segment);
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  public List<String> segments() {
    return segments;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PathTemplate template && template.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
