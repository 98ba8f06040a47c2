package org.vomcase.kernel;

/** The case process: its key (file {@code processes/vom-case.bpmn}). */
public final class CaseProcess {

  public static final String KEY = "vom-case";

  /** The start form for events on a running case (withdrawals, R8). */
  public static final String RECORD_CASE_EVENT_KEY = "record-case-event";

  private CaseProcess() {}
}
