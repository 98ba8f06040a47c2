package org.vomcase.kernel;

/** The side a person is on in the case ({@code role} of a person): labels in {@link Vocabulary#PERSON_ROLES}. */
public enum Side implements Coded {
  VICTIM, OFFENDER;

  /** The letter of the side's person ids: V1, V2 ... and O1, O2 ... */
  public String idPrefix() {
    return this == VICTIM ? "V" : "O";
  }

  public static Side of(String code) {
    return Coded.of(Side.class, code);
  }
}
