package org.vomcase.config;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Task and process-instance comments, and task attachments, are switched off (R16, R24). A comment is
 * free text the engine hands to anyone who may see the task, supervisors and administrators included,
 * and Camunda checks no permission of its own for reading comments (attachments likewise): a mediator's
 * note written there would leave the confidential notes. Documents live in the case file. Notes belong in the forms' confidential fields. The REST API and the webapps'
 * engine API answer 403 for every comment route; Tasklist's "Add comment" link is hidden
 * ({@code app/tasklist/styles/user-styles.css}).
 */
@Configuration
public class TaskCommentsOff {

  /** {@code .../task/<id>/comment...}, {@code .../process-instance/<id>/comment...} and the tasks' attachments. */
  static final Pattern COMMENT_ROUTE = Pattern.compile(".*/(task|process-instance)/[^/]+/(comment|attachment)(/.*)?");

  static final String MESSAGE = "{\"type\":\"Forbidden\",\"message\":\"Comments and attachments are switched off: write"
      + " notes in the confidential fields of the task's form, which only the case's mediators can read.\"}";

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> taskCommentsOffFilter() {
    // After the authentication filters: an anonymous caller still gets 401.
    return RequestFilters.register("vom-task-comments-off", Ordered.LOWEST_PRECEDENCE, (request, response, chain) -> {
      if (COMMENT_ROUTE.matcher(request.getRequestURI()).matches()) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.getOutputStream().write(MESSAGE.getBytes(StandardCharsets.UTF_8));
        return;
      }
      chain.doFilter(request, response);
    }, "/engine-rest/*", "/camunda/api/engine/*");
  }
}
