package org.vomcase.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vomcase.kernel.Vocabularies;

/**
 * The installation's {@link Vocabularies}: the built-in {@code vocabularies.yaml}, extended by the administrators'
 * file, read once at start-up. The file is {@code vom.vocabulary.file} ({@code VOM_VOCABULARY_FILE}); without it,
 * {@code vocabularies.yaml} in the administrators' template folder ({@code VOM_TEMPLATE_DIR}) when there is one. A
 * named file that is missing, or a file that is refused ({@link Vocabularies#extendedBy}), stops the start with the
 * file's path and the reason: an installation never runs on half its vocabulary.
 */
@Configuration(proxyBeanMethods = false)
public class VocabularySettings {

  /** The file's name in the administrators' template folder. */
  public static final String FILE_NAME = "vocabularies.yaml";

  private static final Logger LOG = LoggerFactory.getLogger(VocabularySettings.class);

  @Bean
  public Vocabularies vocabularies(VomProperties properties, @Value("${vom.vocabulary.file:}") String file) {
    Path path = file(file, properties.mail().templateDir());
    if (path == null) {
      LOG.info("Vocabularies: the built-in ones (no {} in the template folder, VOM_VOCABULARY_FILE not set)", FILE_NAME);
      return Vocabularies.builtIn();
    }
    Vocabularies configured = read(path);
    configured.byName().forEach((name, terms) -> {
      if (!terms.added().isEmpty()) {
        LOG.info("Vocabularies: {} adds to {}: {}", path, name, terms.added());
      }
    });
    return configured;
  }

  /** The built-in vocabularies extended by the file. */
  public static Vocabularies read(Path path) {
    try {
      return Vocabularies.builtIn().extendedBy(Files.readString(path, StandardCharsets.UTF_8), path.toString());
    } catch (IOException e) {
      throw new IllegalStateException("The vocabulary file " + path + " (vom.vocabulary.file, VOM_VOCABULARY_FILE)"
          + " cannot be read: " + e, e);
    }
  }

  /** The administrators' file: the one named, else the template folder's if it has one, else none. */
  static Path file(String named, String templateDir) {
    if (named != null && !named.isBlank()) {
      Path path = Path.of(named.strip());
      if (!Files.isRegularFile(path)) {
        throw new IllegalStateException("The vocabulary file " + path.toAbsolutePath() + " (vom.vocabulary.file,"
            + " VOM_VOCABULARY_FILE) does not exist; name an existing file or unset the setting");
      }
      return path;
    }
    if (templateDir != null) {
      Path path = Path.of(templateDir).resolve(FILE_NAME);
      return Files.isRegularFile(path) ? path : null;
    }
    return null;
  }
}
