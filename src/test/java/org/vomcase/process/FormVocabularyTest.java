package org.vomcase.process;

import org.vomcase.kernel.Vocabulary;
import org.vomcase.kernel.CaseVariables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every select of every form offers exactly the values the Java side accepts, in the same order. */
class FormVocabularyTest {

  private static final Map<String, Map<String, String>> VOCABULARY_BY_KEY = Map.ofEntries(
      Map.entry(CaseVariables.REFERRAL_SOURCE, Vocabulary.REFERRAL_SOURCES),
      Map.entry(CaseVariables.PROCEDURAL_STAGE, Vocabulary.PROCEDURAL_STAGES),
      Map.entry(CaseVariables.OFFENCE_CATEGORY, Vocabulary.OFFENCE_CATEGORIES),
      Map.entry(CaseVariables.RESPONSIBILITY_ADMISSION, Vocabulary.RESPONSIBILITY_ADMISSIONS),
      Map.entry("preferredLanguage", Vocabulary.LANGUAGES),
      Map.entry(CaseVariables.MANDATE_OUTCOME, Vocabulary.MANDATE_OUTCOMES),
      Map.entry(CaseVariables.MANDATE_ISSUER, Vocabulary.MANDATE_ISSUERS),
      Map.entry(CaseVariables.REVIEW_DECISION, Vocabulary.REVIEW_DECISIONS),
      Map.entry(CaseVariables.PERSON_ROLE, Vocabulary.PERSON_ROLES),
      Map.entry(CaseVariables.PERSON_LANGUAGE, Vocabulary.LANGUAGES),
      Map.entry(CaseVariables.CALL_OUTCOME, Vocabulary.CALL_OUTCOMES),
      Map.entry(CaseVariables.GUARDIAN_RELATION, Vocabulary.GUARDIAN_RELATIONS),
      Map.entry(CaseVariables.GUARDIAN_CONSENT, Vocabulary.GUARDIAN_CONSENTS),
      Map.entry(CaseVariables.EVENT_TYPE, Vocabulary.CASE_EVENT_TYPES),
      Map.entry(CaseVariables.MEETING_FORMAT, Vocabulary.MEETING_FORMATS),
      Map.entry(CaseVariables.READINESS, Vocabulary.READINESS),
      Map.entry(CaseVariables.MEETING_TYPE, Vocabulary.MEETING_TYPES),
      Map.entry(CaseVariables.FIRST_SPEAKER, Vocabulary.FIRST_SPEAKERS),
      Map.entry(CaseVariables.SUITABILITY, Vocabulary.SUITABILITY),
      Map.entry(CaseVariables.SESSION_HELD, Vocabulary.SESSION_HELD),
      Map.entry(CaseVariables.NO_SHOW_PARTY, Vocabulary.NO_SHOW_PARTIES),
      Map.entry(CaseVariables.SESSION_OUTCOME, Vocabulary.SESSION_OUTCOMES),
      Map.entry(CaseVariables.CHECKLIST, Vocabulary.PREPARATION_CHECKLIST),
      Map.entry(CaseVariables.WISHES, Vocabulary.WISHES),
      Map.entry("kind", Vocabulary.AGREEMENT_ITEM_KINDS),
      Map.entry("status", Vocabulary.AGREEMENT_ITEM_STATUSES),
      Map.entry(CaseVariables.SIGNATURE_OUTCOME, Vocabulary.SIGNATURE_OUTCOMES),
      Map.entry(CaseVariables.FULFILMENT, Vocabulary.FULFILMENT),
      Map.entry(CaseVariables.FULFILMENT_CONFIRMATION, Vocabulary.FULFILMENT_CONFIRMATIONS),
      Map.entry(CaseVariables.FOLLOW_UP_OUTCOME, Vocabulary.FOLLOW_UP_OUTCOMES),
      Map.entry(CaseVariables.SATISFACTION, Vocabulary.SATISFACTION),
      Map.entry(CaseVariables.FAIR, Vocabulary.YES_PARTLY_NO),
      Map.entry(CaseVariables.HEARD, Vocabulary.YES_PARTLY_NO),
      Map.entry(CaseVariables.RECOMMEND, Vocabulary.RECOMMEND),
      Map.entry(CaseVariables.FEAR_CHANGE, Vocabulary.FEAR_CHANGES),
      Map.entry(CaseVariables.PROCEEDINGS_OUTCOME, Vocabulary.PROCEEDINGS_OUTCOMES));

  @Test
  void everyStaticSelectMatchesItsVocabulary() throws IOException {
    List<String> checked = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        for (JsonNode select : selects(new ObjectMapper().readTree(form.toFile()).path("components"))) {
          String key = select.path("key").asText();
          if (select.has("valuesKey")) {
            continue;
          }
          assertThat(VOCABULARY_BY_KEY).as("vocabulary for select '%s' of %s", key, form).containsKey(key);
          List<String> values = new ArrayList<>();
          List<String> labels = new ArrayList<>();
          select.path("values").forEach(v -> {
            values.add(v.path("value").asText());
            labels.add(v.path("label").asText());
          });
          assertThat(values).as("values of '%s' in %s", key, form).containsExactlyElementsOf(VOCABULARY_BY_KEY.get(key).keySet());
          assertThat(labels).as("labels of '%s' in %s", key, form).containsExactlyElementsOf(VOCABULARY_BY_KEY.get(key).values());
          checked.add(form.getFileName() + ":" + key);
        }
      }
    }
    assertThat(checked).contains("referral.form:" + CaseVariables.OFFENCE_CATEGORY, "record-mandate.form:" + CaseVariables.MANDATE_OUTCOME,
        "review-eligibility.form:" + CaseVariables.REVIEW_DECISION, "record-agreement.form:kind", "record-agreement.form:status",
        "sign-agreement.form:" + CaseVariables.SIGNATURE_OUTCOME, "check-fulfilment.form:" + CaseVariables.FULFILMENT,
        "follow-up.form:" + CaseVariables.FEAR_CHANGE, "record-proceedings-end.form:" + CaseVariables.PROCEEDINGS_OUTCOME,
        "record-case-event.form:" + CaseVariables.PROCEEDINGS_OUTCOME);
  }

  private static List<JsonNode> selects(JsonNode components) {
    List<JsonNode> found = new ArrayList<>();
    components.forEach(component -> {
      if (List.of("select", "radio", "checklist").contains(component.path("type").asText())) {
        found.add(component);
      }
      found.addAll(selects(component.path("components")));
    });
    return found;
  }
}
