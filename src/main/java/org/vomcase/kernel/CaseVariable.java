package org.vomcase.kernel;

import com.fasterxml.jackson.databind.JavaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;

/**
 * One variable of the case, declared once in {@link CaseVariables} with its name and type: {@code
 * CASE_NUMBER.from(execution)} reads it typed, {@code CLOSURE_REASON.on(execution).set(reason)} writes it
 * as the engine stores it (text, flags and numbers as such, dates as {@code YYYY-MM-DD} text, time stamps
 * as ISO text, records as Json). Values written by earlier versions read the same. Variables are declared
 * only in {@link CaseVariables} (the factories are the kernel's own).
 *
 * @param <T> the variable's type in Java
 */
public final class CaseVariable<T> {

  private final String name;
  private final Function<Object, T> reader;
  private final Function<T, Object> writer;
  /** The record variable that keeps this fact as registered ({@link #keptIn}), or null: a variable of its own. */
  private final String holder;

  private CaseVariable(String name, Function<Object, T> reader, Function<T, Object> writer) {
    this(name, reader, writer, null);
  }

  private CaseVariable(String name, Function<Object, T> reader, Function<T, Object> writer, String holder) {
    this.name = Objects.requireNonNull(name);
    this.reader = reader;
    this.writer = writer;
    this.holder = holder;
  }

  /**
   * This fact as a field of the record {@code record} (the referral's facts in {@code referral}): one variable keeps
   * them all as registered, one row in the runtime and one in the history instead of one for each. The fact as the
   * case knows it now is a variable of its own name where a later step set one (a case event: the appeal was decided)
   * or where an earlier version kept the facts one by one, else the record's field; a write sets the variable of its
   * own name, and leaves the record as registered.
   */
  CaseVariable<T> keptIn(CaseVariable<Map<String, Object>> record) {
    return new CaseVariable<>(name, reader, writer, record.name());
  }

  /** The record variable that keeps this fact as registered ({@code referral}), or null when it is a variable of its own. */
  public String holder() {
    return holder;
  }

  /** Text (also a code of the vocabulary). */
  static CaseVariable<String> text(String name) {
    return new CaseVariable<>(name, value -> value == null ? null : value.toString(), value -> value);
  }

  /** True or false. */
  static CaseVariable<Boolean> flag(String name) {
    return new CaseVariable<>(name, value -> value instanceof Boolean b ? b
        : value == null || value.toString().isBlank() ? null : Boolean.valueOf(value.toString().trim()), value -> value);
  }

  /** A whole number (the engine keeps what the diagrams' expressions set as Long: both read the same). */
  static CaseVariable<Integer> count(String name) {
    return new CaseVariable<>(name, value -> value instanceof Number n ? Integer.valueOf(n.intValue())
        : value == null || value.toString().isBlank() ? null : Integer.valueOf(value.toString().trim()), value -> value);
  }

  /** An amount or a number of hours, as the forms submit it. */
  static CaseVariable<BigDecimal> decimal(String name) {
    return new CaseVariable<>(name, value -> value == null || value.toString().isBlank() ? null
        : new BigDecimal(value.toString().trim()), value -> value == null ? null : value.doubleValue());
  }

  /** A calendar date, stored as {@code YYYY-MM-DD}. */
  static CaseVariable<LocalDate> date(String name) {
    return new CaseVariable<>(name, Dates::orNull, value -> value == null ? null : value.toString());
  }

  /** A moment with the programme's offset, stored as ISO text (what the timers of the diagrams wait for). */
  static CaseVariable<OffsetDateTime> moment(String name) {
    return new CaseVariable<>(name, CaseVariable::momentOf, value -> value == null ? null : value.toString());
  }

