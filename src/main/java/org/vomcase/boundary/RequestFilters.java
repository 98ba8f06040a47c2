package org.vomcase.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.OncePerRequestFilter;

/** The application's own servlet filters: a name, an order, what it does, and the paths it watches. */
final class RequestFilters {

  /** What a filter does with a request; it calls the chain to let the request through. */
  @FunctionalInterface
  interface Body {
    void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException;
  }

  private RequestFilters() {}

  static FilterRegistrationBean<OncePerRequestFilter> register(String name, int order, Body body, String... urlPatterns) {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>();
    registration.setName(name);
    registration.setFilter(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        body.filter(request, response, chain);
      }
    });
    registration.addUrlPatterns(urlPatterns);
    registration.setOrder(order);
    return registration;
  }
}
