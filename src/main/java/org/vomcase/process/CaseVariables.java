package org.vomcase.process;

/** Names of the case's process variables: the one place they are spelled. */
public final class CaseVariables {

  /** Human-readable case number ({@code VOM-<year>-<5 digits>}), also the business key. */
  public static final String CASE_NUMBER = "caseNumber";

  private CaseVariables() {}
}
