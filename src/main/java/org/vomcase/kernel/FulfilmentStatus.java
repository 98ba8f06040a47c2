package org.vomcase.kernel;

/** How an obligation, or the agreement as a whole, was fulfilled (R17). */
public enum FulfilmentStatus implements Coded {
  FULFILLED, PARTLY_FULFILLED, NOT_FULFILLED;

  /**
   * How an agreement (or one offender's part of it) was kept: fulfilled when every item (and instalment) was fulfilled,
   * items done at the session included; not fulfilled when none was even partly; otherwise partly fulfilled.
   */
  public static FulfilmentStatus of(java.util.List<AgreementItem> items, java.util.List<Obligation> obligations,
      java.util.Map<String, Fulfilment> book) {
    int units = 0;
    int fulfilled = 0;
    int partly = 0;
    for (AgreementItem item : items) {
      if (AgreementItem.DONE_AT_SESSION.equals(item.status())) {
        units++;
        fulfilled++;
      }
    }
    for (Obligation obligation : obligations) {
      units++;
      Fulfilment entry = book.get(obligation.obligationId());
      FulfilmentStatus status = entry == null ? NOT_FULFILLED : entry.status();
      fulfilled += status == FULFILLED ? 1 : 0;
      partly += status == PARTLY_FULFILLED ? 1 : 0;
    }
    return fulfilled == units ? FULFILLED : fulfilled + partly == 0 ? NOT_FULFILLED : PARTLY_FULFILLED;
  }

  /**
   * How an agreement (or one offender's part) was kept, judged on what is still in force: the items and instalments
   * that stopped when a party withdrew after the agreement do not count. When nothing at all is left in force (every
   * open item stopped, none done at the session), it is judged on all of them: what was done until the withdrawal.
   */
  public static FulfilmentStatus judged(java.util.List<AgreementItem> items, java.util.List<Obligation> inForce,
      java.util.List<Obligation> all, java.util.Map<String, Fulfilment> book) {
    boolean doneAtSession = items.stream().anyMatch(item -> AgreementItem.DONE_AT_SESSION.equals(item.status()));
    return of(items, inForce.isEmpty() && !doneAtSession ? all : inForce, book);
  }

  public static FulfilmentStatus of(String code) {
    return Coded.of(FulfilmentStatus.class, code);
  }
}
