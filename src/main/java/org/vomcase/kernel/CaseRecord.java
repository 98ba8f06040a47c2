package org.vomcase.kernel;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/** A closed case's variables as its history keeps them (the case instance's own scope). */
@Component("caseRecord")
public class CaseRecord {

  public Function<String, Object> of(String caseInstanceId, HistoryService history) {
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
