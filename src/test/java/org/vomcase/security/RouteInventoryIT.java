package org.vomcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vomcase.boundary.BoundaryConfiguration;
import org.vomcase.boundary.EngineBoundary;
import org.vomcase.boundary.Entry;
import org.vomcase.boundary.PathTemplate;
import org.vomcase.boundary.Role;
import org.vomcase.boundary.Route;
import org.vomcase.boundary.RouteAllowList;
import org.vomcase.boundary.RouteInventory;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.Http;

/**
 * The boundary, route by route: every route the running application offers (the engine's REST API under
 * both its prefixes, the webapps' API, the application's endpoints; discovered from the JAX-RS resources
 * and the Spring MVC mappings) is asked by every role, and answers past the boundary exactly where the
 * allow-list opens it to that role. Each route is also asked in other spellings (path parameters, encoded
 * letters and slashes, double and trailing slashes, upper case, the named engine): none gets past the
 * boundary unless its canonical route is open to the caller.
 *
 * <p>The inventory is compared with the reviewed list in {@code src/test/resources/boundary/route-inventory.txt}
 * and with the engine's published OpenAPI document: a Camunda version that adds a route fails here until
 * someone decides whether a role needs it (then the list is updated, see README "The engine boundary").
 */
class RouteInventoryIT extends AbstractApplicationIT {

  private static final Path REVIEWED = Path.of("src/test/resources/boundary/route-inventory.txt");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The demo user of each role; the two mediators differ only in their cases, which the engine decides. */
  private static final Map<String, String> USERS = new LinkedHashMap<>();

  static {
    USERS.put("anonymous", null);
    USERS.put("referrer", "policeapi");
    USERS.put("coordinator", "clara");
    USERS.put("mediator", "mara");
    USERS.put("other mediator", "lea");
    USERS.put("supervisor", "sam");
    USERS.put("administrator", "admin");
  }

  private static final Map<String, Set<Role>> ROLES = Map.of(
      "anonymous", EnumSet.of(Role.ANONYMOUS), "referrer", EnumSet.of(Role.REFERRER),
      "coordinator", EnumSet.of(Role.COORDINATOR), "mediator", EnumSet.of(Role.MEDIATOR),
      "other mediator", EnumSet.of(Role.MEDIATOR), "supervisor", EnumSet.of(Role.SUPERVISOR),
      "administrator", EnumSet.of(Role.ADMINISTRATOR));

  /** The app each role logs in to for a webapp session (referring systems have none). */
  private static final Map<String, String> APPS = Map.of("coordinator", "tasklist", "mediator", "tasklist",
      "other mediator", "tasklist", "supervisor", "cockpit", "administrator", "admin");

  @Autowired private BoundaryConfiguration.DiscoveredRoutes routes;

  private RouteInventory inventory;

  @BeforeEach
  void discover() {
    inventory = routes.get();
  }

  @Test
  void theInventoryIsTheReviewedOne() throws IOException {
    Set<String> actual = inventory.lines();
    Set<String> reviewed = new TreeSet<>(Files.readAllLines(REVIEWED, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#")).toList());
    if (!actual.equals(reviewed)) {
      Path written = Path.of("target/route-inventory.actual.txt");
      Files.write(written, actual, StandardCharsets.UTF_8);
      Set<String> added = new TreeSet<>(actual);
      added.removeAll(reviewed);
      Set<String> removed = new TreeSet<>(reviewed);
      removed.removeAll(actual);
      throw new AssertionError("The application's routes changed. Decide for each new route whether a role needs it"
          + " (RouteAllowList), then replace " + REVIEWED + " with " + written + ".\nNew: " + added + "\nGone: " + removed);
    }
  }

  @Test
  void everyRouteOfTheEnginesPublishedApiIsInTheInventory() throws IOException {
    JsonNode openApi;
    try (InputStream in = getClass().getResourceAsStream("/openapi.json")) {
      openApi = JSON.readTree(in);
    }
    List<String> missing = new ArrayList<>();
    int published = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next().toUpperCase(Locale.ROOT);
        if (!List.of("GET", "POST", "PUT", "DELETE", "OPTIONS", "PATCH").contains(method)) {
          continue;
        }
        published++;
        String concrete = PathTemplate.of(path.getKey()).example("x");
        boolean found = inventory.operations().stream().anyMatch(o -> o.entry() == Entry.ENGINE && o.method().equals(method)
            && inventory.resolve(Entry.ENGINE, concrete).map(t -> t.equals(o.template())).orElse(false));
        if (!found) {
          missing.add(method + " " + path.getKey());
        }
      }
    }
    assertThat(published).isGreaterThan(350);
    assertThat(missing).as("published engine routes the inventory does not know").isEmpty();
  }

