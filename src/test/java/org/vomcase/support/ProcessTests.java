package org.vomcase.support;

import org.camunda.bpm.engine.ProcessEngine;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.vomcase.notification.NotificationService;
import org.vomcase.notification.ReferrerReportDelegate;
import org.vomcase.notification.SendNotificationDelegate;
import org.vomcase.notification.TaskOverdueReminder;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.process.TaskNames;

/**
 * Small helpers the diagram unit tests share: the beans every diagram's messages use, the reset after
 * each test, the engine clock's dates, async jobs, refused task input.
 */
public final class ProcessTests {

  private ProcessTests() {}

  /**
   * The beans the diagrams' tasks and messages use: task names, the decision tables' facts from the persons, the overdue
   * reminder, the notification and report delegates.
   */
  public static void registerMessaging(NotificationService notifications) {
    Mocks.register("taskNames", new TaskNames());
    Mocks.register("referralFacts", new org.vomcase.process.referral.ReferralFacts());
    Mocks.register("taskOverdueReminder", new TaskOverdueReminder(notifications));
    Mocks.register("sendNotificationDelegate", new SendNotificationDelegate(notifications));
    Mocks.register("referrerReportDelegate", new ReferrerReportDelegate(notifications));
  }

  /**
   * Before each diagram test: BPM Assert on the test's engine, the engine clock at {@code now} (none:
   * the real clock), every notification delivered, and the messaging beans registered.
   */
  public static void init(ProcessEngine engine, LocalDateTime now, NotificationService notifications) {
    BpmnAwareTests.init(engine);
    if (now != null) {
      ClockUtil.setCurrentTime(at(now));
    }
    org.mockito.Mockito.when(notifications.send(org.mockito.ArgumentMatchers.any())).thenReturn(true);
    registerMessaging(notifications);
  }

  /** After each diagram test: the real clock again, no beans, no engine for BPM Assert. */
  public static void reset() {
    ClockUtil.reset();
    Mocks.reset();
    BpmnAwareTests.reset();
  }

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
