package org.vomcase.kernel;

/** One problem with one field of a referral: the field's path (e.g. {@code victims[0].dateOfBirth}) and what is wrong. */
public record FieldError(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
