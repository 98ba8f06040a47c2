package org.vomcase.boundary;

import static org.vomcase.boundary.Role.ADMINISTRATOR;
import static org.vomcase.boundary.Role.ANONYMOUS;
import static org.vomcase.boundary.Role.COORDINATOR;
import static org.vomcase.boundary.Role.MEDIATOR;
import static org.vomcase.boundary.Role.REFERRER;
import static org.vomcase.boundary.Role.SUPERVISOR;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The boundary's allow-list: every route a role may reach, with what it is for. It holds exactly what
 * Tasklist, Cockpit, Admin and Welcome call for each role's work (recorded by {@code e2e/boundary.mjs}),
 * what Camunda Modeler needs to deploy, and the application's own endpoints. Everything else answers 403
 * (401 without a login), for every role: comments and attachments, every route that writes a variable
 * outside a form, modification, migration, restart, message and signal correlation, deleting cases or
 * their history, and for administrators every route that hands out a case's values.
 *
 * <p>The README's route table is generated from this list ({@link #markdown()}; {@code RouteAllowListTest}
 * keeps the two equal).
 */
public final class RouteAllowList {

  private static final Set<Role> EVERYONE = EnumSet.of(ANONYMOUS);
  private static final Set<Role> STAFF = EnumSet.of(COORDINATOR, MEDIATOR, SUPERVISOR, ADMINISTRATOR);
  private static final Set<Role> CASE_WORKERS = EnumSet.of(COORDINATOR, MEDIATOR);
  private static final Set<Role> TASKLIST = EnumSet.of(COORDINATOR, MEDIATOR, ADMINISTRATOR);
  private static final Set<Role> TASK_READERS = EnumSet.of(COORDINATOR, MEDIATOR, SUPERVISOR);
  private static final Set<Role> COCKPIT = EnumSet.of(SUPERVISOR, ADMINISTRATOR);
  private static final Set<Role> SUPERVISORS = EnumSet.of(SUPERVISOR);
  private static final Set<Role> ADMINISTRATORS = EnumSet.of(ADMINISTRATOR);

  private static final String WEBAPP_API = "/camunda/api";
  private static final String COCKPIT_BASE = WEBAPP_API + "/cockpit/plugin/base/{engine}";
  private static final String LOGIN = WEBAPP_API + "/admin/auth/user/{processEngineName}";

  private static final List<Route> ROUTES = new ArrayList<>();

