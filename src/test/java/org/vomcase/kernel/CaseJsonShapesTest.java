package org.vomcase.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The case's records keep the JSON the case already holds: each record written by the previous version
 * (the JSON below is what it wrote) reads into its type and writes back as the same JSON, key for key and
 * value type for value type (amounts as text, flags of preparations as text, instalments as numbers). So
 * running cases, Cockpit's variable view and the history read the same before and after the typed model.
 */
class CaseJsonShapesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      victims       | [{"personId":"V1","role":"victim","name":"Ana Roth","email":"ana@example.org","phone":"+49 30 1234","postalAddress":"Hauptstr. 1","preferredLanguage":"de","dateOfBirth":"1980-04-02","interpreterNeeded":false,"minor":false}]
      offenders     | [{"personId":"O1","role":"offender","name":"Carl Vogt","preferredLanguage":"de","dateOfBirth":"2010-01-15","interpreterNeeded":true,"minor":true}]
      consents      | {"V1":{"role":"victim","outcome":"agreed"},"O1":{"role":"offender","outcome":"agreed","guardianName":"Eva Vogt","guardianRelation":"parent","guardianPhone":"+49 30 999","guardianConsent":"consents"}}
      withdrawals   | [{"personId":"V2","role":"victim","reason":"Does not want to meet","recordedBy":"clara","recordedAt":"2026-03-01T10:00+01:00"}]
      preparations  | {"V1":{"role":"victim","name":"Ana Roth","meetingDate":"2026-03-01","meetingFormat":"in_person","readiness":"ready","supportPersons":"Her sister","safetyConcernsRecorded":"true","meetingType":"direct","preferredPlace":"Office","firstSpeaker":"victim","wishes":"apology, answers"},"O1":{"role":"offender","name":"Carl Vogt","meetingDate":"2026-03-02","meetingFormat":"phone","readiness":"ready","safetyConcernsRecorded":"false","wishes":""}}
      agreementItems | [{"itemId":"I1","kind":"payment","offender":"O1","creditor":"V1","description":"Glasses","status":"open","amount":"600.00","instalments":6,"dueDate":"2027-01-01"},{"itemId":"I2","kind":"community_service","offender":"O1","creditor":"community","description":"","status":"open","hours":"20","dueDate":"2027-02-01"},{"itemId":"I3","kind":"apology_oral","offender":"O1","creditor":"V1","description":"","status":"fulfilled","dueDate":"2026-03-01"}]
      obligations   | [{"itemId":"I1","kind":"payment","offender":"O1","creditor":"V1","description":"Glasses","amount":"100.00","instalments":6,"dueDate":"2027-01-01","obligationId":"I1-1","instalment":1},{"itemId":"I2","kind":"community_service","offender":"O1","creditor":"community","description":"","hours":"20","dueDate":"2027-02-01","obligationId":"I2"}]
      fulfilments   | {"I1-1":{"status":"partly_fulfilled","kind":"payment","amount":"100.00","fulfilledAmount":"50.0","escalated":true,"checkedAt":"2027-01-20T09:00+01:00"},"I2":{"status":"fulfilled","kind":"community_service","hours":"20","escalated":false,"checkedAt":"2027-02-01T09:00+01:00"}}
      followUps     | {"V1":{"role":"victim","outcome":"held","satisfaction":"satisfied","fair":"yes","heard":"yes","recommend":"yes","fearChange":"less_fear","recordedAt":"2027-05-01T10:00+02:00"},"O1":{"role":"offender","outcome":"not_reached","recordedAt":"2027-05-01T10:00+02:00"}}
      offenderOptions | [{"label":"O1 Carl Vogt","value":"O1"}]
      """)
  void aRecordOfThePreviousVersionReadsAndWritesBackUnchanged(String variable, String previous) throws Exception {
    CaseVariable<?> typed = byName(variable);

    Object read = typed.read(Spin.JSON(previous));
    Object written = write(typed, read);

    assertThat(JSON.readTree(((JsonValue) written).getValueSerialized())).isEqualTo(JSON.readTree(previous));
  }

  @Test
  void figureDetailsOfThePreviousVersionReadAndWriteBackUnchanged() throws Exception {
    String previous = """
        {"persons":[{"role":"victim","ageClass":"adult","consent":"agreed"},{"role":"offender","ageClass":"juvenile","consent":"not_asked"}],
         "items":[{"kind":"payment","amount":"600.00","instalments":"2","status":"open","offenderIndex":0,
                   "checks":[{"status":"partly_fulfilled","fulfilledAmount":"100","amount":"300.00","escalated":"true"}]}],
         "followUps":[{"role":"victim","outcome":"held","satisfaction":"satisfied","fair":"yes","heard":"yes","recommend":"yes","fearChange":"no_fear"}],
         "sessionOn":"2026-02-01","firstContactOn":"2026-01-05"}""";

    FigureRow.Details details = FigureRow.Details.parse(previous);

    assertThat(JSON.readTree(details.json())).isEqualTo(JSON.readTree(previous));
    assertThat(details.items().get(0).checks().get(0).escalated()).isTrue();
    assertThat(details.items().get(0).instalments()).isEqualTo(2);
  }

  @Test
  void typedValuesAreWhatTheCaseMeans() {
    List<Person> offenders = CaseVariables.OFFENDERS.read(Spin.JSON("[{\"personId\":\"O1\",\"role\":\"offender\",\"name\":\"Carl Vogt\","
        + "\"dateOfBirth\":\"2010-01-15T00:00:00\",\"minor\":true}]"));
    assertThat(offenders.get(0).role()).isEqualTo(Side.OFFENDER);
    assertThat(offenders.get(0).dateOfBirth()).isEqualTo(LocalDate.of(2010, 1, 15));
    assertThat(offenders.get(0).label()).isEqualTo("O1 Carl Vogt");

    Map<String, Preparation> preparations = CaseVariables.PREPARATIONS.read(
        "{\"V1\":{\"role\":\"victim\",\"safetyConcernsRecorded\":\"true\"}}");
    assertThat(preparations.get("V1").concerns()).isTrue();

    List<AgreementItem> items = CaseVariables.AGREEMENT_ITEMS.read(List.of(Map.of("itemId", "I1", "kind", "payment", "offender",
        "O1", "creditor", "V1", "status", "open", "amount", "100.00", "instalments", 3, "dueDate", "2027-01-01")));
    List<Obligation> obligations = items.get(0).obligations();
    assertThat(obligations).extracting(Obligation::obligationId).containsExactly("I1-1", "I1-2", "I1-3");
    assertThat(obligations).extracting(Obligation::amount).containsExactly(new BigDecimal("33.33"), new BigDecimal("33.33"),
        new BigDecimal("33.34"));
    assertThat(obligations).extracting(Obligation::dueDate).containsExactly(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 1),
        LocalDate.of(2027, 3, 1));

    assertThat(CaseVariables.CONSENTS.read(null).entries()).isEmpty();
    assertThat(CaseVariables.VICTIMS.read(null)).isEmpty();
    assertThat(CaseVariables.CLOSURE_REASON.read("not_reachable")).isEqualTo(ClosureReason.NOT_REACHABLE);
    assertThat(CaseVariables.CLOSURE_REASON.value(ClosureReason.NOT_REACHABLE)).isEqualTo("not_reachable");
    assertThat(CaseVariables.UNREACHED_CALLS.read(2L)).isEqualTo(2);
    assertThat(CaseVariables.REGISTERED_AT.read("2026-03-01T10:00+01:00[Europe/Berlin]").toString()).isEqualTo("2026-03-01T10:00+01:00");
    assertThat(CaseVariables.SIGNED_BY.read(Spin.JSON("[\"V1\",\"G-O1\"]"))).containsExactly("V1", "G-O1");
  }

  @SuppressWarnings("unchecked")
  private static <T> Object write(CaseVariable<T> variable, Object value) {
    return variable.value((T) value);
  }

  private static CaseVariable<?> byName(String name) throws IllegalAccessException {
    for (var field : CaseVariables.class.getFields()) {
      if (field.get(null) instanceof CaseVariable<?> variable && variable.name().equals(name)) {
        return variable;
      }
    }
    throw new IllegalArgumentException(name);
  }
}
