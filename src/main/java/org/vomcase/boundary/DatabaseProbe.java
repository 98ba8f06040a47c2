package org.vomcase.boundary;

import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, asked with a short deadline ({@value #DEADLINE_MILLIS} ms) and remembered
 * for a second: a request that failed while the database is away answers 503 with Retry-After instead of
 * a bare 500, and the health check ({@code db}) says DOWN within two seconds instead of the pool's timeout.
 */
@Component("dbHealthIndicator")
public class DatabaseProbe implements HealthIndicator {

  static final long DEADLINE_MILLIS = 1000;
  private static final long REMEMBER_MILLIS = 1000;

  private final DataSource dataSource;
  private final ExecutorService prober = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "vom-database-probe");
    thread.setDaemon(true);
    return thread;
  });
  private volatile long askedAt;
  private volatile boolean reachable = true;

  public DatabaseProbe(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public boolean reachable() {
    long now = System.currentTimeMillis();
    if (now - askedAt < REMEMBER_MILLIS) {
      return reachable;
    }
    boolean answer;
    try {
      answer = CompletableFuture.supplyAsync(this::ask, prober).get(DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (Exception noAnswerInTime) {
      answer = false;
    }
    reachable = answer;
    askedAt = System.currentTimeMillis();
    return answer;
  }

  /**
   * Whether the database answers, asked after a request failed: a "yes" remembered from before the failure (a health
   * check a moment before the database went away) does not count, so the failed request answers 503 at once. A "no"
   * is remembered as ever, so an outage asks the database at most once a second.
   */
  public boolean reachableAfterFailure() {
    if (!reachable && System.currentTimeMillis() - askedAt < REMEMBER_MILLIS) {
      return false;
    }
    askedAt = 0;
    return reachable();
  }

  private boolean ask() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(1);
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public Health health() {
    return reachable() ? Health.up().build() : Health.down().build();
  }
}
