package org.vomcase.kernel;

/** How a person's contact ended (R6-R8): the outcome the case goes on with. */
public enum ConsentOutcome implements Coded {
  AGREED, DECLINED, NOT_REACHABLE, WITHDRAWN;

  /** Declined or withdrawn: the person is not asked again and takes no further part. */
  public boolean refused() {
    return this == DECLINED || this == WITHDRAWN;
  }

  public static ConsentOutcome of(String code) {
    return Coded.of(ConsentOutcome.class, code);
  }
}
