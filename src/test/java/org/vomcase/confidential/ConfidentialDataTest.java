package org.vomcase.confidential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.vomcase.support.ProcessTestEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vomcase.kernel.CaseInputException;

/**
 * The confidential fields never reach the engine's tables: a form submission that carries them is
 * stored as a confidential note, and neither the runtime variables, the variable history nor the form
 * property history (ACT_HI_DETAIL) holds the text; everything else is kept as before.
 */
class ConfidentialDataTest {

  private static final String NOTE = "The victim still fears the offender's brother " + UUID.randomUUID();

  private final ConfidentialNotes notes = mock(ConfidentialNotes.class);
  private ProcessEngine engine;

  @BeforeEach
  void startEngine() {
    StandaloneInMemProcessEngineConfiguration configuration = ProcessTestEngine.standalone("confidential");
    ConfidentialDataPlugin.install(configuration, new ConfidentialFieldsListener(notes));
    org.vomcase.audit.CaseHistoryPlugin.install(configuration);
    engine = configuration.buildProcessEngine();
    BpmnModelInstance meeting = Bpmn.createExecutableProcess("meeting").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_HoldPreparationMeeting").name("Hold the preparation meeting")
        .camundaTaskListenerClass(TaskListener.EVENTNAME_COMPLETE, RequireSafetyReason.class.getName())
        .endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance("meeting.bpmn", meeting).deploy();
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void submittedNotesBecomeConfidentialNotesAndNoEngineTableHoldsThem() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("meeting", "VOM-2026-00007",
        Map.of("personId", "V1"));
    Task task = engine.getTaskService().createTaskQuery().singleResult();
    engine.getIdentityService().setAuthenticatedUserId("mara");

    engine.getFormService().submitTaskForm(task.getId(), Map.of("meetingNotes", NOTE, "safetyConcerns", "  ",
        "readiness", "ready", "personsShown", "Ana Roth (V1), 45"));
    engine.getIdentityService().clearAuthentication();

    verify(notes).record("VOM-2026-00007", ConfidentialField.PREPARATION_NOTES, "V1", instance.getId(),
        "Hold the preparation meeting", "mara", NOTE);
    // A blank field is no note, and is not kept either.
    verify(notes, never()).record(anyString(), eq(ConfidentialField.SAFETY_CONCERNS), any(), any(), any(), any(), any());
    var history = engine.getHistoryService();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
        .extracting(v -> v.getName()).containsExactlyInAnyOrder("personId", "readiness");
    assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).list())
        .allSatisfy(detail -> assertThat(detail.toString()).doesNotContain(NOTE))
        .extracting(d -> d instanceof org.camunda.bpm.engine.history.HistoricFormField field ? field.getFieldId()
            : ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName())
        .doesNotContain("meetingNotes", "safetyConcerns").contains("readiness");
    assertThat(tablesContaining(NOTE)).isEmpty();
    // A working value the form only showed (the persons in words) is no form field of the record either.
    assertThat(history.createHistoricDetailQuery().formFields().processInstanceId(instance.getId()).list())
        .extracting(d -> ((org.camunda.bpm.engine.history.HistoricFormField) d).getFieldId()).contains("readiness")
        .doesNotContain("personsShown");
  }

  @Test
  void theTasksOwnListenersStillReadTheNotesBeforeTheyAreMoved() {
    engine.getRuntimeService().startProcessInstanceByKey("meeting", "VOM-2026-00008");
    Task task = engine.getTaskService().createTaskQuery().singleResult();

    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task.getId(), Map.of("readiness", "stop")))
        .hasMessageContaining("safetyStopReason: is required");
    engine.getFormService().submitTaskForm(task.getId(), Map.of("readiness", "stop", "safetyStopReason", "He threatened her."));

    verify(notes).record(eq("VOM-2026-00008"), eq(ConfidentialField.SAFETY_STOP_REASON), eq(null), anyString(), anyString(),
        eq(null), eq("He threatened her."));
    assertThat(tablesContaining("He threatened her.")).isEmpty();
  }

  @Test
  void aNoteThatIsTooLongOrNoTextIsRefusedAndNothingIsStored() {
    engine.getRuntimeService().startProcessInstanceByKey("meeting", "VOM-2026-00009");
    Task task = engine.getTaskService().createTaskQuery().singleResult();
    Map<String, Object> tooLong = new HashMap<>(Map.of("sessionNotes", "x".repeat(ConfidentialField.MAX_LENGTH + 1)));
    Map<String, Object> notText = new HashMap<>(Map.of("policeFileDetails", 42));

    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task.getId(), tooLong)).hasRootCauseInstanceOf(CaseInputException.class)
        .hasMessageContaining("sessionNotes: is 20001 characters long; at most 20000 are kept");
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task.getId(), notText))
        .hasMessageContaining("policeFileDetails: must be text");

    verify(notes, never()).record(any(), any(), any(), any(), any(), any(), any());
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariables(task.getProcessInstanceId())).isEmpty();
  }

  @Test
  void everyConfidentialFieldHasOneReaderGroup() {
    assertThat(ConfidentialField.readableBy("coordinators")).containsExactly(ConfidentialField.POLICE_FILE,
        ConfidentialField.SAFETY_REVIEW);
    assertThat(ConfidentialField.readableBy("mediators")).containsExactly(ConfidentialField.PREPARATION_NOTES,
        ConfidentialField.SAFETY_CONCERNS, ConfidentialField.SESSION_NOTES, ConfidentialField.SAFETY_STOP_REASON);
    assertThat(ConfidentialField.readableBy("supervisors")).isEmpty();
    assertThat(ConfidentialField.VARIABLES).containsExactlyInAnyOrder("policeFileDetails", "meetingNotes", "safetyConcerns",
        "sessionNotes", "safetyStopReason", "safetyReviewAccount");
  }

  /** Every table and column of the engine's database whose text contains the value. */
  private List<String> tablesContaining(String value) {
    try (var connection = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDataSource().getConnection()) {
      return org.vomcase.support.DatabaseScan.tablesContaining(connection, value);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Like the session outcome's listener: a stop needs its reason, which is confidential. */
  public static class RequireSafetyReason implements TaskListener {
    @Override
    public void notify(org.camunda.bpm.engine.delegate.DelegateTask task) {
      if ("stop".equals(task.getVariable("readiness")) && task.getVariable("safetyStopReason") == null) {
        throw CaseInputException.of("safetyStopReason", "error.required");
      }
    }
  }
}