  static {
    area("Logging in and the apps' own files (no login needed)");
    webapp("GET", WEBAPP_API + "/engine/engine", EVERYONE, "the list of engines the webapps start with");
    engine("GET", "/engine", EVERYONE, "the list of engines (Camunda's discovery)");
    webapp("GET", LOGIN, EVERYONE, "who is logged in");
    webapp("POST", LOGIN + "/login/{appName}", EVERYONE, "the login form");
    webapp("POST", LOGIN + "/logout", EVERYONE, "logging out");
    for (String plugin : List.of("/cockpit/plugin/cockpitPlugins", "/cockpit/plugin/base", "/tasklist/plugin/tasklistPlugins",
        "/admin/plugin/adminPlugins")) {
      webapp("GET", WEBAPP_API + plugin + "/static/{file*}", EVERYONE, "the apps' plugin scripts and styles");
    }
    engine("GET", "/identity/password-policy", EVERYONE, "the password rules, shown where a password is set");
    engine("POST", "/identity/password-policy", EVERYONE, "checking a new password against the rules");

    area("Every logged-in member of staff");
    engine("GET", "/user/{id}/profile", STAFF, "names of users (assignees, one's own profile)");
    engine("PUT", "/user/{id}/profile", STAFF, "one's own profile (Welcome); any profile (Admin)", Accounts.OWN_UNLESS_ADMINISTRATOR);
    engine("PUT", "/user/{id}/credentials", STAFF, "one's own password (Welcome); any password (Admin)",
        Accounts.OWN_UNLESS_ADMINISTRATOR);
    engine("GET", "/user", STAFF, "lists of users");
    engine("GET", "/user/count", STAFF, "lists of users");
    engine("POST", "/group", STAFF, "the logged-in user's groups (Tasklist's filters)");
    engine("GET", "/group", STAFF, "lists of groups");
    engine("GET", "/group/count", STAFF, "lists of groups");
    engine("GET", "/process-definition", STAFF, "names of the processes");
    engine("GET", "/process-definition/count", STAFF, "names of the processes");
    engine("GET", "/process-definition/{id}", STAFF, "a process's name and version");
    engine("GET", "/process-definition/{id}/xml", STAFF, "a task's or a case's diagram");
    engine("GET", "/task", STAFF, "task lists (Tasklist, Cockpit)");
    engine("POST", "/task", STAFF, "task lists (Tasklist, Cockpit)");
    engine("GET", "/task/count", STAFF, "task lists (Tasklist, Cockpit)");
    engine("POST", "/task/count", STAFF, "task lists (Tasklist, Cockpit)");
    engine("GET", "/task/{id}", STAFF, "a task");
    engine("GET", "/task/{id}/form", STAFF, "a task's form reference");
    engine("GET", "/task/{id}/deployed-form", STAFF, "a task's form");
    engine("GET", "/task/{id}/identity-links", STAFF, "who may work on a task");
    engine("GET", "/history/user-operation", STAFF, "a task's history tab, Cockpit's operation log");
    engine("GET", "/history/user-operation/count", STAFF, "a task's history tab, Cockpit's operation log");

    area("Tasklist: working the cases (coordinators, mediators)");
    engine("GET", "/filter", TASKLIST, "Tasklist's filters");
    engine("OPTIONS", "/filter", TASKLIST, "Tasklist's filters");
    engine("GET", "/filter/count", TASKLIST, "Tasklist's filters");
    engine("GET", "/filter/{id}", TASKLIST, "a Tasklist filter");
    engine("GET", "/filter/{id}/list", TASKLIST, "a filter's tasks");
    engine("POST", "/filter/{id}/list", TASKLIST, "a filter's tasks");
    engine("GET", "/filter/{id}/count", TASKLIST, "a filter's task count");
    engine("POST", "/filter/{id}/count", TASKLIST, "a filter's task count");
    engine("GET", "/task/{id}/form-variables", TASK_READERS, "the values a task's form shows",
        FormSubmissions.TASK_FORM_VALUES);
    engine("POST", "/task/{id}/claim", CASE_WORKERS, "Claim", TaskWork.CLAIM_FOR_ONESELF);
    engine("POST", "/task/{id}/unclaim", CASE_WORKERS, "Unclaim");
    engine("POST", "/task/{id}/assignee", CASE_WORKERS, "Set assignee", TaskWork.ASSIGN_TO_WHO_MAY_WORK);
    engine("PUT", "/task/{id}", CASE_WORKERS, "Set due date, Set follow-up date", TaskWork.DATES_ONLY);
    engine("POST", "/task/{id}/submit-form", CASE_WORKERS, "Complete a task with its form", FormSubmissions.TASK_FORM);
    for (String definition : List.of("/process-definition/{id}", "/process-definition/key/{key}")) {
      engine("GET", definition + "/startForm", CASE_WORKERS, "Start process: the start form's reference");
      engine("GET", definition + "/deployed-start-form", CASE_WORKERS, "Start process: the start form");
      engine("GET", definition + "/form-variables", CASE_WORKERS, "Start process: the start form's values",
          FormSubmissions.START_FORM_VALUES);
      engine("POST", definition + "/submit-form", CASE_WORKERS, "Start process: register a referral, record a case event",
          FormSubmissions.START_FORM);
    }

    area("Cockpit: watching the cases (supervisors read-only; administrators without the cases' values)");
    engine("GET", "/process-definition/statistics", COCKPIT, "Cockpit's dashboard and process list");
    engine("GET", "/process-definition/{id}/statistics", COCKPIT, "a process's diagram with its running cases");
    engine("GET", "/process-definition/{id}/static-called-process-definitions", COCKPIT, "a process's called processes");
    engine("GET", "/process-instance", COCKPIT, "the running cases");
    engine("POST", "/process-instance", COCKPIT, "the running cases");
    engine("GET", "/process-instance/count", COCKPIT, "the running cases");
    engine("POST", "/process-instance/count", COCKPIT, "the running cases");
    engine("GET", "/process-instance/{id}", COCKPIT, "a running case");
    engine("GET", "/process-instance/{id}/activity-instances", COCKPIT, "where a running case is");
    engine("GET", "/task/report/candidate-group-count", COCKPIT, "Cockpit's task dashboard");
    engine("GET", "/case-definition/count", COCKPIT, "Cockpit's dashboard (CMMN is off: always 0)");
    for (String kind : List.of("/decision-definition", "/decision-requirements-definition")) {
      engine("GET", kind, COCKPIT, "the decision tables");
      engine("GET", kind + "/count", COCKPIT, "the decision tables");
      engine("GET", kind + "/{id}", COCKPIT, "a decision table");
      engine("GET", kind + "/{id}/xml", COCKPIT, "a decision table's rules");
      engine("GET", kind + "/{id}/diagram", COCKPIT, "a decision table's diagram");
    }
    engine("GET", "/history/decision-requirements-definition/{id}/statistics", COCKPIT, "a decision table's figures");
    engine("GET", "/deployment", COCKPIT, "the deployments (Cockpit, Camunda Modeler)");
    engine("GET", "/deployment/count", COCKPIT, "the deployments");
    engine("GET", "/deployment/{id}", COCKPIT, "a deployment");
    engine("GET", "/deployment/{id}/resources", COCKPIT, "a deployment's files");
    engine("GET", "/deployment/{id}/resources/{resourceId}", COCKPIT, "a deployment's file");
    engine("GET", "/deployment/{id}/resources/{resourceId}/data", COCKPIT, "a deployment's file");
    engine("GET", "/batch", COCKPIT, "batches");
    engine("GET", "/batch/count", COCKPIT, "batches");
    engine("GET", "/batch/statistics", COCKPIT, "batches");
    engine("GET", "/batch/statistics/count", COCKPIT, "batches");
    engine("GET", "/batch/{id}", COCKPIT, "a batch");
    engine("GET", "/history/batch", COCKPIT, "finished batches");
    engine("GET", "/history/batch/count", COCKPIT, "finished batches");
    engine("GET", "/history/batch/{id}", COCKPIT, "a finished batch");
    engine("GET", "/job", COCKPIT, "jobs and timers of the cases");
    engine("POST", "/job", COCKPIT, "jobs and timers of the cases");
    engine("GET", "/job/count", COCKPIT, "jobs and timers of the cases");
    engine("POST", "/job/count", COCKPIT, "jobs and timers of the cases");
    engine("GET", "/job/{id}", COCKPIT, "a job");
    engine("GET", "/job/{id}/stacktrace", SUPERVISORS, "why a job failed (an incident; it may quote the case's values)");
    engine("GET", "/job-definition", COCKPIT, "job definitions");
    engine("POST", "/job-definition", COCKPIT, "job definitions");
    engine("GET", "/job-definition/count", COCKPIT, "job definitions");
    engine("POST", "/job-definition/count", COCKPIT, "job definitions");
    engine("GET", "/job-definition/{id}", COCKPIT, "a job definition");
    engine("GET", "/incident", COCKPIT, "incidents");
    engine("GET", "/incident/count", COCKPIT, "incidents");
    engine("GET", "/incident/{id}", COCKPIT, "an incident");
    engine("GET", "/external-task", COCKPIT, "external tasks (none in this product)");
    engine("POST", "/external-task", COCKPIT, "external tasks (none in this product)");
    engine("GET", "/external-task/count", COCKPIT, "external tasks (none in this product)");
    engine("POST", "/external-task/count", COCKPIT, "external tasks (none in this product)");
    for (String history : List.of("/history/task", "/history/process-instance", "/history/activity-instance", "/history/job-log",
        "/history/external-task-log")) {
      engine("GET", history, COCKPIT, "the cases' history (what happened when, never a value)");
      engine("POST", history, COCKPIT, "the cases' history (what happened when, never a value)");
      engine("GET", history + "/count", COCKPIT, "the cases' history (what happened when, never a value)");
      engine("POST", history + "/count", COCKPIT, "the cases' history (what happened when, never a value)");
    }
    engine("GET", "/history/process-instance/{id}", COCKPIT, "a case's history");
    engine("GET", "/history/activity-instance/{id}", COCKPIT, "a step of a case's history");
    engine("GET", "/history/job-log/{id}", COCKPIT, "a job's history");
    engine("GET", "/history/job-log/{id}/stacktrace", SUPERVISORS, "why a job failed (it may quote the case's values)");
    engine("GET", "/history/incident", COCKPIT, "past incidents");
    engine("GET", "/history/incident/count", COCKPIT, "past incidents");
    engine("GET", "/history/identity-link-log", COCKPIT, "who could work on a task");
    engine("GET", "/history/identity-link-log/count", COCKPIT, "who could work on a task");
    engine("GET", "/history/process-instance/report", COCKPIT, "duration reports");
    engine("GET", "/history/task/report", COCKPIT, "task reports");
    for (String report : List.of("/history/process-definition/cleanable-process-instance-report",
        "/history/decision-definition/cleanable-decision-instance-report", "/history/batch/cleanable-batch-report")) {
      engine("GET", report, COCKPIT, "what the history cleanup will remove");
      engine("GET", report + "/count", COCKPIT, "what the history cleanup will remove");
    }
    webapp("GET", COCKPIT_BASE + "/process-definition/statistics", COCKPIT, "Cockpit's process list");
    webapp("GET", COCKPIT_BASE + "/process-definition/statistics-count", COCKPIT, "Cockpit's process list");
    webapp("GET", COCKPIT_BASE + "/process-definition/{id}/called-process-definitions", COCKPIT, "called processes");
    webapp("POST", COCKPIT_BASE + "/process-definition/{id}/called-process-definitions", COCKPIT, "called processes");
    webapp("GET", COCKPIT_BASE + "/process-instance", COCKPIT, "Cockpit's case list");
    webapp("POST", COCKPIT_BASE + "/process-instance", COCKPIT, "Cockpit's case list");
    webapp("GET", COCKPIT_BASE + "/process-instance/count", COCKPIT, "Cockpit's case list");
    webapp("POST", COCKPIT_BASE + "/process-instance/count", COCKPIT, "Cockpit's case list");
    webapp("GET", COCKPIT_BASE + "/process-instance/{id}/called-process-instances", COCKPIT, "a case's called processes");
    webapp("POST", COCKPIT_BASE + "/process-instance/{id}/called-process-instances", COCKPIT, "a case's called processes");
    webapp("GET", COCKPIT_BASE + "/incident", COCKPIT, "Cockpit's incident list");
    webapp("POST", COCKPIT_BASE + "/incident", COCKPIT, "Cockpit's incident list");
    webapp("GET", COCKPIT_BASE + "/incident/count", COCKPIT, "Cockpit's incident list");
    webapp("POST", COCKPIT_BASE + "/incident/count", COCKPIT, "Cockpit's incident list");

    area("A case's values (supervisors only: Cockpit's variables tab)");
    engine("GET", "/variable-instance", SUPERVISORS, "a case's values");
    engine("POST", "/variable-instance", SUPERVISORS, "a case's values");
    engine("GET", "/variable-instance/count", SUPERVISORS, "a case's values");
    engine("POST", "/variable-instance/count", SUPERVISORS, "a case's values");
    engine("GET", "/variable-instance/{id}", SUPERVISORS, "a value");
    engine("GET", "/variable-instance/{id}/data", SUPERVISORS, "a value's download");
    for (String history : List.of("/history/variable-instance", "/history/detail")) {
      engine("GET", history, SUPERVISORS, "a case's past values");
      engine("POST", history, SUPERVISORS, "a case's past values");
      engine("GET", history + "/count", SUPERVISORS, "a case's past values");
      engine("GET", history + "/{id}", SUPERVISORS, "a past value");
      engine("GET", history + "/{id}/data", SUPERVISORS, "a past value's download");
    }
    engine("POST", "/history/variable-instance/count", SUPERVISORS, "a case's past values");
    engine("GET", "/history/decision-instance", SUPERVISORS, "the decisions taken and their inputs");
    engine("GET", "/history/decision-instance/count", SUPERVISORS, "the decisions taken and their inputs");
    engine("GET", "/history/decision-instance/{id}", SUPERVISORS, "a decision taken and its inputs");

    area("Administration: users, deployments, operations (administrators)");
    engine("GET", "/version", ADMINISTRATORS, "Camunda Modeler's connection check, Admin");
    engine("POST", "/deployment/create", ADMINISTRATORS, "deploying diagrams, decision tables and forms (Camunda Modeler)");
    engine("POST", "/deployment/{id}/redeploy", ADMINISTRATORS, "deploying an earlier version again");
    engine("DELETE", "/deployment/{id}", ADMINISTRATORS, "removing a deployment", Accounts.NO_CASCADE);
    engine("GET", "/deployment/registered", ADMINISTRATORS, "the deployments this node runs");
    engine("DELETE", "/process-definition/{id}", ADMINISTRATORS, "removing a process version", Accounts.NO_CASCADE);
    engine("OPTIONS", "/user", ADMINISTRATORS, "Admin: users");
    engine("POST", "/user/create", ADMINISTRATORS, "Admin: new user");
    engine("OPTIONS", "/user/{id}", ADMINISTRATORS, "Admin: a user");
    engine("DELETE", "/user/{id}", ADMINISTRATORS, "Admin: delete a user");
    engine("POST", "/user/{id}/unlock", ADMINISTRATORS, "Admin: unlock a user");
    engine("OPTIONS", "/group", ADMINISTRATORS, "Admin: groups");
    engine("POST", "/group/create", ADMINISTRATORS, "Admin: new group");
    engine("GET", "/group/{id}", ADMINISTRATORS, "Admin: a group");
    engine("PUT", "/group/{id}", ADMINISTRATORS, "Admin: a group");
    engine("DELETE", "/group/{id}", ADMINISTRATORS, "Admin: a group");
    engine("OPTIONS", "/group/{id}", ADMINISTRATORS, "Admin: a group");
    engine("OPTIONS", "/group/{id}/members", ADMINISTRATORS, "Admin: a group's members");
    engine("PUT", "/group/{id}/members/{userId}", ADMINISTRATORS, "Admin: add a member");
    engine("DELETE", "/group/{id}/members/{userId}", ADMINISTRATORS, "Admin: remove a member");
    engine("GET", "/tenant", ADMINISTRATORS, "Admin: tenants");
    engine("OPTIONS", "/tenant", ADMINISTRATORS, "Admin: tenants");
    engine("GET", "/tenant/count", ADMINISTRATORS, "Admin: tenants");
    engine("POST", "/tenant/create", ADMINISTRATORS, "Admin: new tenant");
    for (String method : List.of("GET", "PUT", "DELETE", "OPTIONS")) {
      engine(method, "/tenant/{id}", ADMINISTRATORS, "Admin: a tenant");
    }
    for (String members : List.of("/tenant/{id}/user-members", "/tenant/{id}/group-members")) {
      engine("OPTIONS", members, ADMINISTRATORS, "Admin: a tenant's members");
      engine("PUT", members + (members.endsWith("user-members") ? "/{userId}" : "/{groupId}"), ADMINISTRATORS,
          "Admin: a tenant's members");
      engine("DELETE", members + (members.endsWith("user-members") ? "/{userId}" : "/{groupId}"), ADMINISTRATORS,
          "Admin: a tenant's members");
    }
    engine("GET", "/authorization", ADMINISTRATORS, "Admin: authorizations");
    engine("OPTIONS", "/authorization", ADMINISTRATORS, "Admin: authorizations");
    engine("GET", "/authorization/count", ADMINISTRATORS, "Admin: authorizations");
    engine("GET", "/authorization/check", ADMINISTRATORS, "Admin: may I?");
    engine("POST", "/authorization/create", ADMINISTRATORS, "Admin: new authorization");
    for (String method : List.of("GET", "PUT", "DELETE", "OPTIONS")) {
      engine(method, "/authorization/{id}", ADMINISTRATORS, "Admin: an authorization");
    }
    engine("POST", "/filter/create", ADMINISTRATORS, "Tasklist: a new filter");
    for (String method : List.of("PUT", "DELETE", "OPTIONS")) {
      engine(method, "/filter/{id}", ADMINISTRATORS, "Tasklist: change a filter");
    }
    engine("PUT", "/process-definition/{id}/suspended", ADMINISTRATORS, "Cockpit: suspend or activate a process version");
    engine("PUT", "/process-definition/key/{key}/suspended", ADMINISTRATORS, "suspend or activate a process");
    engine("PUT", "/process-instance/{id}/suspended", ADMINISTRATORS, "Cockpit: suspend or activate a case");
    engine("PUT", "/job-definition/{id}/suspended", ADMINISTRATORS, "Cockpit: suspend or activate a job definition");
    engine("PUT", "/job/{id}/suspended", ADMINISTRATORS, "suspend or activate a job");
    engine("PUT", "/process-definition/{id}/history-time-to-live", ADMINISTRATORS, "history time to live of a process");
    engine("PUT", "/decision-definition/{id}/history-time-to-live", ADMINISTRATORS, "history time to live of a decision");
    engine("PUT", "/job/{id}/retries", ADMINISTRATORS, "Cockpit: retry a failed job (an incident)");
    engine("POST", "/job/retries", ADMINISTRATORS, "Cockpit: retry failed jobs");
    engine("PUT", "/job-definition/{id}/retries", ADMINISTRATORS, "Cockpit: retry a job definition's failed jobs");
    engine("PUT", "/job/{id}/duedate", ADMINISTRATORS, "run a job at another time");
    engine("POST", "/job/{id}/duedate/recalculate", ADMINISTRATORS, "recalculate a timer");
    engine("POST", "/job/{id}/execute", ADMINISTRATORS, "run a job now");
    engine("PUT", "/job/{id}/priority", ADMINISTRATORS, "a job's priority");
    engine("PUT", "/job-definition/{id}/jobPriority", ADMINISTRATORS, "a job definition's priority");
    engine("DELETE", "/incident/{id}", ADMINISTRATORS, "resolve an incident");
    engine("PUT", "/incident/{id}/annotation", ADMINISTRATORS, "annotate an incident");
    engine("DELETE", "/incident/{id}/annotation", ADMINISTRATORS, "annotate an incident");
    engine("PUT", "/batch/{id}/suspended", ADMINISTRATORS, "suspend or activate a batch");
    engine("DELETE", "/batch/{id}", ADMINISTRATORS, "cancel a batch");
    engine("DELETE", "/history/batch/{id}", ADMINISTRATORS, "remove a finished batch");
    engine("GET", "/metrics", ADMINISTRATORS, "Admin: system figures");
    engine("GET", "/metrics/{name}/sum", ADMINISTRATORS, "Admin: system figures");
    engine("GET", "/telemetry/configuration", ADMINISTRATORS, "Admin: diagnostics");
    engine("POST", "/telemetry/configuration", ADMINISTRATORS, "Admin: diagnostics");
    engine("GET", "/telemetry/data", ADMINISTRATORS, "Admin: diagnostics");
    engine("GET", "/schema/log", ADMINISTRATORS, "the database schema's versions");
    engine("POST", "/schema/log", ADMINISTRATORS, "the database schema's versions");
    engine("GET", "/history/cleanup/configuration", ADMINISTRATORS, "the history cleanup");
    engine("GET", "/history/cleanup/job", ADMINISTRATORS, "the history cleanup");
    engine("GET", "/history/cleanup/jobs", ADMINISTRATORS, "the history cleanup");
    engine("POST", "/history/cleanup", ADMINISTRATORS, "run the history cleanup now");
    webapp("GET", WEBAPP_API + "/admin/plugin/adminPlugins/{engine}/metrics/aggregated", ADMINISTRATORS,
        "Admin: system figures");

    area("The application's own endpoints");
    application("POST", "/api/referrals", EnumSet.of(REFERRER, COORDINATOR), "the referral API");
    application("POST", "/api/cases/{caseNumber}/events", EnumSet.of(REFERRER, COORDINATOR, MEDIATOR),
        "case events (withdrawals, end of proceedings, other mediators); each caller only for the cases they may act on");
    application("GET", "/vom/case-file", TASK_READERS, "the case file (messages, documents, confidential notes to their readers)");
    application("GET", "/vom/cases", TASK_READERS,
        "the case list: a mediator's own cases, every case for coordinators and supervisors (search, phase, next date)");
    application("GET", "/vom/cases/{caseNumber}", TASK_READERS,
        "the case overview: persons and their state, what the case waits for and until when, sessions, agreement and"
            + " ledger, case file, versions, timeline (read-only)");
    application("POST", "/vom/cases/{caseNumber}/documents", CASE_WORKERS,
        "Upload a document to the case file (multipart: a PDF, PNG or JPEG by its content, kind, title); the case's mediators"
            + " and the coordinators, not on a deleted case (audited)");
    application("POST", "/vom/cases/{caseNumber}/notes", CASE_WORKERS,
        "Add a note to the case file (JSON text, not confidential: every reader of the case sees it); the case's mediators"
            + " and the coordinators, not on a deleted case (audited)");
    application("GET", "/vom/case-of", TASK_READERS, "the case of a task or process instance (the Case overview tabs)");
    application("GET", "/vom/calendar", TASK_READERS,
        "the calendar: the sessions and appointments to come of a mediator's cases, of every case for coordinators and supervisors");
    application("GET", "/vom/calendar.ics", TASK_READERS, "the same calendar as a calendar file to subscribe to (no names)");
    application("GET", "/vom/documents/{id}", TASK_READERS,
        "a letter, the agreement PDF, an uploaded document (always as a download, audited)");
    application("POST", "/vom/messages/{id}/posted", CASE_WORKERS, "Mark as posted");
    application("GET", "/vom/figures", COCKPIT, "the programme's figures (anonymous counts)");
    application("GET", "/vom/figures/toa-export.csv", COCKPIT, "the TOA statistics export (anonymous)");
    application("POST", "/vom/migrations/plan", ADMINISTRATORS,
        "migration of running cases to another version: the plan and which cases cannot move, why (changes nothing)");
    application("POST", "/vom/migrations/run", ADMINISTRATORS,
        "migration of running cases: a dry run by default, else a run started in the background (each case with its called "
            + "processes moved, audited)");
    application("GET", "/vom/migrations/runs", ADMINISTRATORS, "the last migration runs and their progress");
    application("GET", "/vom/migrations/runs/{id}", ADMINISTRATORS,
        "a migration run: its progress and each case's result, why a case did not move");
    application("POST", "/vom/decisions/preview", ADMINISTRATORS,
        "decision-table preview: a changed eligibility or contact-order table run on the last recorded decisions (case"
            + " numbers and input codes only; nothing deployed, audited)");
    application("GET", "/vom/deployments/drift", ADMINISTRATORS,
        "drift: each diagram, decision table and form of the repository against the latest deployed version, and its source");
  }

