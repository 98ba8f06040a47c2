package org.vomcase.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.stereotype.Component;

/**
 * Whether the engine runs what the repository holds: every diagram, decision table and form of {@code processes/} and
 * {@code forms/} as the application deploys it ({@link ProcessResourceDeployer#collectResources()}: the packaged file with
 * the configured vocabularies filled in, so an extended vocabulary is no drift) against the latest deployed version
 * of the same key (process, decision, form id), byte for byte with line endings normalised. Each one is
 * {@link #SAME}, {@link #DIFFERS}, {@link #ONLY_IN_THE_REPOSITORY} or {@link #ONLY_IN_THE_ENGINE} (a key the engine has
 * and no repository file), with the deployed version, version tag and where its deployment came from: the application
 * itself, or by hand (Camunda Modeler, the REST API, Cockpit: any other deployment source).
 */
@Component
public class DeploymentDrift {

  public static final String SAME = "same";
  public static final String DIFFERS = "differs";
  public static final String ONLY_IN_THE_ENGINE = "only in the engine";
  public static final String ONLY_IN_THE_REPOSITORY = "only in the repository";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;
  private final ProcessResourceDeployer deployer;

  public DeploymentDrift(ProcessEngine engine, ProcessResourceDeployer deployer) {
    this.engine = engine;
    this.deployer = deployer;
  }

  /** The latest deployed version of a key and its deployment. */
  public record Deployed(int version, String versionTag, String resourceName, String deploymentId, String deploymentName,
      String source, Date deployedAt, boolean byHand, String from) {}

  /** One diagram, decision table or form. */
  public record Entry(String resource, String kind, String key, String status, Deployed deployed) {}

  /** Every resource, the repository's first (in their order), then those only the engine has. */
  public record Report(int resources, int equal, List<Entry> entries) {

    /** The entries that do not equal the repository. */
    public List<Entry> differing() {
      return entries.stream().filter(e -> !SAME.equals(e.status())).toList();
    }
  }

  private record Latest(ResourceDefinition definition, String versionTag) {}

