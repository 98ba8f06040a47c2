package org.vomcase.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vomcase.boundary.Refusal;
import org.vomcase.casefile.DocumentUploads;
import org.vomcase.desk.CaseList;
import org.vomcase.desk.CaseOverview;
import org.vomcase.desk.CaseProgress;
import org.vomcase.desk.SessionCalendar;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.Roles;
import org.vomcase.kernel.Vocabulary;
import org.vomcase.settings.Programme;

/**
 * The mediator's desk (README "The mediator's desk: case list and case overview"), read-only:
 * <ul>
 *   <li>{@code GET /vom/cases?q=&phase=&sort=next&first=0&max=50}: the case list: a mediator's own cases (waiting ones
 *       included), every case for coordinators and supervisors; one query on the case register;
 *   <li>{@code GET /vom/calendar} and {@code GET /vom/calendar.ics}: the sessions to come of the caller's cases, as JSON
 *       and as a calendar file to subscribe to;
 *   <li>{@code GET /vom/cases/<case number>}: the case overview: persons and their state, the phase, what the case waits
 *       for and until when, sessions, the agreement with its payment ledger, the case file (messages, documents, plain
 *       notes, confidential notes to their readers), the process versions, and a timeline, newest first; for the upload
 *       form the document kinds and the largest document.
 * </ul>
 * Adding documents and notes is {@link CaseFileAdditionsController}'s.
 * Who reads what is the case file's rule ({@link CaseFileController}): a mediator only the cases assigned to them,
 * coordinators and supervisors every case; anyone else (administrators too) gets 404 for a case, 403 for the list.
 */
@RestController
public class CaseDeskController {

  private static final int MAX_PAGE = 200;
  private static final Pattern TASK_ID = Pattern.compile("^task ([0-9a-fA-F-]{1,64})(.*)$");

  private final IdentityService identity;
  private final HistoryService history;
  private final CaseFileController caseFile;
  private final CaseOverview overview;
  private final CaseList list;
  private final SessionCalendar calendar;
  private final DocumentUploads uploads;
  private final Programme programme;

  public CaseDeskController(IdentityService identity, HistoryService history, CaseFileController caseFile,
      CaseOverview overview, CaseList list, SessionCalendar calendar, DocumentUploads uploads, Programme programme) {
    this.programme = programme;
    this.calendar = calendar;
    this.uploads = uploads;
    this.identity = identity;
    this.history = history;
    this.caseFile = caseFile;
    this.overview = overview;
    this.list = list;
  }

