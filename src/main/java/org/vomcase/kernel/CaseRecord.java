package org.vomcase.kernel;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/** A closed case's variables as its history keeps them (the case instance's own scope). */
public final class CaseRecord {

  private CaseRecord() {}

  /** The variables of the case instance, by name. */
  public static Function<String, Object> of(String caseInstanceId, HistoryService history) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processInstanceId(caseInstanceId)
        .list()) {
      if (variable.getActivityInstanceId() == null || variable.getActivityInstanceId().equals(caseInstanceId)
          || !values.containsKey(variable.getName())) {
        values.put(variable.getName(), variable.getValue());
      }
    }
    return values::get;
  }
}
