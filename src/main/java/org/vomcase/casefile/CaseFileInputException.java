package org.vomcase.casefile;

import java.util.List;
import java.util.stream.Collectors;
import org.vomcase.kernel.CaseInputException;
import org.vomcase.kernel.FieldError;

/**
 * What a mediator or coordinator sent to the case file (a document, a note) and the case file cannot take: every
 * problem, each named by its field in the form's words ({@code file}, {@code kind}, {@code title}, {@code text}).
 * Thrown before anything is stored.
 */
public class CaseFileInputException extends CaseInputException {

  private final transient List<FieldError> errors;

  public CaseFileInputException(List<FieldError> errors) {
    super(errors.get(0).field(), errors.get(0).message());
    this.errors = List.copyOf(errors);
  }

  @Override
  public List<Problem> problems() {
    return errors.stream().map(Problem::new).toList();
  }

  @Override
  public String getMessage() {
    return errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
  }
}
