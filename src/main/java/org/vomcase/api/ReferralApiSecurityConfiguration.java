package org.vomcase.api;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic on the application's own API ({@code /api/*}), with the engine's users: the same
 * filter as the REST API's, so the caller is the engine's authenticated user and the engine's
 * authorizations apply to what the API does on their behalf.
 */
@Configuration
public class ReferralApiSecurityConfiguration {

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> applicationApiBasicAuthFilter() {
    var registration = new FilterRegistrationBean<ProcessEngineAuthenticationFilter>();
    registration.setName("vom-api-basic-auth");
    registration.setFilter(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/api/*");
    return registration;
  }
}
