package org.vomcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vomcase.support.CaseApi.caseTask;
import static org.vomcase.support.CaseApi.json;
import static org.vomcase.support.CaseApi.runJobs;
import static org.vomcase.support.CaseApi.submit;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.CaseApi;
import org.vomcase.support.Http;
import org.vomcase.support.MailServer;

/**
 * A direct session moved and cancelled before it takes place (issue 18), over HTTP and on the real mail server:
 * everyone taking part gets the update of the same calendar entry (a higher sequence) and then its cancellation
 * ({@code METHOD:CANCEL}); the reminder follows the new date; a change that changes nothing, or lies in the past, is
 * refused with a 400 at its field and changes nothing; another mediator neither sees nor completes the task; the
 * case overview says what the case waits for.
 */
class DirectSessionChangeIT extends AbstractApplicationIT {

  private static final String ANA = "ana.direct@example.org";
  private static final String CARL = "carl.direct@example.org";

  @Test
  void theMediatorMovesAndCancelsTheSessionAndEveryoneGetsTheSameCalendarEntryUpdated() throws Exception {
    String instanceId = caseReadyToSchedule();
    String caseNumber = caseNumber(instanceId);
    Http mara = rest("mara");

    submit(mara, caseTask(mara, "Task_ScheduleSession", caseNumber, null), "{\"meetingType\":{\"value\":\"direct\"},"
        + "\"sessionDate\":{\"value\":\"2099-05-20\"},\"sessionTime\":{\"value\":\"14:30\"},"
        + "\"sessionPlace\":{\"value\":\"Community centre, room 2\"},\"sessionAttendeeIds\":{\"type\":\"Json\",\"value\":\"[\\\"V1\\\",\\\"O1\\\"]\"}}");
    runJobs(engine, instanceId);
    VEvent first = event(single(caseNumber, "session-invitation", ANA, 0));
    assertThat(first.getSequence().getSequenceNo()).isZero();

    // The task stands open until the session; the form shows the session as it stands and offers no choice yet.
    String change = changeTask(mara, caseNumber);
    assertThat(json(mara.get("/engine-rest/task/" + change + "/deployed-form")).path("id").asText()).isEqualTo("change-session");
    JsonNode shown = json(mara.get("/engine-rest/task/" + change + "/form-variables?variableNames=sessionShown,sessionChange"));
    // In the programme's words (de_toa: German), as the letters give dates.
    assertThat(shown.path("sessionShown").path("value").asText()).isEqualTo("Mittwoch, 20. Mai 2099, 14:30, Community centre, room 2");
    assertThat(shown.path("sessionChange").isMissingNode() || shown.path("sessionChange").path("value").isNull()).isTrue();

    // Another mediator of the programme neither sees nor completes it.
    Http lea = rest("lea");
    assertThat(json(lea.get("/engine-rest/task?taskDefinitionKey=Task_ChangeSession&processInstanceBusinessKey=" + caseNumber)))
        .isEmpty();
    HttpResponse<String> foreign = lea.postJson("/engine-rest/task/" + change + "/submit-form",
        "{\"variables\":{\"sessionChange\":{\"value\":\"cancel\"}}}");
    assertThat(foreign.statusCode()).isIn(403, 404);

    // Refused at its field, nothing changed: the same date, time and place; a date in the past.
    HttpResponse<String> same = mara.postJson("/engine-rest/task/" + change + "/submit-form",
        "{\"variables\":" + move("2099-05-20", "14:30", "Community centre, room 2") + "}");
    assertThat(same.statusCode()).isEqualTo(400);
    assertThat(same.body()).contains("newSessionDate", "already");
    HttpResponse<String> past = mara.postJson("/engine-rest/task/" + change + "/submit-form",
        "{\"variables\":" + move("2020-05-20", "14:30", "Mediation office") + "}");
    assertThat(past.statusCode()).isEqualTo(400);
    assertThat(past.body()).contains("newSessionDate", "in the future");
    assertThat(changeTask(mara, caseNumber)).isEqualTo(change);
    assertThat(MailServer.mailsTo(caseNumber, "session-invitation", ANA)).hasSize(1);

    // Moved: everyone gets the update of the same entry, and the reminder waits for the new date.
    submit(mara, change, move("2099-05-27", "10:00", "Fachstelle TOA, Raum 2"));
    runJobs(engine, instanceId);
    for (String address : List.of(ANA, CARL)) {
      MimeMessage update = MailServer.mailsTo(caseNumber, "session-invitation", address).get(1);
      assertThat(update.getSubject()).startsWith("Geändert: ");
      assertThat(MailServer.text(update)).contains("Fachstelle TOA, Raum 2", "27. Mai 2099, 10:00").doesNotContain("20. Mai");
      VEvent moved = event(update);
      assertThat(uid(moved)).isEqualTo(uid(first));
      assertThat(moved.getSequence().getSequenceNo()).isEqualTo(1);
      assertThat(moved.getDateTimeStart().getValue()).isEqualTo("20990527T100000");
    }
    JsonNode overview = json(mara.get("/vom/cases/" + caseNumber));
    List<String> waits = new ArrayList<>();
    overview.path("waitingFor").forEach(w -> waits.add(w.path("what").asText() + " " + w.path("due").asText()));
    assertThat(waits).anyMatch(w -> w.startsWith("Session time 2099-05-27"))
        .anyMatch(w -> w.startsWith("Two days before the session 2099-05-25"))
        .anyMatch(w -> w.startsWith("Change the session if needed"));

    // The mediator's calendar has the moved session, as JSON and as a file to subscribe to, without names.
    assertThat(calendarOf(mara)).contains(caseNumber + " session 2099-05-27T10:00");
    String feed = mara.get("/vom/calendar.ics").body();
    assertThat(feed).contains("BEGIN:VCALENDAR", "SUMMARY:Mediation session " + caseNumber, "LOCATION:Fachstelle TOA\\, Raum 2",
        "SEQUENCE:1", "20990527T100000").doesNotContain("Ana", "Carl", "Roth", "Vogt", ANA, CARL);
    assertThat(calendarOf(rest("lea"))).as("not her case").noneMatch(event -> event.startsWith(caseNumber));
    assertThat(calendarOf(rest("sam"))).as("a supervisor sees every case").contains(caseNumber + " session 2099-05-27T10:00");
    assertThat(rest("admin").get("/vom/calendar").statusCode()).isEqualTo(403);
    assertThat(rest("admin").get("/vom/calendar.ics").statusCode()).isEqualTo(403);

    // Cancelled: everyone gets the cancellation of that entry; the session is scheduled anew.
    submit(mara, changeTask(mara, caseNumber), "{\"sessionChange\":{\"value\":\"cancel\"}}");
    runJobs(engine, instanceId);
    for (String address : List.of(ANA, CARL)) {
      MimeMessage cancellation = single(caseNumber, "session-cancellation", address);
      assertThat(cancellation.getSubject()).startsWith("Abgesagt: ");
      String ics = new String(MailServer.attachment(cancellation, "session.ics"), StandardCharsets.UTF_8);
      assertThat(ics).contains("METHOD:CANCEL", "STATUS:CANCELLED", "20990527T100000");
      assertThat(uid(IndirectMediationIT.event(ics))).isEqualTo(uid(first));
      assertThat(IndirectMediationIT.event(ics).getSequence().getSequenceNo()).isEqualTo(2);
    }
    assertThat(calendarOf(mara)).as("the cancelled session is gone").noneMatch(event -> event.startsWith(caseNumber));
    String session = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instanceId)
        .processDefinitionKey("mediation-session").singleResult().getId();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(session).activityId("Event_SessionTime").count())
        .as("the cancelled session's time no longer waits").isZero();
    submit(mara, caseTask(mara, "Task_ScheduleSession", caseNumber, null), "{\"meetingType\":{\"value\":\"direct\"},"
        + "\"sessionDate\":{\"value\":\"2099-06-03\"},\"sessionTime\":{\"value\":\"16:00\"},"
        + "\"sessionPlace\":{\"value\":\"Community centre, room 2\"},\"sessionAttendeeIds\":{\"type\":\"Json\",\"value\":\"[\\\"V1\\\",\\\"O1\\\"]\"}}");
    runJobs(engine, instanceId);
    VEvent again = event(single(caseNumber, "session-invitation", CARL, 2));
    assertThat(uid(again)).isEqualTo(uid(first));
    assertThat(again.getSequence().getSequenceNo()).isEqualTo(3);

    // The case is still in its session phase.
    assertThat(json(mara.get("/vom/cases/" + caseNumber)).path("phase").asText()).isEqualTo("session");
  }

  /** The user's calendar as "case kind start" lines (start as the programme's local date-time, minutes). */
  private static List<String> calendarOf(Http user) throws Exception {
    List<String> events = new ArrayList<>();
    json(user.get("/vom/calendar")).path("events").forEach(event -> events.add(event.path("caseNumber").asText() + " "
        + event.path("kind").asText() + " " + java.time.OffsetDateTime.parse(event.path("start").asText())
            .atZoneSameInstant(java.time.ZoneId.of("Europe/Berlin")).toLocalDateTime()));
    return events;
  }

  private static String move(String date, String time, String place) {
    return "{\"sessionChange\":{\"value\":\"reschedule\"},\"newSessionDate\":{\"value\":\"" + date + "\"},"
        + "\"newSessionTime\":{\"value\":\"" + time + "\"},\"newSessionPlace\":{\"value\":\"" + place + "\"}}";
  }

  private String changeTask(Http mediator, String caseNumber) throws Exception {
    return caseTask(mediator, "Task_ChangeSession", caseNumber, null);
  }

  /** Ana and Carl, both with email, consented and prepared; the victim chose a direct meeting. */
  private String caseReadyToSchedule() throws Exception {
    return CaseApi.readyToSchedule(engine, rest("policeapi"), rest("clara"), rest("mara"), ANA, CARL,
        "\"meetingType\":{\"value\":\"direct\"},\"preferredPlace\":{\"value\":\"Community centre\"},"
        + "\"firstSpeaker\":{\"value\":\"victim\"}");
  }

  private String caseNumber(String instanceId) {
    return CaseApi.caseNumber(engine, instanceId);
  }

  /** The n-th (from 0) mail of this message type to this address, which must exist. */
  private static MimeMessage single(String caseNumber, String message, String address, int index) {
    List<MimeMessage> mails = MailServer.mailsTo(caseNumber, message, address);
    assertThat(mails).as(message + " to " + address).hasSizeGreaterThan(index);
    return mails.get(index);
  }

  private static MimeMessage single(String caseNumber, String message, String address) {
    List<MimeMessage> mails = MailServer.mailsTo(caseNumber, message, address);
    assertThat(mails).as(message + " to " + address).hasSize(1);
    return mails.get(0);
  }

  private static VEvent event(MimeMessage mail) throws Exception {
    return IndirectMediationIT.event(new String(MailServer.attachment(mail, "session.ics"), StandardCharsets.UTF_8));
  }

  private static String uid(VEvent event) {
    return IndirectMediationIT.uid(event);
  }
}
