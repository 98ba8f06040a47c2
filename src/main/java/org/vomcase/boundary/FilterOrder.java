package org.vomcase.boundary;

import org.springframework.core.Ordered;

/**
 * The order of the application's servlet filters, first to last: the firewall sees the raw address
 * before anything routes on it; security headers go on every answer; the logins (HTTP Basic, the
 * webapps' session) say who calls; the boundary decides whether that caller may take that route; the
 * case file's header check comes last. Camunda's own webapp filters run after all of these.
 */
public final class FilterOrder {

  public static final int FIREWALL = Ordered.HIGHEST_PRECEDENCE;
  public static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE + 1;
  public static final int AUTHENTICATION = Ordered.HIGHEST_PRECEDENCE + 10;
  public static final int BOUNDARY = Ordered.HIGHEST_PRECEDENCE + 20;
  public static final int REQUEST_HEADER = Ordered.HIGHEST_PRECEDENCE + 30;

  private FilterOrder() {}
}
