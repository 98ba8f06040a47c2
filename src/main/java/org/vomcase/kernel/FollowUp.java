package org.vomcase.kernel;

/**
 * One person's follow-up conversation (R18; entries of {@code followUps} by person id): their side, whether
 * it was held, and the answers of the satisfaction questionnaire (fear of the offender for victims only).
 */
public record FollowUp(Side role, String outcome, String satisfaction, String fair, String heard, String recommend,
    String fearChange, String recordedAt) {

  public static final String HELD = "held";
}
