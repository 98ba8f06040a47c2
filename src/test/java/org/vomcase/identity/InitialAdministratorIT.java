package org.vomcase.identity;

import org.vomcase.kernel.Roles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.vomcase.support.SecondaryApplication;

/**
 * A production start (any profile but demo) creates no demo user and needs the administrator from
 * VOM_ADMIN_USER / VOM_ADMIN_PASSWORD at its first start, and the programme's office (VOM_PROGRAMME_*)
 * at every start. Each test starts the application on a database of its own.
 */
class InitialAdministratorIT {

  private static final String STRONG_PASSWORD = "Prod#Admin-Pass2026";

  @Test
  void firstStartWithoutAdministratorVariablesFailsWithAClearMessage() {
    String database = freshDatabase();

    assertThatThrownBy(() -> start(database).close())
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No administrator exists yet")
        .hasMessageContaining("VOM_ADMIN_USER and VOM_ADMIN_PASSWORD");
  }

  /** Letters carry the programme's identity: a production start without the programme's office stops, naming what to set. */
  @Test
  void aStartWithoutTheProgrammesOfficeFailsNamingWhatToSet() {
    String database = freshDatabase();

    assertThatThrownBy(() -> startWithout(database, "--vom.admin.user-id=ops", "--vom.admin.password=" + STRONG_PASSWORD,
        "--vom.programme.office.name=TOA Nordstadt").close())
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("The programme's office is not configured")
        .hasMessageContaining("VOM_PROGRAMME_ADDRESS").hasMessageContaining("VOM_PROGRAMME_PHONE")
        .hasMessageContaining("VOM_PROGRAMME_OFFICE_HOURS").hasMessageNotContaining("VOM_PROGRAMME_NAME");
  }

  @Test
  void administratorPasswordBreakingThePolicyIsRefused() {
    String database = freshDatabase();

    assertThatThrownBy(() -> start(database, "--vom.admin.user-id=ops", "--vom.admin.password=short").close())
        .rootCause()
        .hasMessageContaining("VOM_ADMIN_PASSWORD does not meet the password policy")
        .hasMessageContaining("at least 10 characters");
  }

  @Test
  void invalidAdministratorIdIsRefused() {
    String database = freshDatabase();

    assertThatThrownBy(
            () -> start(database, "--vom.admin.user-id=bad id!", "--vom.admin.password=" + STRONG_PASSWORD).close())
        .rootCause()
        .hasMessageContaining("VOM_ADMIN_USER 'bad id!' is not a valid user id");
  }

  @Test
  void firstStartCreatesTheAdministratorAndNoDemoUsers_laterStartsNeedNoVariables() {
    String database = freshDatabase();

    try (ConfigurableApplicationContext first =
        start(
            database,
            "--vom.admin.user-id=ops",
            "--vom.admin.password=" + STRONG_PASSWORD,
            "--vom.admin.first-name=Olga",
            "--vom.admin.email=ops@programme.invalid")) {
      IdentityService identity = first.getBean(ProcessEngine.class).getIdentityService();
      assertThat(identity.createUserQuery().memberOfGroup(Roles.ADMINISTRATORS).list())
          .extracting(u -> u.getId())
          .containsExactly("ops");
      assertThat(identity.createUserQuery().userId("ops").singleResult().getFirstName()).isEqualTo("Olga");
      assertThat(identity.checkPassword("ops", STRONG_PASSWORD)).isTrue();
      assertThat(identity.createUserQuery().count()).isEqualTo(1);
      assertThat(identity.createGroupQuery().groupIdIn(Roles.COORDINATORS, Roles.MEDIATORS, Roles.SUPERVISORS).count())
          .isEqualTo(3);
    }

    // A later start without the variables, and one with a different password: the administrator is kept as it was.
    try (ConfigurableApplicationContext second = start(database, "--vom.admin.user-id=ops", "--vom.admin.password=Other#Password2026")) {
      IdentityService identity = second.getBean(ProcessEngine.class).getIdentityService();
      assertThat(identity.checkPassword("ops", STRONG_PASSWORD)).isTrue();
    }
    try (ConfigurableApplicationContext third = start(database)) {
      assertThat(third.getBean(ProcessEngine.class).getIdentityService().createUserQuery().count()).isEqualTo(1);
    }
  }

  @Test
  void aLockedOutAdministratorIsUnlockedByTheStartUpOption() {
    String database = freshDatabase();
    try (ConfigurableApplicationContext first = start(database, "--vom.admin.user-id=ops", "--vom.admin.password=" + STRONG_PASSWORD)) {
      IdentityService identity = first.getBean(ProcessEngine.class).getIdentityService();
      for (int i = 0; i < 12; i++) {
        identity.checkPassword("ops", "guess-" + i);
      }
      assertThat(identity.checkPassword("ops", STRONG_PASSWORD)).as("locked by the guesses").isFalse();
    }

    try (ConfigurableApplicationContext second = start(database, "--vom.admin.unlock=ops")) {
      assertThat(second.getBean(ProcessEngine.class).getIdentityService().checkPassword("ops", STRONG_PASSWORD)).isTrue();
    }
  }

  private static String freshDatabase() {
    return "jdbc:h2:mem:production-check-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  }

  /** Starts the application in a non-demo profile; command-line arguments beat the test run's system properties. */
  private static ConfigurableApplicationContext start(String database, String... extraArguments) {
    List<String> arguments = new ArrayList<>(OFFICE);
    arguments.addAll(List.of(extraArguments));
    return startWithout(database, arguments.toArray(String[]::new));
  }

  /** The programme's office a production installation must configure (README, Configuration). */
  private static final List<String> OFFICE = List.of("--vom.programme.office.name=TOA Nordstadt",
      "--vom.programme.office.address=Marktplatz 3, 12345 Nordstadt", "--vom.programme.office.phone=040 555 0199",
      "--vom.programme.office.hours=Mon-Fri 09:00-13:00");

  /** Starts the application in a non-demo profile with only the given settings (not even the programme's office). */
  private static ConfigurableApplicationContext startWithout(String database, String... extraArguments) {
    List<String> arguments = new ArrayList<>(List.of(
        "--spring.profiles.active=production-check",
        "--spring.datasource.url=" + database,
        "--spring.datasource.username=sa",
        "--spring.datasource.password=",
        "--spring.datasource.driver-class-name=org.h2.Driver"));
    arguments.addAll(List.of(extraArguments));
    return SecondaryApplication.start(arguments.toArray(String[]::new));
  }
}
