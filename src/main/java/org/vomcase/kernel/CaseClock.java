package org.vomcase.kernel;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock (settable in tests) in the programme's time zone: the one place the case's "now" comes from. */
public final class CaseClock {

  private CaseClock() {}

  public static ZonedDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault());
  }

  public static LocalDate today() {
    return now().toLocalDate();
  }

  /** Now as an ISO date-time with offset, as the case's time stamps are stored. */
  public static String timestamp() {
    return now().toOffsetDateTime().toString();
  }
}
