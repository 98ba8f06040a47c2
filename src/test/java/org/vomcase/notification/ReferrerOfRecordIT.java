package org.vomcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vomcase.support.CaseApi.assign;
import static org.vomcase.support.CaseApi.caseNumber;
import static org.vomcase.support.CaseApi.caseTask;
import static org.vomcase.support.CaseApi.json;
import static org.vomcase.support.CaseApi.onlyTask;
import static org.vomcase.support.CaseApi.referral;
import static org.vomcase.support.CaseApi.runJobs;
import static org.vomcase.support.CaseApi.submit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vomcase.access.CaseRegistry;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.Http;

/**
 * The referrer of record after a self-referral: the authority that gave the mandate, named with it in "Record the
 * mandate", receives every report of the case; the self-referrer (here the victim's lawyer) receives none of them.
 */
class ReferrerOfRecordIT extends AbstractApplicationIT {

  private static final String SELF_REFERRER = "kanzlei.berg@example.org";
  private static final String PROSECUTOR = "toa@sta-berlin.example";

  @Autowired JdbcTemplate jdbc;
  @Autowired CaseRegistry registry;

  @Test
  void afterAMandateEveryReportGoesToTheAuthorityThatGaveItNoneToTheSelfReferrer() throws IOException {
    Http clara = rest("clara");
    String instanceId = selfReferral(clara);
    String caseNumber = caseNumber(engine, instanceId);
    String mandate = onlyTask(clara, instanceId, "Task_RecordMandate");
    clara.postJson("/engine-rest/task/" + mandate + "/claim", "{\"userId\":\"clara\"}");
    String granted = "\"mandateOutcome\":{\"value\":\"granted\"},\"mandateIssuer\":{\"value\":\"prosecutor\"},"
        + "\"mandateDate\":{\"value\":\"2026-01-10\"},\"mandateReference\":{\"value\":\"StA 12 Js 345/26\"}";

    // Without the authority's name, or without a way to reach it, the mandate is refused at its field.
    HttpResponse<String> unnamed = clara.postJson("/engine-rest/task/" + mandate + "/submit-form", "{\"variables\":{"
        + granted + "}}");
    assertThat(unnamed.statusCode()).as(unnamed.body()).isEqualTo(400);
    assertThat(json(unnamed).path("errors").get(0).path("field").asText()).isEqualTo("mandateAuthorityName");
    assertThat(json(unnamed).path("errors").get(0).path("label").asText()).isEqualTo("Authority that gave the mandate");
    HttpResponse<String> unreachable = clara.postJson("/engine-rest/task/" + mandate + "/submit-form", "{\"variables\":{"
        + granted + ",\"mandateAuthorityName\":{\"value\":\"Staatsanwaltschaft Berlin\"}}}");
    assertThat(unreachable.statusCode()).as(unreachable.body()).isEqualTo(400);
    assertThat(json(unreachable).path("errors").get(0).path("field").asText()).isEqualTo("mandateAuthorityEmail");
    assertThat(registry.find(caseNumber).orElseThrow().mandateAuthority()).isNull();

    submit(clara, mandate, "{" + granted + ",\"mandateAuthorityName\":{\"value\":\"Staatsanwaltschaft Berlin\"},"
        + "\"mandateAuthorityEmail\":{\"value\":\"" + PROSECUTOR + "\"},"
        + "\"mandateAuthorityAddress\":{\"value\":\"Turmstr. 91\\n10559 Berlin\"}}");
    runJobs(engine, instanceId);
    assertThat(registry.find(caseNumber).orElseThrow().mandateAuthority())
        .isEqualTo(new CaseRegistry.Authority("Staatsanwaltschaft Berlin", PROSECUTOR, "Turmstr. 91\n10559 Berlin"));

    // The case goes on and ends: the offender declines; the closure is reported to the referrer of record.
    assign(engine, clara, instanceId, "mara", null);
    Http mara = rest("mara");
    assertThat(json(mara.get("/vom/cases/" + caseNumber)).path("reportsTo").asText()).as("the overview says where reports go")
        .isEqualTo("Staatsanwaltschaft Berlin");
    submit(mara, caseTask(mara, "Task_CallForConsent", caseNumber, null), "{\"callOutcome\":{\"value\":\"declines\"}}");
    runJobs(engine, instanceId);
    // The closed case's retention reports the closure (and asks, later, whether the proceedings have ended).
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey("case-retention").list().forEach(retention -> runJobs(engine, retention.getId()));

    List<Map<String, Object>> reports = jdbc.queryForList("SELECT message, recipient_name, recipient_address, channel, subject, CAST(body AS VARCHAR(20000)) AS body"
        + " FROM vom_message WHERE case_number = ? AND recipient_role = 'referrer'", caseNumber);
    assertThat(reports).as("the case's reports").extracting(report -> report.get("MESSAGE")).contains("referrer-report");
    assertThat(reports).allSatisfy(report -> {
      assertThat(report).containsEntry("RECIPIENT_NAME", "Staatsanwaltschaft Berlin").containsEntry("RECIPIENT_ADDRESS", PROSECUTOR)
          .containsEntry("CHANNEL", "email");
      // The authority's own file reference, and one report per accused person, naming them.
      assertThat(report.get("SUBJECT").toString()).contains("StA 12 Js 345/26").doesNotContain("Kanzlei-B 7/26");
      assertThat(report.get("BODY").toString()).contains("Carl Vogt").doesNotContain("Kanzlei Berg");
    });
    assertThat(jdbc.queryForList("SELECT recipient_address FROM vom_message WHERE case_number = ?", String.class, caseNumber))
        .as("nothing of the case goes to the self-referrer").doesNotContain(SELF_REFERRER);
  }

  @Test
  void aMandateRefusedIsToldToTheSelfReferrerWhoAskedForTheMediation() throws IOException {
    Http clara = rest("clara");
    String instanceId = selfReferral(clara);
    String caseNumber = caseNumber(engine, instanceId);
    String mandate = onlyTask(clara, instanceId, "Task_RecordMandate");
    clara.postJson("/engine-rest/task/" + mandate + "/claim", "{\"userId\":\"clara\"}");
    submit(clara, mandate, "{\"mandateOutcome\":{\"value\":\"refused\"},\"mandateIssuer\":{\"value\":\"court\"},"
        + "\"mandateDate\":{\"value\":\"2026-01-10\"}}");
    runJobs(engine, instanceId);

    assertThat(registry.find(caseNumber).orElseThrow().mandateAuthority()).isNull();
    assertThat(jdbc.queryForList("SELECT recipient_address FROM vom_message WHERE case_number = ? AND message = 'mandate-refused'",
        String.class, caseNumber)).containsExactly(SELF_REFERRER);
  }

  /** A self-referral by the victim's lawyer, registered by the coordinator: it waits for the mandate. */
  private String selfReferral(Http clara) throws IOException {
    ObjectNode referral = referral();
    referral.put("referralSource", "self_referral").put("referrerName", "Kanzlei Berg (for Ana Roth)")
        .put("referrerEmail", SELF_REFERRER).put("referrerReference", "Kanzlei-B 7/26");
    HttpResponse<String> registered = clara.postJson("/api/referrals", referral.toString());
    assertThat(registered.statusCode()).as(registered.body()).isBetween(200, 201);
    String instanceId = json(registered).path("processInstanceId").asText();
    runJobs(engine, instanceId);
    return instanceId;
  }
}
