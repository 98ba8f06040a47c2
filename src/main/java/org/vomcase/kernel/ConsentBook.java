package org.vomcase.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The consent book of a case ({@code consents}): person id → {@link Consent}, filled in as each
 * person's contact ends or a withdrawal is recorded. A person without an entry was not asked to the end.
 *
 * @param entries the entries by person id, in the order they were written
 */
public record ConsentBook(@JsonValue Map<String, Consent> entries) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public ConsentBook {
    entries = Collections.unmodifiableMap(entries == null ? new LinkedHashMap<>() : new LinkedHashMap<>(entries));
  }

  public static ConsentBook empty() {
    return new ConsentBook(Map.of());
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
    Map<String, Consent> changed = new LinkedHashMap<>(entries);
    changed.put(personId, consent);
    return new ConsentBook(changed);
  }

  /** The outcomes of one side, in the order they were recorded. */
  public List<ConsentOutcome> outcomes(Side side) {
    return entries.values().stream().filter(e -> e.role() == side).map(Consent::outcome).toList();
  }

  /** The guardian of a person, as their consent recorded it; null for none. */
  public Guardian guardianOf(String personId) {
    Consent entry = entries.get(personId);
    return entry == null ? null : entry.guardian();
  }
}
