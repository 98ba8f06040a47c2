package org.vomcase.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.context.ConfigurableApplicationContext;
import org.vomcase.kernel.CaseVariable;
import org.vomcase.kernel.CaseVariables;

/**
 * Every variable of every running case, read back through the engine and through the case model: none is
 * unreadable, each declared variable reads as its declared type, and a record written back gives the JSON the
 * case held (key for key), so the new code neither fails on nor rewrites what the earlier version stored.
 */
final class CaseReadCheck {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CaseReadCheck() {}

  static void assertEveryValueReadable(ConfigurableApplicationContext app, ProcessEngine engine) {
    Map<String, CaseVariable<?>> declared = declared();
    List<String> unreadable = new ArrayList<>();
    int typed = 0;
    for (VariableInstance variable : engine.getRuntimeService().createVariableInstanceQuery().list()) {
      String where = variable.getName() + " of " + variable.getProcessInstanceId();
      if (variable.getErrorMessage() != null) {
        unreadable.add(where + ": " + variable.getErrorMessage());
        continue;
      }
      CaseVariable<?> type = declared.get(variable.getName());
      if (type == null || variable.getValue() == null) {
        continue;
      }
      try {
        String problem = roundTrip(type, variable.getValue());
        if (problem != null) {
          unreadable.add(where + ": " + problem);
        }
        typed++;
      } catch (RuntimeException e) {
        unreadable.add(where + " as declared in CaseVariables: " + e);
      }
    }
    assertThat(unreadable).as("variables the engine or the case model cannot read back").isEmpty();
    assertThat(typed).as("variables read through their declared types").isGreaterThan(100);
  }

  /** Reads the stored value as its declared type; a Json record written back must be the JSON that was stored. */
  private static <T> String roundTrip(CaseVariable<T> type, Object stored) {
    T value = type.read(stored);
    if (value == null) {
      return "reads as nothing: " + stored;
    }
    if (stored instanceof SpinJsonNode json && type.value(value) instanceof JsonValue written) {
      try {
        if (!JSON.readTree(json.toString()).equals(JSON.readTree(written.getValueSerialized()))) {
          return "written back as " + written.getValueSerialized() + " instead of " + json;
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return e.toString();
      }
    }
    return null;
  }

  private static Map<String, CaseVariable<?>> declared() {
    Map<String, CaseVariable<?>> declared = new HashMap<>();
    for (Field field : CaseVariables.class.getFields()) {
      try {
        if (field.get(null) instanceof CaseVariable<?> variable) {
          declared.put(variable.name(), variable);
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    return declared;
  }
}
