package org.vomcase.boundary;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts HTTP Basic authentication in front of the engine's REST API ({@code /engine-rest}) and the
 * application's own API ({@code /api}: referrals, case events). Out of the box the starter serves
 * {@code /engine-rest} without any authentication; with this filter every request needs a valid
 * engine user, and the engine's authorizations then apply to that user. Basic auth sends the
 * password with every request: run it behind TLS in production (see README).
 */
@Configuration
public class RestApiSecurityConfiguration {

  public static final String REST_API_PATTERN = "/engine-rest/*";

  public static final String APPLICATION_API_PATTERN = "/api/*";

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestBasicAuthFilter() {
    var registration = new FilterRegistrationBean<ProcessEngineAuthenticationFilter>();
    registration.setName("vom-engine-rest-basic-auth");
    registration.setFilter(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(REST_API_PATTERN, APPLICATION_API_PATTERN);
    registration.setOrder(FilterOrder.AUTHENTICATION);
    return registration;
  }
}