  private static OffsetDateTime momentOf(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof java.util.Date date) {
      return date.toInstant().atZone(java.time.ZoneId.systemDefault()).toOffsetDateTime();
    }
    String text = value.toString().trim();
    try {
      return OffsetDateTime.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      // Written by earlier versions with the zone's name ("2026-03-01T10:00+01:00[Europe/Berlin]").
      return java.time.ZonedDateTime.parse(text).toOffsetDateTime();
    }
  }

  /** One of the states the process owns (consent outcome, session outcome, closure reason), stored as its code. */
  static <E extends Enum<E> & Coded> CaseVariable<E> code(String name, Class<E> type) {
    return new CaseVariable<>(name, value -> value == null || value.toString().isBlank() ? null : Coded.of(type, value.toString()),
        value -> value == null ? null : value.code());
  }

  /** A record of facts by their names (the referral), stored as a Json object; absent reads as null. */
  static CaseVariable<Map<String, Object>> record(String name) {
    return new CaseVariable<>(name, CaseJson::object, value -> value == null ? null : CaseJson.json(value));
  }

  /** A record of the case, stored as a Json object. */
  static <R> CaseVariable<R> json(String name, Class<R> type) {
    JavaType javaType = CaseJson.MAPPER.constructType(type);
    return new CaseVariable<>(name, value -> CaseJson.read(value, javaType), value -> value == null ? null : CaseJson.json(value));
  }

  /** A record of the case, stored as a Json object; absent reads as {@code absent}'s value (an empty book). */
  static <R> CaseVariable<R> json(String name, Class<R> type, java.util.function.Supplier<R> absent) {
    JavaType javaType = CaseJson.MAPPER.constructType(type);
    return new CaseVariable<>(name, value -> {
      R read = CaseJson.read(value, javaType);
      return read == null ? absent.get() : read;
    }, value -> value == null ? null : CaseJson.json(value));
  }

  /** The result of a decision table (one rule's outputs by name), as the engine stores it. */
  static CaseVariable<Map<String, Object>> decision(String name) {
    return new CaseVariable<>(name, value -> {
      if (value == null) {
        return null;
      }
      if (!(value instanceof Map<?, ?> map)) {
        throw new IllegalStateException("'" + name + "' is not the result of a decision: " + value);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      map.forEach((key, output) -> result.put(String.valueOf(key), output));
      return result;
    }, value -> value == null ? null
        : Variables.objectValue(new LinkedHashMap<>(value)).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }

  /** A list of records, stored as a Json array; absent reads as empty. */
  static <R> CaseVariable<List<R>> jsonList(String name, Class<R> element) {
    JavaType javaType = CaseJson.listOf(element);
    return new CaseVariable<>(name, value -> {
      List<R> list = CaseJson.read(value, javaType);
      return list == null ? List.of() : List.copyOf(list);
    }, value -> value == null ? null : CaseJson.json(value));
  }

  /** A book of records by id (person id, obligation id), stored as a Json object; absent reads as empty. */
  static <R> CaseVariable<Map<String, R>> jsonBook(String name, Class<R> entry) {
    JavaType javaType = CaseJson.bookOf(entry);
    return new CaseVariable<>(name, value -> {
      Map<String, R> book = CaseJson.read(value, javaType);
      return book == null ? new LinkedHashMap<>() : new LinkedHashMap<>(book);
    }, value -> value == null ? null : CaseJson.json(value));
  }

  /**
   * A list of codes or ids as forms submit them (a checklist, the ids of those who signed): a Json array, a
   * list, or JSON text; written as a Json array. Absent reads as empty.
   */
  static CaseVariable<List<String>> codes(String name) {
    return new CaseVariable<>(name, CaseVariable::codesOf, value -> value == null ? null : CaseJson.json(value));
  }

  /** A list of user ids as the engine keeps it (a JSON-serialised Java list, so that queries and Cockpit read it). */
  static CaseVariable<List<String>> userIds(String name) {
    return new CaseVariable<>(name, CaseVariable::codesOf, value -> value == null ? null
        : Variables.objectValue(new ArrayList<>(value)).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }

  private static List<String> codesOf(Object value) {
    List<String> codes = new ArrayList<>();
    if (value instanceof SpinJsonNode node && node.isArray()) {
      node.elements().forEach(element -> codes.add(element.isString() ? element.stringValue() : element.toString()));
    } else if (value instanceof Collection<?> list) {
      list.forEach(element -> codes.add(String.valueOf(element)));
    } else if (value instanceof String text && text.trim().startsWith("[")) {
      List<?> parsed = CaseJson.read(text, List.class);
      parsed.forEach(element -> codes.add(String.valueOf(element)));
    }
    return List.copyOf(codes);
  }

  /** The variable's name: the key in the engine, the forms and the REST API. */
  public String name() {
    return name;
  }

  /** The value visible from a scope (its own, else its parents'), typed; null (or empty) when there is none. */
  public T from(VariableScope scope) {
    return read(stored(scope::getVariable));
  }

  /** The scope's own value (a task's or a sub-process's local variable). */
  public T fromLocal(VariableScope scope) {
    return read(scope.getVariableLocal(name));
  }

  /** The value from a view of the case's variables (a running case, its history, a REST payload). */
  public T from(Function<String, Object> variables) {
    return read(stored(variables));
  }

  /** The value from a map of variables (a submitted form, the variables of an instance). */
  public T in(Map<String, ?> variables) {
    return read(stored(variables::get));
  }

  /** Whether the scope sees a value. */
  public boolean isSet(VariableScope scope) {
    return stored(scope::getVariable) != null;
  }

  /**
   * The value as stored: the variable of this name, else (a fact kept in a record) the record's field of this name.
   */
  private Object stored(Function<String, Object> variables) {
    Object own = variables.apply(name);
    if (own != null || holder == null) {
      return own;
    }
    Map<String, Object> record = CaseJson.object(variables.apply(holder));
    return record == null ? null : record.get(name);
  }

  /** A stored value typed. */
  public T read(Object stored) {
    return reader.apply(stored);
  }

  /** The value as the engine stores it (for a message correlation, {@code RuntimeService.setVariable}, a map of variables). */
  public Object value(T value) {
    return value == null ? null : writer.apply(value);
  }

  /** Writing to a scope: {@code on(execution).set(value)}. */
  public Writer on(VariableScope scope) {
    return new Writer(scope);
  }

  @Override
  public String toString() {
    return name;
  }

  /** Writes the variable to one scope. */
  public final class Writer {
    private final VariableScope scope;

    private Writer(VariableScope scope) {
      this.scope = scope;
    }

    /** Sets the value where the variable lives (the nearest scope that has it, else the process instance). */
    public void set(T value) {
      scope.setVariable(name, value(value));
    }

    /**
     * Sets a known value where the variable lives; an unknown one (null) is written only over a value the scope already
     * sees. A variable nobody knows a value for is then no row in the runtime and none in the history, and a form shows
     * it empty all the same.
     */
    public void setKnown(T value) {
      if (value != null || scope.hasVariable(name)) {
        set(value);
      }
    }

    /** Sets the value on this scope only. */
    public void setLocal(T value) {
      scope.setVariableLocal(name, value(value));
    }

    public void remove() {
      scope.removeVariable(name);
    }
  }
}
