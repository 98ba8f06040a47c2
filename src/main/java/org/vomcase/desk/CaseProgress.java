package org.vomcase.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;
import org.vomcase.kernel.CaseProcess;

/**
 * Where a case stands, from the engine: its phase (the step of the case's own process that is active) and what it waits
 * for and until when, over the case's own instance and every called process (they share the business key, the case
 * number): each open task (its name, who holds it, its due date), each timer (its due date, and the name of its event
 * in the diagram as the business label: "Day of the next call"), each message it waits for; the person a step is about.
 */
@Service
public class CaseProgress {

  /** The phases of a case, in their order, with the steps of the case's own diagram (vom-case) that make them. */
  public static final Map<String, String> PHASES = phases();

  /** Activity id of the case's own diagram → phase. */
  private static final Map<String, String> PHASE_OF_ACTIVITY = Map.ofEntries(
      Map.entry("Task_RecordMandate", "mandate"),
      Map.entry("Task_WaitForProceedings", "proceedings"),
      Map.entry("Task_ReviewEligibility", "intake"),
      Map.entry("Task_AssignMediators", "intake"),
      Map.entry("SubProcess_ContactAndConsent", "contact"),
      Map.entry("CallActivity_ContactPerson", "contact"),
      Map.entry("CallActivity_PrepareEachPerson", "preparation"),
      Map.entry("Task_DecideSuitability", "preparation"),
      Map.entry("CallActivity_MediationSession", "session"),
      Map.entry("CallActivity_Agreement", "agreement"),
      Map.entry("Task_ReportAgreementToReferrer", "agreement"),
      Map.entry("CallActivity_MonitorAgreement", "monitoring"),
      Map.entry("Task_ReportSessionToReferrer", "session"),
      Map.entry("CallActivity_FollowUp", "follow-up"));

  private static Map<String, String> phases() {
    Map<String, String> phases = new LinkedHashMap<>();
    phases.put("intake", "Intake: eligibility and assignment");
    phases.put("mandate", "Waiting for the mandate");
    phases.put("proceedings", "Waiting for the proceedings (an appeal, a conviction)");
    phases.put("contact", "Contact and consent");
    phases.put("preparation", "Preparation");
    phases.put("session", "Mediation session");
    phases.put("agreement", "Agreement");
    phases.put("monitoring", "Monitoring the agreement");
    phases.put("follow-up", "Follow-up");
    phases.put("closed", "Closed");
    phases.put("deleted", "Deleted (personal data removed)");
    return java.util.Collections.unmodifiableMap(phases);
  }

  /** One thing the case waits for: a task, a timer or a message; until when; who holds it; whom it is about. */
  public record Wait(String kind, String what, String processName, String activityId, Instant due, String assignee,
      List<String> candidateUsers, List<String> candidateGroups, String about, String taskId) {

    public Map<String, Object> view() {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("kind", kind);
      view.put("what", what);
      view.put("in", processName);
      view.put("due", due == null ? null : due.toString());
      if ("task".equals(kind)) {
        view.put("assignee", assignee);
        view.put("candidateUsers", candidateUsers);
        view.put("candidateGroups", candidateGroups);
        view.put("taskId", taskId);
      }
      view.put("about", about);
      return view;
    }
  }

  /** Where the case stands: its phase, everything it waits for (earliest first, undated last) and the next date. */
  public record Standing(String phase, List<Wait> waits) {

    public Optional<Wait> next() {
      return waits.stream().filter(w -> w.due() != null).findFirst();
    }
  }

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final RepositoryService repository;
  private final HistoryService history;

  public CaseProgress(RuntimeService runtime, TaskService tasks, ManagementService management, RepositoryService repository,
      HistoryService history) {
    this.history = history;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.repository = repository;
  }

