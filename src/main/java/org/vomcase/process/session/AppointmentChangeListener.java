package org.vomcase.process.session;

import static org.vomcase.kernel.CaseVariables.*;

import java.time.ZonedDateTime;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.Appointment;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseClock;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.TaskInput;
import org.vomcase.kernel.Vocabulary;
import org.vomcase.process.TaskNames;
import org.vomcase.settings.StaffLanguage;

/**
 * "Change the appointment" (indirect mediation, one task per person, open until the person's appointment): on
 * create, the task names the person by id and shows their appointment; on complete, the mediator's change is
 * checked (a new date and time in the future and a place, or a cancellation) and written to that person's
 * appointment alone (a higher sequence); the diagram then sends the update or the cancellation to that person.
 */
@Component("appointmentChangeListener")
public class AppointmentChangeListener implements TaskListener {

  private final StaffLanguage language;

  /** In English (diagram tests). */
  public AppointmentChangeListener() {
    this(StaffLanguage.of(StaffLanguage.SOURCE));
  }

  /** What the form shows, in the staff language. */
  @Autowired
  public AppointmentChangeListener(StaffLanguage language) {
    this.language = language;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      created(task);
    } else {
      completed(task);
    }
  }

  private void created(DelegateTask task) {
    // The last change's choice belongs to that change: the form of the next one starts without a choice.
    APPOINTMENT_CHANGE.on(task.getExecution()).remove();
    Appointment appointment = SessionPlan.appointment(task.getExecution());
    Case.seenFrom(task.getExecution()).person(appointment.personId()).ifPresent(person -> TaskNames.forPerson(task, person));
    APPOINTMENT_SHOWN.on(task).setLocal(SessionPlan.inWords(task, appointment.startAt())
        + ", " + appointment.place() + (appointment.sequence() > 0
        ? " (" + language.text("staff.appointment.changed", String.valueOf(appointment.sequence())) + ")" : ""));
  }

  private static void completed(DelegateTask task) {
    String change = TaskInput.required(task, APPOINTMENT_CHANGE, Vocabulary.APPOINTMENT_CHANGES);
    Appointment appointment = SessionPlan.appointment(task.getExecution());
    Appointment changed;
    if ("cancel".equals(change)) {
      changed = appointment.cancel();
    } else {
      ZonedDateTime start = ScheduleSessionListener.start(task, APPOINTMENT_DATE, APPOINTMENT_TIME, CaseClock.now(),
          "error.session.appointmentNotInTheFuture");
      String place = ScheduleSessionListener.place(task, APPOINTMENT_PLACE);
      if (start.toOffsetDateTime().isEqual(appointment.startAt()) && place.equals(appointment.place())) {
        throw CaseInputException.of(APPOINTMENT_DATE, "error.session.appointmentUnchanged");
      }
      changed = appointment.movedTo(start.toOffsetDateTime(), place);
    }
    Map<String, Appointment> appointments = APPOINTMENTS.from(task);
    appointments.put(changed.personId(), changed);
    APPOINTMENTS.on(task.getExecution()).set(appointments);
    // The form's values belong to this change only: the next person's form starts empty.
    APPOINTMENT_DATE.on(task.getExecution()).remove();
    APPOINTMENT_TIME.on(task.getExecution()).remove();
    APPOINTMENT_PLACE.on(task.getExecution()).remove();
  }
}
