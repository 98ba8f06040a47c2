package org.vomcase.confidential;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.vomcase.kernel.Roles;

/**
 * The confidential parts of a case (R4, R16, R24): form fields whose values never become engine
 * variables, so that no engine route (Tasklist, Cockpit, {@code /engine-rest}, history) can hand them
 * out. They are kept in {@code vom_confidential_note}, readable only by the one role that needs them.
 */
public enum ConfidentialField {

  /** Details from the police or prosecution file: coordinators screen with them, mediators never see them (R4). */
  POLICE_FILE("policeFileDetails", "Details from the police or prosecution file", Roles.COORDINATORS),
  /** The person's account and the harm done, as the mediator noted them in the preparation meeting (R9). */
  PREPARATION_NOTES("meetingNotes", "Notes of the preparation meeting", Roles.MEDIATORS),
  /** Safety concerns raised in the preparation meeting (R9). */
  SAFETY_CONCERNS("safetyConcerns", "Safety concerns", Roles.MEDIATORS),
  /** The mediator's notes of the session (R12, R16: what was said never leaves the case file). */
  SESSION_NOTES("sessionNotes", "Notes of the session", Roles.MEDIATORS),
  /** Why the mediator stopped the session for safety (R12). */
  SAFETY_STOP_REASON("safetyStopReason", "Why the session was stopped for safety", Roles.MEDIATORS),
  /** What happened in a session stopped for safety, as the coordinator reviewing it wrote it down (issue 16). */
  SAFETY_REVIEW("safetyReviewAccount", "What happened in the session stopped for safety (the coordinators' review)",
      Roles.COORDINATORS);

  /** The longest note a form may submit. */
  public static final int MAX_LENGTH = 20_000;

  private final String variable;
  private final String label;
  private final String readerGroup;

  ConfidentialField(String variable, String label, String readerGroup) {
    this.variable = variable;
    this.label = label;
    this.readerGroup = readerGroup;
  }

  /** The form field's key, which is never stored as a variable. */
  public String variable() {
    return variable;
  }

  public String label() {
    return label;
  }

  /**
   * The group whose members may read it: coordinators for the police file (all cases), mediators for
   * the notes (only the mediators assigned to the case).
   */
  public String readerGroup() {
    return readerGroup;
  }

  /** Every confidential form field's key. */
  public static final Set<String> VARIABLES = Arrays.stream(values()).map(ConfidentialField::variable).collect(Collectors.toUnmodifiableSet());

  /** The fields a member of the group may read (on cases they may read at all). */
  public static List<ConfidentialField> readableBy(String group) {
    return Arrays.stream(values()).filter(f -> f.readerGroup.equals(group)).toList();
  }
}