  /**
   * Where the case stands now. {@code caseInstanceId}: the case's own instance (from the case register); {@code
   * personNames}: person id → "Ana Roth (V1)", to say whom a step is about.
   */
  public Standing standing(String caseNumber, String caseInstanceId, Map<String, String> personNames) {
    List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list();
    boolean caseRuns = instances.stream().anyMatch(i -> i.getId().equals(caseInstanceId));
    String phase = "closed";
    // Only queries below, never a read by id: the case goes on while this runs (a task is completed, a called process
    // ends), and a read by id of what just went away fails, which the engine logs as an error.
    if (caseRuns) {
      phase = history.createHistoricActivityInstanceQuery().processInstanceId(caseInstanceId).unfinished().list().stream()
          .map(activity -> PHASE_OF_ACTIVITY.get(activity.getActivityId())).filter(p -> p != null).findFirst()
          .orElse("intake");
    }
    Map<String, BpmnModelInstance> models = new HashMap<>();
    Map<String, String> processNames = new HashMap<>();
    Map<String, String> about = new HashMap<>();
    Map<String, Object> personIds = new HashMap<>();
    if (!instances.isEmpty()) {
      for (VariableInstance variable : runtime.createVariableInstanceQuery().variableName("personId")
          .processInstanceIdIn(instances.stream().map(ProcessInstance::getId).toArray(String[]::new)).list()) {
        if (variable.getExecutionId().equals(variable.getProcessInstanceId())) {
          personIds.put(variable.getProcessInstanceId(), variable.getValue());
        }
      }
    }
    for (ProcessInstance instance : instances) {
      Object personId = personIds.get(instance.getId());
      about.put(instance.getId(), personId == null ? null : personNames.getOrDefault(personId.toString(), personId.toString()));
      processNames.put(instance.getId(), processName(models, instance.getProcessDefinitionId()));
    }
    List<Wait> waits = new ArrayList<>();
    List<Task> openTasks = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list();
    Map<String, Object> labels = new HashMap<>();
    if (!openTasks.isEmpty()) {
      for (VariableInstance variable : runtime.createVariableInstanceQuery().variableName("personLabel")
          .taskIdIn(openTasks.stream().map(Task::getId).toArray(String[]::new)).list()) {
        labels.put(variable.getTaskId(), variable.getValue());
      }
    }
    for (Task task : openTasks) {
      // The candidates as the task's identity link log has them now: added and not deleted since.
      Map<String, Boolean> candidates = new LinkedHashMap<>();
      for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(task.getId())
          .type(IdentityLinkType.CANDIDATE).orderByTime().asc().list()) {
        String who = link.getUserId() != null ? "user:" + link.getUserId() : "group:" + link.getGroupId();
        candidates.put(who, "add".equals(link.getOperationType()));
      }
      List<String> users = new ArrayList<>();
      List<String> groups = new ArrayList<>();
      candidates.forEach((who, present) -> {
        if (present) {
          (who.startsWith("user:") ? users : groups).add(who.substring(who.indexOf(':') + 1));
        }
      });
      Object label = labels.get(task.getId());
      waits.add(new Wait("task", task.getName(), processNames.get(task.getProcessInstanceId()), task.getTaskDefinitionKey(),
          task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getAssignee(), users, groups,
          label != null ? label.toString() : about.get(task.getProcessInstanceId()), task.getId()));
    }
    for (ProcessInstance instance : instances) {
      for (Job job : management.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
        JobDefinition definition = job.getJobDefinitionId() == null ? null
            : management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
        String activityId = definition == null ? null : definition.getActivityId();
        String name = elementName(models, job.getProcessDefinitionId(), activityId);
        waits.add(new Wait("timer", name != null ? name : "A timer", processNames.get(instance.getId()), activityId,
            job.getDuedate() == null ? null : job.getDuedate().toInstant(), null, List.of(), List.of(),
            about.get(instance.getId()), null));
      }
      for (EventSubscription subscription : runtime.createEventSubscriptionQuery().processInstanceId(instance.getId()).list()) {
        ModelElementInstance element = element(models, instance.getProcessDefinitionId(), subscription.getActivityId());
        // Only what the case stands still for: a catching event or receive task, not the case events it may get any time.
        if (element instanceof IntermediateCatchEvent || element instanceof ReceiveTask) {
          String name = ((FlowElement) element).getName();
          waits.add(new Wait("message", name != null ? name : subscription.getEventName(), processNames.get(instance.getId()),
              subscription.getActivityId(), null, null, List.of(), List.of(), about.get(instance.getId()), null));
        }
      }
    }
    waits.sort(Comparator.comparing(Wait::due, Comparator.nullsLast(Comparator.naturalOrder())));
    return new Standing(phase, List.copyOf(waits));
  }

  private String processName(Map<String, BpmnModelInstance> models, String definitionId) {
    var definition = repository.getProcessDefinition(definitionId);
    return definition.getName() != null ? definition.getName() : definition.getKey();
  }

  private String elementName(Map<String, BpmnModelInstance> models, String definitionId, String activityId) {
    ModelElementInstance element = element(models, definitionId, activityId);
    return element instanceof FlowElement flow ? flow.getName() : null;
  }

  private ModelElementInstance element(Map<String, BpmnModelInstance> models, String definitionId, String activityId) {
    if (definitionId == null || activityId == null) {
      return null;
    }
    return models.computeIfAbsent(definitionId, repository::getBpmnModelInstance).getModelElementById(activityId);
  }

  /** Whether the key is the case's own process (the others are called by it). */
  public static boolean caseProcess(String processDefinitionKey) {
    return CaseProcess.KEY.equals(processDefinitionKey);
  }
}
