package org.vomcase.kernel;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * A state the process owns (a side, a consent outcome, a session outcome, a fulfilment, a closure
 * reason): a Java enum, stored in the case and in its Json records by its code ({@code agreement_fulfilled}).
 */
public interface Coded {

  /** The code the variables, forms, decision tables and expressions of the diagrams use. */
  @JsonValue
  default String code() {
    return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
  }

  /** The constant of a code; an unknown code is refused with the known ones. */
  static <E extends Enum<E> & Coded> E of(Class<E> type, String code) {
    for (E constant : type.getEnumConstants()) {
      if (constant.code().equals(code)) {
        return constant;
      }
    }
    throw new IllegalArgumentException("'" + code + "' is not a " + type.getSimpleName() + " (" + String.join(", ",
        Arrays.stream(type.getEnumConstants()).map(Coded::code).toList()) + ")");
  }
}
