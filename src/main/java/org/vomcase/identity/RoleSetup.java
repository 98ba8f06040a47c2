package org.vomcase.identity;

import org.vomcase.kernel.Roles;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vomcase.access.Grants;
import org.vomcase.kernel.CaseProcess;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.settings.StaffLanguage;

/**
 * Creates the role groups, their authorizations and their Tasklist filters, in every profile and on
 * every start. It only adds what is missing: permissions an administrator granted on top in Admin
 * are kept.
 */
@Component
public class RoleSetup {

  /** Web applications, as named in the engine's APPLICATION authorizations. */
  public static final String TASKLIST = "tasklist";

  public static final String COCKPIT = "cockpit";

  public static final String ADMIN = "admin";

  /** Filter names, as Tasklist shows them. */
  public static final String FILTER_MY_TASKS = "My tasks";

  public static final String FILTER_TASKS_I_CAN_TAKE = "Tasks I can take";

  public static final String FILTER_MY_OVERDUE_TASKS = "My overdue tasks";

  public static final String FILTER_INTAKE = "Intake and assignment";

  public static final String FILTER_MY_CASES = "Tasks of my cases";

  private static final Logger LOG = LoggerFactory.getLogger(RoleSetup.class);

  /** One authorization: permissions on one resource (ANY = all of that type). */
  public record Grant(Resource resource, String resourceId, Set<Permission> permissions) {
    static Grant on(Resource resource, Permission... permissions) {
      return new Grant(resource, ANY, Set.of(permissions));
    }

    static Grant app(String application) {
      return new Grant(Resources.APPLICATION, application, Set.of(Permissions.ACCESS));
    }
  }

  /** A role: the group, its display name and what it may do. */
  public record RoleDefinition(String groupId, String name, List<Grant> grants) {}

  /** A Tasklist filter and the roles that see it. */
  public record FilterDefinition(
      String name, String description, int priority, Function<TaskService, TaskQuery> query, List<String> groups) {}

