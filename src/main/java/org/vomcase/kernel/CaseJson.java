package org.vomcase.kernel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * How the case's records are written into and read from its Json variables: the keys and shapes
 * running cases, Cockpit's variable view and the history already hold (dates as {@code YYYY-MM-DD},
 * amounts as text, absent values left out). A value is read whichever way it was stored: a Json
 * variable, JSON text, or the lists and maps a REST caller sends.
 */
public final class CaseJson {

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .addModule(new SimpleModule("case-dates").addDeserializer(LocalDate.class, new LenientDate()))
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  private CaseJson() {}

  /** A record as the JSON text of a Json variable. */
  public static String text(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** Whether a value is a Json variable or its content (a list of persons, a record as the engine keeps it). */
  public static boolean isJson(Object value) {
    return value instanceof JsonValue || value instanceof SpinJsonNode;
  }

  /** Whether two values (a Json variable or its content, a list, a map) are the same JSON: the same tree. */
  public static boolean sameJson(Object one, Object other) {
    if (one == null || other == null) {
      return one == null && other == null;
    }
    try {
      return MAPPER.readTree(text(plain(one))).equals(MAPPER.readTree(text(plain(other))));
    } catch (JsonProcessingException | IllegalStateException e) {
      return false;
    }
  }

  /** A record as the engine stores it: a Json variable (shown as JSON by Cockpit and the REST API). */
  public static JsonValue json(Object value) {
    return SpinValues.jsonValue(text(value)).create();
  }

  /** A value as plain JSON data (maps, lists, text, numbers, flags): a Json variable's content, anything else as it is. */
  public static Object plain(Object value) {
    return value instanceof JsonValue || value instanceof SpinJsonNode ? read(value, Object.class) : value;
  }

  /** A stored value as the given type; null stays null. */
  public static <T> T read(Object value, JavaType type) {
    if (value == null) {
      return null;
    }
    try {
      if (value instanceof SpinJsonNode node) {
        return MAPPER.readValue(node.toString(), type);
      }
      if (value instanceof JsonValue json) {
        return json.getValue() == null ? null : MAPPER.readValue(json.getValue().toString(), type);
      }
      if (value instanceof String text) {
        return text.isBlank() ? null : MAPPER.readValue(text, type);
      }
      if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
        return MAPPER.convertValue(value, type);
      }
      if (type.getRawClass().isInstance(value)) {
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return typed;
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException("Not a " + type.getRawClass().getSimpleName() + " of the case: " + value, e);
    }
    throw new IllegalStateException("Not a " + type.getRawClass().getSimpleName() + " of the case: " + value);
  }

  public static <T> T read(Object value, Class<T> type) {
    return read(value, MAPPER.constructType(type));
  }

  /** A submitted JSON object (a form's group, a person of a referral) as a map; null stays null. */
  public static Map<String, Object> object(Object value) {
    return read(value, MAPPER.getTypeFactory().constructMapType(java.util.LinkedHashMap.class, String.class, Object.class));
  }

  /** A submitted JSON array of objects (the persons of a referral) as maps; null stays null. */
  public static java.util.List<Map<String, Object>> objects(Object value) {
    return read(value, MAPPER.getTypeFactory().constructCollectionType(java.util.List.class,
        MAPPER.getTypeFactory().constructMapType(java.util.LinkedHashMap.class, String.class, Object.class)));
  }

  static JavaType listOf(Class<?> element) {
    return MAPPER.getTypeFactory().constructCollectionType(java.util.List.class, element);
  }

  static JavaType bookOf(Class<?> entry) {
    return MAPPER.getTypeFactory().constructMapType(java.util.LinkedHashMap.class, String.class, entry);
  }

  /** Dates as the case stores them: {@code YYYY-MM-DD}, or a date-time's date part; blank is none. */
  private static final class LenientDate extends JsonDeserializer<LocalDate> {
    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = parser.getValueAsString();
      if (text == null || text.isBlank()) {
        return null;
      }
      LocalDate date = Dates.orNull(text);
      if (date == null) {
        return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not a date (" + Dates.FORMAT + ")");
      }
      return date;
    }
  }
}
