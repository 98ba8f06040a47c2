package org.vomcase.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vomcase.support.SecondaryApplication;

/**
 * The current code on a database of cases an earlier version created (the fixture written by
 * {@link CompatibilityFixtureIT} before the case kernel, in every state a case waits in): the application
 * starts on it, enters every case in the case register, reads every case's values through the case model,
 * and every case goes on with its next step.
 */
class CompatibilityIT {

  /** A valid answer to each kind of task, as its form would send it. */
  private static final Map<String, Map<String, Object>> ANSWERS = Map.of(
      "Task_AssignMediators", Map.of("leadMediator", "mara"),
      "Task_CallForConsent", Map.of("callOutcome", "agrees"),
      "Task_RecordGuardianConsent", Map.of("guardianName", "Petra Vogt", "guardianRelation", "parent",
          "guardianPhone", "+49 30 7654321", "guardianConsent", "consents"),
      "Task_DecideSuitability", Map.of("suitability", "suitable"),
      "Task_ScheduleSession", Map.of("meetingType", "direct", "sessionDate", "2099-06-20", "sessionTime", "10:00",
          "sessionPlace", "Community centre", "sessionAttendees", "all parties"),
      "Task_RecordMandate", Map.of("mandateOutcome", "granted", "mandateIssuer", "prosecutor", "mandateDate", "2026-01-10",
          "mandateAuthorityName", "Staatsanwaltschaft Berlin", "mandateAuthorityEmail", "toa@sta-berlin.example"),
      "Task_RecordProceedingsEnd", Map.of("proceedingsEndedOn", "2026-01-10", "proceedingsOutcome", "dismissed"));

  @Test
  void casesOfTheEarlierVersionAreReadAndGoOn() throws IOException {
    Path database = Files.createTempDirectory("vom-compat");
    try (InputStream zip = getClass().getResourceAsStream("/compat/vom-case-before-kernel.zip");
        ZipInputStream entries = new ZipInputStream(zip)) {
      entries.getNextEntry();
      Files.copy(entries, database.resolve("vom-case.mv.db"));
    }
    try (ConfigurableApplicationContext app = SecondaryApplication.start(
        "--spring.datasource.url=jdbc:h2:file:" + database.resolve("vom-case") + ";DB_CLOSE_ON_EXIT=FALSE",
        "--spring.profiles.active=demo")) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      List<ProcessInstance> cases = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("vom-case")
          .list();
      assertThat(cases).as("running cases of the earlier version").hasSizeGreaterThanOrEqualTo(9);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vom_case", Integer.class)).as("entered in the case register")
          .isGreaterThanOrEqualTo(cases.size());
      CaseReadCheck.assertEveryValueReadable(app, engine);

      List<String> stuck = new ArrayList<>();
      for (ProcessInstance theCase : cases) {
        List<Task> open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(theCase.getBusinessKey())
            .list();
        String before = where(engine, theCase.getBusinessKey());
        boolean moved = false;
        for (Task task : open) {
          Map<String, Object> answer = ANSWERS.get(task.getTaskDefinitionKey());
          if (answer == null && "Task_HoldPreparationMeeting".equals(task.getTaskDefinitionKey())) {
            answer = preparation(engine.getTaskService().getVariable(task.getId(), "personRole"));
          }
          if (answer != null) {
            engine.getTaskService().complete(task.getId(), new HashMap<>(answer));
            moved = true;
          }
        }
        if (!moved) {
          // A case waiting for a time (its session, a call again) goes on when its timer comes, in whichever process.
          for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
              .processInstanceBusinessKey(theCase.getBusinessKey()).list()) {
            for (var job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).list()) {
              engine.getManagementService().executeJob(job.getId());
              moved = true;
            }
          }
        }
        String after = where(engine, theCase.getBusinessKey());
        if (!moved && open.isEmpty() && !before.contains("Event_")) {
          stuck.add(theCase.getBusinessKey() + " waits at " + before + " with nothing to do");
        }
        if (moved && before.equals(after)) {
          stuck.add(theCase.getBusinessKey() + " did not go on from " + before);
        }
      }
      assertThat(stuck).isEmpty();
    }
  }

  /** Where a case is: the activities its instances wait at, and the ids of its open tasks. */
  private static String where(ProcessEngine engine, String caseNumber) {
    List<String> at = new ArrayList<>();
    for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .list()) {
      at.addAll(engine.getRuntimeService().getActiveActivityIds(instance.getId()));
    }
    engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber).list().forEach(task -> at.add(task.getId()));
    java.util.Collections.sort(at);
    return at.isEmpty() ? "ended" : String.join(",", at);
  }

  private static Map<String, Object> preparation(Object role) {
    Map<String, Object> answer = new HashMap<>(Map.of("meetingDate", "2026-03-01", "meetingFormat", "in_person",
        "checklist", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"confidentiality\",\"ground_rules\",\"account\","
            + "\"harm\",\"wishes\",\"support\",\"safety\",\"readiness\"]").create(), "readiness", "ready"));
    if ("victim".equals(role)) {
      answer.putAll(Map.of("meetingType", "direct", "preferredPlace", "Community centre", "firstSpeaker", "victim"));
    }
    return answer;
  }
}
