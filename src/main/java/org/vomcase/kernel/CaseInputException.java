package org.vomcase.kernel;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Input a user gave in a form (or a caller through the API) that the case cannot take. Thrown before
 * anything is changed, so the transaction rolls back. The engine wraps a listener's exception into its
 * own, so the HTTP boundary also learns of it here, in the request's thread ({@link #watch()}), and
 * answers the user 400 with the field instead of the engine's 500. What is wrong is an {@link ErrorText}: the
 * exception's message is its English text (the log's), the user reads it in the staff language.
 */
public class CaseInputException extends ProcessEngineException {

  private static final ThreadLocal<List<CaseInputException>> RAISED = new ThreadLocal<>();

  private final String field;
  private final transient ErrorText text;

  /** What is wrong with {@code field}: the sentence {@code text} (its English text is the exception's message). */
  public CaseInputException(String field, ErrorText text) {
    this(field, text.english(), text);
  }

  /** A problem given as text only, without a sentence staff could read in their language: shown as it is. */
  protected CaseInputException(String field, String message) {
    this(field, message, null);
  }

  private CaseInputException(String field, String message, ErrorText text) {
    super(field + ": " + message);
    this.field = field;
    this.text = text;
    List<CaseInputException> raised = RAISED.get();
    if (raised != null) {
      raised.add(this);
    }
  }

  /** What is wrong with {@code field}: the sentence {@code key} ({@code error.*}) naming {@code arguments}. */
  public static CaseInputException of(String field, String key, Object... arguments) {
    return new CaseInputException(field, ErrorText.of(key, arguments));
  }

  /** A problem with a variable the user submitted (a form field of the same name). */
  public static CaseInputException of(CaseVariable<?> field, String key, Object... arguments) {
    return of(field.name(), key, arguments);
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
    return List.of(new Problem(field, getReason(), text));
  }

  /** One field and what is wrong with it: in English, and as the sentence staff read (null: the English only). */
  public record Problem(String field, String message, ErrorText text) {

    public Problem(String field, String message) {
      this(field, message, null);
    }

    public Problem(FieldError error) {
      this(error.field(), error.message(), error.text());
    }
  }

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
