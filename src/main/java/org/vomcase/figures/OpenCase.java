package org.vomcase.figures;

/**
 * Cases still running that were registered in the period, counted by what the referral figures group them by: their
 * referral source and procedural stage (one row per pair, however many cases).
 */
public record OpenCase(String referralSource, String proceduralStage, long count) {

  /** One running case of the source and stage (the tests' shorthand). */
  public static OpenCase one(String referralSource, String proceduralStage) {
    return new OpenCase(referralSource, proceduralStage, 1);
  }
}
