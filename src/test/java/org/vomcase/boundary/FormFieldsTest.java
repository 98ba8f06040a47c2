package org.vomcase.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the product's forms let a person set, read from the forms themselves. */
class FormFieldsTest {

  private static FormFields form(String file) throws IOException {
    return FormFields.parse(Files.readString(Path.of("forms", file)));
  }

  @Test
  void readOnlyFieldsOnlyShowInputFieldsWrite() throws IOException {
    FormFields assignment = form("assign-mediators.form");
    assertThat(assignment.writableNames()).containsExactlyInAnyOrder("leadMediator", "coMediator");
    assertThat(assignment.onlyShows("caseNumber")).isTrue();
    // The referral's facts are shown from the case's record of the referral (referral.offenceSummary): never written.
    assertThat(assignment.onlyShows("referral")).isTrue();
    assertThat(assignment.writable("referral")).isNull();
    assertThat(assignment.readNames()).contains("referral");
    assertThat(assignment.writable("mediators")).isNull();
  }

  @Test
  void groupsAreOneVariableWithTheirOwnFields() throws IOException {
    FormFields referral = form("referral.form");
    assertThat(referral.writable("victim1").nested()).isTrue();
    assertThat(referral.writable("victim1").children()).containsKeys("name", "dateOfBirth", "email", "phone", "postalAddress");
    assertThat(referral.writable("policeFileDetails")).isNotNull();
    assertThat(referral.writable("victims")).isNull();
    assertThat(referral.writable("businessKey")).isNull();
  }

  @Test
  void groupsInGroupsHaveTheirOwnFieldsAndTheReferralsPathsTheirLabels() throws IOException {
    FormFields referral = form("referral.form");
    FormFields.Field guardian = referral.writable("victim1").children().get("guardian2");
    assertThat(guardian.nested()).isTrue();
    assertThat(guardian.children()).containsKeys("name", "relation", "phone", "email", "postalAddress");
    assertThat(referral.writable("offender3").children().get("safeContact").children())
        .containsKeys("preferredChannel", "doNotWrite", "noMessages", "safeTimeToCall");
    assertThat(referral.formPath("victims[0].guardians[1].phone")).isEqualTo("victim1.guardian2.phone");
    assertThat(referral.formPath("victims[2].guardians")).isEqualTo("victim3.guardian1");
    assertThat(referral.label("victims[0].guardians[1].phone")).isEqualTo("Victim 1 – Parent or guardian 2 – Phone");
    assertThat(referral.label("offenders[0].safeContact.doNotWrite"))
        .isEqualTo("Offender 1 – Safe contact – Do not write to this postal address (someone else reads the mail)");
    assertThat(referral.label("victims[0].guardians[0].contact")).isEqualTo("Victim 1 – Parent or guardian – contact");
  }

  @Test
  void theConfidentialFieldsBelongToTheirOwnFormsOnly() throws IOException {
    assertThat(form("session-outcome.form").writableNames()).contains("sessionNotes", "safetyStopReason");
    assertThat(form("preparation-meeting.form").writableNames()).contains("meetingNotes", "safetyConcerns");
    assertThat(form("consent-call.form").writableNames()).doesNotContain("sessionNotes", "meetingNotes", "safetyConcerns");
  }

  @Test
  void conditionallyShownFieldsAreWritableAndTheAppointmentShownIsNot() throws IOException {
    // Indirect mediation: the per-side appointment fields are hidden in a direct meeting but still the form's own.
    assertThat(form("schedule-session.form").writableNames()).contains("meetingType", "sessionDate", "sessionTime", "sessionPlace",
        "victimAppointmentDate", "victimAppointmentTime", "victimAppointmentPlace", "offenderAppointmentDate",
        "offenderAppointmentTime", "offenderAppointmentPlace", "sessionAttendeeIds");
    assertThat(form("schedule-session.form").label("offenderAppointmentPlace")).isEqualTo("Offenders' appointment: place");
    FormFields change = form("change-appointment.form");
    assertThat(change.writableNames()).containsExactlyInAnyOrder("appointmentChange", "appointmentDate", "appointmentTime",
        "appointmentPlace");
    assertThat(change.onlyShows("appointmentShown")).isTrue();
    assertThat(change.onlyShows("personLabel")).isTrue();
    assertThat(change.writable("appointments")).isNull();
  }

  @Test
  void aFormReadsItsFieldsItsOptionListsAndWhatItsExpressionsName() throws IOException {
    FormFields agreement = form("record-agreement.form");
    assertThat(agreement.readNames()).contains("offenderOptions", "creditorOptions", "item1", "item6")
        .doesNotContain("kind", "mediators", "referrerEmail");
    FormFields referral = form("referral.form");
    assertThat(referral.readNames()).contains("victim1", "offender3", "hasVictim2", "hasOffender3")
        .as("a group's own keys and FEEL's functions are no variables").doesNotContain("dateOfBirth", "name");
    FormFields inline = FormFields.parse("""
        {"id":"t","components":[
          {"type":"text","text":"Hello {{ personName }} of {{case.number}}, not {{\\"literal\\"}}"},
          {"type":"group","path":"person","components":[{"type":"textfield","key":"phone",
            "conditional":{"hide":"=personRole != \\"victim\\" or other.flag"}}]},
          {"type":"textfield","key":"plain.nested"}]}""");
    assertThat(inline.readNames()).containsExactlyInAnyOrder("personName", "case", "person", "personRole", "other",
        "or", "plain");
  }
}
