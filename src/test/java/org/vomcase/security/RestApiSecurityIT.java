package org.vomcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.Http;

/** Nothing but the login page and static assets is reachable without logging in, the REST API included. */
class RestApiSecurityIT extends AbstractApplicationIT {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/engine-rest/version",
        "/engine-rest/engine/default/process-definition",
        "/engine-rest/process-definition",
        "/engine-rest/process-instance",
        "/engine-rest/task",
        "/engine-rest/history/variable-instance",
        "/engine-rest/deployment",
        "/engine-rest/user",
        "/engine-rest/authorization",
        "/engine-rest/filter"
      })
  void restApiWithoutCredentialsIsRefusedWithBasicChallenge(String path) {
    HttpResponse<String> response = anonymous().get(path);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
  }

  @Test
  void engineDiscoveryListsOnlyTheEngineName() {
    // Camunda's authentication filter leaves the list of engine names open (clients discover engines with it).
    for (String path : List.of("/engine-rest/engine", "/camunda/api/engine/engine/")) {
      HttpResponse<String> response = anonymous().get(path);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("{\"name\":\"default\"}");
      assertThat(response.body().replaceAll("\\{\"name\":\"[A-Za-z0-9]+\"\\},?", "")).isEqualTo("[]");
    }
  }

  @Test
  void restApiWithAdministratorCredentialsAnswers() {
    assertThat(rest("admin").get("/engine-rest/process-definition").statusCode()).isEqualTo(200);
    assertThat(rest("admin").get("/engine-rest/version").body()).contains("7.24.0");
  }

  @Test
  void restApiWithWrongPasswordIsRefused() {
    // A user of its own: a wrong password locks the user for a few seconds (login throttling).
    IdentityService identity = engine.getIdentityService();
    User user = identity.newUser("wrongpasswordprobe");
    user.setPassword("Probe#Password2026");
    identity.saveUser(user);
    try {
      HttpResponse<String> response =
          new Http(port).as("wrongpasswordprobe", "not-the-password").get("/engine-rest/version");
      assertThat(response.statusCode()).isEqualTo(401);
    } finally {
      identity.deleteUser("wrongpasswordprobe");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/camunda/api/engine/engine/default/process-definition",
        "/camunda/api/engine/engine/default/task",
        "/camunda/api/engine/engine/default/user",
        "/camunda/api/engine/engine/default/history/variable-instance",
        "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
        "/camunda/api/admin/auth/user/default/profile"
      })
  void webappApisWithoutLoginAreRefused(String path) {
    assertThat(anonymous().get(path).statusCode()).isIn(401, 403, 404);
  }

  @Test
  void webappSetupOfAFirstAdministratorIsClosed() {
    Http browser = anonymous();
    browser.get("/camunda/app/admin/default/");

    HttpResponse<String> response =
        browser.postJsonWithCsrf(
            "/camunda/api/admin/setup/default/user/create",
            "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"N\"},"
                + "\"credentials\":{\"password\":\"Intruder#Password1\"}}");

    // Not on the boundary's allow-list: an anonymous caller is told to log in, and nobody is created.
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(engine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void loginPagesAndStaticAssetsAreReachableAndBranded() {
    Http browser = anonymous();
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      assertThat(browser.get("/camunda/app/" + app + "/default/").statusCode()).isEqualTo(200);
      HttpResponse<String> config = browser.get("/camunda/app/" + app + "/scripts/config.js");
      assertThat(config.statusCode()).isEqualTo(200);
      assertThat(config.body()).contains("vendor: 'VOM Case'");
      assertThat(browser.get("/camunda/app/" + app + "/styles/user-styles.css").body()).contains("vom-brand.css");
    }
    HttpResponse<String> brand = browser.get("/camunda/assets/vom/vom-brand.css");
    assertThat(brand.statusCode()).isEqualTo(200);
    assertThat(brand.body()).contains(".ce-eol-banner").contains("display: none");
    assertThat(browser.get("/camunda/assets/vom/vom-logo.svg").statusCode()).isEqualTo(200);
  }

  @Test
  void healthAnswersAnonymouslyWithStatusOnly() {
    HttpResponse<String> health = anonymous().get("/actuator/health");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/h2-console", "/h2-console/", "/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump"})
  void consolesAndInternalEndpointsAreAbsent(String path) {
    assertThat(anonymous().get(path).statusCode()).isEqualTo(404);
    assertThat(rest("admin").get(path).statusCode()).isEqualTo(404);
  }

  @Test
  void rootRedirectsToTheWebapps() {
    HttpResponse<String> root = anonymous().get("/");

    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).contains("/camunda/app/"));
  }
}
