package org.vomcase.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;

/** A closed case's variables as its history keeps them: the instance's own value first, a step's value else, no step's null. */
class CaseRecordTest {

  private static final String CASE = "case-1";

  @Test
  void theInstancesOwnValueWinsAndAStepsNullNeverHidesAnotherStepsValue() {
    HistoryService history = mock(HistoryService.class, RETURNS_DEEP_STUBS);
    List<HistoricVariableInstance> kept = List.of(
        variable("meetingType", null, "call-victim"),           // a preparation whose person gave no meeting type
        variable("meetingType", "direct", "call-offender"),     // the other preparation's answer
        variable("guardianName", null, "call-offender"),        // an adult's contact: no guardian
        variable("sessionOutcome", "agreement", "call-session"),
        variable("sessionOutcome", "no_agreement", null),       // the case's own value
        variable("closureNote", null, CASE));                   // the case's own null stays null
    when(history.createHistoricVariableInstanceQuery().processInstanceId(CASE).list()).thenReturn(kept);

    var record = CaseRecord.of(CASE, history);

    assertThat(record.apply("meetingType")).isEqualTo("direct");
    assertThat(record.apply("guardianName")).isNull();
    assertThat(record.apply("sessionOutcome")).isEqualTo("no_agreement");
    assertThat(record.apply("closureNote")).isNull();
    assertThat(record.apply("never")).isNull();
  }

  private static HistoricVariableInstance variable(String name, Object value, String activityInstanceId) {
    HistoricVariableInstance variable = mock(HistoricVariableInstance.class);
    when(variable.getName()).thenReturn(name);
    when(variable.getValue()).thenReturn(value);
    when(variable.getActivityInstanceId()).thenReturn(activityInstanceId);
    return variable;
  }
}