  @GetMapping(value = "/vom/cases", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> cases(@RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "phase", required = false) String phase,
      @RequestParam(name = "sort", required = false) String sort,
      @RequestParam(name = "first", required = false) String first,
      @RequestParam(name = "max", required = false) String max) {
    Callers.Caller caller = Callers.current(identity);
    boolean readsAll = CaseFileController.readsAll(caller);
    if (!readsAll && !caller.inAnyGroup(List.of(Roles.MEDIATORS))) {
      return refuse(Refusal.forbidden("The case list is for mediators, coordinators and supervisors"));
    }
    String query = q == null || q.isBlank() ? null : q.trim();
    if (query != null && query.length() > 100) {
      return refuse(Refusal.field("q", "Search", "the search is at most 100 characters long"));
    }
    String thePhase = phase == null || phase.isBlank() ? null : phase.trim();
    if (thePhase != null && !CaseProgress.PHASES.containsKey(thePhase)) {
      return refuse(Refusal.field("phase", "Phase", "the phase is one of " + String.join(", ", CaseProgress.PHASES.keySet())));
    }
    String theSort = sort == null || sort.isBlank() ? "next" : sort.trim();
    if (!CaseList.SORTS.contains(theSort)) {
      return refuse(Refusal.field("sort", "Sort", "the order is one of " + String.join(", ", CaseList.SORTS)));
    }
    Integer from = number(first, 0);
    if (from == null || from < 0) {
      return refuse(Refusal.field("first", "First", "first is a whole number from 0 (the position of the first case shown)"));
    }
    Integer size = number(max, 50);
    if (size == null || size < 1 || size > MAX_PAGE) {
      return refuse(Refusal.field("max", "Page size", "max is a whole number from 1 to " + MAX_PAGE));
    }
    CaseList.Page page = list.page(readsAll ? null : caller.userId(), query, thePhase, theSort, from, size);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", page.total());
    body.put("first", page.first());
    body.put("max", page.max());
    body.put("sort", theSort);
    body.put("readOnly", !canWork(caller));
    body.put("phases", CaseProgress.PHASES);
    body.put("cases", page.cases());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  @GetMapping(value = "/vom/cases/{caseNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> overview(@PathVariable String caseNumber) {
    Callers.Caller caller = Callers.current(identity);
    return Callers.asSystem(identity, () -> {
      boolean assignedMediator = caseFile.isAssignedMediator(caller, caseNumber);
      if (!(CaseFileController.readsAll(caller) || assignedMediator)) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.<String, Object>of("error", "No such case"));
      }
      Map<String, Object> view = overview.of(caseNumber);
      if (view == null) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.<String, Object>of("error", "No such case"));
      }
      boolean readOnly = !(caller.inAnyGroup(List.of(Roles.COORDINATORS)) || assignedMediator);
      view.put("readOnly", readOnly);
      if (readOnly) {
        withoutContactDetails(view.get("persons"));
      }
      Map<String, Object> file = caseFile.contents(caller, caseNumber, assignedMediator);
      view.put("documents", file.get("documents"));
      view.put("notes", file.get("notes"));
      view.put("messages", readOnly ? withoutAddresses(file.get("messages")) : file.get("messages"));
      if (file.containsKey("confidentialNotes")) {
        view.put("confidentialNotes", file.get("confidentialNotes"));
      }
      view.put("documentKinds", Vocabulary.DOCUMENT_KINDS);
      view.put("maxDocumentSize", uploads.maxBytes());
      // The agreement's amounts are in the programme's currency (the page formats them).
      view.put("currency", programme.active().currency());
      view.put("timeline", timeline(view.get("timeline"), file.get("audit"), file.get("notes"), file.get("documents")));
      return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view);
    });
  }

  /** The messages without the address each went to (for readers: what was sent to whom and when, not where). */
  @SuppressWarnings("unchecked")
  private static Object withoutAddresses(Object messages) {
    if (!(messages instanceof List<?> list)) {
      return messages;
    }
    return list.stream().map(message -> {
      if (message instanceof Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
        copy.remove("recipientAddress");
        return copy;
      }
      return message;
    }).toList();
  }

  /** Readers (supervisors) oversee cases; the ways to reach persons are for those who work them. */
  @SuppressWarnings("unchecked")
  private static void withoutContactDetails(Object persons) {
    if (persons instanceof List<?> list) {
      for (Object person : list) {
        if (person instanceof Map<?, ?> map) {
          ((Map<String, Object>) map).remove(CaseOverview.CONTACT);
          if (map.get("guardians") instanceof List<?> guardians) {
            guardians.forEach(g -> ((Map<String, Object>) g).remove(CaseOverview.CONTACT));
          }
        }
      }
    }
  }

  /**
   * The calendar of the caller's cases ({@link SessionCalendar}): a mediator's own, every case for coordinators and
   * supervisors; anyone else 403. {@code ics} is the address of the same calendar as a file to subscribe to.
   */
  @GetMapping(value = "/vom/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> calendar() {
    Callers.Caller caller = Callers.current(identity);
    if (!CaseFileController.readsAll(caller) && !caller.inAnyGroup(List.of(Roles.MEDIATORS))) {
      return refuse(Refusal.forbidden("The calendar is for mediators, coordinators and supervisors"));
    }
    List<SessionCalendar.Meeting> meetings = Callers.asSystem(identity,
        () -> calendar.upcoming(CaseFileController.readsAll(caller) ? null : caller.userId()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("events", meetings.stream().map(SessionCalendar.Meeting::view).toList());
    body.put("ics", "/vom/calendar.ics");
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  /** The same calendar as an iCalendar file: a calendar app subscribes to it with the user's login. */
  @GetMapping(value = "/vom/calendar.ics", produces = "text/calendar")
  public ResponseEntity<?> calendarFile() {
    Callers.Caller caller = Callers.current(identity);
    if (!CaseFileController.readsAll(caller) && !caller.inAnyGroup(List.of(Roles.MEDIATORS))) {
      return refuse(Refusal.forbidden("The calendar is for mediators, coordinators and supervisors"));
    }
    boolean all = CaseFileController.readsAll(caller);
    byte[] ics = Callers.asSystem(identity, () -> calendar.ics(calendar.upcoming(all ? null : caller.userId()),
        all ? "Mediation sessions (all cases)" : "My mediation sessions", CaseClock.now().getZone()));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .header("Content-Disposition", "inline; filename=\"vom-calendar.ics\"")
        .contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8")).body(ics);
  }

  /**
   * The case a task or a process instance (the case's own or a called one) belongs to, for the "Case overview" tabs of
   * Tasklist and Cockpit: {@code {"caseNumber": ...}}, under the same rule as the overview (else 404).
   */
  @GetMapping(value = "/vom/case-of", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> caseOf(@RequestParam(name = "task", required = false) String taskId,
      @RequestParam(name = "processInstance", required = false) String processInstanceId) {
    Callers.Caller caller = Callers.current(identity);
    if ((taskId == null || taskId.isBlank()) == (processInstanceId == null || processInstanceId.isBlank())) {
      return refuse(Refusal.field(taskId == null ? "task" : "processInstance", "Task or process instance",
          "give either task (a task id) or processInstance (a process instance id)"));
    }
    return Callers.asSystem(identity, () -> {
      String caseNumber = caseFile.caseOf(taskId, processInstanceId);
      if (caseNumber == null || !(CaseFileController.readsAll(caller) || caseFile.isAssignedMediator(caller, caseNumber))) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.<String, Object>of("error", "No such case"));
      }
      return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.<String, Object>of("caseNumber", caseNumber));
    });
  }

  /**
   * The steps, the plain notes and the uploaded documents (with author and time) and, for those who read the audit trail,
   * its entries (task ids put into task names), newest first.
   */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> timeline(Object steps, Object audit, Object notes, Object documents) {
    List<Map<String, Object>> timeline = new ArrayList<>((List<Map<String, Object>>) steps);
    for (Map<String, Object> note : (List<Map<String, Object>>) notes) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("at", note.get("writtenAt"));
      item.put("what", "Note");
      item.put("kind", "note");
      item.put("who", note.get("writtenBy"));
      item.put("subject", note.get("text"));
      timeline.add(item);
    }
    for (Map<String, Object> document : (List<Map<String, Object>>) documents) {
      if (document.containsKey("uploadedBy")) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("at", document.get("createdAt"));
        item.put("what", "Document uploaded");
        item.put("kind", "document");
        item.put("who", document.get("uploadedBy"));
        item.put("subject", document.get("kindLabel") + ": " + document.get("title"));
        // The codes the page puts into the staff language's words.
        item.put("documentKind", document.get("kind"));
        item.put("title", document.get("title"));
        timeline.add(item);
      }
    }
    if (audit instanceof List<?> entries) {
      Map<String, String> taskNames = new HashMap<>();
      for (Object entry : entries) {
        Map<String, Object> line = new LinkedHashMap<>((Map<String, Object>) entry);
        Object subject = line.get("subject");
        Matcher task = subject == null ? null : TASK_ID.matcher(subject.toString());
        if (task != null && task.matches()) {
          String name = taskNames.computeIfAbsent(task.group(1), id -> {
            HistoricTaskInstance instance = history.createHistoricTaskInstanceQuery().taskId(id).singleResult();
            return instance == null || instance.getName() == null ? "a task" : instance.getName();
          });
          line.put("subject", "task \u201c" + name + "\u201d" + task.group(2));
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("at", line.get("at"));
        item.put("what", line.get("action"));
        item.put("kind", "audit");
        item.put("who", line.get("userId"));
        item.put("subject", line.get("subject"));
        timeline.add(item);
      }
    }
    timeline.sort(Comparator.comparing((Map<String, Object> e) -> String.valueOf(e.get("at"))).reversed());
    return timeline;
  }

  /** Whether the caller works cases (coordinators, mediators), or only reads them (supervisors). */
  private static boolean canWork(Callers.Caller caller) {
    return caller.inAnyGroup(List.of(Roles.COORDINATORS, Roles.MEDIATORS));
  }

  private static Integer number(String value, int otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static ResponseEntity<Map<String, Object>> refuse(Refusal refusal) {
    return ResponseEntity.status(refusal.status()).body(refusal.body());
  }
}
