package org.vomcase.process;

import static org.vomcase.kernel.CaseVariables.CASE_NUMBER;
import static org.vomcase.kernel.CaseVariables.CHECK_ROUND;
import static org.vomcase.kernel.CaseVariables.OBLIGATION;
import static org.vomcase.kernel.CaseVariables.PERSON_ID;
import static org.vomcase.kernel.CaseVariables.PERSON_LABEL;
import static org.vomcase.kernel.CaseVariables.PERSON_NAME;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.Obligation;
import org.vomcase.kernel.Person;
import org.vomcase.kernel.Vocabularies;
import org.vomcase.settings.StaffLanguage;

/**
 * Task listeners (create) that make a task's name say which case and which person it is about, while
 * the diagram keeps its business label: "Call the person for consent: O1, VOM-2026-00042". A task's name
 * is seen by everyone who sees the task, administrators included, so it names the person by their id in
 * the case only; the name ("Carl Vogt (O1)") goes into the task variable {@code personLabel}, which only
 * those who read the task's values see (Tasklist's "Person" column).
 */
@Component("taskNames")
public class TaskNames {

  private final StaffLanguage language;
  private final Vocabularies vocabularies;

  /** Names in English with the built-in vocabularies (diagram tests). */
  public TaskNames() {
    this(StaffLanguage.of(StaffLanguage.SOURCE), Vocabularies.builtIn());
  }

  /** Names in the staff language: the item's kind and the instalment in its words. */
  @Autowired
  public TaskNames(StaffLanguage language, Vocabularies vocabularies) {
    this.language = language;
    this.vocabularies = vocabularies;
  }

  public void forCase(DelegateTask task) {
    task.setName(task.getName() + ": " + CASE_NUMBER.from(task));
  }

  /**
   * A task about one item of the agreement (monitor-obligation): the item's id and kind, the instalment of a payment,
   * and the second check after the grace period, so that two open checks of one case never have the same name:
   * "Check that the item was fulfilled: I1 Payment, instalment 2 of 3: VOM-2026-00042". Never the free-text details
   * or names (the name is seen by everyone who sees the task).
   */
  public void forObligation(DelegateTask task) {
    Obligation obligation = OBLIGATION.from(task);
    String kind = vocabularies.itemKinds().labels(language.code()).getOrDefault(obligation.kind().code(),
        obligation.kind().label());
    StringBuilder item = new StringBuilder(obligation.itemId()).append(' ').append(kind);
    if (obligation.instalment() != null) {
      item.append(", ").append(language.text("staff.task.instalment", obligation.instalment(), obligation.instalments()));
    }
    Integer round = CHECK_ROUND.from(task);
    if (round != null && round > 1) {
      item.append(", ").append(language.text("staff.task.afterGracePeriod"));
    }
    task.setName(task.getName() + ": " + item + ": " + CASE_NUMBER.from(task));
  }

  public void forPerson(DelegateTask task) {
    forPerson(task, PERSON_ID.from(task), PERSON_NAME.from(task));
  }

  /** The task's name with the person's id and the case number, and the person's name where only readers see it. */
  public static void forPerson(DelegateTask task, Person person) {
    forPerson(task, person.personId(), person.name());
  }

  private static void forPerson(DelegateTask task, String personId, String personName) {
    task.setName(task.getName() + ": " + personId + ", " + CASE_NUMBER.from(task));
    PERSON_LABEL.on(task).setLocal(personName + " (" + personId + ")");
  }
}
