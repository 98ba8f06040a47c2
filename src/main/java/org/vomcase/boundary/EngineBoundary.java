package org.vomcase.boundary;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.ErrorText;
import org.vomcase.settings.StaffLanguage;

/**
 * The one boundary of every HTTP entry ({@code /engine-rest}, {@code /camunda/api}, {@code /api}, {@code /vom}):
 * the canonical path is resolved to the route it means ({@link RouteInventory}, as JAX-RS would choose it),
 * and the caller passes only if that route is on the allow-list for one of the caller's roles and its rules
 * hold ({@link RouteAllowList}). Everything else answers 403, or 401 without a login, before any engine
 * code runs. The answer carries the header {@value #REFUSED_HEADER} so that clients and tests can tell a
 * refusal of the boundary from one of the engine.
 */
public class EngineBoundary extends OncePerRequestFilter {

  public static final String REFUSED_HEADER = "X-VOM-Boundary";

  /** The header's values: the address was refused (400), the route is not open to the caller, or a route's rule refused. */
  public static final String REFUSED_ADDRESS = "address";
  public static final String REFUSED_ROUTE = "route";
  public static final String REFUSED_BY_RULE = "rule";

  private static final Logger LOG = LoggerFactory.getLogger(EngineBoundary.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;
  private final String webappApi;
  private final Supplier<RouteInventory> inventory;
  private final DatabaseProbe database;
  private final StaffLanguage language;

  /** The boundary; its refusals written in the staff language ({@code language}). */
  public EngineBoundary(ProcessEngine engine, String webappApi, Supplier<RouteInventory> inventory, DatabaseProbe database,
      StaffLanguage language) {
    this.engine = engine;
    this.webappApi = webappApi;
    this.inventory = inventory;
    this.database = database;
    this.language = language;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path;
    try {
      path = CanonicalPath.of(request.getRequestURI().substring(request.getContextPath().length()));
    } catch (CanonicalPath.Refused e) {
      write(response, Refusal.badRequest(ErrorText.of("error.addressRefused", e.getMessage())), REFUSED_ADDRESS, language);
      return;
    }
    Entry.Located located = Entry.locate(path, webappApi);
    if (located == null) {
      chain.doFilter(request, response);
      return;
    }
    Caller caller = caller(request, path);
    String method = "HEAD".equals(request.getMethod()) ? "GET" : request.getMethod();
    Optional<PathTemplate> template = inventory.get().resolve(located.entry(), located.path());
    Optional<Route> route = template.flatMap(t -> RouteAllowList.find(method, located.entry(), t));
    if (route.isEmpty() || !route.get().openTo(caller.roles())) {
      LOG.info("Boundary refused {} {} for {}", request.getMethod(), forLog(path), caller.describe());
      write(response, caller.isAnonymous()
          ? new Refusal(401, "Unauthorized", ErrorText.of("error.logInFirst"), List.of())
          : Refusal.forbidden(ErrorText.of("error.notOpenToYourRole", request.getMethod(), path)), REFUSED_ROUTE, language);
      return;
    }
    Map<String, String> variables = template.get().match(located.path());
    BoundaryRequest checked = new BoundaryRequest(request, method, route.get(), variables, caller, engine, language);
    Refusal refusal = asSystem(() -> check(checked));
    if (refusal != null) {
      LOG.info("Boundary refused {} {} for {}: {}", request.getMethod(), forLog(path), caller.describe(), forLog(refusal.message()));
      write(response, refusal, REFUSED_BY_RULE, language);
      return;
    }
    answer(request, path, checked, chain, response);
  }

  /**
   * Runs the route and keeps its answer in the error contract ({@link ErrorContract}): a user's mistake that
   * the engine answered 500 becomes 400 with the form's fields, a conflict 409, an absent database 503,
   * another fault a 500 with a reference; everything else goes out as the route answered it.
   */
  private void answer(HttpServletRequest request, String path, BoundaryRequest checked, FilterChain chain,
      HttpServletResponse response) throws IOException, ServletException {
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    Refusal replacement = null;
    try (CaseInputException.Watch mistakes = CaseInputException.watch()) {
      chain.doFilter(checked.forward(), buffered);
      int status = buffered.getStatus();
      if (status >= 400 && checked.route().entry() != Entry.APPLICATION) {
        String what = request.getMethod() + " " + path;
        if (status >= 500 && mistakes.first() != null) {
          replacement = asSystem(() -> ErrorContract.mistake(mistakes.first(), FormSubmissions.formOf(checked), true));
          LOG.info("Refused input to {} by {}: {}", forLog(what), checked.caller().describe(), forLog(replacement.message()));
        } else if (status >= 500 && !database.reachableAfterFailure()) {
          replacement = ErrorContract.unavailable();
        } else if (status >= 500 || status == 400) {
          replacement = ErrorContract.replaceEngineError(status, json(buffered.getContentAsByteArray()), what);
        }
      } else if (status >= 500 && !database.reachableAfterFailure()) {
        replacement = ErrorContract.unavailable();
      }
    }
    if (replacement == null && buffered.getStatus() < 300 && !checked.caller().readsValues()
        && checked.route().entry() != Entry.APPLICATION) {
      byte[] redacted = FailureMessages.redacted(buffered.getContentAsByteArray(), buffered.getContentType());
      if (redacted != null) {
        buffered.resetBuffer();
        buffered.getOutputStream().write(redacted);
      }
    }
    if (replacement == null && buffered.getStatus() == 200 && checked.answerOnly() != null) {
      byte[] trimmed = FormSubmissions.onlyVariables(buffered.getContentAsByteArray(), buffered.getContentType(),
          checked.answerOnly());
      if (trimmed != null) {
        buffered.resetBuffer();
        buffered.getOutputStream().write(trimmed);
      }
    }
    if (replacement != null) {
      buffered.resetBuffer();
      if (replacement.status() == 503) {
        buffered.setHeader("Retry-After", "30");
      }
      writeTo(buffered, replacement, null, language);
    }
    buffered.copyBodyToResponse();
  }

  private static com.fasterxml.jackson.databind.JsonNode json(byte[] body) {
    try {
      return body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }

  private static Refusal check(BoundaryRequest request) {
    Refusal refusal = ValueQueries.check(request);
    if (refusal != null) {
      return refusal;
    }
    for (RouteRule rule : request.route().rules()) {
      refusal = rule.check(request);
      if (refusal != null) {
        return refusal;
      }
    }
    return null;
  }

  /**
   * The caller: for the webapps' API the login of the webapps' session (the boundary runs before Camunda's
   * webapp filters), for the others the login the authentication filter before the boundary set.
   */
  private Caller caller(HttpServletRequest request, String path) {
    if (path.startsWith(webappApi + "/")) {
      HttpSession session = request.getSession(false);
      Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
      if (authentications != null && authentications.getAuthenticationForProcessEngine(engine.getName())
          instanceof UserAuthentication user) {
        return Caller.of(user.getIdentityId(), user.getGroupIds() == null ? List.of() : new ArrayList<>(user.getGroupIds()));
      }
      return Caller.anonymous();
    }
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null ? Caller.anonymous()
        : Caller.of(authentication.getUserId(), authentication.getGroupIds());
  }

  /** Runs the rules' engine queries as the system: the rules decide, not the caller's engine permissions. */
  private Refusal asSystem(Supplier<Refusal> rules) {
    IdentityService identity = engine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return rules.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  /** Writes the refusal as the answer, its sentences in {@code language}. */
  static void write(HttpServletResponse response, Refusal refusal, String kind, StaffLanguage language) throws IOException {
    writeTo(response, refusal, kind, language);
  }

  private static void writeTo(HttpServletResponse response, Refusal refusal, String kind, StaffLanguage language)
      throws IOException {
    response.setStatus(refusal.status());
    if (kind != null) {
      response.setHeader(REFUSED_HEADER, kind);
    }
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(JSON.writeValueAsBytes(refusal.body(language)));
  }

  /** Text a caller chose (a path, a refused value), as the log keeps it: one line, at most 300 characters. */
  static String forLog(String text) {
    if (text == null) {
      return null;
    }
    String line = text.replaceAll("[\\r\\n\\t]+", " ");
    return line.length() <= LOG_LIMIT ? line : line.substring(0, LOG_LIMIT) + "… (" + line.length() + " characters)";
  }

  private static final int LOG_LIMIT = 300;
}
