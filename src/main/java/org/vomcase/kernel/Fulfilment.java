package org.vomcase.kernel;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/**
 * How one obligation ended (R17; entries of {@code fulfilments} by obligation id): fulfilled, partly
 * (with the amount or hours done) or not; what was owed; whether it went past the grace period; when checked.
 */
public record Fulfilment(FulfilmentStatus status, ItemKind kind, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal hours,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fulfilledAmount,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fulfilledHours, boolean escalated, String checkedAt) {}
