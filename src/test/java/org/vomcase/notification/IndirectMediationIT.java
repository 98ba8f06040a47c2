package org.vomcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vomcase.support.CaseApi.caseTask;
import static org.vomcase.support.CaseApi.json;
import static org.vomcase.support.CaseApi.runJobs;
import static org.vomcase.support.CaseApi.submit;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.CaseApi;
import org.vomcase.support.Http;
import org.vomcase.support.MailServer;

/**
 * Indirect (shuttle) mediation on the real mail server (issue 16): the victim and the offender each get their own
 * appointment; the offender's mails and calendar files contain neither the victim's appointment time nor her place
 * (and hers none of his); each party's calendar file has its own UID; cancelling the offender's appointment sends a
 * {@code METHOD:CANCEL} of his entry to him and nothing to her.
 */
class IndirectMediationIT extends AbstractApplicationIT {

  private static final String ANA = "ana.indirect@example.org";
  private static final String CARL = "carl.indirect@example.org";
  private static final String HER_PLACE = "Opferhilfe, Lindenstr. 3";
  private static final String HIS_PLACE = "Fachstelle TOA, Raum 2";

  @Autowired JdbcTemplate jdbc;

  @Test
  void eachPartyLearnsOnlyTheirOwnAppointmentAndACancellationGoesToThatPartyOnly() throws Exception {
    String instanceId = caseReadyToSchedule();
    String caseNumber = caseNumber(instanceId);
    Http mara = rest("mara");

    // The mediator schedules indirect mediation: the victim on 20 May at 10:00, the offender on 21 May at 16:30.
    submit(mara, caseTask(mara, "Task_ScheduleSession", caseNumber, null), "{\"meetingType\":{\"value\":\"indirect\"},"
        + "\"victimAppointmentDate\":{\"value\":\"2099-05-20\"},\"victimAppointmentTime\":{\"value\":\"10:00\"},"
        + "\"victimAppointmentPlace\":{\"value\":\"" + HER_PLACE + "\"},"
        + "\"offenderAppointmentDate\":{\"value\":\"2099-05-21\"},\"offenderAppointmentTime\":{\"value\":\"16:30\"},"
        + "\"offenderAppointmentPlace\":{\"value\":\"" + HIS_PLACE + "\"},"
        + "\"sessionAttendeeIds\":{\"type\":\"Json\",\"value\":\"[\\\"V1\\\",\\\"O1\\\"]\"}}");
    runJobs(engine, instanceId);

    MimeMessage hers = single(caseNumber, "appointment-invitation", ANA);
    MimeMessage his = single(caseNumber, "appointment-invitation", CARL);
    String herText = text(hers);
    String hisText = text(his);
    assertThat(herText).contains(HER_PLACE, "20. Mai 2099, 10:00").doesNotContain(HIS_PLACE, "21. Mai", "16:30", "Carl");
    assertThat(hisText).contains(HIS_PLACE, "21. Mai 2099, 16:30").doesNotContain(HER_PLACE, "Lindenstr", "20. Mai", "10:00", "Ana",
        "Roth", ANA);
    String herIcs = new String(attachment(hers, "appointment.ics"), StandardCharsets.UTF_8);
    String hisIcs = new String(attachment(his, "appointment.ics"), StandardCharsets.UTF_8);
    assertThat(hisIcs).contains("20990521T163000").doesNotContain("20990520", "T100000", "Lindenstr", "Opferhilfe");
    assertThat(herIcs).contains("20990520T100000").doesNotContain("20990521", "Fachstelle");
    VEvent herEvent = event(herIcs);
    VEvent hisEvent = event(hisIcs);
    assertThat(uid(hisEvent)).isNotEqualTo(uid(herEvent));
    assertThat(hisEvent.getSequence().getSequenceNo()).isZero();
    // Each invitation went to one party only.
    assertThat(hers.getAllRecipients()).extracting(Object::toString).singleElement().asString().contains(ANA);
    assertThat(his.getAllRecipients()).extracting(Object::toString).singleElement().asString().contains(CARL);
    assertThat(MailServer.mailsOf(caseNumber)).filteredOn(m -> "session-invitation".equals(MailServer.header(m, "X-VOM-Message")))
        .isEmpty();

    // The mediator's calendar has each party's appointment under its person id, never a name or the other's place.
    String calendar = mara.get("/vom/calendar").body();
    assertThat(calendar).contains("appointment with V1", "appointment with O1", HER_PLACE, HIS_PLACE).doesNotContain("Ana", "Carl");

    // The mediator cancels the offender's appointment: a cancellation of his entry to him, nothing to her.
    int herMailsBefore = mailsTo(caseNumber, ANA).size();
    String hisChange = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_ChangeAppointment").taskNameLike("%: O1,%").singleResult().getId();
    assertThat(json(mara.get("/engine-rest/task/" + hisChange + "/deployed-form")).path("id").asText()).isEqualTo("change-appointment");
    submit(mara, hisChange, "{\"appointmentChange\":{\"value\":\"cancel\"}}");
    runJobs(engine, instanceId);

    MimeMessage cancellation = single(caseNumber, "appointment-cancellation", CARL);
    String cancelIcs = new String(attachment(cancellation, "appointment.ics"), StandardCharsets.UTF_8);
    assertThat(cancelIcs).contains("METHOD:CANCEL", "STATUS:CANCELLED").doesNotContain("Lindenstr", "20990520");
    assertThat(uid(event(cancelIcs))).isEqualTo(uid(hisEvent));
    assertThat(event(cancelIcs).getSequence().getSequenceNo()).isEqualTo(1);
    assertThat(text(cancellation)).doesNotContain(HER_PLACE, "20. Mai", "Ana");
    assertThat(mailsTo(caseNumber, ANA)).hasSize(herMailsBefore);
    assertThat(MailServer.mailsOf(caseNumber)).filteredOn(m -> "appointment-cancellation".equals(MailServer.header(m, "X-VOM-Message")))
        .hasSize(1);

    // The case file: every message recorded for the offender is free of the victim's appointment.
    List<Map<String, Object>> forHim = jdbc.queryForList("SELECT message, subject, body, content FROM vom_message"
        + " WHERE case_number = ? AND recipient_name = 'Carl Vogt'", caseNumber);
    assertThat(forHim).extracting(row -> row.get("message")).contains("appointment-invitation", "appointment-cancellation");
    assertThat(forHim).allSatisfy(row -> assertThat(String.valueOf(row)).doesNotContain(HER_PLACE, "Lindenstr", "2099-05-20",
        "20. Mai"));
    assertThat(mara.get("/vom/calendar").body()).contains("appointment with V1").doesNotContain("appointment with O1");
    // Her appointment stands: her task is still open.
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_ChangeAppointment").list()).extracting(t -> t.getName()).singleElement().asString().contains(": V1,");
  }

