package org.vomcase.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/** Resource names do not depend on whether the application runs from a directory or from a jar. */
class ProcessResourceDeployerTest {

  private static final Map<String, String> FILES =
      Map.of(
          "processes/vom-case.bpmn", "<bpmn/>",
          "processes/rules/eligibility.dmn", "<dmn/>",
          "processes/notes.txt", "not deployed",
          "processes/.camunda/element-templates/x.json", "{}",
          "forms/referral.form", "{\"id\":\"referral\"}",
          "forms/with space.form", "{}",
          "other/elsewhere.bpmn", "<bpmn/>");

  private static final List<String> DEPLOYED =
      List.of(
          "forms/referral.form",
          "forms/with space.form",
          "processes/rules/eligibility.dmn",
          "processes/vom-case.bpmn");

  @TempDir Path temp;

  @Test
  void namesFromAnExplodedClassesDirectoryAreRelativeToTheClasspathRoot() throws IOException {
    Path classes = temp.resolve("target/classes");
    for (Map.Entry<String, String> file : FILES.entrySet()) {
      Path path = classes.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }

    SortedMap<String, byte[]> resources = collect(classes.toUri().toURL());

    assertThat(resources.keySet()).containsExactlyElementsOf(DEPLOYED);
    assertThat(new String(resources.get("forms/referral.form"), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"referral\"}");
  }

  @Test
  void namesFromAJarAreTheSameAsFromADirectory() throws IOException {
    Path jar = temp.resolve("app.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out)) {
      for (String directory : List.of("processes/", "processes/rules/", "forms/", "other/")) {
        jarOut.putNextEntry(new JarEntry(directory));
        jarOut.closeEntry();
      }
      for (Map.Entry<String, String> file : FILES.entrySet()) {
        jarOut.putNextEntry(new JarEntry(file.getKey()));
        jarOut.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        jarOut.closeEntry();
      }
    }

    assertThat(collect(jar.toUri().toURL()).keySet()).containsExactlyElementsOf(DEPLOYED);
  }

  @Test
  void nameIsTheFolderPlusThePathBelowItsRoot() {
    List<String> roots = List.of("jar:nested:/srv/app.jar/!BOOT-INF/classes/!/processes/");

    assertThat(
            ProcessResourceDeployer.deploymentName(
                "processes", roots, "jar:nested:/srv/app.jar/!BOOT-INF/classes/!/processes/sub/a%20b.bpmn"))
        .isEqualTo("processes/sub/a b.bpmn");
    assertThatThrownBy(() -> ProcessResourceDeployer.deploymentName("processes", roots, "file:/tmp/processes/x.bpmn"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lies in none of the classpath roots");
  }

  private static SortedMap<String, byte[]> collect(URL classpathRoot) throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classpathRoot}, null)) {
      return new ProcessResourceDeployer(new DefaultResourceLoader(loader), org.vomcase.kernel.Vocabularies.builtIn()).collectResources();
    }
  }
}
