package org.vomcase.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.context.ConfigurableApplicationContext;

/** Every variable of every running case, read back through the engine and the case model: none is unreadable. */
final class CaseReadCheck {

  private CaseReadCheck() {}

  static void assertEveryValueReadable(ConfigurableApplicationContext app, ProcessEngine engine) {
    List<String> unreadable = new ArrayList<>();
    for (VariableInstance variable : engine.getRuntimeService().createVariableInstanceQuery().list()) {
      if (variable.getErrorMessage() != null) {
        unreadable.add(variable.getName() + " of " + variable.getProcessInstanceId() + ": " + variable.getErrorMessage());
      }
    }
    assertThat(unreadable).as("variables the engine cannot read back").isEmpty();
  }
}
