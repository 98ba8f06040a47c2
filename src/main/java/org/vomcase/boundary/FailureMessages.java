package org.vomcase.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Why a job failed is written by whatever code failed, and may quote the case's values (a name in a
 * refused value, an address in a mail server's answer). Callers who do not read a case's values
 * (administrators) see that a job failed, where and how often, and can retry it, but not the message,
 * except the application's own messages that are written to hold no personal data (mail delivery). The
 * stack traces are open to supervisors only.
 */
final class FailureMessages {

  static final String HIDDEN = "(hidden from administrators: it may quote the case's values; a supervisor reads it in Cockpit)";

  private static final Set<String> FIELDS = Set.of("exceptionMessage", "incidentMessage", "jobExceptionMessage",
      "errorMessage", "errorDetails", "rootCauseIncidentMessage");

  /** Messages the application writes without personal data (see MailDelivery.DeliveryFailed). */
  private static final Pattern SAFE = Pattern.compile("^Delivery (failed|outcome unknown): [^\\n]*$");

  private FailureMessages() {}

  /** The JSON body with every failure message hidden, or null when there was nothing to hide (or no JSON). */
  static byte[] redacted(byte[] body, String contentType) {
    if (body.length == 0 || contentType == null || !contentType.contains("json")) {
      return null;
    }
    try {
      JsonNode json = BoundaryRequest.JSON.readTree(body);
      return hide(json, 0) ? BoundaryRequest.JSON.writeValueAsBytes(json) : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  private static boolean hide(JsonNode node, int depth) {
    if (node == null || depth > 30) {
      return false;
    }
    boolean changed = false;
    if (node.isArray()) {
      for (JsonNode item : node) {
        changed |= hide(item, depth + 1);
      }
    } else if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        if (FIELDS.contains(field.getKey()) && value.isTextual() && !SAFE.matcher(value.asText()).matches()) {
          field.setValue(TextNode.valueOf(HIDDEN));
          changed = true;
        } else {
          changed |= hide(value, depth + 1);
        }
      }
    }
    return changed;
  }
}
