package org.vomcase.settings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.Dates;
import org.vomcase.kernel.ErrorText;
import org.vomcase.kernel.ItemKind;
import org.vomcase.kernel.Vocabularies;
import org.vomcase.kernel.Words;

/**
 * The language staff read (README "Languages: forms, tasks, letters"): the programme's language ({@code VOM_LANGUAGE},
 * the profile's by default) unless {@code VOM_STAFF_LANGUAGE} says otherwise; one of {@link #LANGUAGES}. Its texts come
 * from catalogues whose keys are the English source texts, so that one form or diagram is the single source and a
 * changed English text shows up as a missing translation ({@code lint/check-translations.mjs}):
 * <ul>
 *   <li>{@code forms/i18n/<form id>.<language>.json}: every text of a form ({@link FormTranslation});
 *   <li>{@code processes/i18n/<language>.json}: the process and user task names of the diagrams;
 *   <li>{@code vom-templates/labels/<language>.properties}, keys {@code staff.*}: Tasklist's filters and the parts the
 *       application adds to a task's name.
 * </ul>
 * English needs no catalogue: it is the source.
 */
@Component
public class StaffLanguage {

  /** The languages staff can work in: each has every catalogue. */
  public static final List<String> LANGUAGES = List.of("en", "de", "da");

  public static final String SOURCE = "en";

  private static final Logger LOG = LoggerFactory.getLogger(StaffLanguage.class);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String code;
  private final Map<String, Map<String, String>> forms = new ConcurrentHashMap<>();
  private volatile Map<String, String> names;
  private volatile Properties staffTexts;

  @Autowired
  public StaffLanguage(VomProperties properties, @Value("${vom.programme.staff-language:}") String configured) {
    this(choose(properties.programme().language(), configured));
  }

  private StaffLanguage(String code) {
    this.code = code;
  }

  /** Staff working in {@code language} (one of {@link #LANGUAGES}). */
  public static StaffLanguage of(String language) {
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("'" + language + "' is not a staff language: " + LANGUAGES);
    }
    return new StaffLanguage(language);
  }

  static String choose(String programmeLanguage, String configured) {
    programmeLanguage = programmeLanguage == null ? null : programmeLanguage.trim().toLowerCase(Locale.ROOT);
    if (configured != null && !configured.isBlank()) {
      configured = configured.trim().toLowerCase(Locale.ROOT);
      if (!LANGUAGES.contains(configured)) {
        throw new IllegalArgumentException("vom.programme.staff-language (VOM_STAFF_LANGUAGE) '" + configured
            + "' is not one of " + LANGUAGES + " (the languages every form, task name and screen is written in)");
      }
      return configured;
    }
    if (LANGUAGES.contains(programmeLanguage)) {
      return programmeLanguage;
    }
    LOG.warn("The programme's language '{}' has no forms and screens; staff work in English (VOM_STAFF_LANGUAGE)",
        programmeLanguage);
    return SOURCE;
  }

  /** The language's code: en, de or da. */
  public String code() {
    return code;
  }

  /** The locale dates and amounts are written in: de-DE, da-DK, en-US. */
  public Locale locale() {
    return switch (code) {
      case "de" -> Locale.GERMANY;
      case "da" -> Locale.forLanguageTag("da-DK");
      default -> Locale.US;
    };
  }

  public boolean isSource() {
    return SOURCE.equals(code);
  }

  /** A form's texts in this language, by their English text; empty for English and for a form without catalogue. */
  public Map<String, String> formTexts(String formId) {
    if (isSource() || formId == null) {
      return Map.of();
    }
    return forms.computeIfAbsent(formId, id -> readJson("forms/i18n/" + id + "." + code + ".json"));
  }

  /** A form as staff read it: its texts in this language ({@link FormTranslation}); English forms unchanged. */
  public byte[] translateForm(byte[] form) {
    return isSource() ? form : FormTranslation.translate(form, this::formTexts);
  }

  /** A process or user task name of a diagram in this language; a name without translation as it is. */
  public String name(String english) {
    if (isSource() || english == null) {
      return english;
    }
    if (names == null) {
      names = readJson("processes/i18n/" + code + ".json");
    }
    String translated = names.get(english);
    return translated == null || translated.isBlank() ? english : translated;
  }

  /** A staff text ({@code staff.*} of {@code vom-templates/labels/<language>.properties}), English when missing. */
  public String text(String key, Object... arguments) {
    String pattern = staffTexts().getProperty(key);
    if (pattern == null) {
      throw new IllegalArgumentException("No staff text " + key + " in vom-templates/labels/en.properties");
    }
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(arguments);
  }

  /**
   * What is wrong with a request ({@code error.*} of {@code vom-templates/labels/<language>.properties}), in this
   * language: each sentence of it in English where this language has none.
   */
  public String text(ErrorText text) {
    return text.in(new ErrorText.Catalogue() {
      @Override
      public String pattern(String key) {
        return staffTexts().getProperty(key);
      }

      @Override
      public String formWords(String form, String english) {
        return formTexts(form).getOrDefault(english, english);
      }
    });
  }

  private Properties staffTexts() {
    if (staffTexts == null) {
      Properties texts = new Properties(readProperties(SOURCE));
      if (!isSource()) {
        texts.putAll(readProperties(code));
      }
      staffTexts = texts;
    }
    return staffTexts;
  }

  /**
   * The case's texts for staff in this language ({@link org.vomcase.kernel.Owed#describe}): the {@code staff.*} texts,
   * the item kinds in the vocabularies' words, the statuses in the forms' words and dates in the language's format.
   */
  public Words words(Vocabularies vocabularies) {
    StaffLanguage language = this;
    return new Words() {
      @Override
      public String word(String key, Object... arguments) {
        return language.text(key, arguments);
      }

      @Override
      public String kind(ItemKind kind) {
        return vocabularies.itemKinds().labels(code).getOrDefault(kind.code(), kind.label());
      }

      @Override
      public String status(String status) {
        return isSource() ? Words.ENGLISH.status(status) : language.text("staff.item.status." + status);
      }

      @Override
      public String amount(BigDecimal amount) {
        if (isSource()) {
          return Words.ENGLISH.amount(amount);
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMinimumFractionDigits(amount.scale() > 0 ? 2 : 0);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
      }

      @Override
      public String date(LocalDate date) {
        return isSource() ? String.valueOf(date) : Dates.inWords(date, locale());
      }
    };
  }

  /** The same staff text in every staff language, e.g. to find a filter named in another language earlier. */
  public static List<String> everyLanguage(String key) {
    return LANGUAGES.stream().map(language -> of(language).text(key)).distinct().toList();
  }

  private static Map<String, String> readJson(String path) {
    try (InputStream in = StaffLanguage.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? Map.of() : Map.copyOf(JSON.readValue(in, new TypeReference<Map<String, String>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the translations " + path, e);
    }
  }

  private static Properties readProperties(String language) {
    return ErrorText.catalogue(language);
  }
}
