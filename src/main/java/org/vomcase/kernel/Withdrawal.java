package org.vomcase.kernel;

/** A withdrawal of consent recorded on the case (R8, entries of {@code withdrawals}): who, why, by whom, when. */
public record Withdrawal(String personId, Side role, String reason, String recordedBy, String recordedAt) {}
