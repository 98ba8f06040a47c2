package org.vomcase.kernel;

import org.camunda.bpm.engine.authorization.Groups;

/** The programme's roles. Each is an engine group; authorizations are granted to groups only. */
public final class Roles {

  /** Register referrals, assign mediators, decide eligibility reviews, record case events. */
  public static final String COORDINATORS = "coordinators";

  /** Referring systems (police, prosecutor, court software): may only send referrals to the referral API. */
  public static final String REFERRERS = "referrers";

  /** Work their own cases in Tasklist. */
  public static final String MEDIATORS = "mediators";

  /** Watch all cases in Cockpit, read-only. */
  public static final String SUPERVISORS = "supervisors";

  /** Deploy diagrams, decision tables and forms; manage users. Camunda's built-in admin group. */
  public static final String ADMINISTRATORS = Groups.CAMUNDA_ADMIN;

  private Roles() {}
}
