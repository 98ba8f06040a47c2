package org.vomcase.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The vocabularies administrators extend without a release: offence categories, referral sources and agreement item
 * kinds, each code with its label per language. Built in: {@code vocabularies.yaml} on the classpath ({@link
 * #builtIn()}); an administrators' file of the same format adds codes and relabels existing ones ({@link
 * #extendedBy(String, String)}), never removes one (closed and running cases hold the codes). The forms offer these
 * codes, the referral API and the forms' checks accept exactly them, the decision tables list them as their input
 * values, and the figures and exports label them. Unknown codes (from an earlier configuration) read as the code.
 *
 * <p>Format, per vocabulary a map of code to labels by language ({@code en} required for a new code):
 * <pre>
 * offenceCategories:
 *   fraud_online: {en: Online fraud, de: Online-Betrug, da: Netbedrageri}
 *   theft: {de: Diebstahl (einfach)}      # relabels a code, here only in German
 * referralSources: {}
 * itemKinds: {}
 * </pre>
 */
public record Vocabularies(Terms offenceCategories, Terms referralSources, Terms itemKinds) {

  public static final String OFFENCE_CATEGORIES = "offenceCategories";
  public static final String REFERRAL_SOURCES = "referralSources";
  public static final String ITEM_KINDS = "itemKinds";

  /** The language every code must have a label in; the label of any language without its own. */
  public static final String FALLBACK_LANGUAGE = "en";

  /** The built-in file on the classpath. */
  public static final String BUILT_IN_RESOURCE = "vocabularies.yaml";

  /** What a code looks like: lower-case letters, digits and underscores, starting with a letter. */
  public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  /**
   * The languages a label may be given in: those of {@link Vocabulary#LANGUAGES} but "other" (kept here, since {@link
   * Vocabulary} reads its maps from these vocabularies; a test keeps both in step).
   */
  public static final Set<String> LABEL_LANGUAGES = Set.of("en", "de", "da", "ar", "tr", "pl", "ru", "uk", "es", "fr");

  /** The longest label. */
  public static final int MAX_LABEL = 120;

  /** The code that stays last in a vocabulary: added codes go before it. */
  static final String OTHER = "other";

  private static final Vocabularies BUILT_IN = readBuiltIn();

  /** One code and its labels by language. */
  public record Term(String code, Map<String, String> labels, boolean builtIn) {
    public Term {
      labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** The label in the language, else in English. */
    public String label(String language) {
      String label = labels.get(language);
      return label != null ? label : labels.getOrDefault(FALLBACK_LANGUAGE, code);
    }
  }

  /** One vocabulary: its name in the file and its codes in the order the forms offer them. */
  public record Terms(String name, List<Term> terms) {
    public Terms {
      terms = List.copyOf(terms);
    }

    public Set<String> codes() {
      Set<String> codes = new LinkedHashSet<>();
      terms.forEach(term -> codes.add(term.code()));
      return Collections.unmodifiableSet(codes);
    }

    public boolean contains(String code) {
      return term(code) != null;
    }

    public Term term(String code) {
      return terms.stream().filter(term -> term.code().equals(code)).findFirst().orElse(null);
    }

    /** The code's label in the language (else English); the code itself for a code this vocabulary does not have. */
    public String label(String code, String language) {
      Term term = term(code);
      return term == null ? code : term.label(language);
    }

    /** Code → label in the language, in order. */
    public Map<String, String> labels(String language) {
      Map<String, String> labels = new LinkedHashMap<>();
      terms.forEach(term -> labels.put(term.code(), term.label(language)));
      return Collections.unmodifiableMap(labels);
    }

    /** The codes the administrators added (not built in). */
    public List<String> added() {
      return terms.stream().filter(term -> !term.builtIn()).map(Term::code).toList();
    }
  }

  /** The built-in vocabularies (the jar's {@code vocabularies.yaml}): what the repository's forms offer. */
  public static Vocabularies builtIn() {
    return BUILT_IN;
  }

  /** The vocabularies by their name in the file. */
  public Map<String, Terms> byName() {
    Map<String, Terms> byName = new LinkedHashMap<>();
    byName.put(OFFENCE_CATEGORIES, offenceCategories);
    byName.put(REFERRAL_SOURCES, referralSources);
    byName.put(ITEM_KINDS, itemKinds);
    return byName;
  }

  /**
   * The fields bound to a vocabulary, by the key a form field and a decision table input have: {@code offenceCategory},
   * {@code referralSource}, and an agreement item's {@code kind}.
   */
  public Map<String, Terms> byField() {
    Map<String, Terms> byField = new LinkedHashMap<>();
    byField.put(CaseVariables.OFFENCE_CATEGORY.name(), offenceCategories);
    byField.put(CaseVariables.REFERRAL_SOURCE.name(), referralSources);
    // The same facts where a form shows them from the case's record of the referral.
    byField.put(CaseVariables.REFERRAL.name() + "." + CaseVariables.OFFENCE_CATEGORY.name(), offenceCategories);
    byField.put(CaseVariables.REFERRAL.name() + "." + CaseVariables.REFERRAL_SOURCE.name(), referralSources);
    byField.put(AgreementItem.KIND, itemKinds);
    return byField;
  }

  /**
   * These vocabularies with the administrators' file applied: its codes added (before {@code other}, in the file's
   * order), its labels replacing those of the same code and language. Refuses (with where and why) anything else: a
   * vocabulary or a language it does not know, a malformed code, a new code without an English label, an entry without
   * labels (a code cannot be removed).
   *
   * @param yaml the file's text
   * @param source where it comes from, for the messages (the file's path)
   */
  public Vocabularies extendedBy(String yaml, String source) {
    Map<String, Object> file = parse(yaml, source);
    Map<String, Terms> merged = new LinkedHashMap<>();
    byName().forEach((name, terms) -> merged.put(name, merge(terms, entries(file.get(name), source, name), source)));
    return new Vocabularies(merged.get(OFFENCE_CATEGORIES), merged.get(REFERRAL_SOURCES), merged.get(ITEM_KINDS));
  }

  private static Terms merge(Terms terms, Map<String, Map<String, String>> entries, String source) {
    List<Term> result = new ArrayList<>(terms.terms());
    List<Term> added = new ArrayList<>();
    entries.forEach((code, labels) -> {
      Term existing = terms.term(code);
      if (existing != null) {
        Map<String, String> relabelled = new LinkedHashMap<>(existing.labels());
        relabelled.putAll(labels);
        result.set(result.indexOf(existing), new Term(code, relabelled, existing.builtIn()));
      } else {
        if (!labels.containsKey(FALLBACK_LANGUAGE)) {
          throw refusal(source, terms.name() + "." + code, "a new code needs a label in English (en), the language of"
              + " the forms and of every language without its own label");
        }
        added.add(new Term(code, labels, false));
      }
    });
    int at = !result.isEmpty() && result.get(result.size() - 1).code().equals(OTHER) ? result.size() - 1 : result.size();
    result.addAll(at, added);
    return new Terms(terms.name(), result);
  }

  private static Map<String, Object> parse(String yaml, String source) {
    Object root;
    try {
      // A key twice (two entries for one code, two label lists) is refused, not decided by whichever comes last.
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      root = new Yaml(new SafeConstructor(options)).load(yaml);
    } catch (YAMLException e) {
      throw new IllegalArgumentException("The vocabulary file " + source + " is not valid YAML: " + e.getMessage(), e);
    }
    if (root == null) {
      return Map.of();
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw refusal(source, "the file", "must be a map of " + List.of(OFFENCE_CATEGORIES, REFERRAL_SOURCES, ITEM_KINDS));
    }
    Map<String, Object> file = new LinkedHashMap<>();
    map.forEach((key, value) -> {
      String name = String.valueOf(key);
      if (!List.of(OFFENCE_CATEGORIES, REFERRAL_SOURCES, ITEM_KINDS).contains(name)) {
        throw refusal(source, name, "is not a vocabulary administrators extend; these are " + OFFENCE_CATEGORIES + ", "
            + REFERRAL_SOURCES + ", " + ITEM_KINDS);
      }
      file.put(name, value);
    });
    return file;
  }

  private static Map<String, Map<String, String>> entries(Object vocabulary, String source, String name) {
    Map<String, Map<String, String>> entries = new LinkedHashMap<>();
    if (vocabulary == null) {
      return entries;
    }
    if (!(vocabulary instanceof Map<?, ?> map)) {
      throw refusal(source, name, "must be a map of codes to their labels, e.g. fraud_online: {en: Online fraud}");
    }
    map.forEach((key, value) -> {
      String code = String.valueOf(key);
      String at = name + "." + code;
      if (!CODE.matcher(code).matches()) {
        throw refusal(source, at, "is not a code: lower-case letters, digits and _, starting with a letter, at most 40");
      }
      if (!(value instanceof Map<?, ?> labels) || labels.isEmpty()) {
        throw refusal(source, at, "needs its labels by language, e.g. {en: ..., de: ..., da: ...}; a code cannot be"
            + " removed, since cases hold it");
      }
      Map<String, String> byLanguage = new LinkedHashMap<>();
      labels.forEach((language, label) -> {
        String lang = String.valueOf(language);
        if (!LABEL_LANGUAGES.contains(lang)) {
          throw refusal(source, at + "." + lang, "is not a language; languages are "
              + LABEL_LANGUAGES.stream().sorted().toList());
        }
        if (!(label instanceof String text) || text.isBlank() || text.strip().length() > MAX_LABEL) {
          throw refusal(source, at + "." + lang, "must be a label of 1 to " + MAX_LABEL + " characters");
        }
        byLanguage.put(lang, text.strip());
      });
      entries.put(code, byLanguage);
    });
    return entries;
  }

  private static IllegalArgumentException refusal(String source, String at, String reason) {
    return new IllegalArgumentException("The vocabulary file " + source + " is refused: " + at + " " + reason);
  }

  private static Vocabularies readBuiltIn() {
    try (InputStream in = Vocabularies.class.getClassLoader().getResourceAsStream(BUILT_IN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The built-in " + BUILT_IN_RESOURCE + " is missing from the classpath");
      }
      Vocabularies empty = new Vocabularies(new Terms(OFFENCE_CATEGORIES, List.of()), new Terms(REFERRAL_SOURCES, List.of()),
          new Terms(ITEM_KINDS, List.of()));
      Vocabularies read = empty.extendedBy(new String(in.readAllBytes(), StandardCharsets.UTF_8),
          "classpath:" + BUILT_IN_RESOURCE);
      return new Vocabularies(builtIn(read.offenceCategories()), builtIn(read.referralSources()), builtIn(read.itemKinds()));
    } catch (IOException e) {
      throw new IllegalStateException("The built-in " + BUILT_IN_RESOURCE + " cannot be read", e);
    }
  }

  private static Terms builtIn(Terms terms) {
    return new Terms(terms.name(), terms.terms().stream().map(t -> new Term(t.code(), t.labels(), true)).toList());
  }
}
