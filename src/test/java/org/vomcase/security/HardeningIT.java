package org.vomcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.Http;

/**
 * Session and login hardening: the webapps refuse a changing request without the CSRF token, send
 * their security headers and an HttpOnly, SameSite session cookie; the application's own endpoints
 * send theirs; a wrong password locks the user for a while (login throttling).
 */
class HardeningIT extends AbstractApplicationIT {

  @Test
  void webappLoginWithoutTheCsrfTokenIsRefused() {
    Http browser = anonymous();
    browser.get("/camunda/app/tasklist/default/");
    HttpResponse<String> withoutToken = browser.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
        Map.of("username", "clara", "password", DEMO_PASSWORD));

    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(anonymous().loginToWebapp("tasklist", "clara", DEMO_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void webappPagesSendSecurityHeadersAndAProtectedSessionCookie() {
    HttpResponse<String> page = anonymous().get("/camunda/app/tasklist/default/");

    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
        .contains("frame-ancestors 'none'", "object-src 'none'", "sandbox", "allow-popups-to-escape-sandbox"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("X-XSS-Protection")).isPresent();
    assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
        .startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
  }

  @Test
  void theApplicationsOwnEndpointsSendSecurityHeaders() {
    for (String path : java.util.List.of("/vom/figures", "/api/referrals/VOM-2026-00000")) {
      HttpResponse<String> response = rest("sam").get(path);
      assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
      assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }
  }

  @Test
  void aWrongPasswordLocksTheUserForAWhile() {
    var identity = engine.getIdentityService();
    String userId = "throttled" + System.nanoTime() % 100000;
    var user = identity.newUser(userId);
    user.setPassword("Throttle#2026x");
    identity.saveUser(user);
    try {
      assertThat(identity.checkPassword(userId, "wrong")).isFalse();
      // Right password at once after a wrong one: refused while the delay (login-delay-base^1 s) runs.
      assertThat(identity.checkPassword(userId, "Throttle#2026x")).isFalse();
      assertThat(new Http(port).as(userId, "Throttle#2026x").get("/engine-rest/version").statusCode()).isEqualTo(401);
    } finally {
      identity.deleteUser(userId);
    }
  }
}
