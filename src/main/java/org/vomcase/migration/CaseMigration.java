package org.vomcase.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vomcase.audit.AuditLog;
import org.vomcase.kernel.CaseVariables;

/**
 * Moves running cases onto another version of a process and of the processes it calls (community
 * edition: the engine's migration API, no Cockpit migration screen).
 *
 * <p>The request names a process (the case process or one it calls), a target version (the latest by
 * default; the previous one for a rollback) and optionally a source version (every other version with
 * running instances by default). For the process and, recursively, for every process its target version
 * calls, a plan maps the equal activities ({@code mapEqualActivities}) plus the administrator's extra
 * mappings for renamed or moved steps. The called processes' target is the version deployed with the
 * target (they are called with {@code calledElementBinding="deployment"}), else their latest.
 *
 * <p>A case moves as one: its instances of a source version and their called instances are migrated in
 * one transaction, parents first; if any of them cannot move, none of them does. A dry run does the same
 * and rolls every case back, so it reports exactly what a run would do. A run is recorded in the audit
 * trail per case.
 */
@Component
public class CaseMigration {

  /** The audit trail's action of a migrated case. */
  public static final String CASE_MIGRATED = "case_migrated";

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final TransactionTemplate ownTransaction;
  private final AuditLog audit;

  private final org.camunda.bpm.engine.IdentityService identity;

  public CaseMigration(RuntimeService runtime, RepositoryService repository, PlatformTransactionManager transactions,
      AuditLog audit, org.camunda.bpm.engine.IdentityService identity) {
    this.identity = identity;
    this.runtime = runtime;
    this.repository = repository;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    this.audit = audit;
  }

  /** A step renamed or moved: the activity id in the source version and the one it becomes in the target. */
  public record Mapping(String from, String to) {}

  /** What the administrator asks for. */
  public record Request(String processKey, Integer sourceVersion, Integer targetVersion, List<Mapping> extraMappings) {
    public Request {
      extraMappings = extraMappings == null ? List.of() : List.copyOf(extraMappings);
    }
  }

  /** One version of a process. */
  public record Version(String key, int version, String versionTag, String id) {
    static Version of(ProcessDefinition definition) {
      return new Version(definition.getKey(), definition.getVersion(), definition.getVersionTag(), definition.getId());
    }
  }

  /**
   * The plan from one version to another: its instructions; the steps and events of the source version
   * that no instruction maps (a case waiting at one cannot move; a timer or message event attached there
   * is dropped: map it explicitly to keep it); and why the plan cannot be built if it cannot.
   */
  public record Plan(Version source, Version target, List<Mapping> instructions, List<String> unmapped, List<String> problems) {}

  /** A case's result: moved (or, in a dry run, would move), or why not, in words. */
  public record CaseResult(String caseNumber, List<String> instances, boolean migratable, boolean migrated,
      List<String> problems) {}

  /** The whole answer: the target, the plans, and every case concerned. */
  public record Report(Version target, boolean dryRun, List<Plan> plans, List<CaseResult> cases) {
    public long migratable() {
      return cases.stream().filter(CaseResult::migratable).count();
    }
  }

  /** Thrown for a request that names no process or version deployed. */
  public static class UnknownVersion extends RuntimeException {
    private final String field;

    public UnknownVersion(String field, String message) {
      super(message);
      this.field = field;
    }

    /** The request's field that names what is not deployed: processKey, sourceVersion or targetVersion. */
    public String field() {
      return field;
    }
  }

  /**
   * Plans and validates (dry run: every case rolled back) or runs (each case in its own transaction) the
   * migration; {@code userId} is recorded in the audit trail of a run.
   */
  public Report migrate(Request request, boolean dryRun, String userId) {
    Scope scope = scope(request);
    List<CaseResult> results = new ArrayList<>();
    for (String rootId : scope.roots()) {
      results.add(migrateCase(scope, rootId, dryRun, userId, Bookkeeping.NONE));
    }
    results.sort(Comparator.comparing(CaseResult::caseNumber, Comparator.nullsLast(Comparator.naturalOrder())));
    return new Report(Version.of(scope.target), dryRun, List.copyOf(scope.plans.values()), results);
  }

