package org.vomcase.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vomcase.kernel.Roles;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.process.events.CaseEvents;
import org.vomcase.process.events.ContactCorrection;

/**
 * Events on a running case through the API (R8): {@code POST /api/cases/{caseNumber}/events} with
 * {@code {"type": "consent_withdrawn" | "referral_withdrawn", "personId": "V1", "reason": "..."}}, or
 * {@code {"type": "proceedings_ended", "proceedingsEndedOn": "2027-03-01", "proceedingsOutcome": "dismissed"}}
 * (R20: starts the retention period of a closed case), or {@code {"type": "mediators_change", "reason": "..."}}
 * (coordinators: the case gets a task "Reassign the case's mediators").
 * Coordinators for any case, mediators for their cases, referring systems for the cases they referred.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/events")
public class CaseEventController {

  private final CaseEvents caseEvents;
  private final IdentityService identityService;

  public CaseEventController(CaseEvents caseEvents, IdentityService identityService) {
    this.caseEvents = caseEvents;
    this.identityService = identityService;
  }

  @PostMapping(consumes = "application/json", produces = "application/json")
  public ResponseEntity<Map<String, Object>> record(@PathVariable String caseNumber, @RequestBody Map<String, Object> event) {
    Callers.Caller caller = Callers.current(identityService);
    for (String field : event == null ? java.util.Set.<String>of() : event.keySet()) {
      if (!FIELDS.containsKey(field)) {
        throw CaseInputException.of(field, "error.event.notAField");
      }
    }
    if (!caller.inAnyGroup(List.of(Roles.COORDINATORS, Roles.MEDIATORS, Roles.REFERRERS))) {
      return body(HttpStatus.FORBIDDEN, "Not allowed to record case events", null);
    }
    // The engine call runs as the system: CaseEvents checks that the caller may record on this case.
    return Callers.asSystem(identityService, () -> {
      CaseEvents.Result result = caseEvents.record(new CaseEvents.CaseEvent(caseNumber, text(event, "type"),
          text(event, "personId"), text(event, "reason"), caller.userId(), text(event, "proceedingsEndedOn"),
          text(event, "proceedingsOutcome"), new ContactCorrection.ContactChange(text(event, "name"), text(event, "relation"),
              text(event, "phone"), text(event, "email"), text(event, "postalAddress"), text(event, "preferredLanguage"),
              text(event, "interpreterNeeded"), texts(event, "remove"))));
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("caseNumber", caseNumber);
      answer.put("result", result.name().toLowerCase(java.util.Locale.ROOT));
      return ResponseEntity.ok(answer);
    });
  }

  /** A text field of the event: absent, or text; anything else is refused with the field's name. */
  private static String text(Map<String, Object> event, String field) {
    Object value = event.get(field);
    if (value != null && !(value instanceof String)) {
      throw CaseInputException.of(FIELDS.getOrDefault(field, field), "error.notText");
    }
    return (String) value;
  }

  /** A list of texts (the ways to reach that no longer hold): absent, or a list of texts; anything else is refused. */
  private static List<String> texts(Map<String, Object> event, String field) {
    Object value = event.get(field);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list) || list.stream().anyMatch(item -> !(item instanceof String))) {
      throw CaseInputException.of(FIELDS.getOrDefault(field, field), "error.event.notAListOfTexts");
    }
    return list.stream().map(String.class::cast).toList();
  }

  /** The API's fields and the case-event form's fields they are. */
  private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("type", "eventType"),
      Map.entry("personId", "eventPersonId"), Map.entry("reason", "eventReason"),
      Map.entry("proceedingsEndedOn", "proceedingsEndedOn"), Map.entry("proceedingsOutcome", "proceedingsOutcome"),
      Map.entry("name", "contactName"), Map.entry("relation", "contactRelation"), Map.entry("phone", "contactPhone"),
      Map.entry("email", "contactEmail"), Map.entry("postalAddress", "contactPostalAddress"),
      Map.entry("preferredLanguage", "contactLanguage"), Map.entry("interpreterNeeded", "contactInterpreterNeeded"),
      Map.entry("remove", "contactRemove"));

  private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message, String field) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    if (field != null) {
      body.put("field", field);
    }
    return ResponseEntity.status(status).body(body);
  }
}
