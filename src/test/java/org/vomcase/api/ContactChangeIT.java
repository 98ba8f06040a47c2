package org.vomcase.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vomcase.support.CaseApi.caseTask;
import static org.vomcase.support.CaseApi.json;
import static org.vomcase.support.CaseApi.onlyTask;
import static org.vomcase.support.CaseApi.referral;
import static org.vomcase.support.CaseApi.runJobs;
import static org.vomcase.support.CaseApi.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.Http;
import org.vomcase.support.MailServer;

/**
 * Contact details changed after intake (issue 18), over HTTP: the case's mediator corrects the offender's phone while
 * his consent call is open, and the call shows the new number at once; she records the victim's new email and language
 * through Tasklist's start form "Record a case event", and the victim's introduction goes to the new address; a change that does not
 * fit is a 400 at its field and changes nothing; the referring system, another mediator and an administrator cannot
 * change anything.
 */
class ContactChangeIT extends AbstractApplicationIT {

  @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private static final String OLD_MAIL = "ana.before@example.org";
  private static final String NEW_MAIL = "ana.now@example.org";

  @Test
  void aNewPhoneAndANewEmailReachTheRunningCaseAndTheNextMessage() throws Exception {
    ObjectNode referral = referral();
    ((ObjectNode) referral.path("victims").get(0)).put("email", OLD_MAIL);
    ((ObjectNode) referral.path("offenders").get(0)).put("dateOfBirth", "1990-01-15");
    String instanceId = json(rest("policeapi").postJson("/api/referrals", referral.toString())).path("processInstanceId").asText();
    runJobs(engine, instanceId);
    Http clara = rest("clara");
    submit(clara, onlyTask(clara, instanceId, "Task_AssignMediators"), "{\"leadMediator\":{\"value\":\"mara\"}}");
    runJobs(engine, instanceId);
    String caseNumber = caseNumber(instanceId);
    Http mara = rest("mara");
    String call = caseTask(mara, "Task_CallForConsent", caseNumber, null);
    // This referral's contact order calls the offender first; the victim is introduced once he agreed.
    assertThat(engine.getTaskService().createTaskQuery().taskId(call).singleResult().getName()).contains("O1");

    // The offender's new phone, through the case events API: his open call shows it.
    HttpResponse<String> phone = mara.postJson("/api/cases/" + caseNumber + "/events", "{\"type\":\"contact_changed\","
        + "\"personId\":\"O1\",\"phone\":\"+49 30 9876543\",\"reason\":\"He called from his new number.\"}");
    assertThat(phone.statusCode()).as(phone.body()).isEqualTo(200);
    assertThat(json(phone).path("result").asText()).isEqualTo("contact_changed");
    JsonNode shown = json(mara.get("/engine-rest/task/" + call + "/form-variables?variableNames=personPhone"));
    assertThat(shown.path("personPhone").path("value").asText()).isEqualTo("+49 30 9876543");

    // Refused at the field, nothing changed.
    HttpResponse<String> badMail = mara.postJson("/api/cases/" + caseNumber + "/events", "{\"type\":\"contact_changed\","
        + "\"personId\":\"V1\",\"email\":\"ana at example\",\"reason\":\"New email.\"}");
    assertThat(badMail.statusCode()).isEqualTo(400);
    assertThat(badMail.body()).contains("contactEmail");
    HttpResponse<String> lastWay = mara.postJson("/api/cases/" + caseNumber + "/events", "{\"type\":\"contact_changed\","
        + "\"personId\":\"V1\",\"remove\":[\"email\"],\"reason\":\"Mail bounced.\"}");
    assertThat(lastWay.statusCode()).isEqualTo(400);
    assertThat(lastWay.body()).contains("contactRemove", "no way to reach");
    HttpResponse<String> notAList = mara.postJson("/api/cases/" + caseNumber + "/events", "{\"type\":\"contact_changed\","
        + "\"personId\":\"V1\",\"remove\":\"email\",\"reason\":\"Mail bounced.\"}");
    assertThat(notAList.statusCode()).isEqualTo(400);
    assertThat(notAList.body()).contains("contactRemove");

    // Nobody else changes contact details: the referring system, another mediator, an administrator.
    String change = "{\"type\":\"contact_changed\",\"personId\":\"V1\",\"email\":\"someone@example.org\",\"reason\":\"Change.\"}";
    HttpResponse<String> byReferrer = rest("policeapi").postJson("/api/cases/" + caseNumber + "/events", change);
    assertThat(byReferrer.statusCode()).isEqualTo(400);
    assertThat(byReferrer.body()).contains("eventType");
    HttpResponse<String> byLea = rest("lea").postJson("/api/cases/" + caseNumber + "/events", change);
    assertThat(byLea.statusCode()).isEqualTo(400);
    assertThat(byLea.body()).contains("eventCaseNumber");
    assertThat(rest("admin").postJson("/api/cases/" + caseNumber + "/events", change).statusCode()).isIn(403, 404);

    // The victim's new email, with Tasklist's start form: her introduction goes there once the offender agreed.
    HttpResponse<String> form = mara.postJson("/engine-rest/process-definition/key/record-case-event/submit-form",
        "{\"variables\":{\"eventCaseNumber\":{\"value\":\"" + caseNumber + "\"},\"eventType\":{\"value\":\"contact_changed\"},"
            + "\"eventPersonId\":{\"value\":\"V1\"},\"contactEmail\":{\"value\":\"" + NEW_MAIL + "\"},"
            + "\"contactLanguage\":{\"value\":\"en\"},\"eventReason\":{\"value\":\"She wrote from her new address.\"}}}");
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    submit(mara, call, "{\"callOutcome\":{\"value\":\"agrees\"}}");
    runJobs(engine, instanceId);
    assertThat(MailServer.mailsTo(caseNumber, "introduction", NEW_MAIL)).hasSize(1);
    assertThat(MailServer.mailsTo(caseNumber, "introduction", NEW_MAIL).get(0).getSubject()).as("in her new language, English")
        .doesNotContain("Täter");
    assertThat(MailServer.mailsTo(caseNumber, OLD_MAIL)).isEmpty();

    // The victim tells her mediator in the call that email is her safe way: her running contact holds that choice, and
    // a change that would take her email away is refused, though the case's list learns the choice only later.
    String herCall = caseTask(mara, "Task_CallForConsent", caseNumber, null);
    submit(mara, herCall, "{\"callOutcome\":{\"value\":\"call_again\"},\"nextCallDate\":{\"value\":\""
        + java.time.LocalDate.now().plusDays(3) + "\"},\"safePreferredChannel\":{\"value\":\"email\"}}");
    HttpResponse<String> addPhone = mara.postJson("/api/cases/" + caseNumber + "/events", "{\"type\":\"contact_changed\","
        + "\"personId\":\"V1\",\"phone\":\"+49 30 4443322\",\"reason\":\"She gave her number.\"}");
    assertThat(addPhone.statusCode()).as(addPhone.body()).isEqualTo(200);
    HttpResponse<String> unsafe = mara.postJson("/api/cases/" + caseNumber + "/events", "{\"type\":\"contact_changed\","
        + "\"personId\":\"V1\",\"remove\":[\"email\"],\"reason\":\"Mail bounced.\"}");
    assertThat(unsafe.statusCode()).isEqualTo(400);
    assertThat(unsafe.body()).contains("contactRemove", "email is the person's safe way");
    // Longer than any mail system takes: refused at the field, not a failure later.
    HttpResponse<String> tooLong = mara.postJson("/api/cases/" + caseNumber + "/events", "{\"type\":\"contact_changed\","
        + "\"personId\":\"V1\",\"email\":\"a@" + "b".repeat(300) + ".org\",\"reason\":\"Long.\"}");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("contactEmail");

    // The audit trail keeps who changed which fields of whom, never the values; the start form's record too.
    assertThat(jdbc.queryForList("SELECT user_id, detail FROM vom_audit WHERE case_number = ? AND action = 'contact_changed'"
        + " ORDER BY at", caseNumber)).extracting(row -> row.get("user_id") + " " + row.get("detail"))
        .containsExactly("mara O1: phone", "mara V1: email, language", "mara V1: phone");
    assertThat(jdbc.queryForList("SELECT detail FROM vom_audit WHERE case_number = ?", String.class, caseNumber))
        .noneMatch(detail -> detail != null && (detail.contains(NEW_MAIL) || detail.contains("9876543")));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("record-case-event")
        .processInstanceBusinessKey(caseNumber).startedBy("mara").count()).isEqualTo(1);
  }

  @Test
  void aParentsNewDetailsReachTheGuardiansConsentFormOfTheRunningContact() throws Exception {
    ObjectNode referral = referral();
    ObjectNode minor = (ObjectNode) referral.path("offenders").get(0);
    minor.put("dateOfBirth", "2011-05-01");
    minor.putArray("guardians").addObject().put("name", "Olga Vogt").put("relation", "parent").put("phone", "+49 30 111111")
        .put("email", "old.parent@example.org");
    String instanceId = json(rest("policeapi").postJson("/api/referrals", referral.toString())).path("processInstanceId").asText();
    runJobs(engine, instanceId);
    Http clara = rest("clara");
    submit(clara, onlyTask(clara, instanceId, "Task_AssignMediators"), "{\"leadMediator\":{\"value\":\"mara\"}}");
    runJobs(engine, instanceId);
    String caseNumber = caseNumber(instanceId);
    Http mara = rest("mara");

    HttpResponse<String> parent = mara.postJson("/api/cases/" + caseNumber + "/events", "{\"type\":\"contact_changed\","
        + "\"personId\":\"G-O1\",\"phone\":\"+49 30 222222\",\"email\":\"new.parent@example.org\","
        + "\"reason\":\"The mother gave her new number.\"}");
    assertThat(parent.statusCode()).as(parent.body()).isEqualTo(200);
    String call = caseTask(mara, "Task_CallForConsent", caseNumber, null);
    assertThat(engine.getTaskService().createTaskQuery().taskId(call).singleResult().getName()).contains("O1");
    submit(mara, call, "{\"callOutcome\":{\"value\":\"agrees\"}}");
    runJobs(engine, instanceId);

    String guardianTask = caseTask(mara, "Task_RecordGuardianConsent", caseNumber, null);
    JsonNode form = json(mara.get("/engine-rest/task/" + guardianTask + "/form-variables?variableNames=guardianPhone,guardianEmail"));
    assertThat(form.path("guardianPhone").path("value").asText()).isEqualTo("+49 30 222222");
    assertThat(form.path("guardianEmail").path("value").asText()).isEqualTo("new.parent@example.org");
  }

  private String caseNumber(String instanceId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getBusinessKey();
  }
}
