package org.vomcase.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The README's route table is the allow-list: the section between its markers is {@link RouteAllowList#markdown()}.
 * After a change of the list, run {@code ./mvnw test -Dtest=RouteAllowListTest -Dvom.readme.update=true} to rewrite it.
 */
class RouteAllowListTest {

  private static final String START = "<!-- allow-list:start (generated from RouteAllowList; RouteAllowListTest) -->";
  private static final String END = "<!-- allow-list:end -->";

  @Test
  void theReadmesRouteTableIsTheAllowList() throws IOException {
    Path readme = Path.of("README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    assertThat(text).contains(START).contains(END);
    String table = RouteAllowList.markdown();
    String current = text.substring(text.indexOf(START) + START.length(), text.indexOf(END));
    if (Boolean.getBoolean("vom.readme.update") && !current.equals(table)) {
      int from = text.indexOf(START) + START.length();
      Files.writeString(readme, text.substring(0, from) + table + text.substring(text.indexOf(END)), StandardCharsets.UTF_8);
      current = table;
    }
    assertThat(current).as("README route table (rewrite it with -Dvom.readme.update=true)").isEqualTo(table);
  }

  @Test
  void everyRouteIsListedOnceAndNeverOpenToAnonymousCallersBeyondTheLogin() {
    Set<String> seen = new HashSet<>();
    for (Route route : RouteAllowList.routes()) {
      assertThat(seen.add(route.toString())).as("listed twice: " + route).isTrue();
      assertThat(route.purpose()).as(route.toString()).isNotBlank();
      if (route.roles().contains(Role.ANONYMOUS)) {
        assertThat(route.method() + " " + route.template()).as("open without a login")
            .matches("(GET|POST) .*(/engine|/auth/user/\\{processEngineName\\}.*|/static/\\{file\\*\\}|/identity/password-policy)");
      }
    }
  }

  @Test
  void nothingThatWritesAVariableOrCorrelatesIsOpenToAnyone() {
    for (Route route : RouteAllowList.routes()) {
      String template = route.template().toString();
      if (route.entry() == Entry.APPLICATION) {
        continue; // the application's own endpoints, each with its own checks
      }
      assertThat(template).as(route.toString()).doesNotContain("/variables", "/localVariables", "/modification", "/message",
          "/signal", "/restart", "/comment", "/attachment", "/migration", "/condition");
      if (!route.method().equals("GET") && template.startsWith("/process-instance")) {
        assertThat(route.roles()).as(route.toString()).isSubsetOf(Role.ADMINISTRATOR, Role.SUPERVISOR);
      }
      assertThat(route.method() + " " + template).as("starting a case around its registration")
          .doesNotEndWith("/start").doesNotEndWith("/complete").doesNotEndWith("/resolve").doesNotEndWith("/delegate");
    }
  }

  @Test
  void administratorsReachNoRouteThatHandsOutACasesValues() {
    for (Route route : RouteAllowList.routes()) {
      if (route.roles().contains(Role.ADMINISTRATOR)) {
        assertThat(route.template().toString()).as(route.toString()).doesNotContain("variable-instance", "form-variables",
            "/history/detail", "/history/decision-instance", "/case-file", "/documents", "submit-form");
      }
    }
  }
}
