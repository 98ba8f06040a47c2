package org.vomcase.kernel;

/**
 * A parent or guardian of a minor (R7): named in the referral or recorded at the consent call; asked for
 * consent with the minor, signs the agreement with them and receives their letters. Signatories and
 * recipients know the guardians of a person by {@code G-<person id>} (the first) and {@code G-<person id>-2}
 * (the second).
 *
 * @param postalAddress where the guardian's letters go; null: the minor's address
 */
public record Guardian(String name, String relation, String phone, String email, String postalAddress) {

  /** The JSON keys of a guardian a referral names (with {@link Person#PHONE}, {@link Person#EMAIL}, {@link Person#POSTAL_ADDRESS}). */
  public static final String NAME = "name";
  public static final String RELATION = "relation";

  /** Prefix of a guardian's id: {@code G-O1} is the (first) guardian of O1. */
  public static final String ID_PREFIX = "G-";

  /** A guardian recorded at the consent call (the minor's address). */
  public Guardian(String name, String relation, String phone, String email) {
    this(name, relation, phone, email, null);
  }

  /** The id of the (first) guardian of a person. */
  public static String idOf(String personId) {
    return ID_PREFIX + personId;
  }

  /** The id of the {@code n}-th guardian of a person (1-based). */
  public static String idOf(String personId, int n) {
    return n <= 1 ? idOf(personId) : ID_PREFIX + personId + "-" + n;
  }

  /** Whether an id of a signatory or recipient is a guardian's. */
  public static boolean isGuardianId(String id) {
    return id != null && id.startsWith(ID_PREFIX);
  }

  /** The person a guardian's id belongs to ({@code G-V1-2} → {@code V1}); null for an id that is not a guardian's. */
  public static String personOf(String guardianId) {
    if (!isGuardianId(guardianId)) {
      return null;
    }
    String rest = guardianId.substring(ID_PREFIX.length());
    int dash = rest.indexOf('-');
    return dash < 0 ? rest : rest.substring(0, dash);
  }
}
