package org.vomcase.kernel;

/** How an obligation, or the agreement as a whole, was fulfilled (R17). */
public enum FulfilmentStatus implements Coded {
  FULFILLED, PARTLY_FULFILLED, NOT_FULFILLED;

  public static FulfilmentStatus of(String code) {
    return Coded.of(FulfilmentStatus.class, code);
  }
}
