package org.vomcase.kernel;

/** How a person's contact ended (R6-R8): the outcome the case goes on with. */
public enum ConsentOutcome implements Coded {
  AGREED("Agreed to take part"),
  DECLINED("Declined"),
  NOT_REACHABLE("Could not be reached"),
  WITHDRAWN("Withdrew consent");

  private final String label;

  ConsentOutcome(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** Declined or withdrawn: the person is not asked again and takes no further part. */
  public boolean refused() {
    return this == DECLINED || this == WITHDRAWN;
  }

  public static ConsentOutcome of(String code) {
    return Coded.of(ConsentOutcome.class, code);
  }
}
