package org.vomcase.document;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.Dates;
import org.vomcase.kernel.Vocabularies;
import org.vomcase.settings.OfficeHours;
import org.vomcase.settings.VomProperties;

/**
 * The templates of messages and documents (R21, R14): Mustache files an administrator can edit
 * without Java. Built in under {@code vom-templates/} on the classpath; a file of the same name in
 * {@code vom.mail.template-dir} ({@code VOM_TEMPLATE_DIR}) replaces the built-in one. A template
 * exists per language ({@code <name>.<language>.<ext>}); a message whose template does not exist in the
 * recipient's language is written in the programme's language and in English ({@link #message}), a document
 * falls back to English. A value a template
 * names but the message does not have is an error (the sending fails and ends in an incident),
 * never a silent gap. Every template sees the programme's office ({@code vom.programme.office}: {@code
 * programmeName}, {@code programmeAddress}, {@code programmePhone}, {@code programmeOfficeHours} in the
 * template's language); without it the application does not start.
 */
@Component
public class Templates {

  public static final String FALLBACK_LANGUAGE = "en";
  private static final String BUILT_IN = "vom-templates/";
  private static final String SUBJECT = "Subject:";

  /** The line that begins a mail's footer (the usual signature separator, {@code messages/footer.<language>.txt}). */
  public static final String FOOTER_SEPARATOR = "--";

  /** The line between the two languages of a bilingual message (never the footer's {@code -- } line). */
  public static final String LANGUAGE_SEPARATOR = "-------------------- English --------------------";

  /** What joins the two languages of a bilingual message's {@link Rendered#language()}: {@code de+en}. */
  public static final String BILINGUAL = "+";

  /**
   * A rendered message: its subject and plain-text body, and the language it was written in; a bilingual
   * message's language is both, the programme's first ({@code de+en}).
   */
  public record Rendered(String subject, String body, String language) {

    /** Whether the message is written in two languages (the programme's and English). */
    public boolean bilingual() {
      return language.contains(BILINGUAL);
    }

    /** The language of the letter a bilingual message is printed on: its first, the programme's. */
    public String documentLanguage() {
      int plus = language.indexOf(BILINGUAL);
      return plus < 0 ? language : language.substring(0, plus);
    }

    /**
     * A message in two languages: the programme's text, the separator line, the English text, and the first
     * one's footer once. Subject: both, joined by {@code " / "}.
     */
    static Rendered inTwoLanguages(Rendered first, Rendered english) {
      int footer = footerStart(first.body);
      String body = withoutFooter(first.body) + "\n\n" + LANGUAGE_SEPARATOR + "\n\n" + withoutFooter(english.body) + "\n"
          + (footer < 0 ? "" : "\n" + first.body.substring(footer));
      return new Rendered(first.subject + " / " + english.subject, body, first.language + BILINGUAL + english.language);
    }

    /**
     * The body for a letter: without the mail's footer (from the last line {@code --} on), since the
     * letter's letterhead gives the programme's name, address, phone and office hours.
     */
    public String letterBody() {
      return footerStart(body) < 0 ? body : withoutFooter(body) + "\n";
    }

    /** Where the footer begins: the last line {@code --}; -1 without one. */
    private static int footerStart(String body) {
      java.util.regex.Matcher separator = java.util.regex.Pattern.compile("(?m)^" + FOOTER_SEPARATOR + " ?$").matcher(body);
      int footer = -1;
      while (separator.find()) {
        footer = separator.start();
      }
      return footer;
    }

    private static String withoutFooter(String body) {
      int footer = footerStart(body);
      return (footer < 0 ? body : body.substring(0, footer)).stripTrailing();
    }
  }

  private final Path overrides;
  private final String programmeLanguage;
  private final ZoneId zone;
  private final String currency;
  private final VomProperties.Office office;
  private final OfficeHours officeHours;

  private final Vocabularies vocabularies;

  /** With the built-in vocabularies. */
  public Templates(VomProperties properties) {
    this(properties, Vocabularies.builtIn());
  }

  /** Refuses to exist (the application does not start) without the programme's complete office. */
  @org.springframework.beans.factory.annotation.Autowired
  public Templates(VomProperties properties, Vocabularies vocabularies) {
    this.vocabularies = vocabularies;
    this.overrides = properties.mail().templateDir() == null ? null : Path.of(properties.mail().templateDir());
    this.programmeLanguage = properties.programme().language();
    this.zone = properties.programme().zone();
    this.currency = org.vomcase.kernel.ProgrammeProfile.of(properties.programme().profile()).currency();
    this.office = properties.programme().office().require();
    this.officeHours = office.officeHours();
  }


