package org.vomcase.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.junit.jupiter.api.Test;

/** Which history events mark a case closed in the register, and that every event still reaches the history. */
class CaseEndRecorderTest {

  private final List<String> closed = new ArrayList<>();
  private final List<HistoryEvent> delivered = new ArrayList<>();

  private final CaseRegistry registry = new CaseRegistry(null) {
    @Override
    public void closed(String caseInstanceId, OffsetDateTime closedAt) {
      closed.add(caseInstanceId + "@" + closedAt.toInstant());
    }
  };

  private final HistoryEventHandler history = new HistoryEventHandler() {
    @Override
    public void handleEvent(HistoryEvent event) {
      delivered.add(event);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      delivered.addAll(events);
    }
  };

  private final CaseEndRecorder.Handler handler = new CaseEndRecorder.Handler(history, registry);

  private static HistoricProcessInstanceEventEntity instance(String id, String root, HistoryEventTypes type, Date end) {
    HistoricProcessInstanceEventEntity event = new HistoricProcessInstanceEventEntity();
    event.setProcessInstanceId(id);
    event.setRootProcessInstanceId(root);
    event.setEventType(type.getEventName());
    event.setEndTime(end);
    return event;
  }

  @Test
  void theEndOfACaseInstanceClosesItAsOfItsEnd() {
    Date end = new Date(1_780_000_000_000L);
    handler.handleEvent(instance("case-1", "case-1", HistoryEventTypes.PROCESS_INSTANCE_END, end));

    assertThat(closed).containsExactly("case-1@" + end.toInstant());
    assertThat(delivered).hasSize(1);
  }

  @Test
  void theEndOfACalledProcessTheStartOfACaseAndOtherEventsCloseNothing() {
    HistoricVariableUpdateEventEntity variable = new HistoricVariableUpdateEventEntity();
    variable.setProcessInstanceId("case-1");
    variable.setEventType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE.getEventName());
    List<HistoryEvent> events = List.of(
        instance("call-1", "case-1", HistoryEventTypes.PROCESS_INSTANCE_END, new Date()),
        instance("case-1", "case-1", HistoryEventTypes.PROCESS_INSTANCE_START, null),
        instance("case-1", "case-1", HistoryEventTypes.PROCESS_INSTANCE_UPDATE, null),
        variable);

    handler.handleEvents(events);

    assertThat(closed).isEmpty();
    assertThat(delivered).containsExactlyElementsOf(events);
  }

  @Test
  void severalEventsAtOnceCloseEachEndedCase() {
    Date end = new Date(1_780_000_000_000L);
    handler.handleEvents(List.of(instance("case-1", "case-1", HistoryEventTypes.PROCESS_INSTANCE_END, end),
        instance("case-2", null, HistoryEventTypes.PROCESS_INSTANCE_END, end)));

    assertThat(closed).containsExactly("case-1@" + end.toInstant(), "case-2@" + end.toInstant());
  }
}
