package org.vomcase.deployment;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vomcase.kernel.Vocabularies;

/**
 * What the application deploys of a repository file, given the installation's {@link Vocabularies}: a form's fields
 * bound to a vocabulary (a select, radio group or checklist keyed {@code offenceCategory}, {@code referralSource},
 * an agreement item's {@code kind}) offer the configured codes; a decision table's input of such a variable lists the
 * configured codes as its input values. Everything else stays as the repository has it, and a file whose options
 * already are the configured ones is returned byte for byte (the built-in vocabularies deploy the repository's files
 * unchanged, so nothing is deployed anew and nothing counts as drift).
 *
 * <p>The repository's forms are English; the options carry the configured labels in the language the form is deployed
 * in (the staff language, {@link org.vomcase.settings.StaffLanguage}; English, {@link #FORM_LANGUAGE}, by default).
 */
final class VocabularyFill {

  /** The language of the forms' labels. */
  static final String FORM_LANGUAGE = Vocabularies.FALLBACK_LANGUAGE;

  private static final Set<String> OPTION_FIELDS = Set.of("select", "radio", "checklist", "taglist");

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private VocabularyFill() {}

  /** The file as deployed: its name ({@code forms/referral.form}, {@code processes/eligibility.dmn}) tells its kind. */
  static byte[] fill(String name, byte[] bytes, Vocabularies vocabularies) {
    return fill(name, bytes, vocabularies, FORM_LANGUAGE);
  }

  /** The file as deployed, its forms' vocabulary options labelled in {@code language}. */
  static byte[] fill(String name, byte[] bytes, Vocabularies vocabularies, String language) {
    if (name.endsWith(".form")) {
      return form(name, bytes, vocabularies, language);
    }
    if (name.endsWith(".dmn")) {
      return decisionTable(bytes, vocabularies);
    }
    return bytes;
  }

  private static byte[] form(String name, byte[] bytes, Vocabularies vocabularies, String language) {
    JsonNode form;
    try {
      form = JSON.readTree(bytes);
    } catch (IOException notJson) {
      return bytes;
    }
    if (!fillComponents(form.path("components"), vocabularies.byField(), language)) {
      return bytes;
    }
    try {
      return (JSON.writer(PRETTY).writeValueAsString(form) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Form " + name + " cannot be written with the configured options", e);
    }
  }

  /** Fills the options of the bound fields here and in groups and lists; whether any changed. */
  private static boolean fillComponents(JsonNode components, Map<String, Vocabularies.Terms> byField, String language) {
    boolean changed = false;
    for (JsonNode component : components) {
      if (component instanceof ObjectNode field && OPTION_FIELDS.contains(field.path("type").asText())
          && byField.containsKey(field.path("key").asText()) && field.path("values").isArray()) {
        ArrayNode options = JSON.createArrayNode();
        byField.get(field.path("key").asText()).labels(language).forEach((code, label) ->
            options.addObject().put("label", label).put("value", code));
        if (!options.equals(field.get("values"))) {
          field.set("values", options);
          changed = true;
        }
      }
      changed |= fillComponents(component.path("components"), byField, language);
    }
    return changed;
  }

  /** The codes a deployed form's fields bound to a vocabulary offer, by field key; empty for anything not a form. */
  static Map<String, Set<String>> offered(byte[] form, Map<String, Vocabularies.Terms> byField) {
    Map<String, Set<String>> offered = new java.util.LinkedHashMap<>();
    try {
      collectOffered(JSON.readTree(form).path("components"), byField, offered);
    } catch (IOException notJson) {
      return Map.of();
    }
    return offered;
  }

  private static void collectOffered(JsonNode components, Map<String, Vocabularies.Terms> byField,
      Map<String, Set<String>> offered) {
    for (JsonNode component : components) {
      String key = component.path("key").asText();
      if (OPTION_FIELDS.contains(component.path("type").asText()) && byField.containsKey(key)) {
        component.path("values").forEach(option -> offered.computeIfAbsent(key, k -> new java.util.LinkedHashSet<>())
            .add(option.path("value").asText()));
      }
      collectOffered(component.path("components"), byField, offered);
    }
  }

  /** An input whose expression is a bound variable and that lists its input values: {@code <text>"a","b"</text>}. */
  private static final Pattern INPUT_VALUES = Pattern.compile(
      "(<inputExpression\\b[^>]*>\\s*<text>\\s*([A-Za-z]+)\\s*</text>\\s*</inputExpression>\\s*<inputValues\\b[^>]*>\\s*<text>)"
          + "([^<]*)(</text>)");

  private static byte[] decisionTable(byte[] bytes, Vocabularies vocabularies) {
    String xml = new String(bytes, StandardCharsets.UTF_8);
    Map<String, Vocabularies.Terms> byField = vocabularies.byField();
    Matcher matcher = INPUT_VALUES.matcher(xml);
    StringBuilder filled = new StringBuilder();
    boolean changed = false;
    while (matcher.find()) {
      Vocabularies.Terms terms = byField.get(matcher.group(2));
      String values = terms == null ? matcher.group(3)
          : terms.codes().stream().map(code -> "\"" + code + "\"").collect(Collectors.joining(","));
      changed |= !values.equals(matcher.group(3));
      matcher.appendReplacement(filled, Matcher.quoteReplacement(matcher.group(1) + values + matcher.group(4)));
    }
    if (!changed) {
      return bytes;
    }
    matcher.appendTail(filled);
    return filled.toString().getBytes(StandardCharsets.UTF_8);
  }
}
