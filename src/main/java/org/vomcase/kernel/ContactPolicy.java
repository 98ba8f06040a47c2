package org.vomcase.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * How the case may reach one person (victim safety): whether by email, by letter and by the mediator's calls,
 * which channel the person prefers, and why a channel is closed. Made from the case's contact-order decision
 * (a victim contacted in writing only gets no email and no call; a letter-only introduction goes by letter to
 * everyone) and the person's safe-contact record (no letters to an address someone else reads). Delivery and
 * the contact diagram obey it; it is never a user's choice at the moment of sending.
 *
 * @param reasons why a channel is closed, in words (for the incident and the case file); empty when none is
 */
public record ContactPolicy(boolean email, boolean letter, boolean calls, String preferred, List<String> reasons) {

  /** No restriction (staff, the referrer). */
  public static final ContactPolicy OPEN = new ContactPolicy(true, true, true, null, List.of());

  public ContactPolicy {
    reasons = List.copyOf(reasons);
  }

  /** The policy for a person of the case. */
  static ContactPolicy of(Person person, boolean writtenOnly, boolean letterIntroduction, boolean introduction) {
    List<String> reasons = new ArrayList<>();
    SafeContact safety = person.safety();
    boolean email = true;
    if (writtenOnly) {
      email = false;
      reasons.add("the victim is contacted by letter only: no email, no call (contact-order decision)");
    } else if (introduction && letterIntroduction) {
      email = false;
      reasons.add("the introduction goes by letter (contact-order decision)");
    }
    boolean letter = !safety.lettersForbidden();
    if (!letter) {
      reasons.add("do not write to this address (safe contact)");
    }
    return new ContactPolicy(email, letter, !writtenOnly, safety.preferredChannel(), reasons);
  }

  /** The same policy for someone at another address (a guardian's own): letters there are allowed. */
  public ContactPolicy withOwnAddress() {
    List<String> kept = reasons.stream().filter(r -> !r.startsWith("do not write")).toList();
    return new ContactPolicy(email, true, calls, preferred, kept);
  }

  /** Why nothing can be sent, or null while a channel is open. */
  public String why() {
    return reasons.isEmpty() ? null : String.join("; ", reasons);
  }
}