  public ZoneId zone() {
    return zone;
  }

  /**
   * Renders message {@code message} in the recipient's language where it has a template there (built in, or the
   * administrators' own in {@code VOM_TEMPLATE_DIR}). Where it has none, the recipient is not silently given another
   * language: the message is written in the programme's language and then, after {@link #LANGUAGE_SEPARATOR}, in
   * English ({@link Rendered#inTwoLanguages}, language {@code de+en}); in English alone when the programme's language is
   * English (or has no template for the message either).
   */
  public Rendered message(String message, String language, Map<String, Object> content) {
    if (language != null && exists(message, language)) {
      return single(message, language, content);
    }
    if (FALLBACK_LANGUAGE.equals(programmeLanguage) || !exists(message, programmeLanguage)) {
      return single(message, FALLBACK_LANGUAGE, content);
    }
    return Rendered.inTwoLanguages(single(message, programmeLanguage, content), single(message, FALLBACK_LANGUAGE, content));
  }

  /** The programme's language ({@code vom.programme.language}): the first of a bilingual message. */
  public String programmeLanguage() {
    return programmeLanguage;
  }

  private boolean exists(String message, String language) {
    return source("messages/" + message + "." + language + ".txt") != null;
  }

  /** The message in one language, whose template exists (English: else the error that it has none). */
  private Rendered single(String message, String used, Map<String, Object> content) {
    String template = source("messages/" + message + "." + used + ".txt");
    if (template == null) {
      throw new IllegalStateException("Message '" + message + "' has no template messages/" + message + ".en.txt");
    }
    String text = render("messages/" + message + "." + used + ".txt", template, model(content, used), false);
    int end = text.indexOf('\n');
    String first = end < 0 ? text : text.substring(0, end);
    if (!first.startsWith(SUBJECT)) {
      throw new IllegalStateException("Template messages/" + message + "." + used + ".txt must start with '" + SUBJECT + "'");
    }
    String body = end < 0 ? "" : text.substring(end + 1).replaceAll("(?m)^[ \\t]*\\n(?=[ \\t]*\\n)", "").strip();
    return new Rendered(first.substring(SUBJECT.length()).strip(), body + "\n", used);
  }

  /** Renders an HTML document template ({@code documents/<name>.<language>.html}), values HTML-escaped. */
  public String document(String name, String language, Map<String, Object> content) {
    String used = source("documents/" + name + "." + language + ".html") != null ? language : FALLBACK_LANGUAGE;
    String path = "documents/" + name + "." + used + ".html";
    String template = source(path);
    if (template == null) {
      throw new IllegalStateException("Document '" + name + "' has no template " + path);
    }
    return render(path, template, model(content, used), true);
  }

  /** Whether document {@code name} has a template of its own in the language (built in or the administrators'). */
  public boolean hasDocument(String name, String language) {
    return language != null && source("documents/" + name + "." + language + ".html") != null;
  }

  /** The languages a message has templates for (built in and the administrators' own). */
  public Set<String> languages(String message) {
    Set<String> languages = new TreeSet<>();
    for (String language : org.vomcase.kernel.Vocabulary.LANGUAGES.keySet()) {
      if (source("messages/" + message + "." + language + ".txt") != null) {
        languages.add(language);
      }
    }
    return languages;
  }

  /**
   * What a template sees: the content, plus for each value a date or date-time in words ({@code
   * <field>Text}, programme time zone, the language's format), for each coded value its word ({@code
   * <field>Label} from {@code labels/<language>.properties}, for item kinds, offence categories and referral sources
   * from the configured {@link Vocabularies}), the same inside items, and the words of
   * the agreement lines, and the programme's office (its hours in the language's words).
   */
  Map<String, Object> model(Map<String, Object> content, String language) {
    Properties labels = labels(language);
    Locale locale = Locale.forLanguageTag(language);
    Map<String, Object> model = enrich(content, labels, locale);
    model.put("currency", currency);
    model.put("programmeName", office.name());
    model.put("programmeAddress", office.address());
    model.put("programmePhone", office.phone());
    model.put("programmeOfficeHours", officeHours.text(locale));
    for (String word : List.of("hours", "instalments", "owedBy", "owedTo", "due")) {
      model.put(word + "Word", labels.getProperty("word." + word, word));
    }
    model.putIfAbsent("mediatorName", null);
    return model;
  }

