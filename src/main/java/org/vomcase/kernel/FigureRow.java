package org.vomcase.kernel;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One closed case's anonymous figures (R20, R25; a row of {@code vom_case_figures}): counts, classes and
 * codes, never anything that identifies a person or the case. They survive the deletion of the case.
 */
public record FigureRow(String id, String profile, String referralSource, String proceduralStage, String offenceCategory,
    LocalDate registeredOn, LocalDate closedOn, String closureReason, int victims, int offenders, String sessionOutcome,
    String meetingType, String agreementFulfilment, Details details) {

  /** The row's {@code details}: persons (side, age class, consent), items with their checks, follow-up answers, phase dates. */
  public record Details(List<PersonFigure> persons, List<ItemFigure> items, List<FollowUpFigure> followUps, LocalDate sessionOn,
      LocalDate firstContactOn) {

    public Details {
      persons = persons == null ? List.of() : List.copyOf(persons);
      items = items == null ? List.of() : List.copyOf(items);
      followUps = followUps == null ? List.of() : List.copyOf(followUps);
    }

    /** The details as the row stores them (JSON). */
    public String json() {
      return CaseJson.text(this);
    }

    /** The details of a stored row. */
    public static Details parse(String json) {
      Details details = CaseJson.read(json, Details.class);
      return details == null ? new Details(null, null, null, null, null) : details;
    }

    /** The same details with the date of the case's first consent call. */
    public Details withFirstContactOn(LocalDate date) {
      return new Details(persons, items, followUps, sessionOn, date);
    }
  }

  /**
   * A person of the case: side, age class at the offence, how their consent ended ({@code not_asked} without), and how
   * their own part ended while the case went on for others ({@code part}: a {@link PartEnded} reason, null when they took
   * part to the end or never took part).
   */
  public record PersonFigure(Side role, String ageClass, String consent,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String part) {

    public static final String NOT_ASKED = "not_asked";

    public PersonFigure(Side role, String ageClass, String consent) {
      this(role, ageClass, consent, null);
    }
  }

  /**
   * An agreement item: kind, what was agreed, its status when agreed, whose it was (the offender's index among the
   * case's offenders), and its checks.
   */
  public record ItemFigure(ItemKind kind, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal hours, @JsonFormat(shape = JsonFormat.Shape.STRING) Integer instalments,
      String status, Integer offenderIndex, List<Check> checks,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Integer stopped) {

    public ItemFigure {
      checks = checks == null ? List.of() : List.copyOf(checks);
    }

    public ItemFigure(ItemKind kind, BigDecimal amount, BigDecimal hours, Integer instalments, String status,
        Integer offenderIndex, List<Check> checks) {
      this(kind, amount, hours, instalments, status, offenderIndex, checks, null);
    }

    /** How many of its checks (one per instalment, or one) the item was to have. */
    public int checksDue() {
      return instalments != null && instalments > 1 ? instalments : 1;
    }

    /** How many of them stopped unchecked when a party withdrew after the agreement (0 when none). */
    public int stoppedChecks() {
      return stopped == null ? 0 : stopped;
    }
  }

  /** One check of an item or instalment at its due date. */
  public record Check(FulfilmentStatus status, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fulfilledAmount,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fulfilledHours,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal hours,
      @JsonFormat(shape = JsonFormat.Shape.STRING) Boolean escalated) {}

  /** One person's follow-up answers. */
  public record FollowUpFigure(Side role, String outcome, String satisfaction, String fair, String heard, String recommend,
      String fearChange) {}
}
