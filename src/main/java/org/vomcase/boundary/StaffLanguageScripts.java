package org.vomcase.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vomcase.settings.StaffLanguage;

/**
 * Pins Camunda's webapps to the staff language instead of the browser's (README "Languages: forms, tasks, letters"):
 * each webapp's {@code scripts/config.js} is served with {@code availableLocales} and {@code fallbackLocale} set to
 * the staff language, so Tasklist's chrome, its dates ("in 5 Tagen") and the forms speak one language on one screen.
 * A webapp without a translation into that language (Camunda ships en and de; the application adds Danish for
 * all four) stays English. The application's own pages read the language from {@code
 * assets/vom/language.js}, served here as {@code export default '<language>';}.
 */
@Configuration
public class StaffLanguageScripts {

  static final String[] APPS = {"tasklist", "cockpit", "admin", "welcome"};

  private static final String WEBJAR = "META-INF/resources/webjars/camunda/";

  private final StaffLanguage language;
  private final Map<String, byte[]> configs = new ConcurrentHashMap<>();

  public StaffLanguageScripts(StaffLanguage language) {
    this.language = language;
  }

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> staffLanguageScriptsFilter() {
    String[] patterns = new String[APPS.length + 1];
    for (int i = 0; i < APPS.length; i++) {
      patterns[i] = "/camunda/app/" + APPS[i] + "/scripts/config.js";
    }
    patterns[APPS.length] = "/camunda/assets/vom/language.js";
    return RequestFilters.register("vom-staff-language-scripts", FilterOrder.REQUEST_HEADER + 10, (request, response, chain) -> {
      if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
        chain.doFilter(request, response);
        return;
      }
      // The path as the servlet container matched it against the patterns (no context path, no ;parameters).
      String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
      String app = java.util.Arrays.stream(APPS).filter(a -> path.equals("/camunda/app/" + a + "/scripts/config.js"))
          .findFirst().orElse(null);
      byte[] body;
      if (path.equals("/camunda/assets/vom/language.js")) {
        body = ("// The staff language (VOM_LANGUAGE / VOM_STAFF_LANGUAGE), served by the application.\nexport default '"
            + language.code() + "';\n").getBytes(StandardCharsets.UTF_8);
      } else {
        body = app == null ? null : configs.computeIfAbsent(app, this::config);
      }
      if (body == null) {
        chain.doFilter(request, response);
        return;
      }
      response.setContentType("text/javascript;charset=UTF-8");
      response.setHeader("Cache-Control", "no-cache");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setContentLength(body.length);
      if ("GET".equals(request.getMethod())) {
        response.getOutputStream().write(body);
      }
    }, patterns);
  }

  /** The webapp's config.js with its locale pinned; null for a webapp the application does not configure. */
  private byte[] config(String app) {
    String source = read(WEBJAR + "app/" + app + "/scripts/config.js");
    if (source == null) {
      return null;
    }
    String locale = localeOf(app);
    String pinned = source
        .replaceFirst("availableLocales:\\s*\\[[^\\]]*\\]", "availableLocales: ['" + locale + "']")
        .replaceFirst("fallbackLocale:\\s*'[^']*'", "fallbackLocale: '" + locale + "'");
    return pinned.getBytes(StandardCharsets.UTF_8);
  }

  /** The staff language where the webapp has it (its {@code locales/<language>.json}), English otherwise. */
  String localeOf(String app) {
    return read(WEBJAR + "app/" + app + "/locales/" + language.code() + ".json") != null ? language.code()
        : StaffLanguage.SOURCE;
  }

  private static String read(String path) {
    try (InputStream in = StaffLanguageScripts.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
