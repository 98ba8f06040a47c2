package org.vomcase.desk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.vomcase.access.CaseRegistry;
import org.vomcase.kernel.AgreementItem;
import org.vomcase.kernel.Appointment;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseVariables;
import org.vomcase.kernel.ConsentOutcome;
import org.vomcase.kernel.Fulfilment;
import org.vomcase.kernel.FulfilmentStatus;
import org.vomcase.kernel.Guardian;
import org.vomcase.kernel.Obligation;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.Vocabularies;
import org.vomcase.kernel.Withdrawal;
import org.vomcase.settings.StaffLanguage;

/**
 * The case overview (README "The mediator's desk"), read from the typed case ({@link Case}) and the engine: the
 * persons and their state, the phase and what the case waits for and until when ({@link CaseProgress}), its sessions,
 * the agreement with a payment ledger per person, the process versions it runs on and what happened (the history's
 * steps, by name). Messages, documents, confidential notes and the audit trail are the case file's, added by the
 * controller under the case file's rules. Reads only.
 */
@Service
public class CaseOverview {

  /**
   * The key of a person's and a guardian's ways to reach them and their safe-contact choice in the overview: for those
   * who work the case (its mediators, the coordinators); the desk removes it for readers (supervisors).
   */
  public static final String CONTACT = "contact";

  private static Map<String, Object> contact(String phone, String email, String postalAddress, org.vomcase.kernel.SafeContact safety) {
    Map<String, Object> contact = new LinkedHashMap<>();
    contact.put("phone", phone);
    contact.put("email", email);
    contact.put("postalAddress", postalAddress);
    if (safety != null) {
      contact.put("preferredChannel", safety.preferredChannel());
      contact.put("doNotWrite", safety.lettersForbidden());
      contact.put("noMessages", safety.messagesForbidden());
      contact.put("safeTimeToCall", safety.safeTimeToCall());
    }
    return contact;
  }

  /** Activity types the timeline shows: the steps a person would name, not gateways and flows. */
  private static final Set<String> STEPS = Set.of("userTask", "serviceTask", "sendTask", "callActivity", "businessRuleTask",
      "intermediateTimer", "boundaryTimer", "intermediateMessageCatch", "boundaryMessage", "messageStartEvent",
      "startTimerEvent", "noneEndEvent", "subProcess", "boundaryError", "boundaryEscalation", "intermediateSignalCatch",
      "receiveTask", "manualTask", "scriptTask");

  private final CaseRegistry registry;
  private final CaseProgress progress;
  private final HistoryService history;
  private final RepositoryService repository;
  private final Vocabularies vocabularies;
  private final StaffLanguage staffLanguage;

  public CaseOverview(CaseRegistry registry, CaseProgress progress, HistoryService history, RepositoryService repository,
      Vocabularies vocabularies, StaffLanguage staffLanguage) {
    this.registry = registry;
    this.progress = progress;
    this.history = history;
    this.repository = repository;
    this.vocabularies = vocabularies;
    this.staffLanguage = staffLanguage;
  }