  /** Ana and Carl, both with email, consented and prepared; the victim chose indirect mediation. */
  private String caseReadyToSchedule() throws Exception {
    return CaseApi.readyToSchedule(engine, rest("policeapi"), rest("clara"), rest("mara"), ANA, CARL,
        "\"meetingType\":{\"value\":\"indirect\"},\"firstSpeaker\":{\"value\":\"victim\"}");
  }

  private String caseNumber(String instanceId) {
    return CaseApi.caseNumber(engine, instanceId);
  }

  private static List<MimeMessage> mailsTo(String caseNumber, String address) {
    return MailServer.mailsTo(caseNumber, address);
  }

  private static MimeMessage single(String caseNumber, String message, String address) {
    List<MimeMessage> mails = MailServer.mailsTo(caseNumber, message, address);
    assertThat(mails).as(message + " to " + address).hasSize(1);
    return mails.get(0);
  }

  private static String text(MimeMessage mail) throws Exception {
    return MailServer.text(mail);
  }

  private static byte[] attachment(MimeMessage mail, String fileName) throws Exception {
    return MailServer.attachment(mail, fileName);
  }

  static VEvent event(String ics) throws Exception {
    Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(ics.getBytes(StandardCharsets.UTF_8)));
    return calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
  }

  static String uid(VEvent event) {
    return event.getUid().orElseThrow().getValue();
  }
}
