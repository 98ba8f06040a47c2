package org.vomcase.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vomcase.kernel.Roles;
import org.vomcase.kernel.CaseClock;
import org.vomcase.settings.Programme;
import org.vomcase.kernel.CaseProcess;
import org.vomcase.confidential.ConfidentialField;
import org.vomcase.kernel.FieldError;
import org.vomcase.process.referral.ReferralIntake;
import org.vomcase.process.referral.ReferralRejectedException;

/**
 * The referral API for referring systems (R1): {@code POST /api/referrals} with a JSON referral,
 * HTTP Basic as a user of the {@code referrers} or {@code coordinators} group. Answers 201 with the
 * case number, or 400 naming every field that is wrong; a rejected referral creates nothing.
 */
@RestController
@RequestMapping("/api/referrals")
public class ReferralController {

  /** The fields a referral may have; anything else is refused (it is most likely a misspelt field). */
  public static final Set<String> FIELDS = ReferralIntake.FIELDS;

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final int maxPersons;
  private final boolean guardiansFirst;
  private final org.vomcase.kernel.Vocabularies vocabularies;

  public ReferralController(RuntimeService runtimeService, IdentityService identityService, Programme programme,
      @org.springframework.beans.factory.annotation.Value("${vom.intake.max-persons-per-side:"
          + org.vomcase.process.referral.ReferralValidator.DEFAULT_MAX_PERSONS_PER_SIDE + "}") int maxPersons,
      org.vomcase.kernel.Vocabularies vocabularies) {
    this.vocabularies = vocabularies;
    this.guardiansFirst = programme.active().guardiansFirst();
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.maxPersons = maxPersons;
  }

  @PostMapping(consumes = "application/json", produces = "application/json")
  public ResponseEntity<Map<String, Object>> refer(@RequestBody Map<String, Object> referral) {
    Callers.Caller caller = Callers.current(identityService);
    if (!caller.inAnyGroup(List.of(Roles.REFERRERS, Roles.COORDINATORS))) {
      return error(HttpStatus.FORBIDDEN, "Only referring systems and coordinators may send referrals", List.of());
    }
    if (referral == null) {
      throw new ReferralRejectedException(List.of(FieldError.of("referral", "error.referral.notAnObject")));
    }
    List<FieldError> unknown = referral.keySet().stream().filter(key -> !FIELDS.contains(key)).sorted()
        .map(key -> FieldError.of(key, "error.referral.notAField")).toList();
    if (!unknown.isEmpty()) {
      throw new ReferralRejectedException(unknown);
    }
    // Checked here for a clear 400 before anything starts; the start listener checks again. The case starts with the
    // referral's facts as one record and the persons' lists as it keeps them (ids, sides), which the listener finds to be
    // what it would write: each is written once, one runtime row and one history row, no second value of it. The police
    // file goes along to the listener, which keeps it in the confidential store, never in a variable.
    Map<String, Object> prepared = ReferralIntake.prepare(referral, CaseClock.today(), maxPersons, guardiansFirst, vocabularies);
    Map<String, Object> variables = new LinkedHashMap<>(prepared);
    String policeFile = ConfidentialField.POLICE_FILE.variable();
    if (referral.containsKey(policeFile)) {
      variables.put(policeFile, referral.get(policeFile));
    }
    ProcessInstance instance = runtimeService.createProcessInstanceByKey(CaseProcess.KEY).setVariables(variables).execute();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("caseNumber", instance.getBusinessKey());
    body.put("processInstanceId", instance.getId());
    return ResponseEntity.created(URI.create("/api/referrals/" + instance.getBusinessKey())).body(body);
  }

  private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message, List<FieldError> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    body.put("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
    return ResponseEntity.status(status).body(body);
  }
}
