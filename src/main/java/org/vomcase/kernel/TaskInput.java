package org.vomcase.kernel;

import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.CaseClock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Server-side checks of what a user submitted with a task form; each failure names the field. */
public final class TaskInput {

  private TaskInput() {}

  /** The field's value, which must be one of the vocabulary's values. */
  public static String required(DelegateTask task, String field, Map<String, String> vocabulary) {
    Object value = task.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      throw new CaseInputException(field, "is required");
    }
    if (!vocabulary.containsKey(value.toString())) {
      throw new CaseInputException(field, "'" + value + "' is not one of " + String.join(", ", vocabulary.keySet()));
    }
    return value.toString();
  }

  /** A required date (YYYY-MM-DD) that is not in the future. */
  public static LocalDate pastDate(DelegateTask task, String field) {
    LocalDate date = date(task, field);
    if (date.isAfter(today())) {
      throw new CaseInputException(field, "must not be in the future");
    }
    return date;
  }

  /** A required date (YYYY-MM-DD; a date-time's date part counts). */
  public static LocalDate date(DelegateTask task, String field) {
    Object value = task.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      throw new CaseInputException(field, "is required");
    }
    try {
      String text = value.toString().trim();
      return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
    } catch (DateTimeParseException e) {
      throw new CaseInputException(field, "'" + value + "' is not a date (YYYY-MM-DD)");
    }
  }

  /** Required text of a length between min and max characters. */
  public static String text(DelegateTask task, String field, int min, int max) {
    Object value = task.getVariable(field);
    String text = value == null ? "" : value.toString().trim();
    if (text.isEmpty()) {
      throw new CaseInputException(field, "is required");
    }
    if (text.length() < min || text.length() > max) {
      throw new CaseInputException(field, "must have " + min + " to " + max + " characters");
    }
    return text;
  }

  /** Today in the engine's clock (settable in tests). */
  public static LocalDate today() {
    return CaseClock.today();
  }
}
