package org.vomcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vomcase.support.CaseApi.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.MailServer;

/**
 * Victim safety where the case touches people, over HTTP with the real mail server: a stalking victim is written
 * to by letter only and never called; a victim nobody may write to and who gets no email is not contacted at all
 * (the delivery refuses, an incident shows it); a minor's parent gets a copy of the minor's letters and can
 * withdraw the minor's consent.
 */
class VictimSafetyIT extends AbstractApplicationIT {

  private static final String ANA = "ana.roth@example.org";

  @Autowired JdbcTemplate jdbc;

  @Test
  void stalkingVictimGetsALetterNeverAnEmailNorACall() throws Exception {
    String instanceId = assigned(stalking());
    String caseNumber = caseNumber(engine, instanceId);

    assertThat(recipientsOfMails(caseNumber)).as("no mail of the case reaches the victim").doesNotContain(ANA);
    Map<String, Object> introduction = jdbc.queryForMap("SELECT channel, status, recipient_address FROM vom_message"
        + " WHERE case_number = ? AND message = 'introduction' AND recipient_name = 'Ana Roth'", caseNumber);
    assertThat(introduction).containsEntry("CHANNEL", "letter").containsEntry("STATUS", "to_post")
        .containsEntry("RECIPIENT_ADDRESS", "Lindenweg 5, 10115 Berlin");
    caseTask(rest("mara"), "Task_RecordLetterAnswer", caseNumber, "V1");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_CallForConsent").count()).as("nobody is asked to call her").isZero();
    // The task tells the mediator why, in words.
    String answer = caseTask(rest("mara"), "Task_RecordLetterAnswer", caseNumber, "V1");
    assertThat(rest("mara").get("/engine-rest/task/" + answer + "/form-variables").body())
        .contains("contactRestriction").contains("letter only");
  }

