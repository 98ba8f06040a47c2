package org.vomcase.kernel;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A withdrawal of consent recorded on the case (R8, entries of {@code withdrawals}): who, why, by whom, when; for a
 * minor withdrawn by a parent or guardian, that guardian's id ({@code G-V1}) and name (null otherwise).
 */
public record Withdrawal(String personId, Side role, String reason, String recordedBy, String recordedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) String guardianId,
    @JsonInclude(JsonInclude.Include.NON_NULL) String guardianName) {}
