package org.vomcase.boundary;

/** Where a request enters: the engine's REST API, the webapps' own API, or the application's endpoints. */
public enum Entry {
  /** The engine's REST API: {@code /engine-rest/...} (HTTP Basic) and {@code /camunda/api/engine/engine/default/...} (the webapps). */
  ENGINE("engine REST API"),
  /** The webapps' own API: {@code /camunda/api/{cockpit,admin,tasklist,welcome}/...} and the engine list. */
  WEBAPP("webapps' API"),
  /** The application's own endpoints: {@code /api/...} (referrals, case events) and {@code /vom/...} (case file, figures). */
  APPLICATION("application");

  public static final String ENGINE_REST = "/engine-rest";
  public static final String NAMED_DEFAULT_ENGINE = "/engine/default";

  private final String label;

  Entry(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** A canonical request path placed at its entry: the route path within the entry. */
  public record Located(Entry entry, String path) {}

  /**
   * Where a canonical path enters, or null for paths the boundary does not guard (the webapps' pages and
   * static files, the health check). Both spellings of the engine's REST API land on the same routes.
   */
  public static Located locate(String path, String webappApi) {
    if (path.equals(ENGINE_REST) || path.startsWith(ENGINE_REST + "/")) {
      String rest = path.substring(ENGINE_REST.length());
      if (rest.equals(NAMED_DEFAULT_ENGINE) || rest.startsWith(NAMED_DEFAULT_ENGINE + "/")) {
        rest = rest.substring(NAMED_DEFAULT_ENGINE.length());
      }
      return new Located(ENGINE, rest.isEmpty() ? "/" : rest);
    }
    String webappEngine = webappApi + "/engine/engine/default";
    if (path.equals(webappEngine) || path.startsWith(webappEngine + "/")) {
      String rest = path.substring(webappEngine.length());
      return new Located(ENGINE, rest.isEmpty() ? "/" : rest);
    }
    if (path.equals(webappApi) || path.startsWith(webappApi + "/")) {
      return new Located(WEBAPP, path);
    }
    if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/vom/") || path.equals("/vom")) {
      return new Located(APPLICATION, path);
    }
    return null;
  }
}
