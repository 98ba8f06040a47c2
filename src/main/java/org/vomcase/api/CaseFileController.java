package org.vomcase.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vomcase.access.CaseRegistry;
import org.vomcase.casefile.CaseNotes;
import org.vomcase.casefile.DocumentUploads;
import org.vomcase.confidential.ConfidentialField;
import org.vomcase.confidential.ConfidentialNotes;
import org.vomcase.document.DocumentService;
import org.vomcase.document.StoredDocumentService;
import org.vomcase.kernel.Vocabulary;
import org.vomcase.kernel.Roles;
import org.vomcase.notification.MessageLog;
import org.vomcase.kernel.CaseProcess;
import org.vomcase.kernel.CaseVariables;

/**
 * The case file's messages and documents (R14, R21), for the "Case file" tabs of Tasklist and
 * Cockpit and for anyone logged in with Basic auth:
 * <ul>
 *   <li>{@code GET /vom/case-file?task=<id>} or {@code ?case=<case number>}: the versions the case runs on, every
 *       message of the case (what, to whom, when, how, status), its documents with their download addresses (uploaded
 *       ones with kind, title and uploader) and its plain notes;
 *   <li>{@code GET /vom/documents/<id>}: a document (the agreement PDF, a letter to post, an uploaded scan). The case's
 *       own PDFs are sent inline; an uploaded document always as an attachment, as the type its first bytes show (never
 *       what the uploader sent, never HTML), with {@code X-Content-Type-Options: nosniff};
 *   <li>{@code POST /vom/messages/<id>/posted}: a letter was posted.
 * </ul>
 * Coordinators and supervisors read every case; a mediator only the cases assigned to them.
 * Anyone else (administrators too), or a case the caller may not read, gets 404. The confidential
 * notes go only to their readers ({@link ConfidentialField#readerGroup()}), and each reading is audited.
 */
@RestController
public class CaseFileController {

  private static final Logger LOG = LoggerFactory.getLogger(CaseFileController.class);
  /** Read every case. Administrators do not: case content comes with a role, not with administration (R24). */
  private static final List<String> READ_ALL = List.of(Roles.COORDINATORS, Roles.SUPERVISORS);

  private final MessageLog messages;
  private final DocumentService documents;
  private final IdentityService identity;
  private final HistoryService history;
  private final TaskService tasks;
  private final org.camunda.bpm.engine.RepositoryService repository;

  private final org.vomcase.audit.AuditLog auditLog;
  private final ConfidentialNotes confidentialNotes;
  private final CaseNotes caseNotes;
  private final CaseRegistry registry;

  public CaseFileController(MessageLog messages, DocumentService documents, IdentityService identity, HistoryService history,
      TaskService tasks, org.vomcase.audit.AuditLog audit, ConfidentialNotes confidentialNotes, CaseNotes caseNotes,
      CaseRegistry registry, org.camunda.bpm.engine.RepositoryService repository) {
    this.caseNotes = caseNotes;
    this.repository = repository;
    this.registry = registry;
    this.auditLog = audit;
    this.confidentialNotes = confidentialNotes;
    this.messages = messages;
    this.documents = documents;
    this.identity = identity;
    this.history = history;
    this.tasks = tasks;
  }

