package org.vomcase.kernel;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;

/**
 * One person's preparation (R9, R10; entries of {@code preparations} by person id): the meeting, the
 * person's readiness and wishes, whether safety concerns were recorded (the concerns themselves are
 * confidential notes), and a victim's choices for the session.
 */
public record Preparation(Side role, String name, LocalDate meetingDate, String meetingFormat, String readiness,
    String supportPersons, @JsonFormat(shape = JsonFormat.Shape.STRING) Boolean safetyConcernsRecorded, String meetingType,
    String preferredPlace, String preferredTimes, String firstSpeaker, String seating, String wishes) {

  /** Whether the preparation meeting recorded safety concerns. */
  public boolean concerns() {
    return Boolean.TRUE.equals(safetyConcernsRecorded);
  }
}
