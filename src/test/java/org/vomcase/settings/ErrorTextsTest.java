package org.vomcase.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.ErrorText;

/**
 * The sentences of a refused request (README "Errors: what a refused request looks like") in every staff language: each
 * {@code error.*} key of {@code labels/en.properties} in German and Danish with the same values, every key the code
 * names written in English, and no refusal without a key.
 */
class ErrorTextsTest {

  private static final Path LABELS = Path.of("src/main/resources/vom-templates/labels");
  private static final Pattern KEY = Pattern.compile("\"(error\\.[a-zA-Z.]+)\"");

  @ParameterizedTest
  @ValueSource(strings = {"de", "da"})
  void everySentenceIsTranslatedWithItsValues(String language) throws IOException {
    Properties english = properties("en");
    Properties translated = properties(language);
    Set<String> keys = errorKeys(english);
    assertThat(keys).hasSizeGreaterThan(100);
    assertThat(errorKeys(translated)).containsExactlyInAnyOrderElementsOf(keys);
    for (String key : keys) {
      String pattern = translated.getProperty(key);
      assertThat(pattern).as(language + " " + key).isNotBlank();
      assertThat(placeholders(pattern)).as(language + " " + key).isEqualTo(placeholders(english.getProperty(key)));
      assertThat(pattern).as(language + " " + key + ": a single quote is written ''").matches(QUOTES);
    }
  }

  @Test
  void everyEnglishSentenceIsAPattern() throws IOException {
    Properties english = properties("en");
    for (String key : errorKeys(english)) {
      String pattern = english.getProperty(key);
      assertThat(pattern).as(key + ": a single quote is written ''").matches(QUOTES);
      Object[] values = placeholders(pattern).stream().map(p -> "<" + p.charAt(1) + ">").toArray();
      assertThat(new MessageFormat(pattern, Locale.ROOT).format(values)).as(key).doesNotContainPattern("\\{\\d}");
    }
  }

  /** Every key the code names ("error.…" in src/main/java) has its English sentence. */
  @Test
  void everyKeyTheCodeNamesIsWritten() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = KEY.matcher(Files.readString(source));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertThat(used).hasSizeGreaterThan(100);
    assertThat(errorKeys(properties("en"))).containsAll(used);
  }

  /** A user's mistake is thrown with the key of its sentence ({@code CaseInputException.of}), never as bare English. */
  @Test
  void everyRefusalHasItsSentence() throws IOException {
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        String code = Files.readString(source);
        assertThat(code).as(source.toString()).doesNotContainPattern("new CaseInputException\\([^,]+, [^)]*\"");
        assertThat(code).as(source.toString()).doesNotContainPattern("new FieldError\\([^,]+, \"");
      }
    }
  }

  @Test
  void theExceptionSaysItsSentenceInEnglishAndStaffReadItInTheirLanguage() {
    CaseInputException mistake = CaseInputException.of("amount", "error.notBetween", "1", "12");
    assertThat(mistake.getMessage()).isEqualTo("amount: must be between 1 and 12");
    assertThat(mistake.getReason()).isEqualTo("must be between 1 and 12");
    ErrorText text = mistake.problems().get(0).text();
    assertThat(StaffLanguage.of("en").text(text)).isEqualTo("must be between 1 and 12");
    assertThat(StaffLanguage.of("de").text(text)).isEqualTo("muss zwischen 1 und 12 liegen");
    assertThat(StaffLanguage.of("da").text(text)).isEqualTo("skal være mellem 1 og 12");

    ErrorText quoted = ErrorText.of("error.notANumber", "zwölf");
    assertThat(quoted.english()).isEqualTo("'zwölf' is not a number");
    assertThat(StaffLanguage.of("de").text(quoted)).isEqualTo("„zwölf“ ist keine Zahl");
  }

  @Test
  void aSentenceMayNameOthers() {
    ErrorText why = ErrorText.of("error.contact.noWayLeftBecause",
        List.of(ErrorText.of("error.contact.writtenOnly"), ErrorText.of("error.contact.doNotWrite")));
    assertThat(why.english()).isEqualTo("leaves no way to reach the person that the case may use (the victim is contacted"
        + " by letter only: no email, no call (contact-order decision); do not write to this address (safe contact)): keep"
        + " or give a phone, an email or a postal address");
    assertThat(StaffLanguage.of("de").text(why)).doesNotContain("letter", "address").contains("; ");
  }

  /** Text without a lone single quote: '' for a quote, '{' or '}' for a brace. */
  private static final String QUOTES = "(?s)([^']|''|'[{}]')*";

  static Set<String> errorKeys(Properties properties) {
    Set<String> keys = new TreeSet<>();
    properties.stringPropertyNames().stream().filter(k -> k.startsWith("error.")).forEach(keys::add);
    return keys;
  }

  static Properties properties(String language) throws IOException {
    Properties properties = new Properties();
    try (var in = new InputStreamReader(Files.newInputStream(LABELS.resolve(language + ".properties")),
        StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }

  private static List<String> placeholders(String text) {
    Matcher m = Pattern.compile("\\{\\d}").matcher(text);
    return m.results().map(r -> r.group()).sorted().distinct().toList();
  }
}