  @GetMapping(value = "/vom/case-file", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> caseFile(@RequestParam(name = "task", required = false) String taskId,
      @RequestParam(name = "case", required = false) String caseNumber,
      @RequestParam(name = "processInstance", required = false) String processInstanceId) {
    Callers.Caller caller = Callers.current(identity);
    return Callers.asSystem(identity, () -> {
      String theCase = caseNumber != null ? caseNumber : taskId != null ? caseOfTask(taskId)
          : processInstanceId != null ? caseOfInstance(processInstanceId) : null;
      boolean assignedMediator = theCase != null && isAssignedMediator(caller, theCase);
      if (theCase == null || !(readsAll(caller) || assignedMediator)) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "No such case"));
      }
      return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(contents(caller, theCase, assignedMediator));
    });
  }

  /**
   * The case file of a case the caller may read (the caller's access checked before): messages, documents, the
   * confidential notes the caller may read (their reading audited) and, for coordinators and supervisors, the audit
   * trail. Also the case overview's ({@link CaseDeskController}).
   */
  Map<String, Object> contents(Callers.Caller caller, String theCase, boolean assignedMediator) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("caseNumber", theCase);
      file.put("versions", versions(theCase));
      file.put("messages", messages.ofCase(theCase));
      file.put("documents", documents.ofCase(theCase).stream().map(CaseFileController::documentView).toList());
      file.put("notes", caseNotes.ofCase(theCase).stream().map(CaseFileController::plainNoteView).toList());
      List<ConfidentialField> readable = confidentialFieldsFor(caller, assignedMediator);
      if (!readable.isEmpty()) {
        List<ConfidentialNotes.Note> notes = confidentialNotes.ofCase(theCase, readable);
        file.put("confidentialNotes", notes.stream().map(CaseFileController::noteView).toList());
        if (!notes.isEmpty()) {
          auditLog.record(caller.userId(), org.vomcase.audit.AuditLog.CONFIDENTIAL_NOTES_READ, theCase,
              notes.size() + " notes: " + String.join(", ", notes.stream().map(n -> n.field().name()).distinct().toList()));
        }
      }
      if (readsAll(caller)) {
        file.put("audit", audit(theCase));
      }
      return file;
  }

  @GetMapping("/vom/documents/{id}")
  public ResponseEntity<?> document(@PathVariable String id) {
    Callers.Caller caller = Callers.current(identity);
    return Callers.asSystem(identity, () -> {
      DocumentService.StoredDocument document = documents.find(id);
      if (document == null || !mayRead(caller, document.caseNumber())) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("No such document");
      }
      if (document.uploaded()) {
        // Bytes from outside: named in the log and the audit trail by id and kind only, sent as what they are by their
        // first bytes (never the type stored or sent at the upload), always as a download.
        String type = DocumentUploads.sniff(document.bytes()).map(DocumentUploads.Sniffed::mediaType)
            .orElse(MediaType.APPLICATION_OCTET_STREAM_VALUE);
        LOG.info("Uploaded document {} ({}) of case {} opened by {}", document.id(), document.document(),
            document.caseNumber(), caller.userId());
        auditLog.record(caller.userId(), org.vomcase.audit.AuditLog.DOCUMENT_OPENED, document.caseNumber(),
            "document " + document.id() + ", kind " + document.document());
        return download(MediaType.parseMediaType(type), ContentDisposition.attachment(), document);
      }
      LOG.info("Document {} ({}) of case {} opened by {}", document.id(), document.fileName(), document.caseNumber(),
          caller.userId());
      auditLog.record(caller.userId(), org.vomcase.audit.AuditLog.DOCUMENT_OPENED, document.caseNumber(), document.fileName());
      // The case's own PDFs open in the browser (the "Case file" tab opens them in a new tab); anything else downloads.
      boolean pdf = StoredDocumentService.PDF.equals(document.mediaType());
      return download(pdf ? MediaType.APPLICATION_PDF : MediaType.APPLICATION_OCTET_STREAM,
          pdf ? ContentDisposition.inline() : ContentDisposition.attachment(), document);
    });
  }

  private static ResponseEntity<byte[]> download(MediaType type, ContentDisposition.Builder disposition,
      DocumentService.StoredDocument document) {
    return ResponseEntity.ok().contentType(type)
        .header("Content-Disposition", (document.fileName().chars().allMatch(c -> c >= 0x20 && c < 0x7F)
            ? disposition.filename(document.fileName())
            : disposition.filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8)).build().toString())
        .header("X-Content-Type-Options", "nosniff").cacheControl(CacheControl.noStore()).body(document.bytes());
  }

  @PostMapping(value = "/vom/messages/{id}/posted", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> posted(@PathVariable String id) {
    Callers.Caller caller = Callers.current(identity);
    return Callers.asSystem(identity, () -> {
      MessageLog.Entry entry = messages.find(id);
      if (entry == null || !mayRead(caller, entry.caseNumber())) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "No such message"));
      }
      // Reading a case is not working it: supervisors watch, coordinators and the case's mediators post letters.
      if (!caller.inAnyGroup(List.of(Roles.COORDINATORS)) && !isAssignedMediator(caller, entry.caseNumber())) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error",
            "Only the case's mediators and the coordinators mark letters as posted"));
      }
      if (!MessageLog.TO_POST.equals(entry.status())) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "The message is not a letter waiting to be posted",
            "status", entry.status()));
      }
      messages.posted(id, caller.userId());
      return ResponseEntity.ok(Map.of("id", id, "status", MessageLog.POSTED));
    });
  }

  /**
   * The case's audit trail, oldest first: the engine's user operation log of every instance of the case
   * (who completed, claimed, assigned, changed what; never variable values) and the documents opened.
   */
  /**
   * The versions the case runs on: each running instance of the case (the case and the processes it called) with its
   * process, version and version tag, the case first; a closed case shows the version it ran on.
   */
  private List<Map<String, Object>> versions(String caseNumber) {
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .orderByProcessInstanceStartTime().asc().list();
    List<HistoricProcessInstance> shown = instances.stream().filter(i -> i.getEndTime() == null).toList();
    if (shown.isEmpty()) {
      shown = instances.stream().filter(i -> i.getSuperProcessInstanceId() == null).limit(1).toList();
    }
    List<Map<String, Object>> versions = new java.util.ArrayList<>();
    for (HistoricProcessInstance instance : shown) {
      // A closed case's version may have been deleted since (its deployment removed): the history still names it.
      org.camunda.bpm.engine.repository.ProcessDefinition definition = repository.createProcessDefinitionQuery()
          .processDefinitionId(instance.getProcessDefinitionId()).singleResult();
      Map<String, Object> version = new LinkedHashMap<>();
      version.put("process", definition != null ? definition.getKey() : instance.getProcessDefinitionKey());
      version.put("name", definition != null ? definition.getName() : instance.getProcessDefinitionName());
      version.put("version", definition != null ? Integer.valueOf(definition.getVersion())
          : deletedVersion(instance.getProcessDefinitionId()));
      version.put("versionTag", definition != null ? definition.getVersionTag() : null);
      version.put("running", instance.getEndTime() == null);
      versions.add(version);
    }
    return versions;
  }

  /** The version in the id of a deleted process definition ({@code key:version:id}), null when it does not say. */
  private static Integer deletedVersion(String definitionId) {
    String[] parts = definitionId == null ? new String[0] : definitionId.split(":");
    try {
      return parts.length == 3 ? Integer.valueOf(parts[1]) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private List<Map<String, Object>> audit(String caseNumber) {
    List<Map<String, Object>> entries = new java.util.ArrayList<>();
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .list()) {
      for (var entry : history.createUserOperationLogQuery().processInstanceId(instance.getId()).list()) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", entry.getTimestamp().toInstant().toString());
        line.put("userId", entry.getUserId());
        line.put("action", entry.getOperationType() + " " + entry.getEntityType());
        boolean showsValue = entry.getProperty() != null && List.of("assignee", "owner", "delegation").contains(entry.getProperty());
        line.put("subject", entry.getTaskId() == null ? entry.getProperty()
            : "task " + entry.getTaskId() + (showsValue ? ": " + entry.getProperty() + " " + entry.getNewValue() : ""));
        entries.add(line);
      }
    }
    for (Map<String, Object> row : auditLog.ofCase(caseNumber)) {
      Map<String, Object> line = new LinkedHashMap<>();
      Object at = row.get("AT");
      line.put("at", (at instanceof java.sql.Timestamp stamp ? stamp.toInstant()
          : ((java.time.LocalDateTime) at).atZone(java.time.ZoneId.systemDefault()).toInstant()).toString());
      line.put("userId", row.get("USER_ID"));
      line.put("action", row.get("ACTION"));
      line.put("subject", row.get("DETAIL"));
      entries.add(line);
    }
    entries.sort(java.util.Comparator.comparing(e -> e.get("at").toString()));
    return entries;
  }

  /** A document in the case file's list: an uploaded one with its kind, title, uploader and size. */
  private static Map<String, Object> documentView(DocumentService.DocumentInfo d) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", d.id());
    view.put("document", d.document());
    view.put("fileName", d.fileName());
    view.put("mediaType", d.mediaType());
    view.put("createdAt", d.createdAt().toString());
    view.put("href", "/vom/documents/" + d.id());
    view.put("size", d.size());
    if (d.uploadedBy() != null) {
      view.put("uploaded", true);
      view.put("kind", d.document());
      view.put("kindLabel", Vocabulary.DOCUMENT_KINDS.getOrDefault(d.document(), d.document()));
      view.put("title", d.title());
      view.put("uploadedBy", d.uploadedBy());
    }
    return view;
  }

  private static Map<String, Object> plainNoteView(CaseNotes.Note note) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", note.id());
    view.put("writtenBy", note.writtenBy());
    view.put("writtenAt", note.writtenAt().toString());
    view.put("text", note.text());
    return view;
  }

  private static Map<String, Object> noteView(ConfidentialNotes.Note note) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("kind", note.field().variable());
    view.put("label", note.field().label());
    view.put("personId", note.personId());
    view.put("taskName", note.taskName());
    view.put("writtenBy", note.writtenBy());
    view.put("writtenAt", note.writtenAt().toString());
    view.put("text", note.text());
    return view;
  }

  /**
   * The confidential parts the caller may read on a case they may read: a coordinator the police-file
   * details and the safety reviews, one of the case's own mediators the notes; nobody else anything (supervisors and
   * administrators included).
   */
  private static List<ConfidentialField> confidentialFieldsFor(Callers.Caller caller, boolean assignedMediator) {
    List<ConfidentialField> readable = new java.util.ArrayList<>();
    if (caller.inAnyGroup(List.of(Roles.COORDINATORS))) {
      readable.addAll(ConfidentialField.readableBy(Roles.COORDINATORS));
    }
    if (assignedMediator) {
      readable.addAll(ConfidentialField.readableBy(Roles.MEDIATORS));
    }
    return readable;
  }

  static boolean readsAll(Callers.Caller caller) {
    return caller.inAnyGroup(READ_ALL);
  }

  /** Coordinators and supervisors: every case; mediators: the cases they are assigned to. */
  private boolean mayRead(Callers.Caller caller, String caseNumber) {
    return readsAll(caller) || isAssignedMediator(caller, caseNumber);
  }

  /** Whether the caller is one of the case's mediators now, as the case register says (a reassignment takes it away). */
  boolean isAssignedMediator(Callers.Caller caller, String caseNumber) {
    return caller.inAnyGroup(List.of(Roles.MEDIATORS)) && registry.isMediator(caseNumber, caller.userId());
  }

  /** The case of a task or of a process instance (its business key); null when there is none. */
  String caseOf(String taskId, String processInstanceId) {
    return taskId != null && !taskId.isBlank() ? caseOfTask(taskId) : caseOfInstance(processInstanceId);
  }

  private String caseOfTask(String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    return task == null ? null : caseOfInstance(task.getProcessInstanceId());
  }

  private String caseOfInstance(String processInstanceId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }

}