  /**
   * What a request concerns: its target version (and that of every process it calls), its source versions,
   * the plans built so far (one per source version met). Refuses a request that names no process or version
   * deployed ({@link UnknownVersion}).
   */
  public Scope scope(Request request) {
    ProcessDefinition target = definition(request.processKey(), request.targetVersion());
    Map<String, ProcessDefinition> targets = new LinkedHashMap<>();
    collectTargets(target, targets);
    List<ProcessDefinition> sources = repository.createProcessDefinitionQuery().processDefinitionKey(request.processKey())
        .list().stream()
        .filter(d -> !d.getId().equals(target.getId()))
        .filter(d -> request.sourceVersion() == null || d.getVersion() == request.sourceVersion())
        .sorted(Comparator.comparingInt(ProcessDefinition::getVersion)).toList();
    if (request.sourceVersion() != null && sources.isEmpty()) {
      throw new UnknownVersion("sourceVersion", "no version " + request.sourceVersion() + " of " + request.processKey() + " other than the target");
    }
    return new Scope(request, target, targets, sources);
  }

  /** A request resolved against the deployed versions; its plans are built when a case first needs them. */
  public final class Scope {
    private final Request request;
    private final ProcessDefinition target;
    private final Map<String, ProcessDefinition> targets;
    private final List<ProcessDefinition> sources;
    private final Set<String> sourceIds = new LinkedHashSet<>();
    private final Map<String, Plan> plans = new LinkedHashMap<>();
    private final Map<String, MigrationPlan> built = new HashMap<>();

    private Scope(Request request, ProcessDefinition target, Map<String, ProcessDefinition> targets, List<ProcessDefinition> sources) {
      this.request = request;
      this.target = target;
      this.targets = targets;
      this.sources = sources;
      sources.forEach(s -> sourceIds.add(s.getId()));
    }

    /** The version the cases move to. */
    public Version target() {
      return Version.of(target);
    }

    /** The cases concerned now: the root instance of every running instance of a source version, oldest version first. */
    public List<String> roots() {
      Set<String> roots = new LinkedHashSet<>();
      for (ProcessDefinition source : sources) {
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list()) {
          roots.add(root(instance));
        }
      }
      return List.copyOf(roots);
    }

    /** The plans built so far, one per source version met. */
    public List<Plan> plans() {
      return List.copyOf(plans.values());
    }

