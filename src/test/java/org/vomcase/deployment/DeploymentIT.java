package org.vomcase.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.vomcase.support.AbstractApplicationIT;
import org.vomcase.support.SecondaryApplication;

/** Diagrams and forms are deployed together, under stable names, and only when they changed. */
class DeploymentIT extends AbstractApplicationIT {

  @Autowired ProcessResourceDeployer deployer;

  @Test
  void deploymentHoldsEveryFileUnderProcessesAndForms() throws IOException {
    Map<String, byte[]> expected = projectFiles();
    assertThat(expected.keySet()).anyMatch(n -> n.endsWith(".bpmn")).anyMatch(n -> n.endsWith(".form"));
    RepositoryService repository = engine.getRepositoryService();
    Deployment deployment = latestApplicationDeployment(repository);

    assertThat(repository.getDeploymentResourceNames(deployment.getId()))
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (Map.Entry<String, byte[]> file : expected.entrySet()) {
      try (InputStream deployed = repository.getResourceAsStream(deployment.getId(), file.getKey())) {
        assertThat(deployed.readAllBytes()).as(file.getKey()).isEqualTo(file.getValue());
      }
    }
  }

  @Test
  void everyProcessAndDecisionOfTheFilesIsDeployed() throws IOException {
    Deployment deployment = latestApplicationDeployment(engine.getRepositoryService());
    long bpmnFiles = projectFiles().keySet().stream().filter(n -> n.endsWith(".bpmn")).count();

    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment.getId()).count())
        .isGreaterThanOrEqualTo(bpmnFiles);
  }

  @Test
  void deployingUnchangedFilesAgainCreatesNoDeployment() {
    long before = engine.getRepositoryService().createDeploymentQuery().count();

    ProcessResourceDeployer.DeploymentResult result = deployer.deploy(engine.getRepositoryService());

    assertThat(result.created()).isFalse();
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void restartOnTheSameDatabaseCreatesNoDeploymentUserAuthorizationOrFilter() {
    Map<String, Long> before = counts(engine);

    // A second start of the application against the same database.
    try (ConfigurableApplicationContext restarted = SecondaryApplication.start()) {
      ProcessEngine restartedEngine = restarted.getBean(ProcessEngine.class);
      assertThat(restartedEngine.getName()).isNotEqualTo(engine.getName());
      assertThat(counts(restartedEngine)).isEqualTo(before);
    }
    assertThat(counts(engine)).isEqualTo(before);
  }

  private static Map<String, Long> counts(ProcessEngine engine) {
    Map<String, Long> counts = new TreeMap<>();
    counts.put("deployments", engine.getRepositoryService().createDeploymentQuery().count());
    counts.put("process definitions", engine.getRepositoryService().createProcessDefinitionQuery().count());
    counts.put("users", engine.getIdentityService().createUserQuery().count());
    counts.put("groups", engine.getIdentityService().createGroupQuery().count());
    counts.put("authorizations", engine.getAuthorizationService().createAuthorizationQuery().count());
    counts.put("filters", engine.getFilterService().createFilterQuery().count());
    return counts;
  }

  private static Deployment latestApplicationDeployment(RepositoryService repository) {
    return repository
        .createDeploymentQuery()
        .deploymentName(ProcessResourceDeployer.DEPLOYMENT_NAME)
        .deploymentSource(ProcessResourceDeployer.DEPLOYMENT_SOURCE)
        .orderByDeploymentTime()
        .desc()
        .list()
        .get(0);
  }

  /** The files of the project's processes/ and forms/ folders, by their deployment name. */
  static Map<String, byte[]> projectFiles() throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    for (Map.Entry<String, java.util.List<String>> folder : ProcessResourceDeployer.DEPLOYED_FILE_TYPES.entrySet()) {
      Path root = Path.of(folder.getKey());
      Set<String> extensions = new TreeSet<>(folder.getValue());
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path path : paths.filter(Files::isRegularFile).toList()) {
          String relative = root.relativize(path).toString().replace('\\', '/');
          String extension = relative.substring(relative.lastIndexOf('.') + 1);
          if (!relative.startsWith(".camunda/") && extensions.contains(extension)) {
            files.put(folder.getKey() + "/" + relative, Files.readAllBytes(path));
          }
        }
      }
    }
    return files;
  }
}
