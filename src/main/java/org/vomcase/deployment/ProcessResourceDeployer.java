package org.vomcase.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import org.vomcase.kernel.Vocabularies;
import org.vomcase.settings.StaffLanguage;

/**
 * Deploys the diagrams ({@code processes/}) and forms ({@code forms/}) as one deployment.
 *
 * <p>The starter's own auto-deployment is switched off because it names a resource by its absolute
 * file path when the application runs from exploded classes ({@code ./mvnw spring-boot:run}) and by
 * its bare file name when it runs from the jar, so switching between the two created a new version
 * of everything. Here every resource is named by its path relative to the classpath root
 * ({@code processes/vom-case.bpmn}, {@code forms/referral.form}), the same however the application
 * is started, and the engine's duplicate filtering makes a restart with unchanged files deploy
 * nothing. When one file changes, the whole set is deployed again, so that forms bound with
 * {@code formRefBinding="deployment"} always sit next to their diagram.
 *
 * <p>The forms' fields and the decision tables' inputs bound to a vocabulary administrators extend offer the
 * installation's configured {@link Vocabularies} ({@link VocabularyFill}): the repository's files hold the built-in
 * codes, the deployed ones the configured codes, and a changed configuration is a new deployment at the next start.
 * A configuration that drops a code the application's latest deployment offers in a form is refused: cases may hold it.
 *
 * <p>Forms are deployed in the staff language ({@link StaffLanguage}): the repository's English form with its texts
 * from its catalogue ({@code forms/i18n/}), so that Tasklist shows every label in the programme's language. A changed
 * language is a new deployment at the next start.
 */
@Component
public class ProcessResourceDeployer {

  /** Name and source of the application's deployment; duplicate filtering compares by both. */
  public static final String DEPLOYMENT_NAME = "vom-case";

  public static final String DEPLOYMENT_SOURCE = "vom-case application";

  /** Folders on the classpath and the file types deployed from each. */
  public static final Map<String, List<String>> DEPLOYED_FILE_TYPES =
      Map.of("processes", List.of("bpmn", "dmn"), "forms", List.of("form"));

  private static final Logger LOG = LoggerFactory.getLogger(ProcessResourceDeployer.class);

  private final ResourcePatternResolver resolver;
  private final Vocabularies vocabularies;
  private final StaffLanguage staffLanguage;

  public ProcessResourceDeployer(ResourceLoader resourceLoader, Vocabularies vocabularies) {
    this(resourceLoader, vocabularies, StaffLanguage.of(StaffLanguage.SOURCE));
  }

  @Autowired
  public ProcessResourceDeployer(ResourceLoader resourceLoader, Vocabularies vocabularies, StaffLanguage staffLanguage) {
    this.resolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
    this.vocabularies = vocabularies;
    this.staffLanguage = staffLanguage;
  }

  /** Deploys the resources unless the latest application deployment already holds them all unchanged. */
  public DeploymentResult deploy(RepositoryService repositoryService) {
    SortedMap<String, byte[]> resources = collectResources();
    if (resources.isEmpty()) {
      LOG.warn("No diagrams or forms found on the classpath under {}", DEPLOYED_FILE_TYPES.keySet());
      return new DeploymentResult(null, false, resources.keySet());
    }
    Deployment before = latestApplicationDeployment(repositoryService);
    if (before != null) {
      refuseDroppedCodes(repositoryService, before);
    }
    DeploymentBuilder builder =
        repositoryService
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .source(DEPLOYMENT_SOURCE)
            .enableDuplicateFiltering(false);
    resources.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
    Deployment deployment = builder.deploy();
    boolean created = before == null || !before.getId().equals(deployment.getId());
    if (created) {
      LOG.info("Deployed {} resources as deployment {}: {}", resources.size(), deployment.getId(), resources.keySet());
    } else {
      LOG.info("Diagrams and forms unchanged since deployment {}; nothing deployed", deployment.getId());
    }
    return new DeploymentResult(deployment.getId(), created, resources.keySet());
  }