    private Plan planOf(String sourceId) {
      return plans.computeIfAbsent(sourceId, id -> {
        ProcessDefinition source = repository.getProcessDefinition(id);
        return plan(source, targets.get(source.getKey()), request.extraMappings(), built);
      });
    }
  }

  /**
   * Where a run keeps its cases (the table of a migration run, {@link MigrationRuns}): inside the case's
   * transaction, {@link #claim()} takes the case (false: another node has it, or had it) and {@link #record}
   * writes its result, so that the migration and its record commit together or not at all.
   */
  public interface Bookkeeping {
    Bookkeeping NONE = new Bookkeeping() {
      @Override
      public boolean claim() {
        return true;
      }

      @Override
      public void record(CaseResult result) {}
    };

    boolean claim();

    void record(CaseResult result);
  }

  /**
   * Moves one case (or, in a dry run, tries to and rolls back): its instances of a source version and, below
   * them, the called instances whose process has a target of another version, parents first, in one
   * transaction. Returns null if the bookkeeping says another node took the case.
   */
  public CaseResult migrateCase(Scope scope, String rootId, boolean dryRun, String userId, Bookkeeping book) {
    List<ProcessInstance> members = new ArrayList<>();
    ProcessInstance root = runtime.createProcessInstanceQuery().processInstanceId(rootId).singleResult();
    if (root != null) {
      walk(scope, root, false, members);
    }
    String caseNumber = root == null || root.getBusinessKey() == null ? rootId : root.getBusinessKey();
    List<String> problems = new ArrayList<>();
    List<String> described = new ArrayList<>();
    for (ProcessInstance member : members) {
      Plan plan = scope.planOf(member.getProcessDefinitionId());
      described.add(plan.source().key() + " " + plan.source().version() + " -> " + plan.target().version());
      plan.problems().forEach(p -> problems.add(plan.source().key() + " " + plan.source().version() + ": " + p));
    }
    if (members.isEmpty()) {
      problems.add("nothing of this case runs on a version to move any more (it has ended, or was moved)");
    }
    boolean[] taken = {true};
    if (problems.isEmpty()) {
      ownTransaction.executeWithoutResult(status -> {
        if (!book.claim()) {
          taken[0] = false;
          status.setRollbackOnly();
          return;
        }
        // The case may have gone on since its instances were looked at (a called process started, one ended): what is
        // moved is what the case has now, in this transaction, or nothing (no case is half-migrated).
        List<ProcessInstance> now = new ArrayList<>();
        ProcessInstance current = runtime.createProcessInstanceQuery().processInstanceId(rootId).singleResult();
        if (current != null) {
          walk(scope, current, false, now);
        }
        if (!now.stream().map(ProcessInstance::getId).collect(java.util.stream.Collectors.toSet())
            .equals(members.stream().map(ProcessInstance::getId).collect(java.util.stream.Collectors.toSet()))) {
          problems.add("the case went on while it was being moved (a called process started or ended); nothing of it moved,"
              + " check and run again");
          status.setRollbackOnly();
          return;
        }
        for (ProcessInstance member : members) {
          MigrationPlan plan = scope.built.get(member.getProcessDefinitionId());
          try {
            runtime.newMigration(plan).processInstanceIds(member.getId()).execute();
          } catch (MigratingProcessInstanceValidationException e) {
            problems.addAll(words(e.getValidationReport(), scope.planOf(member.getProcessDefinitionId())));
          } catch (ProcessEngineException e) {
            problems.add(scope.planOf(member.getProcessDefinitionId()).source().key() + ": " + e.getMessage());
          }
        }
        if (problems.isEmpty()) {
          keepTheReferralAsTheTargetReadsIt(rootId);
        }
        if (dryRun || !problems.isEmpty()) {
          status.setRollbackOnly();
        } else {
          audit.record(userId, CASE_MIGRATED, caseNumber, String.join(", ", described));
          book.record(new CaseResult(caseNumber, described, true, true, List.of()));
        }
      });
    }
    if (!taken[0]) {
      return null;
    }
    boolean migratable = problems.isEmpty();
    CaseResult result = new CaseResult(caseNumber, described, migratable, migratable && !dryRun, List.copyOf(problems));
    if (!migratable && !dryRun && book != Bookkeeping.NONE) {
      ownTransaction.executeWithoutResult(status -> {
        if (book.claim()) {
          book.record(result);
        }
      });
    }
    return result;
  }

  /** The first version of the case process that keeps the referral's facts in one record ({@link CaseVariables#REFERRAL}). */
  static final String REFERRAL_RECORD_SINCE = "0.23.0";

  /**
   * The referral's facts as the case's diagram after the move reads them. A case registered by a version that kept them
   * one by one, moved to a version that reads the record ({@value #REFERRAL_RECORD_SINCE} and later), gets its record
   * from them, so that the forms of that version show its facts ({@code referral.offenceCategory}); its facts' own
   * variables stay, and count as they did. A case moved back to a version before the record gets the facts it lacks
   * one by one from its record, as that version's decision steps and calls read them. The migration's own upkeep of the
   * case model, done without the administrator's authentication (administrators read no case content).
   */
  private void keepTheReferralAsTheTargetReadsIt(String rootId) {
    org.camunda.bpm.engine.impl.identity.Authentication who = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      ProcessInstance root = runtime.createProcessInstanceQuery().processInstanceId(rootId).singleResult();
      if (root == null) {
        return;
      }
      ProcessDefinition target = repository.getProcessDefinition(root.getProcessDefinitionId());
      if (!org.vomcase.kernel.CaseProcess.KEY.equals(target.getKey())) {
        return;
      }
      List<String> names = new ArrayList<>(CaseVariables.REFERRAL_FACTS.stream().map(org.vomcase.kernel.CaseVariable::name)
          .toList());
      names.add(CaseVariables.REFERRAL.name());
      Map<String, Object> variables = runtime.getVariablesLocal(rootId, names);
      Map<String, Object> record = CaseVariables.REFERRAL.in(Map.of(CaseVariables.REFERRAL.name(),
          variables.getOrDefault(CaseVariables.REFERRAL.name(), Map.of())));
      if (atLeast(target.getVersionTag(), REFERRAL_RECORD_SINCE)) {
        if (variables.get(CaseVariables.REFERRAL.name()) != null) {
          return;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        CaseVariables.REFERRAL_FACTS.forEach(fact -> {
          if (variables.get(fact.name()) != null) {
            facts.put(fact.name(), variables.get(fact.name()));
          }
        });
        if (!facts.isEmpty()) {
          runtime.setVariable(rootId, CaseVariables.REFERRAL.name(), CaseVariables.REFERRAL.value(facts));
        }
      } else if (record != null) {
        Map<String, Object> missing = new LinkedHashMap<>();
        CaseVariables.REFERRAL_FACTS.forEach(fact -> {
          if (variables.get(fact.name()) == null && record.get(fact.name()) != null) {
            missing.put(fact.name(), record.get(fact.name()));
          }
        });
        runtime.setVariables(rootId, missing);
      }
    } finally {
      if (who != null) {
        identity.setAuthentication(who);
      }
    }
  }

  /** Whether a version tag ({@code 0.23.0}) is {@code since} or later; a process without a tag is earlier. */
  static boolean atLeast(String versionTag, String since) {
    if (versionTag == null || versionTag.isBlank()) {
      return false;
    }
    String[] tag = versionTag.trim().split("[.-]");
    String[] floor = since.split("\\.");
    for (int i = 0; i < floor.length; i++) {
      int part;
      try {
        part = i < tag.length ? Integer.parseInt(tag[i]) : 0;
      } catch (NumberFormatException e) {
        return false;
      }
      int wanted = Integer.parseInt(floor[i]);
      if (part != wanted) {
        return part > wanted;
      }
    }
    return true;
  }

  /**
   * The instances of the case to move, parents first: each instance of a source version, and below one the
   * called instances whose process has a target of another version.
   */
  private void walk(Scope scope, ProcessInstance instance, boolean belowMember, List<ProcessInstance> members) {
    String definitionId = instance.getProcessDefinitionId();
    boolean source = scope.sourceIds.contains(definitionId);
    boolean called = false;
    if (belowMember && !source) {
      ProcessDefinition target = scope.targets.get(repository.getProcessDefinition(definitionId).getKey());
      called = target != null && !target.getId().equals(definitionId);
    }
    if (source || called) {
      members.add(instance);
    }
    for (ProcessInstance child : runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list()) {
      walk(scope, child, belowMember || source, members);
    }
  }

  private Plan plan(ProcessDefinition source, ProcessDefinition target, List<Mapping> extra, Map<String, MigrationPlan> built) {
    BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
    BpmnModelInstance targetModel = repository.getBpmnModelInstance(target.getId());
    MigrationInstructionsBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities();
    for (Mapping mapping : extra) {
      if (sourceModel.getModelElementById(mapping.from()) != null && targetModel.getModelElementById(mapping.to()) != null) {
        builder.mapActivities(mapping.from(), mapping.to());
      }
    }
    try {
      MigrationPlan plan = builder.build();
      built.put(source.getId(), plan);
      List<Mapping> instructions = plan.getInstructions().stream()
          .map(i -> new Mapping(i.getSourceActivityId(), i.getTargetActivityId())).toList();
      Set<String> mapped = new LinkedHashSet<>();
      instructions.forEach(i -> mapped.add(i.from()));
      List<String> unmapped = new ArrayList<>();
      for (FlowNode node : sourceModel.getModelElementsByType(FlowNode.class)) {
        boolean waitable = node instanceof Activity || node instanceof BoundaryEvent || node instanceof IntermediateCatchEvent;
        if (waitable && !mapped.contains(node.getId())) {
          unmapped.add(step(sourceModel, node.getId()));
        }
      }
      return new Plan(Version.of(source), Version.of(target), instructions, unmapped, List.of());
    } catch (MigrationPlanValidationException e) {
      List<String> problems = new ArrayList<>();
      for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
        MigrationInstruction instruction = report.getMigrationInstruction();
        for (String failure : report.getFailures()) {
          problems.add("the step " + step(sourceModel, instruction.getSourceActivityId()) + " cannot become "
              + step(targetModel, instruction.getTargetActivityId()) + ": " + failure);
        }
      }
      e.getValidationReport().getVariableReports().forEach((name, report) ->
          report.getFailures().forEach(f -> problems.add("variable " + name + ": " + f)));
      if (problems.isEmpty()) {
        problems.add(e.getMessage());
      }
      return new Plan(Version.of(source), Version.of(target), List.of(), List.of(), problems);
    }
  }

  /** The validation report of one instance in words: each step the instance waits at that cannot move, and why. */
  private List<String> words(MigratingProcessInstanceValidationReport report, Plan plan) {
    BpmnModelInstance model = repository.getBpmnModelInstance(plan.source().id());
    String process = plan.source().key() + " " + plan.source().version() + " -> " + plan.target().version();
    List<String> problems = new ArrayList<>();
    report.getFailures().forEach(f -> problems.add(process + ": " + f));
    for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
      activity.getFailures().forEach(f -> problems.add(process + ": the case waits at " + step(model, activity.getSourceScopeId())
          + ", which cannot move: " + f));
    }
    for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
      transition.getFailures().forEach(f -> problems.add(process + ": the case is about to run "
          + step(model, transition.getSourceScopeId()) + ", which cannot move: " + f));
    }
    if (problems.isEmpty()) {
      problems.add(process + ": the engine refused the migration");
    }
    return problems;
  }

  private static String step(BpmnModelInstance model, String activityId) {
    ModelElementInstance element = activityId == null ? null : model.getModelElementById(activityId);
    String name = element instanceof FlowElement flowElement ? flowElement.getName() : null;
    return name == null || name.isBlank() ? "\"" + activityId + "\"" : "\"" + name + "\" (" + activityId + ")";
  }

  /** The target version and, recursively, the version of each process it calls deployed with it (else the latest). */
  private void collectTargets(ProcessDefinition target, Map<String, ProcessDefinition> targets) {
    if (targets.putIfAbsent(target.getKey(), target) != null) {
      return;
    }
    Set<String> called = new LinkedHashSet<>();
    for (CallActivity call : repository.getBpmnModelInstance(target.getId()).getModelElementsByType(CallActivity.class)) {
      String key = call.getCalledElement();
      if (key != null && !key.contains("${") && !key.contains("#{")) {
        called.add(key);
      }
    }
    for (String key : called) {
      ProcessDefinition sameDeployment = repository.createProcessDefinitionQuery().processDefinitionKey(key)
          .deploymentId(target.getDeploymentId()).singleResult();
      ProcessDefinition calledTarget = sameDeployment != null ? sameDeployment
          : repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
      if (calledTarget != null) {
        collectTargets(calledTarget, targets);
      }
    }
  }

  private ProcessDefinition definition(String key, Integer version) {
    if (key == null || key.isBlank()) {
      throw new UnknownVersion("processKey", "processKey is required, e.g. vom-case or contact-person");
    }
    var query = repository.createProcessDefinitionQuery().processDefinitionKey(key);
    ProcessDefinition definition = version == null ? query.latestVersion().singleResult() : query.processDefinitionVersion(version)
        .singleResult();
    if (definition == null) {
      throw new UnknownVersion(version == null ? "processKey" : "targetVersion", version == null ? "no process " + key + " is deployed" : "no version " + version + " of " + key);
    }
    return definition;
  }

  private String root(ProcessInstance instance) {
    return Objects.requireNonNullElse(instance.getRootProcessInstanceId(), instance.getId());
  }

  /** The case number of a case (its root instance's business key), else the root instance's id. */
  public String caseNumberOf(String rootId) {
    ProcessInstance root = runtime.createProcessInstanceQuery().processInstanceId(rootId).singleResult();
    return root == null || root.getBusinessKey() == null ? rootId : root.getBusinessKey();
  }
}
