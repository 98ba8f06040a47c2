package org.vomcase.notification;

import static org.vomcase.kernel.CaseVariables.CASE_INSTANCE_ID;

import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.vomcase.kernel.Case;
import org.vomcase.kernel.CaseRecord;

/**
 * The case as a message needs it, from any diagram: the execution's own variables first (the person
 * of a contact, the obligation of a check), then the case instance's (the persons, the consent book,
 * the referrer), found by walking up the call activities; a closed case's retention process reads the
 * case's record in the history ({@code caseInstanceId}), since it keeps no personal data itself.
 */
public final class CaseVariablesView {

  private static final CaseRecord CASE_RECORD = new CaseRecord();

  private CaseVariablesView() {}

  public static Case of(DelegateExecution execution) {
    DelegateExecution root = execution.getProcessInstance();
    while (root.getSuperExecution() != null) {
      root = root.getSuperExecution().getProcessInstance();
    }
    String caseInstanceId = CASE_INSTANCE_ID.from(root);
    Function<String, Object> caseScope = caseInstanceId == null ? root::getVariable
        : CASE_RECORD.of(caseInstanceId, execution.getProcessEngineServices().getHistoryService());
    return Case.of(name -> {
      Object own = execution.getVariable(name);
      return own != null ? own : caseScope.apply(name);
    });
  }
}
