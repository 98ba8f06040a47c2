package org.vomcase.settings;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A Camunda form with its texts in another language. The repository's form is the single source, in English; its
 * texts are looked up in the form's catalogue ({@code forms/i18n/<form id>.<language>.json}, keys the English texts):
 * every component's label, description, text, date and time label, placeholder and adorners, and the labels of its
 * options. Option values (codes), keys, conditions and validation stay as they are; the options of the fields bound
 * to a vocabulary are filled in the staff language before ({@code VocabularyFill}). A text the catalogue does not
 * have stays English (the lint, {@code lint/check-translations.mjs}, refuses such a catalogue). Must find the same
 * texts as {@code formTexts} in that script.
 */
public final class FormTranslation {

  static final List<String> TEXT_PROPERTIES = List.of("label", "description", "text", "dateLabel", "timeLabel", "placeholder");

  static final List<String> ADORNERS = List.of("prefixAdorner", "suffixAdorner");

  /** Fields whose options come from the vocabularies, in the staff language already (by the name after any record: {@code referral.offenceCategory}). */
  static final Set<String> VOCABULARY_FIELDS = Set.of("offenceCategory", "referralSource", "kind");

  /** A field's name without the record it is shown from: {@code referral.offenceCategory} is {@code offenceCategory}. */
  static String lastSegment(String key) {
    return key.substring(key.lastIndexOf('.') + 1);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private FormTranslation() {}

  /**
   * The form with its texts from its catalogue ({@code catalogues} by form id); the same bytes when nothing changes
   * or the bytes are not a form.
   */
  public static byte[] translate(byte[] form, Function<String, Map<String, String>> catalogues) {
    JsonNode root;
    try {
      root = JSON.readTree(form);
    } catch (IOException notJson) {
      return form;
    }
    if (root == null || !root.isObject()) {
      return form;
    }
    Map<String, String> catalogue = catalogues.apply(root.path("id").asText(null));
    if (catalogue == null || catalogue.isEmpty() || !translateComponents(root.path("components"), catalogue)) {
      return form;
    }
    try {
      return (JSON.writer(PRETTY).writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("A translated form cannot be written", e);
    }
  }

  private static boolean translateComponents(JsonNode components, Map<String, String> catalogue) {
    boolean changed = false;
    for (JsonNode component : components) {
      if (!(component instanceof ObjectNode field)) {
        continue;
      }
      for (String property : TEXT_PROPERTIES) {
        changed |= translate(field, property, catalogue);
      }
      if (field.path("appearance") instanceof ObjectNode appearance) {
        for (String adorner : ADORNERS) {
          changed |= translate(appearance, adorner, catalogue);
        }
      }
      if (field.path("values").isArray() && !VOCABULARY_FIELDS.contains(lastSegment(field.path("key").asText()))) {
        for (JsonNode option : field.path("values")) {
          if (option instanceof ObjectNode value) {
            changed |= translate(value, "label", catalogue);
          }
        }
      }
      changed |= translateComponents(field.path("components"), catalogue);
    }
    return changed;
  }

  private static boolean translate(ObjectNode node, String property, Map<String, String> catalogue) {
    JsonNode text = node.get(property);
    if (text == null || !text.isTextual()) {
      return false;
    }
    String translated = catalogue.get(text.asText());
    if (translated == null || translated.isBlank() || translated.equals(text.asText())) {
      return false;
    }
    node.put(property, translated);
    return true;
  }
}
