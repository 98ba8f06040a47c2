package org.vomcase.process;

/** The case process: its key (file {@code processes/vom-case.bpmn}). */
public final class CaseProcess {

  public static final String KEY = "vom-case";

  private CaseProcess() {}
}
