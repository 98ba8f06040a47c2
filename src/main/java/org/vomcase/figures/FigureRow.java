package org.vomcase.figures;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;

/** One closed case's anonymous figures (a row of {@code vom_case_figures}, its details parsed). */
public record FigureRow(String id, String profile, String referralSource, String proceduralStage, String offenceCategory,
    LocalDate registeredOn, LocalDate closedOn, String closureReason, int victims, int offenders, String sessionOutcome,
    String meetingType, String agreementFulfilment, JsonNode details) {}