  private static String currentArea = "";

  private static void area(String name) {
    currentArea = name;
  }

  private static void engine(String method, String template, Set<Role> roles, String purpose, RouteRule... rules) {
    add(method, Entry.ENGINE, template, roles, purpose, rules);
  }

  private static void webapp(String method, String template, Set<Role> roles, String purpose, RouteRule... rules) {
    add(method, Entry.WEBAPP, template, roles, purpose, rules);
  }

  private static void application(String method, String template, Set<Role> roles, String purpose, RouteRule... rules) {
    add(method, Entry.APPLICATION, template, roles, purpose, rules);
  }

  private static void add(String method, Entry entry, String template, Set<Role> roles, String purpose, RouteRule... rules) {
    ROUTES.add(new Route(currentArea, method, entry, PathTemplate.of(template), Set.copyOf(roles), purpose, List.of(rules)));
  }

  private RouteAllowList() {}

  public static List<Route> routes() {
    return List.copyOf(ROUTES);
  }

  /** The allowed route of a method on a resolved route template, if there is one. */
  public static Optional<Route> find(String method, Entry entry, PathTemplate template) {
    return ROUTES.stream().filter(r -> r.entry() == entry && r.method().equals(method) && r.template().equals(template))
        .findFirst();
  }

  /** The README's route table: one table per area, a column per role. */
  public static String markdown() {
    List<Role> columns = List.of(ANONYMOUS, REFERRER, COORDINATOR, MEDIATOR, SUPERVISOR, ADMINISTRATOR);
    Map<String, List<Route>> byArea = new LinkedHashMap<>();
    ROUTES.forEach(route -> byArea.computeIfAbsent(route.area(), a -> new ArrayList<>()).add(route));
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, List<Route>> area : byArea.entrySet()) {
      out.append("\n**").append(area.getKey()).append("**\n\n| Route | For | ")
          .append(columns.stream().map(r -> r == ANONYMOUS ? "anyone" : abbreviation(r)).collect(Collectors.joining(" | ")))
          .append(" |\n|---|---|").append("---|".repeat(columns.size())).append('\n');
      for (Route route : area.getValue()) {
        String rules = route.rules().stream().map(RouteRule::describe).filter(d -> !d.isBlank())
            .collect(Collectors.joining("; "));
        out.append("| `").append(route.method()).append(' ').append(display(route)).append("` | ").append(route.purpose())
            .append(rules.isEmpty() ? "" : " (" + rules + ")").append(" |");
        for (Role role : columns) {
          out.append(' ').append(route.roles().contains(role) || route.roles().contains(ANONYMOUS) ? "✓" : "").append(" |");
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String abbreviation(Role role) {
    return switch (role) {
      case REFERRER -> "referrer";
      case COORDINATOR -> "coord.";
      case MEDIATOR -> "mediator";
      case SUPERVISOR -> "superv.";
      case ADMINISTRATOR -> "admin";
      case ANONYMOUS -> "anyone";
    };
  }

  private static String display(Route route) {
    return route.entry() == Entry.ENGINE ? "…" + route.template() : route.template().toString();
  }
}
