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
    assertThat(assignment.onlyShows("offenceSummary")).isTrue();
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
        "offenderAppointmentTime", "offenderAppointmentPlace", "sessionAttendees");
    assertThat(form("schedule-session.form").label("offenderAppointmentPlace")).isEqualTo("Offenders' appointment: place");
    FormFields change = form("change-appointment.form");
    assertThat(change.writableNames()).containsExactlyInAnyOrder("appointmentChange", "appointmentDate", "appointmentTime",
        "appointmentPlace");
    assertThat(change.onlyShows("appointmentShown")).isTrue();
    assertThat(change.onlyShows("personLabel")).isTrue();
    assertThat(change.writable("appointments")).isNull();
  }
}
