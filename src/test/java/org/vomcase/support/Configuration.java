package org.vomcase.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.vomcase.settings.VomProperties;

/**
 * The application's real settings ({@code application.yaml}) as Spring binds them, without starting the
 * application: the main document, the {@code demo} profile's document when asked for, and the given
 * properties on top (in place of environment variables, which are not read: a developer's own
 * {@code VOM_*} variables change no test).
 */
public final class Configuration {

  private Configuration() {}

  /** The demo installation of a programme profile ({@code de_toa}, {@code dk_konfliktraad}, {@code us_vom}). */
  public static VomProperties demo(String profile) {
    return bind(true, Map.of("vom.programme.profile", profile));
  }

  /** The settings of {@code application.yaml}, with or without the demo profile, and the given properties. */
  public static VomProperties bind(boolean demoProfile, Map<String, Object> properties) {
    List<PropertySource<?>> documents;
    try {
      documents = new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    MutablePropertySources sources = new MutablePropertySources();
    sources.addFirst(new MapPropertySource("test", new LinkedHashMap<>(properties)));
    List<PropertySource<?>> profileDocuments = new ArrayList<>();
    for (PropertySource<?> document : documents) {
      Object profile = document.getProperty("spring.config.activate.on-profile");
      if (profile == null) {
        sources.addLast(document);
      } else if (demoProfile && "demo".equals(profile)) {
        profileDocuments.add(document);
      }
    }
    // A profile's document beats the main one.
    profileDocuments.forEach(document -> sources.addAfter("test", document));
    return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
        .bindOrCreate("vom", VomProperties.class);
  }
}
