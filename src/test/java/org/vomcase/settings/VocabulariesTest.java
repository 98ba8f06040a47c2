package org.vomcase.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vomcase.kernel.Vocabularies;
import org.vomcase.kernel.Vocabulary;

/** Loading the built-in vocabularies, extending them by the administrators' file, and refusing a wrong file. */
class VocabulariesTest {

  static final String FRAUD_ONLINE = """
      offenceCategories:
        fraud_online: {en: Online fraud, de: Online-Betrug, da: Netbedrageri}
        theft: {de: Diebstahl (einfach)}
      referralSources:
        housing_association: {en: Housing association, de: Wohnungsbaugesellschaft}
      """;

  @Test
  void theBuiltInVocabulariesAreTheKernelsMapsWithGermanAndDanishLabels() {
    Vocabularies builtIn = Vocabularies.builtIn();
    assertThat(builtIn.offenceCategories().labels("en")).isEqualTo(Vocabulary.OFFENCE_CATEGORIES);
    assertThat(builtIn.referralSources().codes()).contains("police", "self_referral").hasSize(10);
    assertThat(builtIn.itemKinds().codes()).containsExactly("apology_oral", "apology_written", "payment", "work_for_victim",
        "community_service", "donation", "other");
    builtIn.byName().values().forEach(terms -> terms.terms().forEach(term -> assertThat(term.labels())
        .as(terms.name() + "." + term.code()).containsOnlyKeys("en", "de", "da")));
    assertThat(builtIn.offenceCategories().label("theft", "de")).isEqualTo("Diebstahl");
    assertThat(builtIn.offenceCategories().added()).isEmpty();
  }

  @Test
  void theLanguagesOfLabelsAreTheVocabularysLanguages() {
    assertThat(Vocabularies.LABEL_LANGUAGES).containsExactlyInAnyOrderElementsOf(
        Vocabulary.LANGUAGES.keySet().stream().filter(language -> !"other".equals(language)).toList());
  }

  @Test
  void theAdministratorsFileAddsCodesBeforeOtherAndRelabels() {
    Vocabularies extended = Vocabularies.builtIn().extendedBy(FRAUD_ONLINE, "test.yaml");
    List<String> categories = List.copyOf(extended.offenceCategories().codes());
    assertThat(categories.get(categories.size() - 2)).isEqualTo("fraud_online");
    assertThat(categories.get(categories.size() - 1)).isEqualTo("other");
    assertThat(extended.offenceCategories().added()).containsExactly("fraud_online");
    assertThat(extended.offenceCategories().label("fraud_online", "da")).isEqualTo("Netbedrageri");
    assertThat(extended.offenceCategories().label("fraud_online", "tr")).as("English for a language without its own")
        .isEqualTo("Online fraud");
    assertThat(extended.offenceCategories().label("theft", "de")).isEqualTo("Diebstahl (einfach)");
    assertThat(extended.offenceCategories().label("theft", "en")).as("the other labels stay").isEqualTo("Theft");
    assertThat(extended.offenceCategories().label("arson", "de")).as("an unknown code reads as the code").isEqualTo("arson");
    assertThat(List.copyOf(extended.referralSources().codes())).last().as("no 'other': added at the end")
        .isEqualTo("housing_association");
    assertThat(extended.itemKinds()).isEqualTo(Vocabularies.builtIn().itemKinds());
    assertThat(Vocabularies.builtIn().extendedBy("", "empty.yaml")).isEqualTo(Vocabularies.builtIn());
  }

  @Test
  void aWrongFileIsRefusedWithWhereAndWhy() {
    assertRefused("offenceCategory:\n  x: {en: X}\n", "offenceCategory is not a vocabulary administrators extend");
    assertRefused("offenceCategories:\n  Fraud-Online: {en: X}\n", "offenceCategories.Fraud-Online is not a code");
    assertRefused("offenceCategories:\n  fraud_online: {de: Online-Betrug}\n",
        "offenceCategories.fraud_online a new code needs a label in English");
    assertRefused("offenceCategories:\n  theft:\n", "offenceCategories.theft needs its labels by language");
    assertRefused("offenceCategories:\n  theft: {xx: Diebstahl}\n", "offenceCategories.theft.xx is not a language");
    assertRefused("offenceCategories:\n  theft: {de: ''}\n", "offenceCategories.theft.de must be a label");
    assertRefused("offenceCategories: [theft]\n", "offenceCategories must be a map of codes");
    assertRefused("offenceCategories: {theft: {en: [\n", "is not valid YAML");
    assertRefused("offenceCategories:\n  fraud_online: {en: Online fraud}\n  fraud_online: {en: Fraud}\n", "duplicate key fraud_online");
  }

  @Test
  void theFileIsNamedOrFoundInTheTemplateFolder(@TempDir Path folder) throws Exception {
    assertThat(VocabularySettings.file(null, null)).isNull();
    assertThat(VocabularySettings.file("", folder.toString())).as("a template folder without the file").isNull();
    Path file = Files.writeString(folder.resolve(VocabularySettings.FILE_NAME), FRAUD_ONLINE);
    assertThat(VocabularySettings.file(null, folder.toString())).isEqualTo(file);
    assertThat(VocabularySettings.read(file).offenceCategories().contains("fraud_online")).isTrue();
    assertThatThrownBy(() -> VocabularySettings.file(folder.resolve("missing.yaml").toString(), null))
        .hasMessageContaining("missing.yaml (vom.vocabulary.file, VOM_VOCABULARY_FILE) does not exist");
  }

  private static void assertRefused(String yaml, String reason) {
    assertThatThrownBy(() -> Vocabularies.builtIn().extendedBy(yaml, "admin.yaml"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("admin.yaml").hasMessageContaining(reason);
  }
}
