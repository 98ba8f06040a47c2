package org.vomcase.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vomcase.support.CaseApi.json;

import java.net.http.HttpResponse;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.vomcase.support.AbstractApplicationIT;

/**
 * The case file's "Runs on" of a closed case whose version was deleted afterwards (an administrator removes an old
 * deployment once every running case was moved off it): the history still names the version; the case file opens.
 */
class CaseFileVersionsIT extends AbstractApplicationIT {

  @Test
  void aClosedCaseWhoseVersionWasDeletedStillOpens() {
    String caseNumber = "VOM-2099-99901";
    var model = Bpmn.createExecutableProcess("case-file-versions-it").name("Deleted later").camundaHistoryTimeToLive(1)
        .startEvent().endEvent().done();
    String deployment = engine.getRepositoryService().createDeployment().name("by hand (CaseFileVersionsIT)")
        .addModelInstance("deleted-later.bpmn", model).deploy().getId();
    engine.getRuntimeService().startProcessInstanceByKey("case-file-versions-it", caseNumber);
    engine.getRepositoryService().deleteDeployment(deployment);
    try {
      HttpResponse<String> file = rest("clara").get("/vom/case-file?case=" + caseNumber);
      assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
      var version = json(file).path("versions").path(0);
      assertThat(version.path("process").asText()).isEqualTo("case-file-versions-it");
      assertThat(version.path("version").asInt()).isEqualTo(1);
      assertThat(version.path("running").asBoolean()).isFalse();
    } finally {
      engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
          .forEach(i -> engine.getHistoryService().deleteHistoricProcessInstanceIfExists(i.getId()));
    }
  }
}
