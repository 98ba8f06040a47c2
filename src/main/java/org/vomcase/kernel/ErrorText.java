package org.vomcase.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * What is wrong with a request, as a sentence staff read in their language: the key of the sentence ({@code error.*} of
 * {@code vom-templates/labels/<language>.properties}, a {@link MessageFormat} pattern) and the values it names, each
 * as text (a number as the code writes it, a date as {@code 2026-03-01}), as a sentence of its own (an {@link
 * ErrorText}) or as the words of a form ({@link FormWords}, an option's label), or a list of those, said one after the
 * other with "; ". Its English text, {@link #english()}, is what the exception says in the log; the boundary answers in
 * the staff language ({@code StaffLanguage#text(ErrorText)}).
 */
public record ErrorText(String key, List<Object> arguments) {

  /** Where the sentences are: {@code error.*} keys, the same in every language's file. */
  public static final String CATALOGUE = "vom-templates/labels/%s.properties";

  public ErrorText {
    arguments = List.copyOf(arguments);
  }

  /** Words of a form ({@code form}: its id), e.g. an option's label: in English here, as the form says them for staff. */
  public record FormWords(String form, String english) {}

  /** The texts of one language: a sentence's pattern by its key (null: none), a form's words by their English. */
  public interface Catalogue {
    String pattern(String key);

    default String formWords(String form, String english) {
      return english;
    }
  }

  /**
   * The sentence {@code key} naming {@code arguments}: a sentence (an {@code ErrorText}), a form's words ({@link
   * FormWords}) or a list of those as they are, anything else as text ({@link String#valueOf}; null as "null").
   */
  public static ErrorText of(String key, Object... arguments) {
    return new ErrorText(key, Arrays.stream(arguments).map(ErrorText::argument).toList());
  }

  private static Object argument(Object value) {
    if (value instanceof ErrorText || value instanceof FormWords) {
      return value;
    }
    if (value instanceof List<?> list && !list.isEmpty()
        && list.stream().allMatch(v -> v instanceof ErrorText || v instanceof FormWords)) {
      return List.copyOf(list);
    }
    return String.valueOf(value);
  }

  /** The sentence in English (the source language). */
  public String english() {
    return in(English.TEXTS::getProperty);
  }

  /** The sentence written with the texts of some language; a key without a pattern says the key and its values. */
  public String in(Catalogue catalogue) {
    Object[] values = arguments.stream().map(a -> a instanceof List<?> list
        ? String.join("; ", list.stream().map(v -> say(v, catalogue)).toList()) : say(a, catalogue)).toArray();
    String pattern = catalogue.pattern(key);
    if (pattern == null) {
      return values.length == 0 ? key : key + " " + Arrays.toString(values);
    }
    return new MessageFormat(pattern, Locale.ROOT).format(values);
  }

  private static String say(Object value, Catalogue catalogue) {
    if (value instanceof ErrorText text) {
      return text.in(catalogue);
    }
    if (value instanceof FormWords words) {
      return catalogue.formWords(words.form(), words.english());
    }
    return (String) value;
  }

  /** A language's catalogue ({@link #CATALOGUE}), UTF-8; empty where the language has none. */
  public static Properties catalogue(String language) {
    Properties texts = new Properties();
    String path = String.format(CATALOGUE, language);
    try (InputStream in = ErrorText.class.getClassLoader().getResourceAsStream(path)) {
      if (in != null) {
        texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
    return texts;
  }

  /** The English catalogue, read once: the English of refusals and of the case's texts for staff ({@link Words}). */
  static final class English {
    static final Properties TEXTS = catalogue("en");

    private English() {}
  }
}
