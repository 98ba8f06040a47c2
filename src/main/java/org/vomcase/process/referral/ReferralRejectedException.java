package org.vomcase.process.referral;

import org.vomcase.kernel.FieldError;
import java.util.List;
import java.util.stream.Collectors;
import org.vomcase.kernel.CaseInputException;

/** A referral that cannot become a case. Thrown before anything is created. */
public class ReferralRejectedException extends CaseInputException {

  private final transient List<FieldError> errors;

  public ReferralRejectedException(List<FieldError> errors) {
    super(errors.get(0).field(), "Referral rejected: " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> getErrors() {
    return errors;
  }

  @Override
  public List<Problem> problems() {
    return errors.stream().map(Problem::new).toList();
  }

  @Override
  public String getMessage() {
    return "Referral rejected: " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
  }
}
