package org.vomcase.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;
import org.vomcase.settings.EveryUserTask;

/**
 * The task name with the case number for a step added with the element template "Mediator's step" (a Camunda 7 element
 * template cannot add a task listener, but it can set an extension property): a user task with the extension property
 * {@value #PROPERTY} = {@value #CASE} is named as {@link TaskNames#forCase} names the diagrams' own steps
 * ("Schedule the session: VOM-2026-00042"). A task without the property keeps its name.
 */
@Component
public class TaskNameProperty extends AbstractProcessEnginePlugin {

  /** The extension property that asks for the case number in the task's name. */
  public static final String PROPERTY = "vomTaskName";

  /** Its value: the task's label, then the case number. */
  public static final String CASE = "withCaseNumber";

  public static final TaskListener NAME_WITH_CASE_NUMBER = (DelegateTask task) -> {
    if (CASE.equals(property(task))) {
      new TaskNames().forCase(task);
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.addListener(configuration, TaskListener.EVENTNAME_CREATE, NAME_WITH_CASE_NUMBER);
  }

  private static String property(DelegateTask task) {
    UserTask userTask = task.getBpmnModelElementInstance();
    ExtensionElements extensions = userTask == null ? null : userTask.getExtensionElements();
    if (extensions == null) {
      return null;
    }
    for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty property : properties.getCamundaProperties()) {
        if (PROPERTY.equals(property.getCamundaName())) {
          return property.getCamundaValue();
        }
      }
    }
    return null;
  }
}
