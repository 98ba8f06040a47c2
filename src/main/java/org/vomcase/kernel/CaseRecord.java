package org.vomcase.kernel;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/** A closed case's variables as its history keeps them (the case instance's own scope). */
public final class CaseRecord {

  private CaseRecord() {}

  /**
   * The variables of the case instance, by name: the value of the instance's own scope, else the first value a step of
   * the case held (a person's call, a preparation), never a step's null (a call's output mapping writes a null for what
   * its called process did not have, a guardian for an adult) in place of another step's value.
   */
  public static Function<String, Object> of(String caseInstanceId, HistoryService history) {
    return of(history.createHistoricVariableInstanceQuery().processInstanceId(caseInstanceId), caseInstanceId);
  }

  /** The same, of the named variables only (the persons, for a reader that needs nothing else): one narrower query. */
  public static Function<String, Object> of(String caseInstanceId, HistoryService history, CaseVariable<?>... only) {
    // A fact kept in a record (the referral's) is read from its own variable or from the record.
    String[] names = java.util.Arrays.stream(only).flatMap(variable -> variable.holder() == null
        ? java.util.stream.Stream.of(variable.name()) : java.util.stream.Stream.of(variable.name(), variable.holder()))
        .distinct().toArray(String[]::new);
    return of(history.createHistoricVariableInstanceQuery().processInstanceId(caseInstanceId).variableNameIn(names),
        caseInstanceId);
  }

  private static Function<String, Object> of(org.camunda.bpm.engine.history.HistoricVariableInstanceQuery query,
      String caseInstanceId) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance variable : query.list()) {
      boolean instanceScope = variable.getActivityInstanceId() == null || variable.getActivityInstanceId().equals(caseInstanceId);
      if (instanceScope || variable.getValue() != null && !values.containsKey(variable.getName())) {
        values.put(variable.getName(), variable.getValue());
      }
    }
    return values::get;
  }
}