  /**
   * The resources to deploy, by deployment name (path relative to the classpath root): the repository's files with
   * the configured vocabularies filled in ({@link VocabularyFill}) and the forms in the staff language ({@link
   * StaffLanguage#translateForm}).
   */
  public SortedMap<String, byte[]> collectResources() {
    SortedMap<String, byte[]> resources = new TreeMap<>();
    repositoryResources().forEach((name, bytes) -> {
      byte[] filled = VocabularyFill.fill(name, bytes, vocabularies, staffLanguage.code());
      resources.put(name, name.endsWith(".form") ? staffLanguage.translateForm(filled) : filled);
    });
    return resources;
  }

  /**
   * Refuses the start when the latest deployment's forms offer a code of a vocabulary that the configuration no
   * longer has: closed and running cases may hold it, and their steps' forms would offer what the checks refuse.
   */
  private void refuseDroppedCodes(RepositoryService repositoryService, Deployment latest) {
    List<String> dropped = new ArrayList<>();
    for (org.camunda.bpm.engine.repository.Resource resource : repositoryService.getDeploymentResources(latest.getId())) {
      if (resource.getName().endsWith(".form")) {
        VocabularyFill.offered(resource.getBytes(), vocabularies.byField()).forEach((field, codes) -> codes.stream()
            .filter(code -> !vocabularies.byField().get(field).contains(code))
            .forEach(code -> dropped.add(field + " '" + code + "' (" + resource.getName() + ")")));
      }
    }
    if (!dropped.isEmpty()) {
      throw new IllegalStateException("The vocabularies drop codes that the deployed forms (deployment "
          + latest.getId() + ") offer and cases may hold: " + String.join(", ", dropped.stream().distinct().toList())
          + ". A code is never removed: keep it in the administrators' vocabulary file (VOM_VOCABULARY_FILE, or "
          + "vocabularies.yaml in VOM_TEMPLATE_DIR); README \"Adding an offence category, a referral source or an item kind\"");
    }
  }

  /** The repository's files as packaged, by deployment name, before the vocabularies are filled in. */
  public SortedMap<String, byte[]> repositoryResources() {
    SortedMap<String, byte[]> resources = new TreeMap<>();
    DEPLOYED_FILE_TYPES.forEach(
        (folder, extensions) -> {
          List<String> roots = rootUrls(folder);
          for (String extension : extensions) {
            for (Resource resource : find("classpath*:" + folder + "/**/*." + extension)) {
              String name = deploymentName(folder, roots, url(resource));
              if (resources.put(name, read(resource)) != null) {
                throw new IllegalStateException("Two resources on the classpath are both named " + name);
              }
            }
          }
        });
    return resources;
  }

  /**
   * The name a resource gets in the deployment: its folder and its path below the folder's root, so
   * {@code file:/x/target/classes/processes/a/b.bpmn} and {@code jar:nested:/x/app.jar/!BOOT-INF/classes/!/processes/a/b.bpmn}
   * are both {@code processes/a/b.bpmn}.
   */
  static String deploymentName(String folder, List<String> rootUrls, String resourceUrl) {
    for (String root : rootUrls) {
      if (resourceUrl.startsWith(root)) {
        return folder + "/" + UriUtils.decode(resourceUrl.substring(root.length()), StandardCharsets.UTF_8);
      }
    }
    throw new IllegalStateException(resourceUrl + " lies in none of the classpath roots " + rootUrls);
  }

  private static Deployment latestApplicationDeployment(RepositoryService repositoryService) {
    return repositoryService
        .createDeploymentQuery()
        .deploymentName(DEPLOYMENT_NAME)
        .deploymentSource(DEPLOYMENT_SOURCE)
        .orderByDeploymentTime()
        .desc()
        .listPage(0, 1)
        .stream()
        .findFirst()
        .orElse(null);
  }

  private List<String> rootUrls(String folder) {
    List<String> roots = new ArrayList<>();
    for (Resource root : find("classpath*:" + folder + "/")) {
      String url = url(root);
      roots.add(url.endsWith("/") ? url : url + "/");
    }
    return roots;
  }

  private Resource[] find(String pattern) {
    try {
      return resolver.getResources(pattern);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot search the classpath for " + pattern, e);
    }
  }

  private static String url(Resource resource) {
    try {
      return resource.getURL().toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Resource without URL: " + resource, e);
    }
  }

  private static byte[] read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  /** What a deployment run did. */
  public record DeploymentResult(String deploymentId, boolean created, Set<String> resourceNames) {}
}