  public Report check() {
    RepositoryService repository = engine.getRepositoryService();
    Map<String, Map<String, Latest>> latest = new HashMap<>();
    Map<String, Latest> processes = new TreeMap<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      processes.put(definition.getKey(), new Latest(definition, definition.getVersionTag()));
    }
    Map<String, Latest> decisions = new TreeMap<>();
    for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().latestVersion().list()) {
      decisions.put(definition.getKey(), new Latest(definition, definition.getVersionTag()));
    }
    latest.put("diagram", processes);
    latest.put("decision table", decisions);
    latest.put("form", latestForms());

    Map<String, Deployment> deployments = new HashMap<>();
    List<Entry> entries = new ArrayList<>();
    Map<String, List<String>> matched = new HashMap<>();
    SortedMap<String, byte[]> files = deployer.collectResources();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String kind = kindOf(file.getKey());
      String key = keyOf(kind, file.getValue());
      Latest deployed = key == null ? null : latest.get(kind).get(key);
      matched.computeIfAbsent(kind, k -> new ArrayList<>()).add(key);
      if (deployed == null) {
        entries.add(new Entry(file.getKey(), kind, key, ONLY_IN_THE_REPOSITORY, null));
        continue;
      }
      byte[] engineBytes = bytes(deployed.definition());
      String status = Arrays.equals(normalised(engineBytes), normalised(file.getValue())) ? SAME : DIFFERS;
      entries.add(new Entry(file.getKey(), kind, key, status, deployed(deployed, deployments)));
    }
    latest.forEach((kind, byKey) -> byKey.forEach((key, deployed) -> {
      if (!matched.getOrDefault(kind, List.of()).contains(key)) {
        entries.add(new Entry(deployed.definition().getResourceName(), kind, key, ONLY_IN_THE_ENGINE,
            deployed(deployed, deployments)));
      }
    }));
    int equal = (int) entries.stream().filter(e -> SAME.equals(e.status())).count();
    return new Report(files.size(), equal, entries);
  }

  /** The start-up log's lines: one per resource that is not equal, or one saying all are. */
  public List<String> summary(Report report) {
    List<String> differing = report.differing().stream().map(e -> e.kind() + " " + e.resource()
        + (e.key() == null ? "" : " (" + e.key() + ")") + ": " + e.status()
        + (e.deployed() == null ? "" : "; deployed version " + e.deployed().version()
            + (e.deployed().versionTag() == null ? "" : " (" + e.deployed().versionTag() + ")") + " from " + e.deployed().from()))
        .toList();
    return differing.isEmpty() ? List.of("all " + report.resources() + " resources equal the repository") : differing;
  }

  private Deployed deployed(Latest latest, Map<String, Deployment> deployments) {
    ResourceDefinition definition = latest.definition();
    Deployment deployment = deployments.computeIfAbsent(definition.getDeploymentId(),
        id -> engine.getRepositoryService().createDeploymentQuery().deploymentId(id).singleResult());
    String source = deployment == null ? null : deployment.getSource();
    boolean byHand = !ProcessResourceDeployer.DEPLOYMENT_SOURCE.equals(source);
    String from = !byHand ? "the application" : source == null ? "by hand (REST API or Cockpit, no source given)"
        : "by hand (" + source + ")";
    return new Deployed(definition.getVersion(), latest.versionTag(), definition.getResourceName(), definition.getDeploymentId(),
        deployment == null ? null : deployment.getName(), source, deployment == null ? null : deployment.getDeploymentTime(),
        byHand, from);
  }

  /**
   * The latest version of every Camunda Form, read from the deployments (the public API has no query for form
   * definitions): a form's latest version is the one in the newest deployment that holds its id, and its version counts
   * the deployments that hold it.
   */
  private Map<String, Latest> latestForms() {
    RepositoryService repository = engine.getRepositoryService();
    Map<String, Latest> forms = new TreeMap<>();
    Map<String, Integer> versions = new HashMap<>();
    for (Deployment deployment : repository.createDeploymentQuery().orderByDeploymentTime().asc().list()) {
      for (Resource resource : repository.getDeploymentResources(deployment.getId())) {
        if (resource.getName().endsWith(".form")) {
          String key = keyOf("form", resource.getBytes());
          if (key != null && deployment.getTenantId() == null) {
            int version = versions.merge(key, 1, Integer::sum);
            forms.put(key, new Latest(new FormVersion(key, version, resource.getName(), deployment.getId()), null));
          }
        }
      }
    }
    return forms;
  }

  /** A form's version as the deployments hold it. */
  private record FormVersion(String getKey, int getVersion, String getResourceName, String getDeploymentId)
      implements ResourceDefinition {
    @Override
    public String getId() {
      return getDeploymentId + ":" + getKey;
    }

    @Override
    public String getCategory() {
      return null;
    }

    @Override
    public String getName() {
      return getKey;
    }

    @Override
    public String getDiagramResourceName() {
      return null;
    }

    @Override
    public String getTenantId() {
      return null;
    }

    @Override
    public Integer getHistoryTimeToLive() {
      return null;
    }
  }

  private byte[] bytes(ResourceDefinition definition) {
    try (InputStream in = engine.getRepositoryService().getResourceAsStream(definition.getDeploymentId(),
        definition.getResourceName())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String kindOf(String resource) {
    if (resource.endsWith(".bpmn")) {
      return "diagram";
    }
    return resource.endsWith(".dmn") ? "decision table" : "form";
  }

  /** The key the engine gives the resource's definition: the (first executable) process id, the decision id, the form id. */
  static String keyOf(String kind, byte[] bytes) {
    try {
      switch (kind) {
        case "diagram" -> {
          return Bpmn.readModelFromStream(new ByteArrayInputStream(bytes)).getModelElementsByType(Process.class).stream()
              .filter(Process::isExecutable).map(Process::getId).findFirst().orElse(null);
        }
        case "decision table" -> {
          return Dmn.readModelFromStream(new ByteArrayInputStream(bytes)).getModelElementsByType(Decision.class).stream()
              .map(Decision::getId).findFirst().orElse(null);
        }
        default -> {
          JsonNode id = JSON.readTree(bytes).path("id");
          return id.isTextual() ? id.asText() : null;
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }

  /** The bytes with every line ending as \n (a checkout on Windows, or the Modeler, may write \r\n). */
  static byte[] normalised(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n')
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The report as the endpoint answers it. */
  public static Map<String, Object> asJson(Report report) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("resources", report.resources());
    body.put("equal", report.equal());
    body.put("differing", report.differing().size());
    body.put("entries", report.entries());
    return body;
  }
}
