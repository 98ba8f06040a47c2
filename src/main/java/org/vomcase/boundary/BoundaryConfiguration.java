package org.vomcase.boundary;

import jakarta.ws.rs.core.Application;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.admin.impl.web.AdminApplication;
import org.camunda.bpm.cockpit.impl.web.CockpitApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.tasklist.impl.web.TasklistApplication;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.camunda.bpm.welcome.impl.web.WelcomeApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vomcase.kernel.ErrorText;
import org.vomcase.settings.StaffLanguage;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Puts the firewall in front of every request and the boundary ({@link EngineBoundary}) in front of the
 * engine's REST API, the webapps' API and the application's endpoints, after their logins.
 */
@Configuration
public class BoundaryConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(BoundaryConfiguration.class);

  /**
   * The outermost filter, on every request: the firewall (no path is read by two layers in two ways, {@link
   * CanonicalPath}), and a database that does not answer while the request ran (the login's password check
   * included) gives 503 with Retry-After instead of a bare 500.
   */
  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> requestFirewallFilter(DatabaseProbe database, StaffLanguage language) {
    return RequestFilters.register("vom-request-firewall", FilterOrder.FIREWALL, (request, response, chain) -> {
      try {
        CanonicalPath.of(request.getRequestURI().substring(request.getContextPath().length()));
      } catch (CanonicalPath.Refused e) {
        LOG.info("Firewall refused {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        EngineBoundary.write(response, Refusal.badRequest(ErrorText.of("error.addressRefused", e.getMessage())),
            EngineBoundary.REFUSED_ADDRESS, language);
        return;
      }
      try {
        chain.doFilter(request, response);
      } catch (jakarta.servlet.ServletException | RuntimeException e) {
        if (response.isCommitted() || database.reachableAfterFailure()) {
          throw e;
        }
        LOG.warn("{} {} failed while the database does not answer: {}", request.getMethod(), request.getRequestURI(),
            e.toString());
        response.reset();
        response.setHeader("Retry-After", "30");
        EngineBoundary.write(response, ErrorContract.unavailable(), null, language);
      }
    }, "/*");
  }

  @Bean
  public FilterRegistrationBean<EngineBoundary> engineBoundaryFilter(ProcessEngine engine, DiscoveredRoutes routes,
      DatabaseProbe database, StaffLanguage language) {
    FilterRegistrationBean<EngineBoundary> registration = new FilterRegistrationBean<>(
        new EngineBoundary(engine, routes.webappApi(), routes, database, language));
    registration.setName("vom-engine-boundary");
    registration.setOrder(FilterOrder.BOUNDARY);
    registration.addUrlPatterns(Entry.ENGINE_REST + "/*", routes.webappApi() + "/*", "/api/*", "/vom/*");
    return registration;
  }

  /** The routes of the running application, discovered at the first request (the webapps' plugins are loaded by then). */
  @org.springframework.stereotype.Component
  public static class DiscoveredRoutes implements Supplier<RouteInventory> {
    private final String webappApi;
    private final ObjectProvider<RequestMappingHandlerMapping> mvc;
    private volatile RouteInventory discovered;

    public DiscoveredRoutes(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
        @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mvc) {
      this.webappApi = webappPath + "/api";
      this.mvc = mvc;
    }

    public String webappApi() {
      return webappApi;
    }

    @Override
    public RouteInventory get() {
      RouteInventory result = discovered;
      if (result == null) {
        synchronized (this) {
          if (discovered == null) {
            discovered = discover(webappApi, mvc.getIfAvailable());
          }
          result = discovered;
        }
      }
      return result;
    }
  }

  /** The routes of the running application, and a warning for every allowed route it no longer offers. */
  static RouteInventory discover(String webappApi, RequestMappingHandlerMapping mvc) {
    List<RouteInventory.WebappApi> webapps = new ArrayList<>();
    Map<String, Supplier<Application>> applications = Map.of("cockpit", CockpitApplication::new, "admin", AdminApplication::new,
        "tasklist", TasklistApplication::new, "welcome", WelcomeApplication::new, "engine", EngineRestApplication::new);
    applications.forEach((name, application) -> {
      try {
        webapps.add(new RouteInventory.WebappApi(name, application.get().getClasses()));
      } catch (RuntimeException notStarted) {
        LOG.warn("The routes of the {} webapp's API could not be listed: {}", name, notStarted.toString());
        webapps.add(new RouteInventory.WebappApi(name, Set.of()));
      }
    });
    RouteInventory inventory = RouteInventory.discover(webappApi, webapps, mvc);
    for (Route route : RouteAllowList.routes()) {
      if (!inventory.offers(route.method(), route.entry(), route.template())) {
        LOG.warn("The allow-list names {}, which this version of the application does not offer", route);
      }
    }
    LOG.info("Boundary: {} routes offered, {} on the allow-list", inventory.operations().size(),
        RouteAllowList.routes().size());
    return inventory;
  }

}
