package org.vomcase.kernel;

/** What came of a mediation session that took place (R12). */
public enum SessionOutcome implements Coded {
  AGREEMENT("Agreement reached"),
  DIALOGUE_WITHOUT_AGREEMENT("Dialogue; no agreement needed"),
  NO_AGREEMENT("No agreement"),
  STOPPED_FOR_SAFETY("Stopped for safety"),
  INDIRECT_COMPLETED("Indirect mediation completed");

  private final String label;

  SessionOutcome(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  public static SessionOutcome of(String code) {
    return Coded.of(SessionOutcome.class, code);
  }
}
