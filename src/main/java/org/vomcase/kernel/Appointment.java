package org.vomcase.kernel;

import java.time.OffsetDateTime;

/**
 * One party's own appointment in indirect (shuttle) mediation (entries of {@code appointments} by person id):
 * when and where that person meets the mediator, how often it was changed ({@code sequence}, the calendar file's
 * SEQUENCE) and whether it was cancelled. Only messages to that person (and their guardians) ever name it.
 *
 * @param start ISO date-time with the programme's offset
 */
public record Appointment(String personId, Side role, String start, String place, int sequence, boolean cancelled) {

  public OffsetDateTime startAt() {
    return OffsetDateTime.parse(start);
  }

  /** The same appointment moved to another time or place: the calendar entry is updated (a higher sequence). */
  public Appointment movedTo(OffsetDateTime newStart, String newPlace) {
    return new Appointment(personId, role, newStart.toString(), newPlace, sequence + 1, false);
  }

  /** The same appointment cancelled: the calendar entry is withdrawn (a higher sequence, same UID). */
  public Appointment cancel() {
    return new Appointment(personId, role, start, place, sequence + 1, true);
  }
}
