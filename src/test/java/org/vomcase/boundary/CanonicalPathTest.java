package org.vomcase.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The firewall's one spelling of a path: what is decoded, what is refused. */
class CanonicalPathTest {

  @ParameterizedTest(name = "{0} means {1}")
  @CsvSource({
    "/engine-rest/task/1/comment,          /engine-rest/task/1/comment",
    "/engine-rest/task/1/%63omment,        /engine-rest/task/1/comment",
    "/engine-rest/task/,                   /engine-rest/task",
    "/,                                    /",
    "/vom/case-file,                       /vom/case-file",
    "/engine-rest/user/J%C3%BCrgen/profile, /engine-rest/user/Jürgen/profile"
  })
  void decodesOnceAndDropsOneTrailingSlash(String raw, String canonical) throws CanonicalPath.Refused {
    assertThat(CanonicalPath.of(raw)).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(strings = {
    "/engine-rest/task/1/comment;x=1/create", "/engine-rest/task;jsessionid=1", "/engine-rest//task",
    "/engine-rest/task%2F1", "/engine-rest/task%2f1", "/engine-rest/%2e%2e/task", "/engine-rest/task/%2E",
    "/engine-rest/task/1/../2", "/engine-rest/./task", "/engine-rest/task/..", "/engine-rest\\task", "/engine-rest/task%5C1",
    "/engine-rest/task%251", "/engine-rest/task%3B1", "/engine-rest/task%00", "/engine-rest/task%0A", "/engine-rest/task%",
    "/engine-rest/task%G1", "/engine-rest/task%FF", "engine-rest/task", "/engine-rest/task 1"
  })
  void refusesWhatTwoLayersCouldReadInTwoWays(String raw) {
    assertThatThrownBy(() -> CanonicalPath.of(raw)).isInstanceOf(CanonicalPath.Refused.class);
  }
}
