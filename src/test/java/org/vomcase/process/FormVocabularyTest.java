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
      Map.entry(CaseVariables.REFERRAL_SOURCE.name(), Vocabulary.REFERRAL_SOURCES),
      Map.entry(CaseVariables.PROCEDURAL_STAGE.name(), Vocabulary.PROCEDURAL_STAGES),
      Map.entry(CaseVariables.OFFENCE_CATEGORY.name(), Vocabulary.OFFENCE_CATEGORIES),
      Map.entry(CaseVariables.RESPONSIBILITY_ADMISSION.name(), Vocabulary.RESPONSIBILITY_ADMISSIONS),
      Map.entry("preferredLanguage", Vocabulary.LANGUAGES),
      Map.entry(CaseVariables.MANDATE_OUTCOME.name(), Vocabulary.MANDATE_OUTCOMES),
      Map.entry(CaseVariables.MANDATE_ISSUER.name(), Vocabulary.MANDATE_ISSUERS),
      Map.entry(CaseVariables.REVIEW_DECISION.name(), Vocabulary.REVIEW_DECISIONS),
      Map.entry(CaseVariables.PERSON_ROLE.name(), Vocabulary.PERSON_ROLES),
      Map.entry(CaseVariables.PERSON_LANGUAGE.name(), Vocabulary.LANGUAGES),
      Map.entry(CaseVariables.CALL_OUTCOME.name(), Vocabulary.CALL_OUTCOMES),
      Map.entry(CaseVariables.GUARDIAN_RELATION.name(), Vocabulary.GUARDIAN_RELATIONS),
      Map.entry(CaseVariables.GUARDIAN_CONSENT.name(), Vocabulary.GUARDIAN_CONSENTS),
      Map.entry(CaseVariables.EVENT_TYPE.name(), Vocabulary.CASE_EVENT_TYPES),
      Map.entry(CaseVariables.MEETING_FORMAT.name(), Vocabulary.MEETING_FORMATS),
      Map.entry(CaseVariables.READINESS.name(), Vocabulary.READINESS),
      Map.entry(CaseVariables.MEETING_TYPE.name(), Vocabulary.MEETING_TYPES),
      Map.entry(CaseVariables.FIRST_SPEAKER.name(), Vocabulary.FIRST_SPEAKERS),
      Map.entry(CaseVariables.SUITABILITY.name(), Vocabulary.SUITABILITY),
      Map.entry(CaseVariables.SESSION_HELD.name(), Vocabulary.SESSION_HELD),
      Map.entry(CaseVariables.APPOINTMENT_CHANGE.name(), Vocabulary.APPOINTMENT_CHANGES),
      Map.entry(CaseVariables.SESSION_CHANGE.name(), Vocabulary.APPOINTMENT_CHANGES),
      Map.entry(CaseVariables.CONTACT_LANGUAGE.name(), Vocabulary.LANGUAGES),
      Map.entry(CaseVariables.CONTACT_RELATION.name(), Vocabulary.GUARDIAN_RELATIONS),
      Map.entry(CaseVariables.CONTACT_INTERPRETER_NEEDED.name(), Vocabulary.YES_NO),
      Map.entry(CaseVariables.CONTACT_REMOVE.name(), Vocabulary.CONTACT_REMOVABLE),
      Map.entry(CaseVariables.NO_SHOW_PARTY.name(), Vocabulary.NO_SHOW_PARTIES),
      Map.entry(CaseVariables.SESSION_OUTCOME.name(), Vocabulary.SESSION_OUTCOMES),
      Map.entry(CaseVariables.SAFETY_REVIEW_DECISION.name(), Vocabulary.SAFETY_REVIEW_DECISIONS),
      Map.entry(CaseVariables.CHECKLIST.name(), Vocabulary.PREPARATION_CHECKLIST),
      Map.entry(CaseVariables.WISHES.name(), Vocabulary.WISHES),
      Map.entry("kind", Vocabulary.AGREEMENT_ITEM_KINDS),
      Map.entry("status", Vocabulary.AGREEMENT_ITEM_STATUSES),
      Map.entry(CaseVariables.SIGNATURE_OUTCOME.name(), Vocabulary.SIGNATURE_OUTCOMES),
      Map.entry(CaseVariables.FULFILMENT.name(), Vocabulary.FULFILMENT),
      Map.entry(CaseVariables.FULFILMENT_CONFIRMATION.name(), Vocabulary.FULFILMENT_CONFIRMATIONS),
      Map.entry(CaseVariables.FOLLOW_UP_OUTCOME.name(), Vocabulary.FOLLOW_UP_OUTCOMES),
      Map.entry(CaseVariables.SATISFACTION.name(), Vocabulary.SATISFACTION),
      Map.entry(CaseVariables.FAIR.name(), Vocabulary.YES_PARTLY_NO),
      Map.entry(CaseVariables.HEARD.name(), Vocabulary.YES_PARTLY_NO),
      Map.entry(CaseVariables.RECOMMEND.name(), Vocabulary.RECOMMEND),
      Map.entry(CaseVariables.FEAR_CHANGE.name(), Vocabulary.FEAR_CHANGES),
      Map.entry(CaseVariables.PROCEEDINGS_OUTCOME.name(), Vocabulary.PROCEEDINGS_OUTCOMES),
      Map.entry(CaseVariables.SAFE_PREFERRED_CHANNEL.name(), Vocabulary.CONTACT_CHANNELS),
      Map.entry("preferredChannel", Vocabulary.CONTACT_CHANNELS),
      Map.entry("relation", Vocabulary.GUARDIAN_RELATIONS));

  /** Selects whose form offers a narrower vocabulary than the key's: form file and key. */
  private static final Map<String, Map<String, String>> VOCABULARY_BY_FORM_AND_KEY = Map.of(
      "letter-answer.form:" + CaseVariables.CALL_OUTCOME.name(), Vocabulary.LETTER_ANSWERS);

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
          Map<String, String> vocabulary = VOCABULARY_BY_FORM_AND_KEY.getOrDefault(form.getFileName() + ":" + key,
              VOCABULARY_BY_KEY.getOrDefault(key, VOCABULARY_BY_KEY.get(key.substring(key.lastIndexOf('.') + 1))));
          assertThat(vocabulary).as("vocabulary for select '%s' of %s", key, form).isNotNull();
          List<String> values = new ArrayList<>();
          List<String> labels = new ArrayList<>();
          select.path("values").forEach(v -> {
            values.add(v.path("value").asText());
            labels.add(v.path("label").asText());
          });
          assertThat(values).as("values of '%s' in %s", key, form).containsExactlyElementsOf(vocabulary.keySet());
          assertThat(labels).as("labels of '%s' in %s", key, form).containsExactlyElementsOf(vocabulary.values());
          checked.add(form.getFileName() + ":" + key);
        }
      }
    }
    assertThat(checked).contains("referral.form:" + CaseVariables.OFFENCE_CATEGORY.name(), "record-mandate.form:" + CaseVariables.MANDATE_OUTCOME.name(),
        "review-eligibility.form:" + CaseVariables.REVIEW_DECISION.name(), "record-agreement.form:kind", "record-agreement.form:status",
        "sign-agreement.form:" + CaseVariables.SIGNATURE_OUTCOME.name(), "check-fulfilment.form:" + CaseVariables.FULFILMENT.name(),
        "follow-up.form:" + CaseVariables.FEAR_CHANGE.name(), "record-proceedings-end.form:" + CaseVariables.PROCEEDINGS_OUTCOME.name(),
        "record-case-event.form:" + CaseVariables.PROCEEDINGS_OUTCOME.name(),
        "safety-review.form:" + CaseVariables.SAFETY_REVIEW_DECISION.name());
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