  @Test
  void everyAllowedRouteIsOfferedAndEveryRoleHasWork() {
    for (Route route : RouteAllowList.routes()) {
      assertThat(inventory.offers(route.method(), route.entry(), route.template())).as(route.toString()).isTrue();
    }
    for (Role role : Role.values()) {
      assertThat(RouteAllowList.routes()).as(role.label()).anyMatch(r -> r.roles().contains(role));
    }
  }

  @Test
  void everyRoleReachesExactlyItsAllowListOnEveryRoute() {
    Map<String, Http> basic = new LinkedHashMap<>();
    Map<String, Http> sessions = new LinkedHashMap<>();
    Map<String, Set<Role>> sessionRoles = new LinkedHashMap<>();
    USERS.forEach((role, user) -> {
      basic.put(role, user == null ? anonymous() : rest(user));
      Http session = new Http(port);
      boolean loggedIn = user != null && APPS.containsKey(role)
          && session.loginToWebapp(APPS.get(role), user, DEMO_PASSWORD).statusCode() == 200;
      if (!loggedIn) {
        session.get("/camunda/app/tasklist/default/");
      }
      sessions.put(role, session);
      sessionRoles.put(role, loggedIn ? ROLES.get(role) : EnumSet.of(Role.ANONYMOUS));
    });
    List<String> wrong = new ArrayList<>();
    int asked = 0;
    for (RouteInventory.Operation operation : inventory.operations()) {
      String path = concrete(operation);
      for (String role : USERS.keySet()) {
        boolean sessionEntry = operation.entry() == Entry.WEBAPP;
        asked += check(wrong, role, operation, path, sessionEntry ? sessions.get(role) : basic.get(role),
            sessionEntry ? sessionRoles.get(role) : ROLES.get(role), sessions, sessionRoles);
        if (operation.entry() == Entry.ENGINE && !operation.template().toString().equals("/engine")) {
          asked += check(wrong, role + " (webapp session)", operation, "/camunda/api/engine/engine/default"
              + path.substring(Entry.ENGINE_REST.length()), sessions.get(role), sessionRoles.get(role), sessions, sessionRoles);
        }
      }
    }
    assertThat(asked).isGreaterThan(5000);
    assertThat(wrong).as("routes answered against the allow-list").isEmpty();
  }

  @Test
  void noOtherSpellingOfARouteGetsPastTheBoundary() {
    List<String> wrong = new ArrayList<>();
    int asked = 0;
    for (String role : List.of("mediator", "administrator", "anonymous")) {
      Http http = USERS.get(role) == null ? anonymous() : rest(USERS.get(role));
      for (RouteInventory.Operation operation : inventory.operations()) {
        if (operation.entry() == Entry.WEBAPP) {
          continue; // the same firewall and resolution; asked through the engine's webapp prefix above
        }
        boolean open = allowed(operation, ROLES.get(role));
        String path = concrete(operation);
        for (Map.Entry<String, Spelling> variant : variants(operation, path).entrySet()) {
          HttpResponse<String> response = http.exchange(operation.method(), variant.getKey(), "{}");
          asked++;
          boolean refused = refused(response, "anonymous".equals(role));
          String request = role + ": " + operation.method() + " " + variant.getKey();
          switch (variant.getValue()) {
            case SAME_ROUTE -> {
              if (!open && !refused) {
                wrong.add(request + " got past the boundary (" + response.statusCode() + ")");
              }
            }
            case AS_RESOLVED -> {
              // Another address altogether: whatever route it resolves to decides (most often none).
              String raw = variant.getKey();
              Entry.Located located = Entry.locate(raw, "/camunda/api");
              boolean openAsResolved = located != null && inventory.resolve(located.entry(), located.path())
                  .flatMap(t -> RouteAllowList.find(operation.method(), located.entry(), t))
                  .map(r -> r.openTo(ROLES.get(role))).orElse(false);
              // An unknown engine's name is answered 404 by the login filter before any route.
              if (!openAsResolved && !refused && response.statusCode() != 404) {
                wrong.add(request + " got past the boundary (" + response.statusCode() + ")");
              }
            }
            case REFUSED_ADDRESS -> {
              // The firewall's 400, or the servlet container's own for what it never lets through (%2F).
              if (response.statusCode() != 400) {
                wrong.add(request + " answered " + response.statusCode() + " instead of the firewall's 400");
              }
            }
          }
        }
      }
    }
    assertThat(asked).isGreaterThan(2000);
    assertThat(wrong).as("spellings that got past the boundary").isEmpty();
  }

