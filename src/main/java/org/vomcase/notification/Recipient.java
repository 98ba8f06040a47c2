package org.vomcase.notification;

import org.vomcase.kernel.ContactPolicy;

/**
 * One person a message goes to: a party or guardian of the case ({@code V1}, {@code O2}, {@code
 * G-O1}), the referrer, or a staff member (their user id). A recipient without email gets a printed
 * letter at the postal address; the language chooses the template; the contact policy says which of the
 * two the case may use for them (victim safety).
 *
 * @param id stable within the case: part of the sending's idempotency key
 * @param name how the message addresses the person
 * @param email the email address, or null
 * @param postalAddress the postal address for a letter, or null
 * @param language ISO 639-1 code of the preferred language
 * @param policy the channels the case may use to reach the person
 */
public record Recipient(String id, String name, String email, String postalAddress, String language, ContactPolicy policy) {

  /** A recipient the case may reach by any channel (staff, the referrer). */
  public Recipient(String id, String name, String email, String postalAddress, String language) {
    this(id, name, email, postalAddress, language, ContactPolicy.OPEN);
  }

  public boolean hasEmail() {
    return email != null && !email.isBlank();
  }
}
