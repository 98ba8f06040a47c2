package org.vomcase.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.vomcase.support.ProcessTestEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vomcase.kernel.CaseVariables;

/**
 * What the engine's history keeps of a case under {@link CaseHistoryLevel}: every variable's last value and every past
 * value of the case instance's own variables, no working value at all, no past values of a called process's working
 * copies, and everything else of level full (form submissions, the user operation log).
 */
class CaseHistoryLevelTest {

  private ProcessEngine engine;

  @BeforeEach
  void startEngine() {
    StandaloneInMemProcessEngineConfiguration configuration = ProcessTestEngine.standalone("history");
    CaseHistoryPlugin.install(configuration);
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment()
        .addModelInstance("case.bpmn", Bpmn.createExecutableProcess("case").camundaHistoryTimeToLive(1).startEvent()
            .callActivity("CallActivity_Contact").calledElement("contact").camundaIn("person", "person")
            .camundaOut("consentOutcome", "consentOutcome")
            .userTask("Task_Decide").endEvent().done())
        .addModelInstance("contact.bpmn", Bpmn.createExecutableProcess("contact").camundaHistoryTimeToLive(1).startEvent()
            .userTask("Task_Call").endEvent().done())
        .deploy();
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void theFactsADecisionStepWorksOutFromTheVictimsAreWorkingValues() {
    // Input parameters of the decision steps: the decision's history keeps them as its inputs, so no variable row.
    ProcessInstance theCase = engine.getRuntimeService().startProcessInstanceByKey("case", "VOM-2026-00002", Map.of(
        "person", "V1", CaseVariables.VICTIM_IS_MINOR.name(), true, CaseVariables.VICTIM_IS_LEGAL_PERSON.name(), false));
    engine.getRuntimeService().setVariable(theCase.getId(), CaseVariables.VICTIM_IS_MINOR.name(), false);

    var history = engine.getHistoryService();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(theCase.getId()).list())
        .extracting(HistoricVariableInstance::getName).contains("person")
        .doesNotContain(CaseVariables.VICTIM_IS_MINOR.name(), CaseVariables.VICTIM_IS_LEGAL_PERSON.name());
    assertThat(history.createHistoricDetailQuery().variableUpdates().list())
        .extracting(d -> ((HistoricVariableUpdate) d).getVariableName())
        .doesNotContain(CaseVariables.VICTIM_IS_MINOR.name(), CaseVariables.VICTIM_IS_LEGAL_PERSON.name());
  }

  @Test
  void theCaseKeepsItsPastValuesAndLastValuesButNoWorkingValues() {
    ProcessInstance theCase = engine.getRuntimeService().startProcessInstanceByKey("case", "VOM-2026-00001", Map.of(
        "person", "V1", "mandateReference", "+49 30 1", CaseVariables.PERSONS_SHOWN.name(), "Ana Roth (V1), 45"));
    engine.getRuntimeService().setVariable(theCase.getId(), "mandateReference", "+49 30 2");
    Task call = engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_Call").singleResult();
    String contact = call.getProcessInstanceId();
    engine.getRuntimeService().setVariable(contact, "callAttempts", 1);
    engine.getRuntimeService().setVariable(contact, "callAttempts", 2);
    engine.getRuntimeService().setVariable(contact, CaseVariables.CALLS_SHOWN.name(), "1 call");
    engine.getIdentityService().setAuthenticatedUserId("mara");
    engine.getFormService().submitTaskForm(call.getId(), Map.of("consentOutcome", "agreed"));
    engine.getIdentityService().clearAuthentication();

    var history = engine.getHistoryService();
    List<String> kept = history.createHistoricVariableInstanceQuery().list().stream()
        .map(HistoricVariableInstance::getName).toList();
    assertThat(kept).contains("person", "mandateReference", "callAttempts", "consentOutcome")
        .doesNotContain(CaseVariables.PERSONS_SHOWN.name(), CaseVariables.CALLS_SHOWN.name());
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(contact).variableName("callAttempts")
        .singleResult().getValue()).as("a working copy's last value").isEqualTo(2);

