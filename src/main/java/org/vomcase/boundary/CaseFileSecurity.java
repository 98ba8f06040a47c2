package org.vomcase.boundary;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vomcase.kernel.ErrorText;
import org.vomcase.settings.StaffLanguage;

/**
 * The case file's pages ({@code /vom/*}) need a login: the webapps' session or HTTP Basic ({@link
 * WebappSessionOrBasicAuthenticationProvider}). Because a browser sends the session cookie with any
 * request, a request that changes something must carry the header {@value #REQUEST_HEADER}, which a
 * form or link of another site cannot add (the plugins of Tasklist and Cockpit send it).
 */
@Configuration
public class CaseFileSecurity {

  public static final String PATTERN = "/vom/*";
  public static final String REQUEST_HEADER = "X-VOM-Request";

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> caseFileAuthenticationFilter() {
    var registration = new FilterRegistrationBean<ProcessEngineAuthenticationFilter>();
    registration.setName("vom-case-file-auth");
    registration.setFilter(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        WebappSessionOrBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(PATTERN);
    registration.setOrder(FilterOrder.AUTHENTICATION);
    return registration;
  }

  /**
   * Security headers on the application's own endpoints ({@code /api/*}, {@code /vom/*}); the
   * webapps get Camunda's (Content-Security-Policy, X-XSS-Protection, X-Content-Type-Options). Case
   * data is never cached, never framed, never sniffed into another type, and sends no referrer out.
   */
  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> applicationSecurityHeadersFilter() {
    return RequestFilters.register("vom-security-headers", FilterOrder.SECURITY_HEADERS, (request, response, chain) -> {
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Referrer-Policy", "no-referrer");
      response.setHeader("Cache-Control", "no-store");
      chain.doFilter(request, response);
    }, PATTERN, RestApiSecurityConfiguration.APPLICATION_API_PATTERN);
  }

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> caseFileRequestHeaderFilter(StaffLanguage language) {
    return RequestFilters.register("vom-case-file-request-header", FilterOrder.REQUEST_HEADER, (request, response, chain) -> {
      boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
      if (!reading && request.getHeader(REQUEST_HEADER) == null) {
        // In the error contract's form, like every other refusal (README "Errors").
        EngineBoundary.write(response, Refusal.forbidden(ErrorText.of("error.requestHeader", REQUEST_HEADER)), "request-header",
            language);
        return;
      }
      chain.doFilter(request, response);
    }, PATTERN);
  }
}
