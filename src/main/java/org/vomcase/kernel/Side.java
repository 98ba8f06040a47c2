package org.vomcase.kernel;

/** The side a person is on in the case ({@code role} of a person). */
public enum Side implements Coded {
  VICTIM("Victim"),
  OFFENDER("Offender");

  private final String label;

  Side(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The letter of the side's person ids: V1, V2 ... and O1, O2 ... */
  public String idPrefix() {
    return this == VICTIM ? "V" : "O";
  }

  public static Side of(String code) {
    return Coded.of(Side.class, code);
  }
}
