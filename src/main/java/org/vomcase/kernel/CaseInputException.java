package org.vomcase.kernel;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Input a user gave in a form (or a caller through the API) that the case cannot take. Thrown before
 * anything is changed, so the transaction rolls back. The engine wraps a listener's exception into its
 * own, so the HTTP boundary also learns of it here, in the request's thread ({@link #watch()}), and
 * answers the user 400 with the field instead of the engine's 500.
 */
public class CaseInputException extends ProcessEngineException {

  private static final ThreadLocal<List<CaseInputException>> RAISED = new ThreadLocal<>();

  private final String field;

  public CaseInputException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
    List<CaseInputException> raised = RAISED.get();
    if (raised != null) {
      raised.add(this);
    }
  }

  /** A problem with a variable the user submitted (a form field of the same name). */
  public CaseInputException(CaseVariable<?> field, String message) {
    this(field.name(), message);
  }

  /** The form field (variable name) the message is about. */
  public String getField() {
    return field;
  }

  /** What is wrong with the field, without the field's name. */
  public String getReason() {
    String message = super.getMessage();
    return message.startsWith(field + ": ") ? message.substring(field.length() + 2) : message;
  }

  /** The fields and their problems (one, or every problem of a referral). */
  public List<Problem> problems() {
    return List.of(new Problem(field, getReason()));
  }

  /** One field and what is wrong with it. */
  public record Problem(String field, String message) {}

  /** Collects the user's mistakes raised in this thread until closed (one HTTP request). */
  public static Watch watch() {
    List<CaseInputException> previous = RAISED.get();
    List<CaseInputException> raised = new ArrayList<>();
    RAISED.set(raised);
    return new Watch(raised, previous);
  }

  /** The mistakes raised while watching; the first one is what the user is told. */
  public static final class Watch implements AutoCloseable {
    private final List<CaseInputException> raised;
    private final List<CaseInputException> previous;

    private Watch(List<CaseInputException> raised, List<CaseInputException> previous) {
      this.raised = raised;
      this.previous = previous;
    }

    public CaseInputException first() {
      return raised.isEmpty() ? null : raised.get(0);
    }

    @Override
    public void close() {
      if (previous == null) {
        RAISED.remove();
      } else {
        RAISED.set(previous);
      }
    }
  }
}
