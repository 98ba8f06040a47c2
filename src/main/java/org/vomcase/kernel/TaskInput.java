package org.vomcase.kernel;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The checks of a task form's submission (fail-first {@link InputCheck}): the value of a field the task's
 * form submitted, refused with the field's name at the first problem.
 */
public final class TaskInput {

  private TaskInput() {}

  /** The field's value, which must be one of the vocabulary's values. */
  public static String required(DelegateTask task, CaseVariable<?> field, Map<String, String> vocabulary) {
    return InputCheck.failFirst().oneOf(field.name(), value(task, field), vocabulary, true);
  }

  /** A required date that is not in the future. */
  public static LocalDate pastDate(DelegateTask task, CaseVariable<?> field) {
    return InputCheck.failFirst().pastDate(field.name(), value(task, field), today(), true);
  }

  /** A required date. */
  public static LocalDate date(DelegateTask task, CaseVariable<?> field) {
    return InputCheck.failFirst().date(field.name(), value(task, field), true);
  }

  /** Required text of a length between min and max characters (trimmed). */
  public static String text(DelegateTask task, CaseVariable<?> field, int min, int max) {
    return InputCheck.failFirst().text(field.name(), value(task, field), min, max, true);
  }

  /** Today in the engine's clock (settable in tests). */
  public static LocalDate today() {
    return CaseClock.today();
  }

  private static Object value(DelegateTask task, CaseVariable<?> field) {
    Object value = task.getVariable(field.name());
    // Tasklist's date picker and the REST API give dates as text; a typed Date from the REST API reads the same.
    return value instanceof java.util.Date date ? Dates.orNull(date) : value;
  }
}
