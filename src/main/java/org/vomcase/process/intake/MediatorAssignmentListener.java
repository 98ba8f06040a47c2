package org.vomcase.process.intake;

import static org.vomcase.kernel.CaseVariables.CO_MEDIATOR;
import static org.vomcase.kernel.CaseVariables.LEAD_MEDIATOR;
import static org.vomcase.kernel.CaseVariables.MEDIATORS;
import static org.vomcase.kernel.CaseVariables.MEDIATOR_OPTIONS;
import static org.vomcase.kernel.CaseVariables.PERSONS_SHOWN;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vomcase.access.CaseAccess;
import org.vomcase.access.CaseRegistry;
import org.vomcase.identity.MediatorDirectory;
import org.vomcase.settings.StaffLanguage;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.Option;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.Vocabulary;

/**
 * "Assign mediators" and "Reassign the case's mediators": offers the current mediators in the form when
 * the task is created (each with their open cases), with the case's persons in words, and on completion checks the choice (a mediator, and a different second one for
 * co-mediation) before recording the case's mediators in the case register ({@link CaseRegistry}, which
 * access and delivery read, and which gives them the case); a reassignment moves the case's running parts
 * from the mediators before to the new ones ({@link CaseAccess}). The variables it sets drive the diagrams' task assignment.
 */
@Component("mediatorAssignmentListener")
public class MediatorAssignmentListener implements TaskListener {

  private final MediatorDirectory directory;
  private final CaseAccess caseAccess;
  private final CaseRegistry registry;
  private final StaffLanguage language;

  public MediatorAssignmentListener(MediatorDirectory directory, CaseAccess caseAccess, CaseRegistry registry,
      StaffLanguage language) {
    this.directory = directory;
    this.caseAccess = caseAccess;
    this.registry = registry;
    this.language = language;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> offerMediators(task);
      case EVENTNAME_COMPLETE -> recordMediators(task);
      default -> throw new IllegalStateException("Not bound to task event " + task.getEventName());
    }
  }

  /**
   * The choice the coordinator makes it from: each mediator with their open cases ("Mara Jensen — 12 open cases"), and
   * the case's persons with what matters for the choice (age, language, interpreter; a legal person's representative).
   */
  private void offerMediators(DelegateTask task) {
    Map<String, Long> open = registry.runningCasesByMediator(null);
    MEDIATOR_OPTIONS.on(task).setLocal(directory.mediators().stream().map(m -> new Option(m.displayName() + " — "
        + caseload(open.getOrDefault(m.userId(), 0L)), m.userId())).toList());
    PERSONS_SHOWN.on(task).setLocal(String.join("\n", Case.seenFrom(task.getExecution()).persons().stream()
        .map(person -> inWords(person, language)).toList()));
  }

  private String caseload(long open) {
    return open == 0 ? language.text("staff.caseload.none") : open == 1 ? language.text("staff.caseload.one")
        : language.text("staff.caseload.many", open);
  }

  /** "V1 Ana Roth, victim, 46 years, German" with ", under 18" and ", needs an interpreter" where they apply. */
  static String inWords(Person person, StaffLanguage language) {
    StringBuilder line = new StringBuilder(person.label()).append(", ")
        .append(language.text("staff.person.role." + person.role().code()));
    if (person.representative() != null && !person.representative().isBlank()) {
      line.append(", ").append(language.text("staff.person.representedBy", person.representative()));
    }
    if (person.dateOfBirth() != null) {
      line.append(", ").append(language.text("staff.person.age",
          Period.between(person.dateOfBirth(), CaseClock.today()).getYears()));
    }
    if (person.minor()) {
      line.append(", ").append(language.text("staff.person.minor"));
    }
    if (person.preferredLanguage() != null) {
      line.append(", ").append(language.isSource()
          ? Vocabulary.LANGUAGES.getOrDefault(person.preferredLanguage(), person.preferredLanguage())
          : java.util.Locale.forLanguageTag(person.preferredLanguage()).getDisplayLanguage(language.locale()));
    }
    if (person.interpreterNeeded()) {
      line.append(", ").append(language.text("staff.person.interpreter"));
    }
    return line.toString();
  }

  private void recordMediators(DelegateTask task) {
    String lead = blankToNull(LEAD_MEDIATOR.from(task));
    String co = blankToNull(CO_MEDIATOR.from(task));
    if (lead == null) {
      throw CaseInputException.of(LEAD_MEDIATOR, "error.mediators.choose");
    }
    if (!directory.isMediator(lead)) {
      throw CaseInputException.of(LEAD_MEDIATOR, "error.mediators.notAMediator", lead);
    }
    if (co != null && co.equals(lead)) {
      throw CaseInputException.of(CO_MEDIATOR, "error.mediators.coMediatorDifferent");
    }
    if (co != null && !directory.isMediator(co)) {
      throw CaseInputException.of(CO_MEDIATOR, "error.mediators.notAMediator", co);
    }
    List<String> mediators = new ArrayList<>(List.of(lead));
    if (co != null) {
      mediators.add(co);
    }
    String caseNumber = task.getExecution().getProcessBusinessKey();
    List<String> before = registry.mediators(caseNumber);
    // The first assignment needs nothing but the register (below) and the tasks' own grants; a reassignment moves
    // the running parts of the case.
    if (!before.isEmpty()) {
      // The same mediators in the same roles (a swap of lead and co-mediator is a change).
      if (before.equals(mediators)) {
        throw CaseInputException.of(LEAD_MEDIATOR, "error.mediators.unchanged");
      }
      caseAccess.reassign(caseNumber, task.getProcessInstanceId(), before, lead, mediators);
    }
    registry.setMediators(caseNumber, mediators);
    LEAD_MEDIATOR.on(task.getExecution()).set(lead);
    CO_MEDIATOR.on(task.getExecution()).set(co);
    MEDIATORS.on(task.getExecution()).set(mediators);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