  public static final List<RoleDefinition> ROLES =
      List.of(
          new RoleDefinition(
              Roles.COORDINATORS,
              "Coordinators",
              List.of(
                  Grant.app(TASKLIST),
                  // Every case's referral data (not the confidential notes, which are no variables).
                  Grant.on(
                      Resources.PROCESS_DEFINITION,
                      ProcessDefinitionPermissions.READ,
                      ProcessDefinitionPermissions.READ_INSTANCE,
                      ProcessDefinitionPermissions.READ_HISTORY,
                      ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                      ProcessDefinitionPermissions.READ_HISTORY_VARIABLE),
                  // Start cases and case events only; the called processes run inside a case.
                  new Grant(Resources.PROCESS_DEFINITION, CaseProcess.KEY, Set.of(ProcessDefinitionPermissions.CREATE_INSTANCE)),
                  new Grant(Resources.PROCESS_DEFINITION, CaseProcess.RECORD_CASE_EVENT_KEY,
                      Set.of(ProcessDefinitionPermissions.CREATE_INSTANCE)),
                  Grant.on(Resources.PROCESS_INSTANCE, ProcessInstancePermissions.CREATE),
                  Grant.on(Resources.USER, Permissions.READ),
                  Grant.on(Resources.GROUP, Permissions.READ))),
          new RoleDefinition(
              Roles.REFERRERS,
              "Referring systems",
              List.of(
                  // Start cases of the case process, nothing else: no app, no reading of cases.
                  new Grant(Resources.PROCESS_DEFINITION, CaseProcess.KEY,
                      Set.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE)),
                  Grant.on(Resources.PROCESS_INSTANCE, ProcessInstancePermissions.CREATE))),
          new RoleDefinition(
              Roles.MEDIATORS,
              "Mediators",
              List.of(
                  Grant.app(TASKLIST),
                  // Definition metadata only (names in Tasklist). A mediator's case access is per case: the tasks
                  // (the engine grants them to candidates and assignee) and the case itself (CaseAccess).
                  Grant.on(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ),
                  // "Record a case event" (a withdrawal of consent, R8), for their own cases only (CaseEvents checks).
                  new Grant(Resources.PROCESS_DEFINITION, CaseProcess.RECORD_CASE_EVENT_KEY,
                      Set.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE)),
                  Grant.on(Resources.PROCESS_INSTANCE, ProcessInstancePermissions.CREATE),
                  Grant.on(Resources.USER, Permissions.READ))),
          new RoleDefinition(
              Roles.SUPERVISORS,
              "Supervisors",
              List.of(
                  Grant.app(COCKPIT),
                  Grant.on(
                      Resources.PROCESS_DEFINITION,
                      ProcessDefinitionPermissions.READ,
                      ProcessDefinitionPermissions.READ_INSTANCE,
                      ProcessDefinitionPermissions.READ_HISTORY,
                      ProcessDefinitionPermissions.READ_TASK,
                      // Reading values, never changing them; the confidential notes are no variables.
                      ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                      ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
                      ProcessDefinitionPermissions.READ_TASK_VARIABLE),
                  Grant.on(Resources.PROCESS_INSTANCE, ProcessInstancePermissions.READ),
                  Grant.on(Resources.TASK, TaskPermissions.READ),
                  Grant.on(Resources.DECISION_DEFINITION, Permissions.READ, Permissions.READ_HISTORY),
                  Grant.on(Resources.DECISION_REQUIREMENTS_DEFINITION, Permissions.READ),
                  Grant.on(Resources.DEPLOYMENT, Permissions.READ),
                  Grant.on(Resources.USER, Permissions.READ),
                  Grant.on(Resources.GROUP, Permissions.READ))),
          // Administrators: ALL on every resource type except what hands out case content (ADMINISTRATOR_WITHHELD).
          new RoleDefinition(Roles.ADMINISTRATORS, "Administrators", List.of()));

  /**
   * What administrators do not get although they may do everything else (deploy, users, incidents,
   * retries, Cockpit): reading a case's values. Case content comes with a role (R24), not with
   * administration. Administrators read history through the process definitions. (Historic instance permissions are
   * off, so grants on historic instances and tasks mean nothing; should they be switched on, HISTORIC_PROCESS_INSTANCE
   * READ alone would show every historic variable, so it stays withheld.)
   */
  public static final Map<Resource, Set<Permission>> ADMINISTRATOR_WITHHELD = Map.of(
      Resources.PROCESS_DEFINITION, Set.of(ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
          ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE),
      Resources.TASK, Set.of(TaskPermissions.READ_VARIABLE),
      Resources.HISTORIC_TASK, Set.of(org.camunda.bpm.engine.authorization.HistoricTaskPermissions.READ_VARIABLE),
      Resources.HISTORIC_PROCESS_INSTANCE, Set.of(org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions.READ),
      Resources.DECISION_DEFINITION, Set.of(Permissions.READ_HISTORY));

  public static final List<FilterDefinition> FILTERS =
      List.of(
          new FilterDefinition(
              FILTER_MY_TASKS,
              "Tasks assigned to me, earliest due first",
              -10,
              tasks -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(),
              List.of(Roles.COORDINATORS, Roles.MEDIATORS)),
          new FilterDefinition(
              FILTER_TASKS_I_CAN_TAKE,
              "Unassigned tasks offered to me or to one of my groups",
              0,
              tasks -> tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}").orderByDueDate().asc(),
              List.of(Roles.COORDINATORS, Roles.MEDIATORS)),
          new FilterDefinition(
              FILTER_MY_CASES,
              "Every open task of the cases I mediate, also those my co-mediator holds",
              2,
              tasks -> tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}").includeAssignedTasks()
                  .orderByDueDate().asc(),
              List.of(Roles.MEDIATORS)),
          new FilterDefinition(
              FILTER_MY_OVERDUE_TASKS,
              "My tasks past their due date",
              5,
              tasks ->
                  tasks
                      .createTaskQuery()
                      .taskAssigneeExpression("${currentUser()}")
                      .dueBeforeExpression("${now()}")
                      .orderByDueDate()
                      .asc(),
              List.of(Roles.COORDINATORS, Roles.MEDIATORS)),
          new FilterDefinition(
              FILTER_INTAKE,
              "Referrals to screen and cases waiting for a mediator",
              10,
              tasks ->
                  tasks
                      .createTaskQuery()
                      .taskCandidateGroup(Roles.COORDINATORS)
                      .includeAssignedTasks()
                      .orderByTaskCreateTime()
                      .asc(),
              List.of(Roles.COORDINATORS)));

  /** Creates what is missing of groups, authorizations and filters. */
  public void apply(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (RoleDefinition role : ROLES) {
      ensureGroup(identity, role);
      for (Grant grant : role.grants()) {
        ensureGrant(authorizations, role.groupId(), grant);
      }
    }
    for (Resource resource : Resources.values()) {
      ensureAdministratorGrant(authorizations, resource);
    }
    for (FilterDefinition definition : FILTERS) {
      ensureFilter(engine.getFilterService(), engine.getTaskService(), authorizations, definition);
    }
  }

  /** ALL minus what administrators are withheld; an older installation's ALL loses the withheld permissions. */
  private static void ensureAdministratorGrant(AuthorizationService authorizations, Resource resource) {
    Set<Permission> withheld = ADMINISTRATOR_WITHHELD.getOrDefault(resource, Set.of());
    if (withheld.isEmpty()) {
      ensureGrant(authorizations, Roles.ADMINISTRATORS, new Grant(resource, ANY, Set.of(Permissions.ALL)));
      return;
    }
    Authorization authorization = Grants.findOrNew(authorizations, null, Roles.ADMINISTRATORS, resource, ANY);
    boolean upToDate = authorization.getId() != null
        && withheld.stream().noneMatch(authorization::isPermissionGranted);
    if (!upToDate) {
      authorization.addPermission(Permissions.ALL);
      withheld.forEach(authorization::removePermission);
      authorizations.saveAuthorization(authorization);
    }
  }

  /**
   * Creates the role's group, named in the staff language (Tasklist shows a task's candidate groups by name); a group
   * still named as the application named it, in any staff language, takes the staff language's name. A name an
   * administrator gave it stays.
   */
  private void ensureGroup(IdentityService identity, RoleDefinition role) {
    String key = "staff.group." + role.groupId();
    String name = language.text(key);
    Group group = identity.createGroupQuery().groupId(role.groupId()).singleResult();
    if (group == null) {
      group = identity.newGroup(role.groupId());
      group.setName(name);
      group.setType(Roles.ADMINISTRATORS.equals(role.groupId()) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
      identity.saveGroup(group);
      LOG.info("Created group {}", role.groupId());
    } else if (!name.equals(group.getName())
        && (role.name().equals(group.getName()) || StaffLanguage.everyLanguage(key).contains(group.getName()))) {
      group.setName(name);
      identity.saveGroup(group);
      LOG.info("Group {} is now named '{}'", role.groupId(), name);
    }
  }

  static void ensureGrant(AuthorizationService authorizations, String groupId, Grant grant) {
    Authorization authorization = Grants.findOrNew(authorizations, null, groupId, grant.resource(), grant.resourceId());
    boolean changed = authorization.getId() == null;
    for (Permission permission : grant.permissions()) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }

  /** Each filter's texts in {@code vom-templates/labels/<language>.properties}, by the filter's English name. */
  static final Map<String, String> FILTER_TEXTS = Map.of(
      FILTER_MY_TASKS, "staff.filter.myTasks",
      FILTER_TASKS_I_CAN_TAKE, "staff.filter.tasksICanTake",
      FILTER_MY_CASES, "staff.filter.myCases",
      FILTER_MY_OVERDUE_TASKS, "staff.filter.myOverdueTasks",
      FILTER_INTAKE, "staff.filter.intake");

  private final StaffLanguage language;

  public RoleSetup(StaffLanguage language) {
    this.language = language;
  }

  /** A filter's name as staff read it. */
  public String filterName(String englishName) {
    return FILTER_TEXTS.containsKey(englishName) ? language.text(FILTER_TEXTS.get(englishName)) : englishName;
  }

  /** The columns in the staff language. */
  private List<Map<String, String>> columns() {
    return List.of(
        Map.of("name", CaseVariables.CASE_NUMBER.name(), "label", language.text("staff.column.caseNumber")),
        Map.of("name", CaseVariables.PERSON_LABEL.name(), "label", language.text("staff.column.person")));
  }

  /**
   * Creates the filter, or brings an existing one (found by its name in any staff language) to the staff language:
   * its name, description and column labels. Its query, priority and the users' own changes to it stay.
   */
  private void ensureFilter(
      FilterService filters, TaskService tasks, AuthorizationService authorizations, FilterDefinition definition) {
    String key = FILTER_TEXTS.get(definition.name());
    String name = filterName(definition.name());
    String description = key == null ? definition.description() : language.text(key + ".description");
    List<String> names = key == null ? List.of(definition.name()) : StaffLanguage.everyLanguage(key);
    // The application's filter has no owner; a user's own filter of the same name is never taken for it.
    Filter filter = names.stream().flatMap(n -> filters.createFilterQuery().filterName(n).list().stream())
        .filter(f -> f.getOwner() == null).findFirst().orElse(null);
    if (filter == null) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", definition.priority());
      properties.put("refresh", true);
      properties.put("showUndefinedVariable", false);
      properties.put("variables", columns());
      filter =
          filters
              .newTaskFilter(name)
              .setProperties(properties)
              .setQuery(definition.query().apply(tasks));
      filters.saveFilter(filter);
      LOG.info("Created Tasklist filter '{}'", name);
    } else if (filter.getProperties().get("variables") instanceof List<?> columns) {
      // An installation from before the "Person" column (the person's name left the task names), or one whose filters
      // are in another language: the name, description and our columns' labels follow the staff language.
      List<Object> updated = new java.util.ArrayList<>();
      for (Object column : columns) {
        Map<String, String> ours = column instanceof Map<?, ?> m ? columns().stream()
            .filter(c -> c.get("name").equals(m.get("name"))).findFirst().orElse(null) : null;
        updated.add(ours == null ? column : ours);
      }
      if (columns.stream().noneMatch(c -> c instanceof Map<?, ?> m && CaseVariables.PERSON_LABEL.name().equals(m.get("name")))) {
        updated.add(columns().get(1));
      }
      if (!updated.equals(columns) || !name.equals(filter.getName())
          || !description.equals(filter.getProperties().get("description"))) {
        Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
        properties.put("variables", updated);
        properties.put("description", description);
        filter.setName(name);
        filter.setProperties(properties);
        filters.saveFilter(filter);
        LOG.info("Brought Tasklist filter '{}' up to date (name, description, columns)", name);
      }
    }
    for (String group : definition.groups()) {
      ensureGrant(authorizations, group, new Grant(Resources.FILTER, filter.getId(), Set.of(Permissions.READ)));
    }
  }
}