  @Test
  void victimNeitherToBeWrittenToNorMailedIsNotContactedAndTheRefusalIsAnIncident() throws Exception {
    ObjectNode referral = stalking();
    ((ObjectNode) referral.path("victims").get(0)).putObject("safeContact").put("doNotWrite", true)
        .put("preferredChannel", "phone");
    String instanceId = json(rest("policeapi").postJson("/api/referrals", referral.toString())).path("processInstanceId").asText();
    runJobs(engine, instanceId);
    String caseNumber = caseNumber(engine, instanceId);
    String assignment = onlyTask(rest("clara"), instanceId, "Task_AssignMediators");
    submit(rest("clara"), assignment, "{\"leadMediator\":{\"value\":\"mara\"}}");

    Job job = victimIntroduction(caseNumber);
    var management = engine.getManagementService();
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("Delivery refused");
    }
    assertThat(engine.getRuntimeService().createIncidentQuery().configuration(job.getId()).singleResult().getIncidentMessage())
        .contains("no channel the case may use").contains("do not write to this address");
    assertThat(jdbc.queryForObject("SELECT status FROM vom_message WHERE case_number = ? AND message = 'introduction'"
        + " AND recipient_name = 'Ana Roth'", String.class, caseNumber)).isEqualTo("refused");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vom_document WHERE case_number = ?", Integer.class, caseNumber))
        .as("no letter printed").isZero();
    assertThat(recipientsOfMails(caseNumber)).doesNotContain(ANA);
  }

  @Test
  void minorsParentGetsACopyAndWithdrawsTheMinorsConsent() throws Exception {
    ObjectNode referral = referral();
    ObjectNode victim = (ObjectNode) referral.path("victims").get(0);
    victim.put("dateOfBirth", "2013-05-02").put("name", "Emma Roth");
    victim.putArray("guardians").addObject().put("name", "Lis Roth").put("relation", "parent").put("email", "lis.roth@example.org");
    String instanceId = json(rest("policeapi").postJson("/api/referrals", referral.toString())).path("processInstanceId").asText();
    runJobs(engine, instanceId);
    assign(engine, rest("clara"), instanceId, "mara", null);
    String caseNumber = caseNumber(engine, instanceId);
    // The offender (a minor too, contacted first) agrees with his guardian's consent: now the victim's side is written to.
    submit(rest("mara"), caseTask(rest("mara"), "Task_CallForConsent", caseNumber, "O1"), "{\"callOutcome\":{\"value\":\"agrees\"}}");
    submit(rest("mara"), caseTask(rest("mara"), "Task_RecordGuardianConsent", caseNumber, "O1"), "{\"guardianName\":{\"value\":"
        + "\"Petra Vogt\"},\"guardianRelation\":{\"value\":\"parent\"},\"guardianPhone\":{\"value\":\"+49 30 7654321\"},"
        + "\"guardianConsent\":{\"value\":\"consents\"}}");
    runJobs(engine, instanceId);

    assertThat(recipientsOfMails(caseNumber)).contains("lis.roth@example.org", ANA);
    MimeMessage toParent = MailServer.mailsOf(caseNumber).stream().filter(m -> to(m).contains("lis.roth@example.org"))
        .findFirst().orElseThrow();
    assertThat(MailServer.header(toParent, "X-VOM-Message")).isEqualTo("introduction");

    HttpResponse<String> unknownParent = rest("mara").postJson("/api/cases/" + caseNumber + "/events",
        "{\"type\":\"consent_withdrawn\",\"personId\":\"G-V1-2\",\"reason\":\"Her father called.\"}");
    assertThat(unknownParent.statusCode()).isEqualTo(400);
    assertThat(unknownParent.body()).contains("eventPersonId").contains("no such parent or guardian");
    HttpResponse<String> withdrawn = rest("mara").postJson("/api/cases/" + caseNumber + "/events",
        "{\"type\":\"consent_withdrawn\",\"personId\":\"G-V1\",\"reason\":\"Her mother does not want her to take part.\"}");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(withdrawn.body()).contains("case_closed");
    assertThat(engine.getRuntimeService().getVariable(instanceId, "withdrawals").toString())
        .contains("\"guardianId\":\"G-V1\"").contains("\"personId\":\"V1\"");
  }

  /** A stalking referral: the victim with email, phone and address (the decision still writes to her only by letter). */
  private static ObjectNode stalking() {
    ObjectNode referral = referral();
    referral.put("offenceCategory", "stalking");
    ((ObjectNode) referral.path("victims").get(0)).put("phone", "+49 30 5550101").put("postalAddress", "Lindenweg 5, 10115 Berlin");
    ((ObjectNode) referral.path("offenders").get(0)).put("dateOfBirth", "1990-01-15").put("email", "carl.vogt@example.org");
    return referral;
  }

  private String assigned(ObjectNode referral) throws Exception {
    String instanceId = json(rest("policeapi").postJson("/api/referrals", referral.toString())).path("processInstanceId").asText();
    runJobs(engine, instanceId);
    assign(engine, rest("clara"), instanceId, "mara", null);
    runJobs(engine, instanceId);
    return instanceId;
  }

  /** The victim's introduction job of the case (runs the jobs before it). */
  private Job victimIntroduction(String caseNumber) {
    var management = engine.getManagementService();
    for (int i = 0; i < 10; i++) {
      Job found = management.createJobQuery().activityId("Task_SendIntroduction").list().stream()
          .filter(j -> caseNumber.equals(engine.getRuntimeService().createProcessInstanceQuery()
              .processInstanceId(j.getProcessInstanceId()).singleResult().getBusinessKey()))
          .filter(j -> "V1".equals(engine.getRuntimeService().getVariable(j.getProcessInstanceId(), "personId")))
          .findFirst().orElse(null);
      if (found != null) {
        return found;
      }
      engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().forEach(instance ->
          management.createJobQuery().processInstanceId(instance.getId()).executable().list().forEach(job ->
              management.executeJob(job.getId())));
    }
    throw new AssertionError("no introduction job for V1 in " + caseNumber);
  }

  private static List<String> recipientsOfMails(String caseNumber) {
    return MailServer.mailsOf(caseNumber).stream().flatMap(m -> to(m).stream()).toList();
  }

  private static List<String> to(MimeMessage mail) {
    try {
      Address[] all = mail.getAllRecipients();
      return all == null ? List.of() : Arrays.stream(all).map(a -> ((InternetAddress) a).getAddress()).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
