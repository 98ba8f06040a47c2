package org.vomcase.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vomcase.support.CaseApi.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.CaseApi;
import org.vomcase.support.Http;

/**
 * The mediator's desk over HTTP (README "The mediator's desk"): the overview of a case that waits at a timer with no
 * open task says what it waits for and until when; the case file's access rule (another mediator and an administrator
 * 404, a supervisor read-only); the list shows a mediator only her cases, finds a case by a person's name, pages and
 * sorts by the next date; bad parameters are refused naming the parameter.
 */
class CaseDeskIT extends AbstractApplicationIT {

  @Test
  void aWaitingCaseIsFoundByAPersonsNameAndItsOverviewSaysWhatItWaitsFor() throws Exception {
    String family = "Desk" + UUID.randomUUID().toString().substring(0, 8);
    Http mara = rest("mara");
    Http clara = rest("clara");
    // Case A: Mara calls the offender, who wants time: call again in 3 days. No open task, a timer.
    String a = referredAndAssigned("Ana " + family, clara);
    String caseA = CaseApi.caseNumber(engine, a);
    LocalDate nextCall = LocalDate.now().plusDays(3);
    CaseApi.submit(mara, CaseApi.caseTask(mara, "Task_CallForConsent", caseA, null), "{\"callOutcome\":{\"value\":\"call_again\"},"
        + "\"nextCallDate\":{\"value\":\"" + nextCall + "\"}}");
    CaseApi.runJobs(engine, a);
    assertThat(json(mara.get("/engine-rest/task?processInstanceBusinessKey=" + caseA))).isEmpty();
    // Case B: waits at the offender's call (a task, its overdue reminder in 7 days).
    String b = referredAndAssigned("Ben " + family, clara);
    String caseB = CaseApi.caseNumber(engine, b);

    JsonNode overview = json(ok(mara.get("/vom/cases/" + caseA)));
    assertThat(overview.path("caseNumber").asText()).isEqualTo(caseA);
    assertThat(overview.path("phase").asText()).isEqualTo("contact");
    assertThat(overview.path("readOnly").asBoolean()).isFalse();
    List<String> waits = new ArrayList<>();
    overview.path("waitingFor").forEach(w -> waits.add(w.path("kind").asText() + ": " + w.path("what").asText() + " until "
        + w.path("due").asText() + " about " + w.path("about").asText()));
    assertThat(waits).noneMatch(w -> w.startsWith("task"));
    JsonNode next = overview.path("next");
    assertThat(next.path("kind").asText()).isEqualTo("timer");
    assertThat(next.path("what").asText()).isEqualTo("Day of the next call");
    assertThat(next.path("due").asText()).startsWith(nextCall.toString().substring(0, 8));
    assertThat(next.path("about").asText()).isEqualTo("Carl Vogt (O1)");
    JsonNode persons = overview.path("persons");
    assertThat(persons).hasSize(2);
    assertThat(persons.get(0).path("id").asText()).isEqualTo("V1");
    assertThat(persons.get(0).path("name").asText()).isEqualTo("Ana " + family);
    assertThat(persons.get(0).path("state").asText()).isEqualTo("not contacted yet");
    assertThat(persons.get(1).path("id").asText()).isEqualTo("O1");
    assertThat(persons.get(1).path("state").asText()).isEqualTo("contacted");
    assertThat(persons.get(1).path("minor").asBoolean()).isTrue();
    assertThat(persons.get(1).path("age").asInt()).isBetween(16, 19);
    // Those who work the case see how to reach each person (the open call, a phone call from the person).
    assertThat(persons.get(1).path("contact").path("phone").asText()).isEqualTo("+49 30 1234567");
    assertThat(persons.get(0).path("contact").has("email")).isTrue();
    assertThat(overview.path("versions").findValuesAsText("key")).contains("vom-case", "contact-person");
    List<String> timeline = overview.path("timeline").findValuesAsText("what");
    assertThat(timeline).contains("Call the person for consent", "Assign mediators");
    assertThat(overview.path("timeline").get(0).path("at").asText())
        .isGreaterThanOrEqualTo(overview.path("timeline").get(overview.path("timeline").size() - 1).path("at").asText());
    assertThat(overview.has("messages")).isTrue();
    assertThat(overview.has("documents")).isTrue();
    assertThat(overview.has("confidentialNotes")).isTrue();

    // The case file's rule: another mediator and an administrator 404, a supervisor reads it read-only.
    assertThat(rest("jonas").get("/vom/cases/" + caseA).statusCode()).isEqualTo(404);
    assertThat(rest("admin").get("/vom/cases/" + caseA).statusCode()).isIn(403, 404);
    assertThat(rest("admin").get("/vom/cases/" + caseA).body()).doesNotContain(family);
    JsonNode supervised = json(ok(rest("sam").get("/vom/cases/" + caseA)));
    assertThat(supervised.path("readOnly").asBoolean()).isTrue();
    assertThat(supervised.has("confidentialNotes")).isFalse();
    assertThat(supervised.path("persons").toString()).as("supervisors oversee; the ways to reach persons are for those who"
        + " work the case").doesNotContain("\"contact\"", "1234567", "@example");
    supervised.path("persons").forEach(person -> assertThat(person.has("contact")).isFalse());
    assertThat(supervised.path("timeline").findValuesAsText("kind")).contains("audit");
    assertThat(rest("clara").get("/vom/cases/" + caseA).statusCode()).isEqualTo(200);
    assertThat(mara.get("/vom/cases/VOM-1999-99999").statusCode()).isEqualTo(404);
    // The tabs find the case of a task (Tasklist) or of a process instance, also a called one (Cockpit), by the same rule.
    String taskOfB = CaseApi.caseTask(mara, "Task_CallForConsent", caseB, null);
    assertThat(json(ok(mara.get("/vom/case-of?task=" + taskOfB))).path("caseNumber").asText()).isEqualTo(caseB);
    assertThat(rest("jonas").get("/vom/case-of?task=" + taskOfB).statusCode()).isEqualTo(404);
    String contactOfA = engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(a).list().get(0).getId();
    assertThat(json(ok(rest("sam").get("/vom/case-of?processInstance=" + contactOfA))).path("caseNumber").asText()).isEqualTo(caseA);
    assertThat(rest("admin").get("/vom/case-of?processInstance=" + a).statusCode()).isIn(403, 404);
    HttpResponse<String> neither = mara.get("/vom/case-of");
    assertThat(neither.statusCode()).isEqualTo(400);
    assertThat(neither.body()).contains("task");

    // The list: found by a person's name once the register knows where the cases stand.
    // (Each row is worked out once its case's steps have settled, a moment after them: wait for case A's next call.)
    JsonNode found = waitForList(mara, "/vom/cases?q=" + family, 2,
        list -> list.path("cases").path(0).path("nextWhat").asText().contains("Day of the next call"));
    assertThat(found.path("total").asInt()).isEqualTo(2);
    JsonNode first = found.path("cases").get(0);
    assertThat(first.path("caseNumber").asText()).isEqualTo(caseA);
    assertThat(first.path("phase").asText()).isEqualTo("contact");
    assertThat(first.path("nextDate").asText()).startsWith(nextCall.toString().substring(0, 8));
    assertThat(first.path("nextWhat").asText()).contains("Day of the next call")
        .as("about whom, by name and id (the register reads the persons)").containsPattern("\\((V|O)\\d\\)");
    assertThat(first.path("persons").findValuesAsText("")).isEmpty();
    assertThat(first.path("persons").toString()).contains("Ana " + family);
    assertThat(first.path("mediators").toString()).contains("mara");
    assertThat(found.path("cases").get(1).path("caseNumber").asText()).isEqualTo(caseB);
    // By the case number, by phase, and sorted by number (newest first); paged.
    assertThat(json(ok(mara.get("/vom/cases?q=" + caseB))).path("cases").findValuesAsText("caseNumber")).containsExactly(caseB);
    assertThat(json(ok(mara.get("/vom/cases?q=" + family + "&phase=contact"))).path("total").asInt()).isEqualTo(2);
    assertThat(json(ok(mara.get("/vom/cases?q=" + family + "&phase=session"))).path("total").asInt()).isZero();
    assertThat(json(ok(mara.get("/vom/cases?q=" + family + "&sort=number"))).path("cases").findValuesAsText("caseNumber"))
        .containsExactly(caseB, caseA);
    JsonNode page2 = json(ok(mara.get("/vom/cases?q=" + family + "&max=1&first=1")));
    assertThat(page2.path("total").asInt()).isEqualTo(2);
    assertThat(page2.path("cases").findValuesAsText("caseNumber")).containsExactly(caseB);
    // Never others' cases: Jonas finds none of them, also in his whole list; coordinators and supervisors all.
    assertThat(json(ok(rest("jonas").get("/vom/cases?q=" + family))).path("total").asInt()).isZero();
    assertThat(json(ok(rest("jonas").get("/vom/cases?max=200"))).path("cases").findValuesAsText("caseNumber"))
        .doesNotContain(caseA, caseB);
    assertThat(json(ok(mara.get("/vom/cases?max=200"))).path("cases").findValuesAsText("mediators").toString())
        .doesNotContain("jonas");
    for (JsonNode row : json(ok(mara.get("/vom/cases?max=200"))).path("cases")) {
      assertThat(row.path("mediators").toString()).as(row.toString()).contains("mara");
    }
    assertThat(json(ok(clara.get("/vom/cases?q=" + family))).path("total").asInt()).isEqualTo(2);
    JsonNode samList = json(ok(rest("sam").get("/vom/cases?q=" + family)));
    assertThat(samList.path("total").asInt()).isEqualTo(2);
    assertThat(samList.path("readOnly").asBoolean()).isTrue();
    assertThat(rest("admin").get("/vom/cases").statusCode()).isEqualTo(403);
    assertThat(rest("admin").get("/vom/cases").body()).doesNotContain(family);
  }

