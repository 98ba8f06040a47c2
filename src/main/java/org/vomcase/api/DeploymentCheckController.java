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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.vomcase.audit.AuditLog;
import org.vomcase.boundary.Refusal;
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
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final List<String> JSON_FIELDS = List.of("xml", "last", "decisionKey");
  private static final Map<String, String> LABELS = Map.of("file", "Decision table (.dmn file)",
      "xml", "Decision table (.dmn file)", "last", "Recorded decisions to compare", "decisionKey", "Decision");

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
      return answer(Refusal.forbidden("Only administrators preview a decision table"));
    }
    byte[] xml;
    String last;
    String key;
    String fileField;
    if (request instanceof MultipartHttpServletRequest multipart) {
      MultipartFile file = multipart.getFile("file");
      xml = file == null ? null : file.getBytes();
      last = multipart.getParameter("last");
      key = multipart.getParameter("decisionKey");
      fileField = "file";
    } else if (request.getContentType() != null && MediaType.APPLICATION_JSON.isCompatibleWith(
        MediaType.parseMediaType(request.getContentType()))) {
      fileField = "xml";
      JsonNode body;
      try {
        body = JSON.readTree(request.getInputStream());
      } catch (IOException e) {
        return answer(Refusal.badRequest("The body is not JSON: send {\"xml\": \"<the decision table>\", \"last\": 200}"));
      }
      if (body == null || !body.isObject()) {
        return answer(Refusal.badRequest("The body is a JSON object: {\"xml\": \"<the decision table>\", \"last\": 200}"));
      }
      for (java.util.Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!JSON_FIELDS.contains(name)) {
          return answer(Refusal.field(name, name, "is not a field of a preview (" + String.join(", ", JSON_FIELDS) + ")"));
        }
      }
      JsonNode text = body.path("xml");
      if (!text.isMissingNode() && !text.isNull() && !text.isTextual()) {
        return refused("xml", "xml (the decision table) is the DMN file's text");
      }
      xml = text.isTextual() ? text.asText().getBytes(StandardCharsets.UTF_8) : null;
      JsonNode lastNode = body.path("last");
      if (!lastNode.isMissingNode() && !lastNode.isNull() && !lastNode.isIntegralNumber()) {
        return refused("last", "last (how many recorded decisions to compare) is a whole number from 1 to "
            + DecisionPreview.MAX_LAST + ", not " + lastNode);
      }
      last = lastNode.isIntegralNumber() ? lastNode.asText() : null;
      JsonNode keyNode = body.path("decisionKey");
      if (!keyNode.isMissingNode() && !keyNode.isNull() && !keyNode.isTextual()) {
        return refused("decisionKey", "decisionKey is one of " + DecisionPreview.TABLES + " (as text)");
      }
      key = keyNode.isTextual() ? keyNode.asText() : null;
    } else {
      return answer(new Refusal(415, "UnsupportedMediaType",
          "Send the decision table as multipart/form-data (file, last) or as application/json ({\"xml\": ..., \"last\": ...})",
          List.of()));
    }
    Integer count = null;
    if (last != null && !last.isBlank()) {
      try {
        count = Integer.valueOf(last.trim());
      } catch (NumberFormatException e) {
        return refused("last", "last (how many recorded decisions to compare) is a whole number from 1 to "
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
      return refused("file".equals(e.field()) ? fileField : e.field(), e.getMessage());
    }
  }

  @GetMapping(value = "/vom/deployments/drift", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> drift() {
    Callers.Caller caller = Callers.current(identity);
    if (!caller.inAnyGroup(ADMINISTRATORS)) {
      return answer(Refusal.forbidden("Only administrators compare the deployments with the repository"));
    }
    Map<String, Object> body = new LinkedHashMap<>(Callers.asSystem(identity, () -> DeploymentDrift.asJson(drift.check())));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  /** A refusal in the shape of every other entry (README "Errors"), naming the field. */
  private static ResponseEntity<?> refused(String field, String message) {
    return answer(Refusal.field(field, LABELS.getOrDefault(field, field), message));
  }

  private static ResponseEntity<?> answer(Refusal refusal) {
    return ResponseEntity.status(refusal.status()).body(refusal.body());
  }
}
