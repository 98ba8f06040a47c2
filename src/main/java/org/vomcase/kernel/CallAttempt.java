package org.vomcase.kernel;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * One consent call of a person's contact (entries of {@code callAttempts}, kept by the contact-person instance):
 * the day of the call, its outcome (a code of {@link Vocabulary#CALL_OUTCOMES}), the day of the next call when the
 * person asked to be called again, and the user who called.
 */
public record CallAttempt(LocalDate calledOn, String outcome,
    @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate nextCallOn, String calledBy) {}
