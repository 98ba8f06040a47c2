package org.vomcase.process.retention;

import static org.vomcase.kernel.CaseVariables.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.vomcase.figures.ClosedCaseFigures;
import org.vomcase.kernel.AgreementItem;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseRecord;
import org.vomcase.kernel.ConsentBook;
import org.vomcase.kernel.ConsentOutcome;
import org.vomcase.kernel.FigureRow;
import org.vomcase.kernel.FollowUp;
import org.vomcase.kernel.Fulfilment;
import org.vomcase.kernel.PartEnded;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.SessionOutcome;

/**
 * "Keep the anonymous figures" (R20, R25): when a case closes, its figures are kept ({@link ClosedCaseFigures}: a row of
 * {@code vom_case_figures} and its counts) without anything that identifies a person or the case: counts, classes (age
 * class at the offence, not the date of birth), vocabulary values, amounts, hours, dates of registration and closure.
 * They survive the deletion of the case. The row's id is derived from the retention instance, so a retried job keeps
 * and counts them once.
 */
@Component("keepCaseFiguresDelegate")
public class CaseFigures implements JavaDelegate {

  /** The first consent call's task: when the case first reached a person. */
  static final String FIRST_CONTACT_TASK = "Task_CallForConsent";

  private final ClosedCaseFigures figures;

  public CaseFigures(ClosedCaseFigures figures) {
    this.figures = figures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = UUID.nameUUIDFromBytes(execution.getProcessInstanceId().getBytes(StandardCharsets.UTF_8)).toString();
    if (figures.kept(id)) {
      return;
    }
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    Case record = Case.of(CaseRecord.of(CASE_INSTANCE_ID.from(execution), history));
    OffsetDateTime registered = record.get(REGISTERED_AT);
    OffsetDateTime closed = CLOSED_AT.from(execution);
    SessionOutcome outcome = record.get(SESSION_OUTCOME);
    FigureRow.Details details = details(record);
    LocalDate firstContact = firstContactOn(history, CASE_NUMBER.from(execution));
    if (firstContact != null) {
      details = details.withFirstContactOn(firstContact);
    }
    figures.keep(new FigureRow(id, PROGRAMME_PROFILE.from(execution), record.get(REFERRAL_SOURCE),
        record.get(PROCEDURAL_STAGE), record.get(OFFENCE_CATEGORY), registered == null ? null : registered.toLocalDate(),
        closed == null ? null : closed.toLocalDate(), codeOf(CLOSURE_REASON.from(execution)),
        record.victims().size(), record.offenders().size(),
        "held".equals(record.get(SESSION_HELD)) && outcome != null ? outcome.code() : null, record.get(MEETING_TYPE),
        codeOf(record.get(AGREEMENT_FULFILMENT)), details));
  }

  /** When the first consent call of the case was made (the phase "referral to first contact", R25). */
  static LocalDate firstContactOn(HistoryService history, String caseNumber) {
    if (caseNumber == null) {
      return null;
    }
    return history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(FIRST_CONTACT_TASK)
        .finished().orderByHistoricTaskInstanceEndTime().asc().listPage(0, 1).stream()
        .map(call -> call.getEndTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate()).findFirst().orElse(null);
  }

  /** Persons (side, age class, consent), items (kind, amount, hours, status, checks) and follow-up answers: no identities. */
  static FigureRow.Details details(Case record) {
    ConsentBook book = record.consents();
    LocalDate offenceDate = record.get(OFFENCE_DATE);
    List<FigureRow.PersonFigure> persons = new ArrayList<>();
    for (Person person : record.persons()) {
      ConsentOutcome consent = book.outcome(person.personId());
      persons.add(new FigureRow.PersonFigure(person.role(), ageClass(person.dateOfBirth(), offenceDate),
          consent == null ? FigureRow.PersonFigure.NOT_ASKED : consent.code(),
          record.partEnded(person.personId()).map(PartEnded::reason).orElse(null)));
    }
    List<String> offenderIds = record.offenders().stream().map(Person::personId).toList();
    Map<String, Fulfilment> fulfilments = record.fulfilments();
    List<FigureRow.ItemFigure> items = new ArrayList<>();
    // Instalments that stopped unchecked when a party withdrew after the agreement.
    java.util.Set<String> stopped = new java.util.HashSet<>();
    record.partsEnded().forEach(part -> stopped.addAll(part.itemsEnded()));
    for (AgreementItem item : record.items()) {
      List<FigureRow.Check> checks = new ArrayList<>();
      fulfilments.forEach((obligationId, check) -> {
        if (obligationId.equals(item.itemId()) || obligationId.startsWith(item.itemId() + "-")) {
          checks.add(new FigureRow.Check(check.status(), check.fulfilledAmount(), check.fulfilledHours(), check.amount(),
              check.hours(), check.escalated()));
        }
      });
      long stoppedChecks = stopped.stream().filter(id -> id.equals(item.itemId()) || id.startsWith(item.itemId() + "-")).count();
      items.add(new FigureRow.ItemFigure(item.kind(), item.amount(), item.hours(), item.instalments(), item.status(),
          offenderIds.indexOf(item.offender()), checks, stoppedChecks == 0 ? null : (int) stoppedChecks));
    }
    List<FigureRow.FollowUpFigure> followUps = new ArrayList<>();
    for (FollowUp answer : record.followUps().values()) {
      followUps.add(new FigureRow.FollowUpFigure(answer.role(), answer.outcome(), answer.satisfaction(), answer.fair(),
          answer.heard(), answer.recommend(), answer.fearChange()));
    }
    OffsetDateTime session = record.get(SESSION_START);
    return new FigureRow.Details(persons, items, followUps, session == null ? null : session.toLocalDate(), null);
  }

  /** child (under 14), juvenile (14-17), young_adult (18-20) or adult, at the offence date. */
  static String ageClass(LocalDate born, LocalDate at) {
    if (born == null) {
      return "unknown";
    }
    int age = Period.between(born, at == null ? LocalDate.now() : at).getYears();
    return age < 14 ? "child" : age < 18 ? "juvenile" : age < 21 ? "young_adult" : "adult";
  }

  private static String codeOf(org.vomcase.kernel.Coded value) {
    return value == null ? null : value.code();
  }
}
