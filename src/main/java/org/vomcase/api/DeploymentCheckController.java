package org.vomcase.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.vomcase.audit.AuditLog;
import org.vomcase.deployment.DecisionPreview;
import org.vomcase.deployment.DeploymentDrift;
import org.vomcase.kernel.Roles;

/**
 * Checks before and after a deployment, for administrators only (anyone else 403, anonymous 401):
 * <ul>
 *   <li>{@code POST /vom/decisions/preview}: a changed {@code eligibility} or {@code contact-order} table run on the
 *       inputs of the last recorded decisions of that table; which decisions would change (case number, the table's input
 *       codes, outputs and rules before and after). The body: multipart ({@code file}, optional {@code last} and
 *       {@code decisionKey}) or JSON {@code {"xml": "<definitions ...>", "last": 200}}. Nothing is deployed. Recorded in
 *       the audit trail.</li>
 *   <li>{@code GET /vom/deployments/drift}: each diagram, decision table and form of the repository against the latest
 *       deployed version (same, differs, only in the engine, only in the repository) and where that came from.</li>
 * </ul>
 */
@RestController
public class DeploymentCheckController {

  private static final List<String> ADMINISTRATORS = List.of(Roles.ADMINISTRATORS);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DecisionPreview preview;
  private final DeploymentDrift drift;
  private final IdentityService identity;
  private final AuditLog audit;

  public DeploymentCheckController(DecisionPreview preview, DeploymentDrift drift, IdentityService identity, AuditLog audit) {
    this.preview = preview;
    this.drift = drift;
    this.identity = identity;
    this.audit = audit;
  }

  @PostMapping(value = "/vom/decisions/preview", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> preview(HttpServletRequest request) throws IOException {
    Callers.Caller caller = Callers.current(identity);
    if (!caller.inAnyGroup(ADMINISTRATORS)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error",
          "Only administrators preview a decision table"));
    }
    byte[] xml;
    String last;
    String key;
    if (request instanceof MultipartHttpServletRequest multipart) {
      MultipartFile file = multipart.getFile("file");
      xml = file == null ? null : file.getBytes();
      last = multipart.getParameter("last");
      key = multipart.getParameter("decisionKey");
    } else if (request.getContentType() != null && MediaType.APPLICATION_JSON.isCompatibleWith(
        MediaType.parseMediaType(request.getContentType()))) {
      JsonNode body;
      try {
        body = JSON.readTree(request.getInputStream());
      } catch (IOException e) {
        return refused("The body is not JSON: send {\"xml\": \"<the decision table>\", \"last\": 200}");
      }
      if (body == null || !body.isObject()) {
        return refused("The body is a JSON object: {\"xml\": \"<the decision table>\", \"last\": 200}");
      }
      JsonNode text = body.path("xml");
      if (!text.isMissingNode() && !text.isNull() && !text.isTextual()) {
        return refused("xml (the decision table) is the DMN file's text");
      }
      xml = text.isTextual() ? text.asText().getBytes(StandardCharsets.UTF_8) : null;
      last = body.path("last").isMissingNode() || body.path("last").isNull() ? null : body.path("last").asText();
      key = body.path("decisionKey").isTextual() ? body.path("decisionKey").asText() : null;
    } else {
      return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(Map.of("error",
          "Send the decision table as multipart/form-data (file, last) or as application/json ({\"xml\": ..., \"last\": ...})"));
    }
    Integer count = null;
    if (last != null && !last.isBlank()) {
      try {
        count = Integer.valueOf(last.trim());
      } catch (NumberFormatException e) {
        return refused("last (how many recorded decisions to compare) is a whole number from 1 to "
            + DecisionPreview.MAX_LAST + ", not '" + last + "'");
      }
    }
    Integer n = count;
    try {
      DecisionPreview.Report report = Callers.asSystem(identity, () -> preview.preview(xml, key, n));
      audit.record(caller.userId(), AuditLog.DECISION_PREVIEWED, null, report.decisionKey() + ": " + report.examined()
          + " recorded decisions compared, " + report.changed() + " would change");
      return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(report);
    } catch (DecisionPreview.Refused e) {
      return refused(e.getMessage());
    }
  }

  @GetMapping(value = "/vom/deployments/drift", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> drift() {
    Callers.Caller caller = Callers.current(identity);
    if (!caller.inAnyGroup(ADMINISTRATORS)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error",
          "Only administrators compare the deployments with the repository"));
    }
    Map<String, Object> body = new LinkedHashMap<>(Callers.asSystem(identity, () -> DeploymentDrift.asJson(drift.check())));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  private static ResponseEntity<?> refused(String message) {
    return ResponseEntity.badRequest().body(Map.of("error", message));
  }
}
