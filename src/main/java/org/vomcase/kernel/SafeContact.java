package org.vomcase.kernel;

import java.util.Map;

/**
 * How a person may be reached safely (victim safety, domain research §5), taken at intake and kept up to
 * date by the mediators: the channel they prefer, "do not write to this address" (someone else reads the
 * post there), "do not leave messages" (on a voicemail or with whoever answers), and a safe time to call.
 * Delivery and the mediators' call tasks obey it.
 *
 * @param preferredChannel {@code letter}, {@code email} or {@code phone}; null for no preference
 * @param doNotWrite no letter to the person's postal address
 * @param noMessages no message left on a voicemail or with someone else
 * @param safeTimeToCall when a call is safe ("weekdays 9-12"), in the person's words
 */
public record SafeContact(String preferredChannel, Boolean doNotWrite, Boolean noMessages, String safeTimeToCall) {

  /** The JSON keys (the referral API's and the forms' words). */
  public static final String PREFERRED_CHANNEL = "preferredChannel";
  public static final String DO_NOT_WRITE = "doNotWrite";
  public static final String NO_MESSAGES = "noMessages";
  public static final String SAFE_TIME_TO_CALL = "safeTimeToCall";

  /** The channels a person may prefer. */
  public static final Map<String, String> CHANNELS = Vocabulary.CONTACT_CHANNELS;

  public static final SafeContact NONE = new SafeContact(null, null, null, null);

  /** Whether letters to the person's postal address are forbidden. */
  public boolean lettersForbidden() {
    return Boolean.TRUE.equals(doNotWrite);
  }

  /** Whether no message may be left for the person. */
  public boolean messagesForbidden() {
    return Boolean.TRUE.equals(noMessages);
  }
}
