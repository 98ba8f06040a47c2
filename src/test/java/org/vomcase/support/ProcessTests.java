package org.vomcase.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.vomcase.process.CaseInputException;

/** Small helpers the diagram unit tests share: the engine clock's dates, async jobs, refused task input. */
public final class ProcessTests {

  private ProcessTests() {}

  /** A local date-time of the programme's time zone as the engine's clock takes it. */
  public static Date at(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
  }

  /** The instance's one waiting asynchronous continuation (a service task after its transaction boundary). */
  public static Job asyncJob(ProcessInstance instance) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).messages().singleResult();
  }

  /** Completing the task with this input is refused with the message, caused by a check of the input. */
  public static void assertRefused(String taskId, Map<String, Object> input, String message) {
    Assertions.assertThatThrownBy(() -> taskService().complete(taskId, input))
        .hasMessageContaining(message).hasRootCauseInstanceOf(CaseInputException.class);
  }
}
