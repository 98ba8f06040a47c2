package org.vomcase.process.referral;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.vomcase.process.CaseInputException;

/** Server-side checks of what a user submitted with a task form; each failure names the field. */
final class TaskInput {

  private TaskInput() {}

  /** The field's value, which must be one of the vocabulary's values. */
  static String required(DelegateTask task, String field, Map<String, String> vocabulary) {
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
  static LocalDate pastDate(DelegateTask task, String field) {
    Object value = task.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      throw new CaseInputException(field, "is required");
    }
    LocalDate date;
    try {
      String text = value.toString().trim();
      date = LocalDate.parse(text.substring(0, Math.min(10, text.length())));
    } catch (DateTimeParseException e) {
      throw new CaseInputException(field, "'" + value + "' is not a date (YYYY-MM-DD)");
    }
    if (date.isAfter(ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate())) {
      throw new CaseInputException(field, "must not be in the future");
    }
    return date;
  }
}
