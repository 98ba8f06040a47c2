package org.vomcase.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The application's own settings ({@code vom.*}). Production values come from environment
 * variables, mapped in {@code application.yaml}.
 *
 * @param admin the administrator created at the first start of a production installation
 * @param demo the demo users of the demo profile
 */
@ConfigurationProperties(prefix = "vom")
public record VomProperties(Admin admin, Demo demo, Programme programme, Contact contact, Mail mail) {

  public VomProperties {
    contact = contact == null ? new Contact(null) : contact;
    admin = admin == null ? new Admin(null, null, null, null, null) : admin;
    demo = demo == null ? new Demo(null) : demo;
    programme = programme == null ? new Programme(null, null, null, null, null, null) : programme;
    mail = mail == null ? new Mail(null, null, null) : mail;
  }

  /**
   * The programme this installation runs (R26): {@code de_toa}, {@code dk_konfliktraad} or {@code
   * us_vom}. The decision tables take it as an input; each case keeps the profile it was registered under.
   * The periods, time zone and language, when set, replace the profile's ({@link org.vomcase.kernel.ProgrammeProfile}).
   */
  public record Programme(String profile, java.time.Period followUpAfter, java.time.Period gracePeriod,
      java.time.Period retentionPeriod, String timeZone, String language) {

    /** The programme's time zone. */
    public java.time.ZoneId zone() {
      return java.time.ZoneId.of(timeZone);
    }

    public Programme {
      for (java.time.Period period : new java.time.Period[] {followUpAfter, gracePeriod, retentionPeriod}) {
        if (period != null && (period.isNegative() || period.isZero())) {
          throw new IllegalArgumentException("vom.programme periods (follow-up-after, grace-period, retention-period)"
              + " must be positive ISO periods such as P3M; got " + period);
        }
      }
      profile = profile == null || profile.isBlank() ? "de_toa" : profile.trim();
      if (!org.vomcase.kernel.Vocabulary.PROGRAMME_PROFILES.containsKey(profile)) {
        throw new IllegalArgumentException("vom.programme.profile (VOM_PROGRAMME_PROFILE) '" + profile
            + "' is not one of " + org.vomcase.kernel.Vocabulary.PROGRAMME_PROFILES.keySet());
      }
      timeZone = ProgrammeTimeZone.zone(timeZone, profile).getId();
      language = language == null || language.isBlank() ? org.vomcase.kernel.ProgrammeProfile.of(profile).language()
          : language.trim();
      if (!org.vomcase.kernel.Vocabulary.LANGUAGES.containsKey(language)) {
        throw new IllegalArgumentException("vom.programme.language (VOM_LANGUAGE) '" + language + "' is not one of "
            + org.vomcase.kernel.Vocabulary.LANGUAGES.keySet());
      }
    }
  }

  /**
   * Delivery of messages (R21). With {@code spring.mail.host} set, mail goes through that SMTP server;
   * without, every mail is written as an {@code .eml} file to {@code dropDir}. Templates in {@code
   * templateDir}, when set, replace the built-in ones file by file.
   *
   * @param from the sender of every mail
   * @param dropDir where mails go when no mail server is configured
   * @param templateDir the administrators' own templates (messages/, documents/), or empty
   */
  public record Mail(String from, String dropDir, String templateDir) {
    public Mail {
      from = from == null || from.isBlank() ? "VOM Case <no-reply@vom-case.invalid>" : from.trim();
      dropDir = dropDir == null || dropDir.isBlank() ? "./data/mail-drop" : dropDir.trim();
      templateDir = templateDir == null || templateDir.isBlank() ? null : templateDir.trim();
    }
  }

  /** Contact rules (R6): after this many calls that did not reach a person, the person counts as not reachable. */
  public record Contact(Integer maxUnreachedCalls) {
    public Contact {
      maxUnreachedCalls = maxUnreachedCalls == null ? 3 : maxUnreachedCalls;
      if (maxUnreachedCalls < 1) {
        throw new IllegalArgumentException("vom.contact.max-unreached-calls must be at least 1");
      }
    }
  }

  /** The first administrator ({@code VOM_ADMIN_USER}, {@code VOM_ADMIN_PASSWORD}, ...). */
  public record Admin(String userId, String password, String firstName, String lastName, String email) {}

  /** Demo users; {@code password} is the one password they all share. */
  public record Demo(String password) {}
}