  /** The overview of a registered case; null for a number the register does not know. */
  public Map<String, Object> of(String caseNumber) {
    CaseRegistry.RegisteredCase registered = registry.find(caseNumber).orElse(null);
    if (registered == null) {
      return null;
    }
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).orderByProcessInstanceStartTime().asc().list();
    Case theCase = Case.of(variables(registered.caseInstanceId(), instances));
    Map<String, String> names = new LinkedHashMap<>();
    theCase.persons().forEach(p -> names.put(p.personId(), p.nameWithId()));
    CaseProgress.Standing standing = progress.standing(caseNumber, registered.caseInstanceId(), names);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("caseNumber", caseNumber);
    view.put("phase", registered.deleted() ? "deleted" : standing.phase());
    view.put("phaseLabel", CaseProgress.PHASES.get(registered.deleted() ? "deleted" : standing.phase()));
    view.put("registeredAt", string(theCase.get(CaseVariables.REGISTERED_AT)));
    view.put("closedAt", string(theCase.get(CaseVariables.CLOSED_AT)));
    view.put("closureReason", theCase.get(CaseVariables.CLOSURE_REASON) == null ? null
        : theCase.get(CaseVariables.CLOSURE_REASON).toString());
    view.put("offenceCategory", theCase.get(CaseVariables.OFFENCE_CATEGORY));
    // The configured vocabularies' words, in the staff language (the desk shows them; other words are the page's).
    view.put("labelLanguage", staffLanguage.code());
    view.put("offenceCategoryLabel", theCase.get(CaseVariables.OFFENCE_CATEGORY) == null ? null
        : vocabularies.offenceCategories().label(theCase.get(CaseVariables.OFFENCE_CATEGORY).toString(), staffLanguage.code()));
    view.put("referrer", registered.referrerName());
    view.put("referrerReference", theCase.get(CaseVariables.REFERRER_REFERENCE));
    // After a self-referral's mandate the reports go to the authority that gave it (the referrer of record).
    view.put("reportsTo", registered.mandateAuthority() == null ? null : registered.mandateAuthority().name());
    view.put("mediators", registry.mediators(caseNumber));
    view.put("persons", registered.deleted() ? List.of() : persons(theCase, instances));
    view.put("waitingFor", standing.waits().stream().map(CaseProgress.Wait::view).toList());
    view.put("next", standing.next().map(CaseProgress.Wait::view).orElse(null));
    view.put("sessions", registered.deleted() ? List.of() : sessions(theCase));
    view.put("agreement", registered.deleted() ? List.of() : agreement(theCase));
    view.put("versions", versions(instances));
    view.put("timeline", steps(instances));
    return view;
  }

  /**
   * The case's values: those of its own instance, and what a running (or the last) called process holds that the case
   * does not have yet (the session's time and place while it is being scheduled, the appointments of indirect mediation).
   */
  private java.util.function.Function<String, Object> variables(String caseInstanceId, List<HistoricProcessInstance> instances) {
    Map<String, Object> own = new HashMap<>();
    Map<String, Object> called = new HashMap<>();
    List<String> ids = instances.stream().map(HistoricProcessInstance::getId).toList();
    if (ids.isEmpty()) {
      return own::get;
    }
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      order.put(ids.get(i), i);
    }
    List<HistoricVariableInstance> values = new ArrayList<>(history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(ids.toArray(String[]::new)).list());
    // The later instances last: their values win among the called processes.
    values.sort(Comparator.comparing(v -> order.getOrDefault(v.getProcessInstanceId(), 0)));
    for (HistoricVariableInstance value : values) {
      boolean instanceScope = value.getActivityInstanceId() == null
          || value.getActivityInstanceId().equals(value.getProcessInstanceId());
      if (!"CREATED".equals(value.getState()) || value.getValue() == null) {
        continue;
      }
      if (value.getProcessInstanceId().equals(caseInstanceId)) {
        if (instanceScope || !own.containsKey(value.getName())) {
          own.put(value.getName(), value.getValue());
        }
      } else if (instanceScope) {
        called.put(value.getName(), value.getValue());
      }
    }
    return name -> own.containsKey(name) ? own.get(name) : called.get(name);
  }

  private List<Map<String, Object>> persons(Case theCase, List<HistoricProcessInstance> instances) {
    LocalDate today = CaseClock.today();
    Set<String> contacted = new LinkedHashSet<>();
    List<String> contactInstances = instances.stream().filter(i -> "contact-person".equals(i.getProcessDefinitionKey()))
        .map(HistoricProcessInstance::getId).toList();
    if (!contactInstances.isEmpty()) {
      history.createHistoricVariableInstanceQuery().processInstanceIdIn(contactInstances.toArray(String[]::new))
          .variableName(CaseVariables.PERSON_ID.name()).list().forEach(v -> contacted.add(String.valueOf(v.getValue())));
    }
    Map<String, Withdrawal> withdrawn = new HashMap<>();
    theCase.withdrawals().forEach(w -> withdrawn.put(w.personId(), w));
    List<Map<String, Object>> persons = new ArrayList<>();
    for (Person person : theCase.persons()) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("id", person.personId());
      view.put("role", person.role().code());
      view.put("name", person.name());
      view.put("age", person.dateOfBirth() == null ? null : Period.between(person.dateOfBirth(), today).getYears());
      view.put("minor", person.minor());
      view.put("language", person.preferredLanguage());
      view.put("interpreterNeeded", person.interpreterNeeded());
      view.put("representative", person.representative());
      view.put(CONTACT, contact(person.phone(), person.email(), person.postalAddress(), person.safety()));
      List<Map<String, Object>> guardians = new ArrayList<>();
      List<Guardian> list = theCase.guardiansOf(person);
      for (int n = 1; n <= list.size(); n++) {
        Guardian guardian = list.get(n - 1);
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("id", Guardian.idOf(person.personId(), n));
        g.put("name", guardian.name());
        g.put("relation", guardian.relation());
        g.put(CONTACT, contact(guardian.phone(), guardian.email(), guardian.postalAddress(), null));
        guardians.add(g);
      }
      view.put("guardians", guardians);
      ConsentOutcome outcome = theCase.consents().outcome(person.personId());
      Withdrawal withdrawal = withdrawn.get(person.personId());
      String state = withdrawal != null || outcome == ConsentOutcome.WITHDRAWN ? "withdrew"
          : outcome == ConsentOutcome.AGREED ? "agreed" : outcome == ConsentOutcome.DECLINED ? "declined"
              : outcome == ConsentOutcome.NOT_REACHABLE ? "not reachable"
                  : contacted.contains(person.personId()) ? "contacted" : "not contacted yet";
      org.vomcase.kernel.PartEnded part = theCase.partEnded(person.personId()).orElse(null);
      if (part != null && !org.vomcase.kernel.PartEnded.WITHDREW.equals(part.reason())) {
        state = org.vomcase.kernel.PartEnded.NOT_SIGNED.equals(part.reason()) ? "did not sign" : "nothing left after the signing";
      }
      view.put("state", state);
      if (withdrawal != null) {
        view.put("withdrawnAt", withdrawal.recordedAt());
      }
      if (part != null) {
        // The person's own part ended while the case went on for the others; the items that ended with it.
        view.put("partEnded", part.describe());
        view.put("partEndedReason", part.reason());
        view.put("itemsEnded", part.itemsEnded());
        view.put("partEndedAt", part.recordedAt());
      }
      persons.add(view);
    }
    return persons;
  }

  /** The session (direct), or each party's own appointment (indirect): past or next. */
  private List<Map<String, Object>> sessions(Case theCase) {
    Instant now = CaseClock.now().toInstant();
    List<Map<String, Object>> sessions = new ArrayList<>();
    Map<String, Appointment> appointments = theCase.get(CaseVariables.APPOINTMENTS);
    if (appointments != null && !appointments.isEmpty()) {
      for (Appointment appointment : appointments.values()) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", "appointment");
        view.put("personId", appointment.personId());
        view.put("person", theCase.person(appointment.personId()).map(Person::nameWithId).orElse(appointment.personId()));
        view.put("start", appointment.start());
        view.put("place", appointment.place());
        view.put("cancelled", appointment.cancelled());
        view.put("when", appointment.cancelled() ? "cancelled" : appointment.startAt().toInstant().isBefore(now) ? "past" : "next");
        sessions.add(view);
      }
    } else {
      OffsetDateTime start = theCase.get(CaseVariables.SESSION_START);
      if (start != null) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", "session");
        view.put("meetingType", theCase.get(CaseVariables.MEETING_TYPE));
        view.put("start", start.toString());
        view.put("place", theCase.get(CaseVariables.SESSION_PLACE));
        view.put("held", theCase.get(CaseVariables.SESSION_HELD));
        view.put("outcome", theCase.get(CaseVariables.SESSION_OUTCOME) == null ? null
            : theCase.get(CaseVariables.SESSION_OUTCOME).toString());
        boolean cancelled = Boolean.TRUE.equals(theCase.get(CaseVariables.SESSION_CANCELLED));
        view.put("cancelled", cancelled);
        view.put("when", cancelled ? "cancelled" : start.toInstant().isBefore(now) ? "past" : "next");
        sessions.add(view);
      }
    }
    sessions.sort(Comparator.comparing(s -> String.valueOf(s.get("start"))));
    return sessions;
  }

  /**
   * The agreement per offender: each item, its instalments (what is monitored) with their state, and the ledger of
   * the amounts: owed, paid (fulfilled, or the part of a partly fulfilled one), due (due date passed, not checked yet),
   * overdue (checked and not or only partly paid).
   */
  private List<Map<String, Object>> agreement(Case theCase) {
    List<AgreementItem> items = theCase.items();
    if (items.isEmpty()) {
      return List.of();
    }
    Map<String, Fulfilment> fulfilments = theCase.fulfilments();
    List<Obligation> obligations = theCase.obligations();
    java.util.Set<String> inForce = theCase.obligationsInForce().stream().map(Obligation::obligationId)
        .collect(java.util.stream.Collectors.toSet());
    LocalDate today = CaseClock.today();
    Map<String, Map<String, Object>> byPerson = new LinkedHashMap<>();
    for (AgreementItem item : items) {
      Map<String, Object> person = byPerson.computeIfAbsent(item.offender(), id -> {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("personId", id);
        p.put("person", theCase.person(id).map(Person::nameWithId).orElse(id));
        p.put("items", new ArrayList<Map<String, Object>>());
        p.put("ledger", new LinkedHashMap<>(Map.of("owed", BigDecimal.ZERO, "paid", BigDecimal.ZERO, "due", BigDecimal.ZERO,
            "overdue", BigDecimal.ZERO)));
        return p;
      });
      @SuppressWarnings("unchecked")
      Map<String, BigDecimal> ledger = (Map<String, BigDecimal>) person.get("ledger");
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("id", item.itemId());
      view.put("kind", item.kind().code());
      view.put("kindLabel", vocabularies.itemKinds().label(item.kind().code(), staffLanguage.code()));
      view.put("text", item.describe(theCase.names(), true));
      view.put("creditorId", item.creditor());
      view.put("creditor", theCase.names().getOrDefault(item.creditor(), item.creditor()));
      view.put("description", item.description());
      view.put("amount", item.amount() == null ? null : item.amount().toPlainString());
      view.put("instalmentCount", item.instalments());
      view.put("hours", item.hours() == null ? null : item.hours().toPlainString());
      view.put("dueDate", item.dueDate() == null ? null : item.dueDate().toString());
      view.put("status", item.status());
      List<Map<String, Object>> parts = new ArrayList<>();
      List<Obligation> ofItem = obligations.stream().filter(o -> o.of(item.itemId())).toList();
      if (ofItem.isEmpty() && item.open()) {
        ofItem = item.obligations();
      }
      for (Obligation obligation : ofItem) {
        Fulfilment fulfilment = fulfilments.get(obligation.obligationId());
        BigDecimal amount = obligation.amount();
        BigDecimal paid = fulfilment == null ? BigDecimal.ZERO : fulfilment.status() == FulfilmentStatus.FULFILLED
            ? (amount == null ? BigDecimal.ZERO : amount) : fulfilment.fulfilledAmount() == null ? BigDecimal.ZERO
                : fulfilment.fulfilledAmount();
        // Stopped: its offender or victim withdrew after the agreement before it was checked.
        boolean stopped = fulfilment == null && !inForce.contains(obligation.obligationId())
            && obligations.stream().anyMatch(o -> o.obligationId().equals(obligation.obligationId()));
        String state = fulfilment != null ? fulfilment.status().code() : stopped ? "stopped"
            : obligation.dueDate() != null && !obligation.dueDate().isAfter(today) ? "due" : "upcoming";
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("id", obligation.obligationId());
        part.put("instalment", obligation.instalment());
        part.put("amount", amount == null ? null : amount.toPlainString());
        part.put("hours", obligation.hours() == null ? null : obligation.hours().toPlainString());
        part.put("dueDate", obligation.dueDate() == null ? null : obligation.dueDate().toString());
        part.put("state", state);
        part.put("paid", amount == null ? null : paid.toPlainString());
        part.put("escalated", fulfilment != null && fulfilment.escalated());
        parts.add(part);
        if (amount != null && !stopped) {
          ledger.merge("owed", amount, BigDecimal::add);
          ledger.merge("paid", paid, BigDecimal::add);
          if ("due".equals(state)) {
            ledger.merge("due", amount, BigDecimal::add);
          } else if (fulfilment != null && fulfilment.status() != FulfilmentStatus.FULFILLED) {
            ledger.merge("overdue", amount.subtract(paid), BigDecimal::add);
          }
        }
      }
      if (!item.open() && item.amount() != null) {
        ledger.merge("owed", item.amount(), BigDecimal::add);
        ledger.merge("paid", item.amount(), BigDecimal::add);
      }
      view.put("instalments", parts);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> list = (List<Map<String, Object>>) person.get("items");
      list.add(view);
    }
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> person : byPerson.values()) {
      @SuppressWarnings("unchecked")
      Map<String, BigDecimal> ledger = (Map<String, BigDecimal>) person.get("ledger");
      Map<String, String> shown = new LinkedHashMap<>();
      for (String key : List.of("owed", "paid", "due", "overdue")) {
        shown.put(key, ledger.get(key).toPlainString());
      }
      person.put("ledger", shown);
      result.add(person);
    }
    return result;
  }

  /** The process versions the case runs (or ran) on: key, version, version tag, whether an instance still runs. */
  private List<Map<String, Object>> versions(List<HistoricProcessInstance> instances) {
    Map<String, Boolean> running = new LinkedHashMap<>();
    instances.forEach(i -> running.merge(i.getProcessDefinitionId(), i.getEndTime() == null, Boolean::logicalOr));
    if (running.isEmpty()) {
      return List.of();
    }
    List<Map<String, Object>> versions = new ArrayList<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery()
        .processDefinitionIdIn(running.keySet().toArray(String[]::new)).orderByProcessDefinitionKey().asc().list()) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("key", definition.getKey());
      view.put("name", definition.getName());
      view.put("version", definition.getVersion());
      view.put("versionTag", definition.getVersionTag());
      view.put("running", running.get(definition.getId()));
      versions.add(view);
    }
    return versions;
  }

  /** What happened, by name: each step of the case and its called processes, newest first. */
  private List<Map<String, Object>> steps(List<HistoricProcessInstance> instances) {
    if (instances.isEmpty()) {
      return List.of();
    }
    List<Map<String, Object>> steps = new ArrayList<>();
    List<HistoricActivityInstance> activities = new ArrayList<>();
    instances.forEach(i -> activities.addAll(history.createHistoricActivityInstanceQuery().processInstanceId(i.getId()).list()));
    for (HistoricActivityInstance activity : activities) {
      if (activity.getActivityName() == null || !STEPS.contains(activity.getActivityType())) {
        continue;
      }
      Map<String, Object> step = new LinkedHashMap<>();
      boolean done = activity.getEndTime() != null;
      step.put("at", (done ? activity.getEndTime() : activity.getStartTime()).toInstant().toString());
      step.put("what", activity.getActivityName());
      step.put("kind", activity.getActivityType());
      step.put("state", !done ? "started" : activity.isCanceled() ? "cancelled" : "done");
      step.put("who", activity.getAssignee());
      steps.add(step);
    }
    return steps;
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }
}
