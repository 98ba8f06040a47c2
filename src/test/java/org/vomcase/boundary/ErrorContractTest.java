package org.vomcase.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.FieldError;
import org.vomcase.process.referral.ReferralRejectedException;
import org.vomcase.settings.StaffLanguage;

/**
 * A refused request as staff read it (README "Errors: what a refused request looks like"): the labels of the form in the
 * staff language and the sentences too; the refusal's message (the log's) stays English.
 */
class ErrorContractTest {

  private static final StaffLanguage GERMAN = StaffLanguage.of("de");
  private static final StaffLanguage DANISH = StaffLanguage.of("da");

  @Test
  void aMistakeIsSaidInTheStaffLanguageWithTheFormsLabel() {
    FormFields form = ErrorContract.classpathForm("record-case-event", GERMAN);
    Refusal refusal = ErrorContract.mistake(CaseInputException.of("eventCaseNumber", "error.event.notACaseNumber", "VOM-1"), form);

    assertThat(refusal.status()).isEqualTo(400);
    assertThat(refusal.message()).isEqualTo("Aktenzeichen: 'VOM-1' is not a case number (VOM-2026-00042)");
    Map<String, Object> body = refusal.body(GERMAN);
    assertThat(body.get("message")).isEqualTo("Aktenzeichen: „VOM-1“ ist kein Aktenzeichen (VOM-2026-00042)");
    assertThat(body.get("errors")).isEqualTo(List.of(Map.of("field", "eventCaseNumber", "label", "Aktenzeichen",
        "message", "„VOM-1“ ist kein Aktenzeichen (VOM-2026-00042)")));
  }

  @Test
  void severalMistakesAreCountedInTheStaffLanguage() {
    ReferralRejectedException referral = new ReferralRejectedException(List.of(
        FieldError.of("offenceSummary", "error.tooShort", 10), FieldError.of("victims", "error.referral.victimRequired")));
    Refusal refusal = ErrorContract.mistake(referral, null);

    assertThat(refusal.message()).isEqualTo("2 fields need to be corrected: offenceSummary: must have at least 10 characters;"
        + " victims: at least one victim is required");
    assertThat(refusal.body(GERMAN).get("message")).isEqualTo("2 Felder müssen korrigiert werden: offenceSummary: muss"
        + " mindestens 10 Zeichen haben; victims: mindestens eine geschädigte Person ist nötig");
    assertThat(refusal.body(DANISH).get("message")).isEqualTo("2 felter skal rettes: offenceSummary: skal have mindst 10"
        + " tegn; victims: der skal være mindst én forurettet");
  }

  @Test
  void inEnglishTheAnswerSaysWhatTheLogSays() {
    Refusal refusal = ErrorContract.mistake(CaseInputException.of("amount", "error.notBetween", "1", "12"), null);
    assertThat(refusal.body().get("message")).isEqualTo(refusal.message()).isEqualTo("amount: must be between 1 and 12");
    assertThat(refusal.body(StaffLanguage.of("en"))).isEqualTo(refusal.body());
  }

  @Test
  void theContractsOwnSentencesAreInTheStaffLanguage() {
    assertThat(ErrorContract.unavailable().body(GERMAN).get("message"))
        .isEqualTo("Das Fallsystem erreicht seine Datenbank gerade nicht. Es wurde nichts geändert; bitte versuchen Sie es"
            + " in einer Minute noch einmal.");
    Refusal fault = ErrorContract.fault("test", "details");
    assertThat(fault.body(DANISH).get("message")).asString().startsWith("Der skete en fejl på serveren")
        .contains(fault.reference());
    assertThat(fault.message()).startsWith("Something went wrong on the server");
    Refusal conflict = ErrorContract.replaceEngineError(500,
        new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("type", "TaskAlreadyClaimedException"), "x");
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.body(GERMAN).get("message")).isEqualTo("Jemand anderes hat die Aufgabe inzwischen übernommen.");
  }

  @Test
  void aFormsWordsNamedInASentenceAreTheFormsWordsInTheStaffLanguage() {
    CaseInputException notCovered = CaseInputException.of("checklist", "error.preparation.notCovered",
        List.of(new org.vomcase.kernel.ErrorText.FormWords("preparation-meeting", "Ground rules explained"),
            new org.vomcase.kernel.ErrorText.FormWords("preparation-meeting", "The harm done discussed")));
    assertThat(notCovered.getReason()).isEqualTo("not yet covered: Ground rules explained; The harm done discussed");
    assertThat(DANISH.text(notCovered.problems().get(0).text()))
        .isEqualTo("endnu ikke gennemgået: Reglerne for mødet forklaret; Den skade, der er sket, drøftet");
  }
}