    List<HistoricDetail> details = history.createHistoricDetailQuery().variableUpdates().list();
    assertThat(details).extracting(d -> ((HistoricVariableUpdate) d).getValue())
        .as("the case's own variable, each value it had").contains("+49 30 1", "+49 30 2");
    assertThat(details).allSatisfy(d -> assertThat(d.getProcessInstanceId()).as(((HistoricVariableUpdate) d)
        .getVariableName()).isEqualTo(theCase.getId()));
    assertThat(details).extracting(d -> ((HistoricVariableUpdate) d).getVariableName())
        .as("past values of the case's own variables only").contains("mandateReference", "person", "consentOutcome")
        .doesNotContain("callAttempts", CaseVariables.PERSONS_SHOWN.name(), CaseVariables.CALLS_SHOWN.name());

    // The rest of level full: what the form submitted, and who completed the task.
    assertThat(history.createHistoricDetailQuery().formFields().processInstanceId(contact).count()).isPositive();
    assertThat(history.createUserOperationLogQuery().taskId(call.getId()).userId("mara").count()).isPositive();
    assertThat(engine.getManagementService().getHistoryLevel()).as("the id of level full").isEqualTo(3);
  }

  /**
   * A variable the registration writes has no past-value row for its first value (the register keeps the referral as
   * registered) but one for each later value; its last value is in the history as every variable's. A variable of the
   * case that is not the registration's keeps its first value too.
   */
  @Test
  void theRegisteredReferralsFirstValuesAreTheRegistersAndLaterValuesTheHistorys() {
    engine.getRepositoryService().createDeployment().addModelInstance("vom-case.bpmn",
        Bpmn.createExecutableProcess(org.vomcase.kernel.CaseProcess.KEY).camundaHistoryTimeToLive(1).startEvent()
            .userTask("Task_Work").endEvent().done()).deploy();
    ProcessInstance theCase = engine.getRuntimeService().startProcessInstanceByKey(org.vomcase.kernel.CaseProcess.KEY,
        "VOM-2026-00002", Map.of(
        "person", "V1", CaseVariables.OFFENCE_SUMMARY.name(), "A bicycle was taken.",
        CaseVariables.REFERRER_NAME.name(), "PK Mitte", CaseVariables.MANDATE_REQUIRED.name(), false));
    engine.getRuntimeService().setVariable(theCase.getId(), CaseVariables.OFFENCE_SUMMARY.name(), "A bicycle and a lock.");

    var history = engine.getHistoryService();
    List<HistoricVariableUpdate> details = history.createHistoricDetailQuery().variableUpdates().processInstanceId(theCase.getId())
        .list().stream().map(HistoricVariableUpdate.class::cast).toList();
    assertThat(details).filteredOn(d -> d.getVariableName().equals(CaseVariables.OFFENCE_SUMMARY.name()))
        .extracting(HistoricVariableUpdate::getValue).as("the later value only").containsExactly("A bicycle and a lock.");
    assertThat(details).extracting(HistoricVariableUpdate::getVariableName)
        .as("registered and never changed: no past value").doesNotContain(CaseVariables.REFERRER_NAME.name())
        .as("not the registration's: its first value").contains("person")
        .as("a decision's result: its first value is the decision's history").doesNotContain(CaseVariables.MANDATE_REQUIRED.name());
    engine.getRuntimeService().setVariable(theCase.getId(), CaseVariables.MANDATE_REQUIRED.name(), true);
    assertThat(history.createHistoricDetailQuery().variableUpdates().processInstanceId(theCase.getId()).list().stream()
        .map(HistoricVariableUpdate.class::cast).filter(d -> d.getVariableName().equals(CaseVariables.MANDATE_REQUIRED.name()))
        .map(HistoricVariableUpdate::getValue).toList()).as("a decision's later result: its past value").containsExactly(true);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(theCase.getId())
        .variableName(CaseVariables.REFERRER_NAME.name()).singleResult().getValue()).as("its last value").isEqualTo("PK Mitte");
    // Another process that copies the case's number and referrer (the retention, a case event) keeps its first values.
    ProcessInstance other = engine.getRuntimeService().startProcessInstanceByKey("case", "VOM-2026-00002", Map.of("person", "V1",
        CaseVariables.REFERRER_NAME.name(), "PK Mitte"));
    assertThat(history.createHistoricDetailQuery().variableUpdates().processInstanceId(other.getId()).list().stream()
        .map(d -> ((HistoricVariableUpdate) d).getVariableName()).toList()).contains(CaseVariables.REFERRER_NAME.name());
  }

  /**
   * What a called process lays out of its person for the forms (name, phone, ...) and the case number each task carries
   * for Tasklist's column are copies: none of them is in the history; the person's record, the person's id and the case
   * instance's own case number are.
   */
  @Test
  void aPersonsFieldsLaidOutForAFormAndATasksCaseNumberAreNotInTheHistory() {
    ProcessInstance theCase = engine.getRuntimeService().startProcessInstanceByKey("case", "VOM-2026-00003", Map.of(
        "person", "{\"personId\":\"V1\",\"name\":\"Ana Roth\"}", CaseVariables.CASE_NUMBER.name(), "VOM-2026-00003"));
    Task call = engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_Call").singleResult();
    String contact = call.getProcessInstanceId();
    Map<String, Object> laidOut = new java.util.LinkedHashMap<>();
    CaseVariables.PERSON_DISPLAY_COPIES.forEach(name -> laidOut.put(name, "x"));
    laidOut.put(CaseVariables.PERSON_ID.name(), "V1");
    engine.getRuntimeService().setVariables(contact, laidOut);
    engine.getRuntimeService().setVariable(contact, CaseVariables.PERSON_NAME.name(), "Ana Roth-Berg");
    engine.getTaskService().setVariableLocal(call.getId(), CaseVariables.CASE_NUMBER.name(), "VOM-2026-00003");
    engine.getTaskService().setVariableLocal(call.getId(), CaseVariables.CASE_NUMBER.name(), "VOM-2026-00004");
    engine.getTaskService().complete(call.getId());

    var history = engine.getHistoryService();
    List<HistoricVariableInstance> kept = history.createHistoricVariableInstanceQuery().list();
    assertThat(kept).extracting(HistoricVariableInstance::getName).as("the copies are no rows")
        .doesNotContainAnyElementsOf(CaseVariables.PERSON_DISPLAY_COPIES)
        .contains("person", CaseVariables.PERSON_ID.name(), CaseVariables.CASE_NUMBER.name());
    assertThat(kept).filteredOn(v -> v.getName().equals(CaseVariables.CASE_NUMBER.name()))
        .as("the case instance's own case number, not the task's copy").singleElement()
        .satisfies(v -> assertThat(v.getTaskId()).isNull());
    assertThat(history.createHistoricDetailQuery().variableUpdates().list())
        .extracting(d -> ((HistoricVariableUpdate) d).getVariableName())
        .doesNotContainAnyElementsOf(CaseVariables.PERSON_DISPLAY_COPIES);
    assertThat(history.createHistoricDetailQuery().variableUpdates().list())
        .filteredOn(d -> ((HistoricVariableUpdate) d).getVariableName().equals(CaseVariables.CASE_NUMBER.name()))
        .allSatisfy(d -> assertThat(d.getTaskId()).isNull());
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(theCase.getId()).singleResult().getBusinessKey())
        .as("the case number stays the business key of every instance").isEqualTo("VOM-2026-00003");
  }

  @Test
  void everyTextOrOptionListAFormShowsIsAWorkingValue() throws IllegalAccessException {
    for (var field : CaseVariables.class.getFields()) {
      if (field.get(null) instanceof org.vomcase.kernel.CaseVariable<?> variable
          && variable.name().matches(".*(Shown|Options)$")) {
        assertThat(CaseVariables.WORKING_VALUES).as(variable.name()).contains(variable.name());
      }
    }
  }
}
