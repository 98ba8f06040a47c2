package org.vomcase.kernel;

/**
 * The parent or guardian of a minor (R7): asked for consent with the minor, signs the agreement with them
 * and receives their letters. Signatories and recipients know a guardian by {@code G-<person id>}.
 */
public record Guardian(String name, String relation, String phone, String email) {

  /** Prefix of a guardian's id: {@code G-O1} is the guardian of O1. */
  public static final String ID_PREFIX = "G-";

  /** The id of the guardian of a person. */
  public static String idOf(String personId) {
    return ID_PREFIX + personId;
  }

  /** Whether an id of a signatory or recipient is a guardian's. */
  public static boolean isGuardianId(String id) {
    return id != null && id.startsWith(ID_PREFIX);
  }
}
