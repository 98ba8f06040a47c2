package org.vomcase.access;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Marks a case closed in the case register ({@code vom_case.closed_at}) when its instance ends, however it ends: by its
 * closure (which writes the mark itself, so this finds it set), or otherwise: an operator cancelling it through the
 * engine's Java API (custom listeners skipped or not), a modification that cancels its last activity (no route of the
 * application cancels a case; this is the net under every other way). It reads the
 * engine's own history event of the instance's end, which the engine produces for each of these, in the transaction
 * that ends the instance: the register's running cases are exactly the engine's, and whoever counts them (the figures)
 * needs no look into the engine's tables.
 *
 * <p>Installed after the engine's configuration is complete, around whatever history handler it has (the database's,
 * with {@code ConfidentialHistoryFilter} in front of it): every event goes on to it unchanged.
 */
@Component
public class CaseEndRecorder extends AbstractProcessEnginePlugin {

  private final CaseRegistry registry;

  public CaseEndRecorder(CaseRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    install(configuration, registry);
  }

  /** Puts the recorder around the configuration's history handler (also the tests' engines). */
  public static void install(ProcessEngineConfigurationImpl configuration, CaseRegistry registry) {
    configuration.setHistoryEventHandler(new Handler(configuration.getHistoryEventHandler(), registry));
  }

  static final class Handler implements HistoryEventHandler {

    private final HistoryEventHandler delegate;
    private final CaseRegistry registry;

    Handler(HistoryEventHandler delegate, CaseRegistry registry) {
      this.delegate = delegate;
      this.registry = registry;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      delegate.handleEvent(event);
      recordEnd(event);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      delegate.handleEvents(events);
      events.forEach(this::recordEnd);
    }

    /** Only the end of a root instance (a case's own instance, never one of its called processes) is of interest. */
    private void recordEnd(HistoryEvent event) {
      if (event instanceof HistoricProcessInstanceEventEntity instance
          && HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(instance.getEventType())
          && instance.getProcessInstanceId() != null
          && (instance.getRootProcessInstanceId() == null
              || instance.getProcessInstanceId().equals(instance.getRootProcessInstanceId()))) {
        Date end = instance.getEndTime() != null ? instance.getEndTime() : ClockUtil.getCurrentTime();
        registry.closed(instance.getProcessInstanceId(), OffsetDateTime.ofInstant(end.toInstant(), ZoneId.systemDefault()));
      }
    }
  }
}
