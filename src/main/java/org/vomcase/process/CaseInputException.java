package org.vomcase.process;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Input a user gave in a form (or a caller through the API) that the case cannot take. Thrown before
 * anything is changed, so the transaction rolls back and Tasklist shows the message.
 */
public class CaseInputException extends ProcessEngineException {

  private final String field;

  public CaseInputException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** The form field (variable name) the message is about. */
  public String getField() {
    return field;
  }
}
