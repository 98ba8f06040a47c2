package org.vomcase.settings;

import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The language staff read the application's own screens in (the case file, the desk, the figures): de, da or en. The
 * one place that decides it: today the programme's language ({@code vom.programme.language}, else the profile's); a
 * language staff have no texts in gives English. A separate staff language setting replaces it here.
 */
@Component
public class StaffLanguage {

  /** The languages the staff screens have texts in; the first is the fallback. */
  public static final Set<String> LANGUAGES = Set.of("en", "de", "da");

  private final String language;

  public StaffLanguage(Programme programme) {
    this.language = of(programme.active().language());
  }

  /** The staff language: de, da or en. */
  public String language() {
    return language;
  }

  /** The staff language for a configured language: itself if staff have texts in it, else en. */
  static String of(String configured) {
    return configured != null && LANGUAGES.contains(configured) ? configured : "en";
  }
}
