package org.vomcase.compat;

import static org.vomcase.support.CaseApi.MEETING;
import static org.vomcase.support.CaseApi.assign;
import static org.vomcase.support.CaseApi.caseNumber;
import static org.vomcase.support.CaseApi.caseTask;
import static org.vomcase.support.CaseApi.everyoneConsents;
import static org.vomcase.support.CaseApi.json;
import static org.vomcase.support.CaseApi.onlyTask;
import static org.vomcase.support.CaseApi.referral;
import static org.vomcase.support.CaseApi.runJobs;
import static org.vomcase.support.CaseApi.submit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.Http;

/**
 * Writes the database that {@code CompatibilityIT} starts the current code on: cases of this version of the
 * application in every state a case waits in, on an H2 file. Runs only when asked:
 * {@code ./mvnw verify -DskipUTs -Dit.test=CompatibilityFixtureIT -Dvom.compat.write=true}, then zip
 * {@code target/compat/} into {@code src/test/resources/compat/} (see CompatibilityIT).
 */
// Disabled at class level unless asked: a skipped method would still start this second application (its own web
// server and REST API), whose static registries would take over from the application the other tests use.
@EnabledIfSystemProperty(named = "vom.compat.write", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:file:./target/compat/vom-case;DB_CLOSE_ON_EXIT=FALSE",
    "spring.profiles.active=demo"})
class CompatibilityFixtureIT extends AbstractApplicationIT {

  @Test
  void writeCasesInEveryStateOfThisVersion() throws Exception {
    Http police = rest("policeapi");
    Http clara = rest("clara");
    Http mara = rest("mara");

    refer(police); // waits for its mediators
    String call = refer(police);
    assign(engine, clara, call, "mara", "jonas"); // the offender's consent call
    String guardian = refer(police);
    assign(engine, clara, guardian, "mara", null);
    submit(mara, caseTask(mara, "Task_CallForConsent", caseNumber(engine, guardian), null), "{\"callOutcome\":{\"value\":\"agrees\"}}");
    String preparation = refer(police);
    assign(engine, clara, preparation, "mara", null);
    everyoneConsents(engine, mara, preparation);
    String suitability = refer(police);
    assign(engine, clara, suitability, "mara", null);
    everyoneConsents(engine, mara, suitability);
    prepare(mara, suitability);
    String scheduling = refer(police);
    assign(engine, clara, scheduling, "mara", null);
    everyoneConsents(engine, mara, scheduling);
    prepare(mara, scheduling);
    submit(mara, onlyTask(mara, scheduling, "Task_DecideSuitability"), "{\"suitability\":{\"value\":\"suitable\"}}");
    String session = refer(police);
    assign(engine, clara, session, "mara", null);
    everyoneConsents(engine, mara, session);
    prepare(mara, session);
    submit(mara, onlyTask(mara, session, "Task_DecideSuitability"), "{\"suitability\":{\"value\":\"suitable\"}}");
    submit(mara, caseTask(mara, "Task_ScheduleSession", caseNumber(engine, session), null), "{\"meetingType\":{\"value\":"
        + "\"direct\"},\"sessionDate\":{\"value\":\"2099-05-20\"},\"sessionTime\":{\"value\":\"14:30\"},"
        + "\"sessionPlace\":{\"value\":\"Community centre\"},\"sessionAttendeeIds\":{\"type\":\"Json\",\"value\":\"[\\\"V1\\\",\\\"O1\\\"]\"}}");
    runJobs(engine, session);
    ObjectNode selfReferral = referral();
    selfReferral.put("referralSource", "self_referral");
    runJobs(engine, json(clara.postJson("/api/referrals", selfReferral.toString())).path("processInstanceId").asText());
    ObjectNode twoVictims = referral();
    twoVictims.withArray("victims").addObject().put("name", "Bea Lind").put("dateOfBirth", "1975-06-01")
        .put("preferredLanguage", "en").put("email", "bea.lind@example.org");
    String withdrawal = json(police.postJson("/api/referrals", twoVictims.toString())).path("processInstanceId").asText();
    runJobs(engine, withdrawal);
    assign(engine, clara, withdrawal, "mara", null);
    police.postJson("/api/cases/" + caseNumber(engine, withdrawal) + "/events",
        "{\"type\":\"consent_withdrawn\",\"personId\":\"V2\",\"reason\":\"She moved away and wants no contact.\"}");
    String closed = refer(police);
    assign(engine, clara, closed, "mara", null);
    submit(mara, caseTask(mara, "Task_CallForConsent", caseNumber(engine, closed), null), "{\"callOutcome\":{\"value\":\"declines\"}}");
    runJobs(engine, closed);
  }

  private String refer(Http police) throws IOException {
    String instanceId = json(police.postJson("/api/referrals", referral().toString())).path("processInstanceId").asText();
    runJobs(engine, instanceId);
    return instanceId;
  }

  private void prepare(Http mara, String instanceId) throws IOException {
    String caseNumber = caseNumber(engine, instanceId);
    submit(mara, caseTask(mara, "Task_HoldPreparationMeeting", caseNumber, "O1"), "{" + MEETING + "}");
    submit(mara, caseTask(mara, "Task_HoldPreparationMeeting", caseNumber, "V1"), "{" + MEETING
        + ",\"meetingType\":{\"value\":\"direct\"},\"preferredPlace\":{\"value\":\"Community centre\"},"
        + "\"firstSpeaker\":{\"value\":\"victim\"}}");
  }
}
