package org.vomcase.process.preparation;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;

/**
 * "Hold the preparation meeting" (R9, R10): the meeting happened (date, format), every point of the
 * checklist was covered, readiness is recorded; a victim's choices are complete (a direct meeting
 * needs a place).
 */
@Component("preparationMeetingListener")
public class PreparationMeetingListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskInput.pastDate(task, MEETING_DATE);
    TaskInput.required(task, MEETING_FORMAT, Vocabulary.MEETING_FORMATS);
    List<String> covered = values(task.getVariable(CHECKLIST));
    List<String> missing = new ArrayList<>();
    Vocabulary.PREPARATION_CHECKLIST.forEach((point, label) -> {
      if (!covered.contains(point)) {
        missing.add(label);
      }
    });
    if (!missing.isEmpty()) {
      throw new CaseInputException(CHECKLIST, "not yet covered: " + String.join("; ", missing));
    }
    for (String wish : values(task.getVariable(WISHES))) {
      if (!Vocabulary.WISHES.containsKey(wish)) {
        throw new CaseInputException(WISHES, "'" + wish + "' is not one of " + String.join(", ", Vocabulary.WISHES.keySet()));
      }
    }
    TaskInput.required(task, READINESS, Vocabulary.READINESS);
    // The concerns themselves become a confidential note (ConfidentialFieldsListener); the case keeps that there are some.
    Object concerns = task.getVariable(org.vomcase.kernel.CaseVariables.SAFETY_CONCERNS);
    task.setVariable(org.vomcase.kernel.CaseVariables.SAFETY_CONCERNS_RECORDED, concerns instanceof String text && !text.isBlank());
    if ("victim".equals(task.getVariable(PERSON_ROLE))) {
      String type = TaskInput.required(task, MEETING_TYPE, Vocabulary.MEETING_TYPES);
      TaskInput.required(task, FIRST_SPEAKER, Vocabulary.FIRST_SPEAKERS);
      if ("direct".equals(type)) {
        TaskInput.text(task, PREFERRED_PLACE, 3, 300);
      }
    }
  }

  /** The values of a checklist field as Tasklist (Json), the REST API (list) or a test (list) submits them. */
  static List<String> values(Object value) {
    List<String> values = new ArrayList<>();
    if (value instanceof SpinJsonNode node && node.isArray()) {
      node.elements().forEach(element -> values.add(element.stringValue()));
    } else if (value instanceof List<?> list) {
      list.forEach(element -> values.add(String.valueOf(element)));
    } else if (value instanceof String text && text.startsWith("[")) {
      org.vomcase.kernel.JsonVariables.node(text).elements().forEach(element -> values.add(element.stringValue()));
    }
    return values;
  }
}
