package org.vomcase.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

  /** Why a channel is closed, in words, and the sentence staff read for it ({@link #whyInTheirLanguage()}). */
  private static final String WRITTEN_ONLY = "the victim is contacted by letter only: no email, no call (contact-order decision)";
  private static final String LETTER_INTRODUCTION = "the introduction goes by letter (contact-order decision)";
  private static final String DO_NOT_WRITE = "do not write to this address (safe contact)";
  private static final Map<String, String> REASON_KEYS = Map.of(WRITTEN_ONLY, "error.contact.writtenOnly",
      LETTER_INTRODUCTION, "error.contact.letterIntroduction", DO_NOT_WRITE, "error.contact.doNotWrite");

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
      reasons.add(WRITTEN_ONLY);
    } else if (introduction && letterIntroduction) {
      email = false;
      reasons.add(LETTER_INTRODUCTION);
    }
    boolean letter = !safety.lettersForbidden();
    if (!letter) {
      reasons.add(DO_NOT_WRITE);
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

  /** The same as sentences staff read in their language ({@link ErrorText}), or null while a channel is open. */
  public List<ErrorText> whyInTheirLanguage() {
    return reasons.isEmpty() ? null : reasons.stream().map(r -> REASON_KEYS.containsKey(r) ? ErrorText.of(REASON_KEYS.get(r))
        : ErrorText.of("error.text", r)).toList();
  }
}
