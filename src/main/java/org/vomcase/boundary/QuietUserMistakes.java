package org.vomcase.boundary;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;
import org.vomcase.kernel.CaseInputException;

/**
 * A user's mistake is not a fault: the engine and its REST API log a listener's exception at ERROR with a
 * stack trace, but when that exception is a {@link CaseInputException} (a refused form) those lines are
 * dropped; the boundary logs the refusal at INFO in one line ("Refused input to ..."). Every other
 * exception keeps its ERROR and its stack trace.
 */
@Component
public class QuietUserMistakes extends TurboFilter {

  private static final java.util.regex.Pattern USER_MISTAKE_IN_TEXT = java.util.regex.Pattern.compile(
      "(?m)^(Caused by: )?" + java.util.regex.Pattern.quote(CaseInputException.class.getName())
          + "|^(Caused by: )?org\\.vomcase\\.[\\w.]+RejectedException");

  public QuietUserMistakes() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      setName("vom-quiet-user-mistakes");
      start();
      context.addTurboFilter(this);
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level == null || !level.isGreaterOrEqual(Level.WARN) || !logger.getName().startsWith("org.camunda.bpm")) {
      return FilterReply.NEUTRAL;
    }
    // The REST API logs a failed request's stack trace as the message text itself.
    if (format != null && USER_MISTAKE_IN_TEXT.matcher(format).find()) {
      return FilterReply.DENY;
    }
    Throwable thrown = t;
    if (params != null) {
      for (Object param : params) {
        if (param instanceof Throwable throwable && thrown == null) {
          thrown = throwable;
        }
        // The REST API logs a failed request's stack trace as text.
        if (param instanceof String text && USER_MISTAKE_IN_TEXT.matcher(text).find()) {
          return FilterReply.DENY;
        }
      }
    }
    for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof CaseInputException) {
        return FilterReply.DENY;
      }
    }
    return FilterReply.NEUTRAL;
  }
}
