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
    demo = demo == null ? new Demo(null, null) : demo;
    programme = programme == null ? new Programme(null, null, null, null, null, null, null) : programme;
    programme = programme.withOffice(programme.office().orElse(demo.programmes().get(programme.profile())));
    mail = mail == null ? new Mail(null, null, null) : mail;
  }

  /**
   * The programme this installation runs (R26): {@code de_toa}, {@code dk_konfliktraad} or {@code
   * us_vom}. The decision tables take it as an input; each case keeps the profile it was registered under.
   * The periods, time zone and language, when set, replace the profile's ({@link org.vomcase.kernel.ProgrammeProfile}).
   * The {@link Office office} is what every letter and mail says about the programme.
   */
  public record Programme(String profile, java.time.Period followUpAfter, java.time.Period gracePeriod,
      java.time.Period retentionPeriod, String timeZone, String language, Office office) {

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
      office = office == null ? new Office(null, null, null, null) : office;
    }

    /** These settings with another office. */
    public Programme withOffice(Office other) {
      return new Programme(profile, followUpAfter, gracePeriod, retentionPeriod, timeZone, language, other);
    }
  }

  /**
   * The programme's office as every letter and mail gives it ({@code vom.programme.office.*}): the programme's
   * name, postal address, phone and office hours. Unset values are null; what is set is checked here (a phone
   * number, {@link OfficeHours the hours' form}). The application does not start without all four: {@link
   * #require()}.
   *
   * @param name the programme's name as letters are signed, e.g. "Täter-Opfer-Ausgleich Musterstadt"
   * @param address the postal address, on one line: "Hauptstraße 12, 12345 Musterstadt"
   * @param phone the number people call: digits, spaces and + ( ) / -
   * @param hours when the phone is answered, in {@link OfficeHours#FORM the fixed form}
   */
  public record Office(String name, String address, String phone, String hours) {

    public Office {
      name = blankIsNull(name);
      address = blankIsNull(address);
      phone = blankIsNull(phone);
      hours = blankIsNull(hours);
      if (phone != null && !org.vomcase.kernel.InputCheck.PHONE.matcher(phone).matches()) {
        throw new IllegalArgumentException("vom.programme.office.phone (VOM_PROGRAMME_PHONE) '" + phone
            + "' is not a phone number (at least three digits; digits, spaces, + ( ) / -)");
      }
      if (hours != null) {
        OfficeHours.parse(hours);
      }
    }

    /** The office hours, read. */
    public OfficeHours officeHours() {
      return hours == null ? null : OfficeHours.parse(hours);
    }

    /** This office, its unset values taken from {@code fallback} (may be null). */
    public Office orElse(Office fallback) {
      if (fallback == null) {
        return this;
      }
      return new Office(name != null ? name : fallback.name(), address != null ? address : fallback.address(),
          phone != null ? phone : fallback.phone(), hours != null ? hours : fallback.hours());
    }

    /** The settings not set, by their property and environment variable. */
    public java.util.List<String> missing() {
      java.util.List<String> missing = new java.util.ArrayList<>();
      if (name == null) {
        missing.add("vom.programme.office.name (VOM_PROGRAMME_NAME)");
      }
      if (address == null) {
        missing.add("vom.programme.office.address (VOM_PROGRAMME_ADDRESS)");
      }
      if (phone == null) {
        missing.add("vom.programme.office.phone (VOM_PROGRAMME_PHONE)");
      }
      if (hours == null) {
        missing.add("vom.programme.office.hours (VOM_PROGRAMME_OFFICE_HOURS)");
      }
      return missing;
    }

    /** This office when all four are set; otherwise the start fails, naming what to set. */
    public Office require() {
      java.util.List<String> missing = missing();
      if (!missing.isEmpty()) {
        throw new IllegalStateException("The programme's office is not configured: every letter and mail gives the"
            + " programme's name, postal address, phone and office hours, so set " + String.join(", ", missing)
            + " (office hours as " + OfficeHours.FORM + "; README, Configuration)");
      }
      return this;
    }

    private static String blankIsNull(String value) {
      return value == null || value.isBlank() ? null : value.strip();
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

  /**
   * The demo profile's values: the demo users' one shared {@code password}, and a demo office per programme
   * profile ({@code vom.demo.programmes[de_toa]...}), used for whatever {@code vom.programme.office} leaves unset.
   */
  public record Demo(String password, java.util.Map<String, Office> programmes) {
    public Demo {
      programmes = programmes == null ? java.util.Map.of() : java.util.Map.copyOf(programmes);
    }
  }
}
