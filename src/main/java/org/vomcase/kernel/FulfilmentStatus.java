package org.vomcase.kernel;

/** How an obligation, or the agreement as a whole, was fulfilled (R17). */
public enum FulfilmentStatus implements Coded {
  FULFILLED("Fulfilled"),
  PARTLY_FULFILLED("Partly fulfilled"),
  NOT_FULFILLED("Not fulfilled");

  private final String label;

  FulfilmentStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  public static FulfilmentStatus of(String code) {
    return Coded.of(FulfilmentStatus.class, code);
  }
}
