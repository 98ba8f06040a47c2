package org.vomcase.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Route templates as JAX-RS writes them, and which of several matching templates a path means. */
class PathTemplateTest {

  @Test
  void variablesTakeOneSegmentATailTakesTheRest() {
    assertThat(PathTemplate.of("/task/{id}/claim").match("/task/42/claim")).isEqualTo(Map.of("id", "42"));
    assertThat(PathTemplate.of("/task/{id}/claim").match("/task/42/claim/x")).isNull();
    assertThat(PathTemplate.of("/task/{id}").match("/task/")).isNull();
    assertThat(PathTemplate.of("/static/{file:.*}").match("/static/app/plugin.js")).isEqualTo(Map.of("file", "app/plugin.js"));
    assertThat(PathTemplate.normalise("/{name}//process-definition/")).isEqualTo("/{name}/process-definition");
  }

  @Test
  void theMostLiteralTemplateWinsAsInJaxRs() {
    List<PathTemplate> templates = List.of(PathTemplate.of("/process-definition/{id}"),
        PathTemplate.of("/process-definition/statistics"), PathTemplate.of("/process-definition/count"));
    PathTemplate chosen = templates.stream().filter(t -> t.match("/process-definition/statistics") != null)
        .min(PathTemplate.MOST_SPECIFIC_FIRST).orElseThrow();
    assertThat(chosen).hasToString("/process-definition/statistics");
  }

  @Test
  void bothSpellingsOfTheEngineApiLandOnTheSameRoute() {
    assertThat(Entry.locate("/engine-rest/task/1", "/camunda/api")).isEqualTo(new Entry.Located(Entry.ENGINE, "/task/1"));
    assertThat(Entry.locate("/engine-rest/engine/default/task/1", "/camunda/api"))
        .isEqualTo(new Entry.Located(Entry.ENGINE, "/task/1"));
    assertThat(Entry.locate("/camunda/api/engine/engine/default/task/1", "/camunda/api"))
        .isEqualTo(new Entry.Located(Entry.ENGINE, "/task/1"));
    assertThat(Entry.locate("/engine-rest/engine/other/task/1", "/camunda/api"))
        .isEqualTo(new Entry.Located(Entry.ENGINE, "/engine/other/task/1"));
    assertThat(Entry.locate("/camunda/api/cockpit/plugin/base/default/incident", "/camunda/api").entry()).isEqualTo(Entry.WEBAPP);
    assertThat(Entry.locate("/vom/case-file", "/camunda/api").entry()).isEqualTo(Entry.APPLICATION);
    assertThat(Entry.locate("/camunda/app/tasklist/default/", "/camunda/api")).isNull();
  }
}
