package org.vomcase.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The words of the application's own screens (assets/vom/i18n.js, read as text): every English id has a German and a
 * Danish text with the same {parameters}, every {@code t('...')} of the plugins names an id the English table has, and
 * the static language.js says English (the server serves the staff language in its place).
 */
class I18nTextsTest {

  private static final Path ASSETS = Path.of("src/main/resources/META-INF/resources/webjars/camunda/assets/vom");
  private static final Pattern TABLE = Pattern.compile("(?m)^const (en|de|da) = \\{\\n([\\s\\S]*?)\\n\\};");
  private static final Pattern ENTRY = Pattern.compile("^\\s*'([^']+)':\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"),?\\s*$");
  /** A text asked for by its whole id: t('desk.cases') or t('desk.range', {...}); not t('figures.question.' + key). */
  private static final Pattern USE = Pattern.compile("\\bt\\('([A-Za-z][\\w.]*)'\\s*[,)]");
  private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)\\}");

  @Test
  void everyEnglishTextIsInGermanAndDanishWithTheSameParameters() throws IOException {
    Map<String, Map<String, String>> tables = tables();
    Map<String, String> en = tables.get("en");
    assertThat(en).hasSizeGreaterThan(300);
    for (String language : List.of("de", "da")) {
      Map<String, String> table = tables.get(language);
      for (Map.Entry<String, String> entry : en.entrySet()) {
        assertThat(table.get(entry.getKey())).as(language + ": " + entry.getKey()).isNotBlank();
        assertThat(parameters(table.get(entry.getKey()))).as(language + " parameters of " + entry.getKey())
            .isEqualTo(parameters(entry.getValue()));
      }
      assertThat(table.keySet()).as(language + " ids English does not have").isSubsetOf(en.keySet());
    }
    en.forEach((id, text) -> assertThat(text).as("en: " + id).isNotBlank());
  }

  @Test
  void everyTextThePluginsAskForExists() throws IOException {
    Set<String> ids = tables().get("en").keySet();
    List<String> missing = new ArrayList<>();
    int uses = 0;
    try (Stream<Path> files = Files.list(ASSETS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".js")).sorted().toList()) {
        Matcher use = USE.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (use.find()) {
          uses++;
          if (!ids.contains(use.group(1))) {
            missing.add(file.getFileName() + ": " + use.group(1));
          }
        }
      }
    }
    assertThat(uses).isGreaterThan(200);
    assertThat(missing).isEmpty();
  }

  @Test
  void theStaticLanguageIsEnglish() throws IOException {
    assertThat(Files.readString(ASSETS.resolve("language.js"), StandardCharsets.UTF_8)).contains("export default 'en';");
  }

  /** language -> id -> text, as the tables of i18n.js have them; each id once. */
  private static Map<String, Map<String, String>> tables() throws IOException {
    String source = Files.readString(ASSETS.resolve("i18n.js"), StandardCharsets.UTF_8);
    Map<String, Map<String, String>> tables = new LinkedHashMap<>();
    Matcher table = TABLE.matcher(source);
    while (table.find()) {
      Map<String, String> texts = new LinkedHashMap<>();
      for (String line : table.group(2).split("\n")) {
        String trimmed = line.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("//")) {
          continue;
        }
        Matcher entry = ENTRY.matcher(line);
        assertThat(entry.matches()).as(table.group(1) + ": one entry per line ('id': 'text',): " + line).isTrue();
        String text = entry.group(2) != null ? entry.group(2) : entry.group(3);
        assertThat(texts.put(entry.group(1), text)).as(table.group(1) + ": " + entry.group(1) + " twice").isNull();
      }
      tables.put(table.group(1), texts);
    }
    assertThat(tables).containsOnlyKeys("en", "de", "da");
    return tables;
  }

  private static Set<String> parameters(String text) {
    Set<String> names = new TreeSet<>();
    Matcher parameter = PARAMETER.matcher(text == null ? "" : text);
    while (parameter.find()) {
      names.add(parameter.group(1));
    }
    return names;
  }
}
