package org.vomcase.kernel;

/**
 * One problem with one field of a referral: the field's path (e.g. {@code victims[0].dateOfBirth}) and what is wrong,
 * in English and as the sentence staff read in their language ({@link ErrorText}; null: the English only).
 */
public record FieldError(String field, String message, ErrorText text) {

  public FieldError(String field, String message) {
    this(field, message, null);
  }

  public FieldError(String field, ErrorText text) {
    this(field, text.english(), text);
  }

  /** What is wrong with {@code field}: the sentence {@code key} ({@code error.*}) naming {@code arguments}. */
  public static FieldError of(String field, String key, Object... arguments) {
    return new FieldError(field, ErrorText.of(key, arguments));
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
