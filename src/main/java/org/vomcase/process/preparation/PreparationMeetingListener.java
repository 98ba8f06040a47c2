package org.vomcase.process.preparation;

import static org.vomcase.kernel.CaseVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.ErrorText;
import org.vomcase.kernel.Side;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;

/**
 * "Hold the preparation meeting" (R9, R10): the meeting happened (date, format), every point of the
 * checklist was covered, readiness is recorded; a victim's choices are complete (a direct meeting
 * needs a place).
 */
@Component("preparationMeetingListener")
public class PreparationMeetingListener implements TaskListener {

  /** The form of the task, whose checklist names the points staff read. */
  private static final String FORM = "preparation-meeting";

  @Override
  public void notify(DelegateTask task) {
    TaskInput.pastDate(task, MEETING_DATE);
    TaskInput.required(task, MEETING_FORMAT, Vocabulary.MEETING_FORMATS);
    List<String> covered = CHECKLIST.from(task);
    List<ErrorText.FormWords> missing = new ArrayList<>();
    Vocabulary.PREPARATION_CHECKLIST.forEach((point, label) -> {
      if (!covered.contains(point)) {
        missing.add(new ErrorText.FormWords(FORM, label));
      }
    });
    if (!missing.isEmpty()) {
      throw CaseInputException.of(CHECKLIST, "error.preparation.notCovered", missing);
    }
    for (String wish : WISHES.from(task)) {
      if (!Vocabulary.WISHES.containsKey(wish)) {
        throw CaseInputException.of(WISHES, "error.notOneOf", wish, String.join(", ", Vocabulary.WISHES.keySet()));
      }
    }
    TaskInput.required(task, READINESS, Vocabulary.READINESS);
    // The concerns themselves become a confidential note (ConfidentialFieldsListener); the case keeps that there are some.
    Object concerns = task.getVariable(SAFETY_CONCERNS.name());
    SAFETY_CONCERNS_RECORDED.on(task).set(concerns instanceof String text && !text.isBlank());
    if (PERSON_ROLE.from(task) == Side.VICTIM) {
      String type = TaskInput.required(task, MEETING_TYPE, Vocabulary.MEETING_TYPES);
      TaskInput.required(task, FIRST_SPEAKER, Vocabulary.FIRST_SPEAKERS);
      if ("direct".equals(type)) {
        TaskInput.text(task, PREFERRED_PLACE, 3, 300);
      }
    }
  }
}
