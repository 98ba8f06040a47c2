package org.vomcase.figures;

import java.time.LocalDate;
import java.util.List;

/** A case still running: what the referral figures and the caseload need of it. */
public record OpenCase(String referralSource, String proceduralStage, LocalDate registeredOn, List<String> mediators) {}
