package org.vomcase.kernel;

/** What came of a mediation session that took place (R12): labels in {@link Vocabulary#SESSION_OUTCOMES}. */
public enum SessionOutcome implements Coded {
  AGREEMENT, DIALOGUE_WITHOUT_AGREEMENT, NO_AGREEMENT, STOPPED_FOR_SAFETY, INDIRECT_COMPLETED;

  public static SessionOutcome of(String code) {
    return Coded.of(SessionOutcome.class, code);
  }
}