  @Test
  void badParametersAreRefusedNamingTheParameter() {
    Http mara = rest("mara");
    for (String[] bad : new String[][] {{"max=500", "max"}, {"max=0", "max"}, {"max=ten", "max"}, {"first=-1", "first"},
        {"first=x", "first"}, {"sort=oldest", "sort"}, {"phase=dreaming", "phase"}, {"q=" + "x".repeat(101), "q"}}) {
      HttpResponse<String> response = mara.get("/vom/cases?" + bad[0]);
      assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
      assertThat(json(response).path("errors").get(0).path("field").asText()).as(bad[0]).isEqualTo(bad[1]);
      assertThat(response.body()).as(bad[0]).contains(bad[1]);
    }
  }

  private String referredAndAssigned(String victimName, Http clara) throws IOException {
    ObjectNode referral = CaseApi.referral();
    ((ObjectNode) referral.path("victims").get(0)).put("name", victimName);
    String instanceId = json(rest("policeapi").postJson("/api/referrals", referral.toString())).path("processInstanceId").asText();
    CaseApi.runJobs(engine, instanceId);
    CaseApi.assign(engine, clara, instanceId, "mara", null);
    return instanceId;
  }

  private JsonNode waitForList(Http user, String path, int expected, java.util.function.Predicate<JsonNode> settled)
      throws InterruptedException {
    JsonNode list = null;
    for (int i = 0; i < 40; i++) {
      list = json(ok(user.get(path)));
      boolean current = list.path("total").asInt() == expected && settled.test(list);
      for (JsonNode row : list.path("cases")) {
        current &= !row.path("nextDate").isNull() && !row.path("nextDate").isMissingNode();
      }
      if (current) {
        return list;
      }
      Thread.sleep(250);
    }
    return list;
  }

  private static HttpResponse<String> ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }
}