  /**
   * Sends one request and records it when the answer disagrees with the allow-list: an allowed route must
   * not be refused by the boundary; any other must be refused (403, or 401 without a login).
   */
  private int check(List<String> wrong, String who, RouteInventory.Operation operation, String path, Http http,
      Set<Role> roles, Map<String, Http> sessions, Map<String, Set<Role>> sessionRoles) {
    HttpResponse<String> response = http.exchange(operation.method(), path, "{}");
    boolean anonymous = roles.contains(Role.ANONYMOUS) && roles.size() == 1;
    boolean refused = refused(response, anonymous);
    boolean open = allowed(operation, roles);
    if (open && anonymous && response.statusCode() == 401 && path.startsWith(Entry.ENGINE_REST + "/")) {
      return 1; // the REST API needs a login for everything but the engine list, whatever the allow-list opens
    }
    if (open && refused) {
      wrong.add(who + ": " + operation + " is on its allow-list but was refused: " + response.body());
    } else if (!open && !refused) {
      wrong.add(who + ": " + operation + " is not on its allow-list but answered " + response.statusCode());
    } else if (!open) {
      int expected = anonymous ? 401 : 403;
      if (response.statusCode() != expected) {
        wrong.add(who + ": " + operation + " was refused with " + response.statusCode() + " instead of " + expected);
      }
    }
    if (open && path.endsWith("/logout")) {
      // The webapps' logout ended the session: log in again for the next routes.
      sessions.forEach((role, session) -> {
        if (session == http && USERS.get(role) != null && APPS.containsKey(role)) {
          session.loginToWebapp(APPS.get(role), USERS.get(role), DEMO_PASSWORD);
        }
      });
    }
    return 1;
  }

  private static boolean allowed(RouteInventory.Operation operation, Set<Role> roles) {
    return RouteAllowList.find(operation.method(), operation.entry(), operation.template()).map(r -> r.openTo(roles))
        .orElse(false);
  }

  /** The operation's path with a placeholder for each variable (the engine's name where a route takes one). */
  private static String concrete(RouteInventory.Operation operation) {
    StringBuilder path = new StringBuilder(operation.entry() == Entry.ENGINE ? Entry.ENGINE_REST : "");
    for (String segment : operation.template().segments()) {
      path.append('/').append(segment.equals("{engine}") || segment.equals("{processEngineName}") ? "default"
          : segment.startsWith("{") ? "x1" : segment);
    }
    return path.toString();
  }

  /** What another spelling of a route must come to. */
  enum Spelling {
    /** It means the same route: the boundary decides as for the route itself. */
    SAME_ROUTE,
    /** It is another address (upper case, another engine): decided as the route it resolves to, if any. */
    AS_RESOLVED,
    /** It could be read in two ways: the firewall refuses the address (400). */
    REFUSED_ADDRESS
  }

  /** Other spellings of a concrete path, each with what it must come to. */
  private static Map<String, Spelling> variants(RouteInventory.Operation operation, String path) {
    Map<String, Spelling> variants = new LinkedHashMap<>();
    int lastSlash = path.lastIndexOf('/');
    String last = path.substring(lastSlash + 1);
    variants.put(path + ";x=1", Spelling.REFUSED_ADDRESS);
    variants.put(path.substring(0, lastSlash) + ";v=1" + path.substring(lastSlash), Spelling.REFUSED_ADDRESS);
    variants.put(path.replaceFirst("/", "//"), Spelling.REFUSED_ADDRESS);
    variants.put(path.substring(0, lastSlash) + "%2F" + last, Spelling.REFUSED_ADDRESS);
    variants.put(path.substring(0, lastSlash) + "/%2e/" + last, Spelling.REFUSED_ADDRESS);
    variants.put(path.substring(0, lastSlash) + "/x1/../" + last, Spelling.REFUSED_ADDRESS);
    variants.put(path + "/", Spelling.SAME_ROUTE);
    if (!last.isEmpty() && Character.isLetter(last.charAt(0))) {
      variants.put(path.substring(0, lastSlash + 1) + String.format("%%%02X", (int) last.charAt(0)) + last.substring(1),
          Spelling.SAME_ROUTE);
      if (!last.equals(last.toUpperCase(Locale.ROOT)) && !last.startsWith("x1")) {
        variants.put(path.substring(0, lastSlash + 1) + last.toUpperCase(Locale.ROOT), Spelling.AS_RESOLVED);
      }
    }
    if (operation.entry() == Entry.ENGINE && !path.equals(Entry.ENGINE_REST + "/engine")) {
      variants.put(Entry.ENGINE_REST + "/engine/default" + path.substring(Entry.ENGINE_REST.length()), Spelling.SAME_ROUTE);
      variants.put(Entry.ENGINE_REST + "/engine/other" + path.substring(Entry.ENGINE_REST.length()), Spelling.AS_RESOLVED);
    }
    return variants;
  }

  /**
   * Refused before any route ran: by the boundary's allow-list or its firewall, or (without a login) by the
   * login filter in front of it. A route's own rule refusing a request (e.g. a claim for someone else) means
   * the route was open.
   */
  private static boolean refused(HttpResponse<String> response, boolean anonymous) {
    String kind = response.headers().firstValue(EngineBoundary.REFUSED_HEADER).orElse("");
    return kind.equals(EngineBoundary.REFUSED_ROUTE) || kind.equals(EngineBoundary.REFUSED_ADDRESS)
        || (anonymous && response.statusCode() == 401);
  }
}
