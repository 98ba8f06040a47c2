package org.vomcase.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The forms, task names and staff texts in every staff language (README "Languages: forms, tasks, letters"): each
 * catalogue has every text of its source and nothing else (the same rule as {@code lint/check-translations.mjs}); a
 * translated form has each text from its catalogue and everything else (keys, option values, conditions, validation)
 * exactly as the source; English forms deploy byte for byte.
 */
class FormTranslationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The texts of a form a person reads, in order, without repeats (the vocabularies' options excluded). */
  static List<String> texts(JsonNode form) {
    Set<String> texts = new LinkedHashSet<>();
    collect(form.path("components"), texts);
    return new ArrayList<>(texts);
  }

  private static void collect(JsonNode components, Set<String> texts) {
    for (JsonNode component : components) {
      Stream.concat(FormTranslation.TEXT_PROPERTIES.stream().map(component::path),
              FormTranslation.ADORNERS.stream().map(a -> component.path("appearance").path(a)))
          .filter(JsonNode::isTextual).map(JsonNode::asText)
          .filter(t -> t.codePoints().anyMatch(Character::isLetter) && !t.startsWith("=")).forEach(texts::add);
      if (!FormTranslation.VOCABULARY_FIELDS.contains(FormTranslation.lastSegment(component.path("key").asText()))) {
        component.path("values").forEach(option -> {
          if (option.path("label").isTextual()) {
            texts.add(option.path("label").asText());
          }
        });
      }
      collect(component.path("components"), texts);
    }
  }

  private static List<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      return files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
    }
  }

  private static Map<String, String> catalogue(Path file) throws IOException {
    return JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() {});
  }

  @ParameterizedTest
  @ValueSource(strings = {"de", "da"})
  void everyFormHasEveryTextTranslatedAndNothingElse(String language) throws IOException {
    for (Path form : forms()) {
      JsonNode source = JSON.readTree(form.toFile());
      Path file = Path.of("forms/i18n/" + source.path("id").asText() + "." + language + ".json");
      Map<String, String> catalogue = catalogue(file);
      assertThat(catalogue.keySet()).as(file + ": the form's texts, no more").containsExactlyInAnyOrderElementsOf(texts(source));
      assertThat(catalogue.values()).as(file.toString()).allMatch(v -> !v.isBlank());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"de", "da"})
  void aTranslatedFormChangesItsTextsAndNothingElse(String language) throws IOException {
    StaffLanguage staff = StaffLanguage.of(language);
    for (Path form : forms()) {
      byte[] bytes = Files.readAllBytes(form);
      JsonNode source = JSON.readTree(bytes);
      JsonNode translated = JSON.readTree(staff.translateForm(bytes));
      Map<String, String> catalogue = staff.formTexts(source.path("id").asText());
      assertThat(texts(translated)).as(form.toString())
          .containsExactlyElementsOf(texts(source).stream().map(catalogue::get).distinct().toList());
      assertThat(withoutTexts(translated)).as(form + ": keys, values, conditions and validation as the source")
          .isEqualTo(withoutTexts(source));
    }
  }

  @Test
  void englishFormsDeployAsTheRepositoryHasThem() throws IOException {
    for (Path form : forms()) {
      byte[] bytes = Files.readAllBytes(form);
      assertThat(StaffLanguage.of("en").translateForm(bytes)).as(form.toString()).isSameAs(bytes);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"de", "da"})
  void everyProcessAndUserTaskNameIsTranslated(String language) throws IOException {
    Pattern name = Pattern.compile("<bpmn:(process|userTask)\\b[^>]*?\\bname=\"([^\"]*)\"");
    Set<String> names = new LinkedHashSet<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path diagram : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        Matcher m = name.matcher(Files.readString(diagram));
        while (m.find()) {
          names.add(m.group(2).replace("&#39;", "'").replace("&amp;", "&"));
        }
      }
    }
    Map<String, String> catalogue = catalogue(Path.of("processes/i18n/" + language + ".json"));
    assertThat(catalogue.keySet()).containsExactlyInAnyOrderElementsOf(names);
    StaffLanguage staff = StaffLanguage.of(language);
    names.forEach(n -> assertThat(staff.name(n)).as(n).isNotBlank().isEqualTo(catalogue.get(n)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"de", "da"})
  void everyStaffTextIsTranslatedWithItsPlaceholders(String language) throws IOException {
    Properties english = properties("en");
    Properties translated = properties(language);
    for (String key : english.stringPropertyNames()) {
      if (key.startsWith("staff.")) {
        assertThat(translated.getProperty(key)).as(language + " " + key).isNotBlank();
        assertThat(placeholders(translated.getProperty(key))).as(key).isEqualTo(placeholders(english.getProperty(key)));
      }
    }
    assertThat(StaffLanguage.of(language).text("staff.task.instalment", 2, 3)).contains("2", "3");
  }

  private static Properties properties(String language) throws IOException {
    Properties properties = new Properties();
    try (var in = new InputStreamReader(Files.newInputStream(
        Path.of("src/main/resources/vom-templates/labels/" + language + ".properties")), StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("\\{\\d}").matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found.stream().sorted().toList();
  }

  /** The form without its texts: what a translation must leave alone. */
  private static JsonNode withoutTexts(JsonNode form) {
    JsonNode copy = form.deepCopy();
    strip(copy.path("components"));
    return copy;
  }

  private static void strip(JsonNode components) {
    for (JsonNode component : components) {
      if (component instanceof ObjectNode field) {
        FormTranslation.TEXT_PROPERTIES.forEach(field::remove);
        if (field.path("appearance") instanceof ObjectNode appearance) {
          FormTranslation.ADORNERS.forEach(appearance::remove);
        }
        field.path("values").forEach(option -> {
          if (option instanceof ObjectNode value) {
            value.remove("label");
          }
        });
      }
      strip(component.path("components"));
    }
  }
}
