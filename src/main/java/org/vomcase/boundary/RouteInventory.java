package org.vomcase.boundary;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the running application offers behind the boundary, found where the routes are declared
 * rather than listed by hand: the JAX-RS resources of the engine's REST API and of the webapps' API (root
 * resources and their sub-resource locators, walked through the annotated interfaces), and the Spring MVC
 * mappings of the application's own endpoints. The boundary uses it to choose, as JAX-RS does, the most
 * specific route a path means; the route-inventory test asks every role for every one of them.
 */
public final class RouteInventory {

  /** One route: an HTTP method on a path template at an entry. */
  public record Operation(String method, Entry entry, PathTemplate template) {
    @Override
    public String toString() {
      return method + " " + entry + " " + template;
    }
  }

  private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "HEAD");

  private final List<Operation> operations;

  private RouteInventory(Collection<Operation> operations) {
    List<Operation> sorted = new ArrayList<>(new LinkedHashSet<>(operations));
    sorted.sort(Comparator.comparing(Operation::entry).thenComparing(o -> o.template().toString())
        .thenComparing(Operation::method));
    this.operations = List.copyOf(sorted);
  }

  public List<Operation> operations() {
    return operations;
  }

  /**
   * The route a path means at its entry, as JAX-RS and Spring MVC would choose it: of the templates that
   * match, the most specific one. Empty when no route of the entry has that path.
   */
  public Optional<PathTemplate> resolve(Entry entry, String path) {
    return operations.stream().filter(o -> o.entry() == entry).map(Operation::template).distinct()
        .filter(t -> t.match(path) != null).min(PathTemplate.MOST_SPECIFIC_FIRST);
  }

  public boolean offers(String method, Entry entry, PathTemplate template) {
    return operations.contains(new Operation(method, entry, template));
  }

  /**
   * Discovers the routes of the engine's REST API, of the given webapps' API applications (mounted at
   * {@code webappApi/<app>}) and of the application's Spring MVC endpoints.
   */
  public static RouteInventory discover(String webappApi, List<WebappApi> webapps, RequestMappingHandlerMapping mvc) {
    Set<Operation> found = new LinkedHashSet<>();
    walk(DefaultProcessEngineRestServiceImpl.class, "", Entry.ENGINE, found, 0);
    for (Operation operation : jaxRs(NamedProcessEngineRestServiceImpl.class, "")) {
      // /engine (the list of engines); /engine/{name}/... are the same routes as the default engine's.
      if (!operation.template().toString().startsWith("/engine/{")) {
        found.add(new Operation(operation.method(), Entry.ENGINE, operation.template()));
      }
    }
    for (WebappApi webapp : webapps) {
      for (Class<?> resource : webapp.resourceClasses()) {
        for (Operation operation : jaxRs(resource, webappApi + "/" + webapp.name())) {
          if (!operation.template().toString().startsWith(webappApi + "/engine/engine/{")) {
            found.add(new Operation(operation.method(), Entry.WEBAPP, operation.template()));
          }
        }
      }
    }
    if (mvc != null) {
      for (RequestMappingInfo info : mvc.getHandlerMethods().keySet()) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
          if (Entry.locate(PathTemplate.normalise(pattern), webappApi) == null) {
            continue;
          }
          for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
            found.add(new Operation(method.name(), Entry.APPLICATION, PathTemplate.of(pattern)));
          }
        }
      }
    }
    return new RouteInventory(found);
  }

  /** A webapp's API: its name (cockpit, admin, tasklist, welcome, engine) and its JAX-RS classes. */
  public record WebappApi(String name, Set<Class<?>> resourceClasses) {}

  /** The JAX-RS routes of one root resource class, under a prefix. */
  static Set<Operation> jaxRs(Class<?> root, String prefix) {
    Set<Operation> found = new LinkedHashSet<>();
    Path rootPath = annotation(root, Path.class);
    if (rootPath != null) {
      walk(root, prefix + "/" + rootPath.value(), Entry.WEBAPP, found, 0);
    }
    return found;
  }

  private static void walk(Class<?> type, String prefix, Entry entry, Set<Operation> found, int depth) {
    if (depth > 12 || type == null || type == Object.class) {
      return;
    }
    for (Method method : type.getMethods()) {
      if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      Path path = methodAnnotation(type, method, Path.class);
      String httpMethod = httpMethod(type, method);
      String template = prefix + (path == null ? "" : "/" + path.value());
      if (httpMethod != null) {
        found.add(new Operation(httpMethod, entry, PathTemplate.of(template)));
      } else if (path != null) {
        walk(method.getReturnType(), template, entry, found, depth + 1);
      }
    }
  }

  private static String httpMethod(Class<?> type, Method method) {
    for (Method candidate : sameMethods(type, method)) {
      for (Annotation annotation : candidate.getAnnotations()) {
        HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
        if (designator != null && HTTP_METHODS.contains(designator.value())) {
          return designator.value();
        }
      }
    }
    return null;
  }

  private static <A extends Annotation> A methodAnnotation(Class<?> type, Method method, Class<A> annotation) {
    for (Method candidate : sameMethods(type, method)) {
      A found = candidate.getAnnotation(annotation);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The method and the methods it overrides or implements (JAX-RS annotations are inherited from them). */
  private static List<Method> sameMethods(Class<?> type, Method method) {
    List<Method> same = new ArrayList<>(List.of(method));
    Set<Class<?>> seen = new LinkedHashSet<>();
    List<Class<?>> queue = new ArrayList<>(List.of(type));
    while (!queue.isEmpty()) {
      Class<?> current = queue.remove(0);
      if (current == null || current == Object.class || !seen.add(current)) {
        continue;
      }
      try {
        same.add(current.getDeclaredMethod(method.getName(), method.getParameterTypes()));
      } catch (NoSuchMethodException notDeclaredHere) {
        // look further up
      }
      queue.add(current.getSuperclass());
      queue.addAll(List.of(current.getInterfaces()));
    }
    return same;
  }

  private static <A extends Annotation> A annotation(Class<?> type, Class<A> annotation) {
    for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
      A found = current.getAnnotation(annotation);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The inventory as text, one route per line (for the README and the test's failure messages). */
  public Set<String> lines() {
    Set<String> lines = new TreeSet<>();
    operations.forEach(o -> lines.add(o.toString()));
    return lines;
  }
}
