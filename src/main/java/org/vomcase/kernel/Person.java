package org.vomcase.kernel;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;

/**
 * A victim or an offender of the case, as the referral named them (entries of {@code victims} and {@code
 * offenders}): an id of the case ({@code V1}, {@code O2}), the side, the name and the ways to reach them,
 * the language to write in, and whether they were under 18 at registration (R7); the parents or guardians a
 * referral names for a minor; how the person may be reached safely; and, for a legal person (a shop, a
 * company, a school), the individual who represents it.
 */
public record Person(String personId, Side role, String name, String email, String phone, String postalAddress,
    String preferredLanguage, LocalDate dateOfBirth, boolean interpreterNeeded, boolean minor,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Guardian> guardians, SafeContact safeContact, String representative) {

  /** The JSON keys of a person: what a referral gives (the referral API's and the start form's words). */
  public static final String NAME = "name";
  public static final String DATE_OF_BIRTH = "dateOfBirth";
  public static final String EMAIL = "email";
  public static final String PHONE = "phone";
  public static final String POSTAL_ADDRESS = "postalAddress";
  public static final String PREFERRED_LANGUAGE = "preferredLanguage";
  public static final String INTERPRETER_NEEDED = "interpreterNeeded";
  public static final String GUARDIANS = "guardians";
  public static final String SAFE_CONTACT = "safeContact";
  public static final String REPRESENTATIVE = "representative";
  /** What the case works out for each person it registers: the id ({@code V1}), the side and whether a minor. */
  public static final String PERSON_ID = "personId";
  public static final String ROLE = "role";
  public static final String MINOR = "minor";

  /** The fields a referral gives of a person; everything else a caller sends is refused as a misspelt field. */
  public static final Set<String> REFERRAL_FIELDS = Set.of(NAME, DATE_OF_BIRTH, EMAIL, PHONE, POSTAL_ADDRESS,
      PREFERRED_LANGUAGE, INTERPRETER_NEEDED, GUARDIANS, SAFE_CONTACT, REPRESENTATIVE);

  public Person {
    guardians = guardians == null ? List.of() : List.copyOf(guardians);
  }

  /**
   * A person of a referral: numbered on their side ({@code number} from 1), minor by the age on {@code today}; a legal
   * person has no date of birth and is never a minor.
   */
  public static Person referred(Side side, int number, String name, String email, String phone, String postalAddress,
      String preferredLanguage, LocalDate dateOfBirth, boolean interpreterNeeded, LocalDate today, List<Guardian> guardians,
      SafeContact safeContact, String representative) {
    return new Person(side.idPrefix() + number, side, name, email, phone, postalAddress, preferredLanguage, dateOfBirth,
        interpreterNeeded, minor(dateOfBirth, today), guardians, safeContact, representative);
  }

  /** Whether a person born on that day is under 18 today (unknown birth date: not known to be a minor). */
  public static boolean minor(LocalDate dateOfBirth, LocalDate today) {
    return dateOfBirth != null && Period.between(dateOfBirth, today).getYears() < 18;
  }

  /** How the person may be reached safely; no restrictions when none were recorded. */
  public SafeContact safety() {
    return safeContact == null ? SafeContact.NONE : safeContact;
  }

  /** The same person with another safe-contact record (a mediator's update). */
  public Person withSafeContact(SafeContact contact) {
    return new Person(personId, role, name, email, phone, postalAddress, preferredLanguage, dateOfBirth, interpreterNeeded, minor,
        guardians, contact, representative);
  }

  /**
   * The same person with corrected ways to reach them and language (a case event after intake): each argument
   * replaces the person's value as it is given ({@code null} or blank: none).
   */
  public Person withContact(String newEmail, String newPhone, String newPostalAddress, String newLanguage,
      boolean newInterpreterNeeded) {
    return new Person(personId, role, name, blankToNull(newEmail), blankToNull(newPhone), blankToNull(newPostalAddress),
        newLanguage, dateOfBirth, newInterpreterNeeded, minor, guardians, safeContact, representative);
  }

  /** The same person with these parents or guardians (a case event adds or corrects one). */
  public Person withGuardians(List<Guardian> newGuardians) {
    return new Person(personId, role, name, email, phone, postalAddress, preferredLanguage, dateOfBirth, interpreterNeeded,
        minor, newGuardians, safeContact, representative);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Whether the person is a legal person (a shop, a company, a school) represented by an individual. */
  public boolean legalPerson() {
    return representative != null && !representative.isBlank();
  }

  /** "V1 Ana Roth": how forms list the person. */
  public String label() {
    return personId + " " + name;
  }

  /** "Ana Roth (V1)": how texts name the person. */
  public String nameWithId() {
    return name + " (" + personId + ")";
  }

  /** Whether the person is a victim. */
  public boolean victim() {
    return role == Side.VICTIM;
  }
}