  private Map<String, Object> enrich(Map<String, Object> content, Properties labels, Locale locale) {
    Map<String, Object> model = new LinkedHashMap<>();
    content.forEach((key, value) -> {
      model.put(key, enrichValue(value, labels, locale));
      if (value instanceof String text && !text.isBlank()) {
        String label = labels.getProperty(key + "." + text);
        if (label != null) {
          model.put(key + "Label", label);
        }
        if (!model.containsKey(key + "Text") || model.get(key + "Text") == null) {
          String date = dateText(text, locale);
          if (date != null) {
            model.put(key + "Text", date);
          }
        }
      }
    });
    if (model.get("kind") instanceof String kind) {
      model.put("kindLabel", labels.getProperty("kind." + kind, kind));
    }
    if ("community".equals(model.get("creditor"))) {
      model.put("creditor", labels.getProperty("community", "the community"));
    }
    return model;
  }

  @SuppressWarnings("unchecked")
  private Object enrichValue(Object value, Properties labels, Locale locale) {
    if (value instanceof Map<?, ?> map) {
      return enrich((Map<String, Object>) map, labels, locale);
    }
    if (value instanceof List<?> list) {
      List<Object> enriched = new ArrayList<>();
      list.forEach(element -> enriched.add(enrichValue(element, labels, locale)));
      return enriched;
    }
    return value;
  }

  private String dateText(String text, Locale locale) {
    if (text.length() < 10 || !Character.isDigit(text.charAt(0))) {
      return null;
    }
    try {
      if (text.length() == 10) {
        return Dates.inWords(LocalDate.parse(text), locale);
      }
      return Dates.inWords(OffsetDateTime.parse(text), zone, locale);
    } catch (DateTimeParseException notADate) {
      try {
        return Dates.inWords(java.time.Instant.parse(text).atZone(zone).toLocalDate(), locale);
      } catch (DateTimeParseException notAnInstant) {
        return null;
      }
    }
  }

  /**
   * Renders a template. A partial ({@code {{> letter.css}}}) is a file of the template's folder, taken
   * like the template itself: the administrators' copy if there is one, else the built-in file.
   */
  private String render(String path, String template, Map<String, Object> model, boolean html) {
    String folder = path.substring(0, path.lastIndexOf('/') + 1);
    try {
      return Mustache.compiler().escapeHTML(html).strictSections(false).emptyStringIsFalse(true).zeroIsFalse(false)
          .withLoader(name -> {
            String partial = source(folder + name);
            if (partial == null) {
              throw new java.io.FileNotFoundException("no file " + folder + name);
            }
            return new StringReader(partial);
          })
          .compile(new StringReader(template)).execute(model);
    } catch (MustacheException e) {
      throw new IllegalStateException("Template " + path + " cannot be rendered: " + e.getMessage(), e);
    }
  }

  private Properties labels(String language) {
    Properties labels = new Properties();
    for (String lang : FALLBACK_LANGUAGE.equals(language) ? List.of(FALLBACK_LANGUAGE) : List.of(FALLBACK_LANGUAGE, language)) {
      String text = source("labels/" + lang + ".properties");
      if (text != null) {
        try {
          labels.load(new StringReader(text));
        } catch (IOException e) {
          throw new IllegalStateException("labels/" + lang + ".properties cannot be read", e);
        }
      }
    }
    // The vocabularies administrators extend label their codes from the one configuration (vocabularies.yaml).
    vocabularies.itemKinds().labels(language).forEach((code, label) -> labels.setProperty("kind." + code, label));
    vocabularies.offenceCategories().labels(language)
        .forEach((code, label) -> labels.setProperty("offenceCategory." + code, label));
    vocabularies.referralSources().labels(language)
        .forEach((code, label) -> labels.setProperty("referralSource." + code, label));
    return labels;
  }

  /** A template's text: the administrators' file if there is one, else the built-in one, else null. */
  String source(String path) {
    try {
      if (overrides != null) {
        Path file = overrides.resolve(path).normalize();
        if (file.startsWith(overrides.normalize()) && Files.isRegularFile(file)) {
          return Files.readString(file, StandardCharsets.UTF_8);
        }
      }
      try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(BUILT_IN + path)) {
        return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Template " + path + " cannot be read", e);
    }
  }
}
