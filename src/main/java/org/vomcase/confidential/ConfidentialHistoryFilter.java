package org.vomcase.confidential;

import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * The engine's history writer, minus every event that carries a confidential field's value: the
 * variable's creation, updates and removal, and the form property the form submission records. The
 * history keeps everything else at level full. ("Filtering sensible data", Camunda's performance
 * guide.) A form field that only echoes a working value the form showed ({@code CaseVariables.WORKING_VALUES}, e.g. the
 * persons in words) is not recorded either: the engine's history level decides per submission, not per field
 * ({@code CaseHistoryLevel} keeps the variables themselves out).
 */
public class ConfidentialHistoryFilter implements HistoryEventHandler {

  private final HistoryEventHandler delegate;

  public ConfidentialHistoryFilter(HistoryEventHandler delegate) {
    this.delegate = delegate;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!isConfidential(event)) {
      delegate.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  static boolean isConfidential(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return ConfidentialField.VARIABLES.contains(variable.getVariableName());
    }
    if (event instanceof HistoricFormPropertyEventEntity formProperty) {
      return ConfidentialField.VARIABLES.contains(formProperty.getPropertyId())
          || org.vomcase.kernel.CaseVariables.WORKING_VALUES.contains(formProperty.getPropertyId());
    }
    return false;
  }
}
