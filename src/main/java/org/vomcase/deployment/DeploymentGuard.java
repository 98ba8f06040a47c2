package org.vomcase.deployment;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.vomcase.settings.StaffLanguage;

/**
 * Holds every new deployment (Camunda Modeler, the REST API, the application's own start-up) to the
 * {@link DeploymentPolicy}: a diagram that would run anything but the product's building blocks is refused
 * (400, every violation named) before anything is deployed. Deployments made before this guard are loaded
 * as they are. A form in a new deployment is stored in the staff language ({@link StaffLanguage#translateForm}), as
 * the application's own deployment stores it, so a form changed in Camunda Modeler and deployed from there reads the
 * same in Tasklist.
 */
@Component
public class DeploymentGuard extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentGuard.class);

  private final ApplicationContext context;

  public DeploymentGuard(ApplicationContext context) {
    this.context = context;
  }

  /** A bean a diagram may use: the application's delegates and listeners, and its process beans (plans, closure, names). */
  boolean isApplicationBean(String name) {
    if (!context.containsBean(name)) {
      return false;
    }
    Class<?> type = context.getType(name);
    if (type == null || !type.getName().startsWith("org.vomcase.")) {
      return false;
    }
    return type.getName().startsWith("org.vomcase.process.") || JavaDelegate.class.isAssignableFrom(type)
        || TaskListener.class.isAssignableFrom(type) || ExecutionListener.class.isAssignableFrom(type);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreDeployers());
    DeploymentPolicy policy = new DeploymentPolicy(this::isApplicationBean);
    deployers.add((DeploymentEntity deployment) -> {
      if (!deployment.isNew() || deployment.getResources() == null) {
        return;
      }
      StaffLanguage staffLanguage = context.getBeanProvider(StaffLanguage.class).getIfAvailable();
      for (ResourceEntity resource : deployment.getResources().values()) {
        if (staffLanguage != null && resource.getName() != null && resource.getName().endsWith(".form") && resource.getBytes() != null) {
          // A form deployed from Camunda Modeler is the English source too: staff read it in their language.
          resource.setBytes(staffLanguage.translateForm(resource.getBytes()));
        }
      }
      List<String> violations = new ArrayList<>();
      for (ResourceEntity resource : deployment.getResources().values()) {
        violations.addAll(policy.check(resource.getName(), resource.getBytes()));
      }
      if (!violations.isEmpty()) {
        LOG.warn("Deployment '{}' refused: {}", deployment.getName(), violations);
        throw new BadUserRequestException("The deployment is refused: " + String.join("; ", violations));
      }
    });
    configuration.setCustomPreDeployers(deployers);
  }
}
