package org.vomcase.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The consent book of a case ({@code consents}): person id → {@link Consent}, filled in as each
 * person's contact ends or a withdrawal is recorded. A person without an entry was not asked to the end.
 */
public final class ConsentBook {

  private final Map<String, Consent> entries;

  @JsonCreator
  public ConsentBook(Map<String, Consent> entries) {
    this.entries = entries == null ? new LinkedHashMap<>() : new LinkedHashMap<>(entries);
  }

  public static ConsentBook empty() {
    return new ConsentBook(Map.of());
  }

  /** The entries by person id, in the order they were written. */
  @JsonValue
  public Map<String, Consent> entries() {
    return Collections.unmodifiableMap(entries);
  }

  /** A person's entry; null before the person's contact ended or was withdrawn. */
  public Consent entry(String personId) {
    return entries.get(personId);
  }

  /** A person's outcome; null while there is none. */
  public ConsentOutcome outcome(String personId) {
    Consent entry = entries.get(personId);
    return entry == null ? null : entry.outcome();
  }

  /** Whether the person agreed (and has not withdrawn since). */
  public boolean agreed(String personId) {
    return outcome(personId) == ConsentOutcome.AGREED;
  }

  /** The book with a person's entry written (replaced). */
  public ConsentBook with(String personId, Consent consent) {
    ConsentBook book = new ConsentBook(entries);
    book.entries.put(personId, consent);
    return book;
  }

  /** The outcomes of one side, in the order they were recorded. */
  public List<ConsentOutcome> outcomes(Side side) {
    List<ConsentOutcome> outcomes = new ArrayList<>();
    entries.values().stream().filter(e -> e.role() == side).forEach(e -> outcomes.add(e.outcome()));
    return outcomes;
  }

  /** The guardian of a person, as their consent recorded it; null for none. */
  public Guardian guardianOf(String personId) {
    Consent entry = entries.get(personId);
    return entry == null ? null : entry.guardian();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConsentBook book && book.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return entries.toString();
  }
}
