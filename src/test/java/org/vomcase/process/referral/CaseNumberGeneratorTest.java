package org.vomcase.process.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Case numbers under concurrency on the real table ({@code schema.sql}, H2): two referrals racing for the
 * first number of a new year both find no counter row, both INSERT it; one wins, the other retries and
 * gets the second number. Many threads on a new year get unique, gapless numbers.
 */
class CaseNumberGeneratorTest {

  @Test
  void twoFirstReferralsOfANewYearBothGetANumber() throws Exception {
    DataSource dataSource = database();
    CyclicBarrier bothFoundNoRow = new CyclicBarrier(2);
    // Holds each thread after its UPDATE found no row until the other's did too: both then INSERT the row.
    JdbcTemplate racing = new JdbcTemplate(dataSource) {
      @Override
      public int update(String sql, Object... args) {
        int updated = super.update(sql, args);
        if (sql.startsWith("UPDATE vom_case_counter") && updated == 0) {
          try {
            bothFoundNoRow.await(10, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
        return updated;
      }
    };
    CaseNumberGenerator generator = new CaseNumberGenerator(racing, new DataSourceTransactionManager(dataSource));

    List<String> numbers = race(2, () -> generator.next(2027));

    assertThat(numbers).containsExactlyInAnyOrder("VOM-2027-00001", "VOM-2027-00002");
    assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT last_number FROM vom_case_counter WHERE counter_year = 2027",
        Integer.class)).isEqualTo(2);
  }

  @Test
  void manyReferralsOfANewYearGetUniqueNumbers() throws Exception {
    DataSource dataSource = database();
    CaseNumberGenerator generator = new CaseNumberGenerator(new JdbcTemplate(dataSource),
        new DataSourceTransactionManager(dataSource));
    Set<String> numbers = ConcurrentHashMap.newKeySet();

    race(8, () -> {
      for (int i = 0; i < 25; i++) {
        numbers.add(generator.next(2028));
      }
      return "";
    });

    assertThat(numbers).hasSize(200).contains("VOM-2028-00001", "VOM-2028-00200");
  }

  private static List<String> race(int threads, Callable<String> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(work));
      }
      List<String> results = new ArrayList<>();
      for (Future<String> future : futures) {
        results.add(future.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static DataSource database() {
    DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:counter-" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1", "sa", "");
    new ResourceDatabasePopulator(new ClassPathResource("schema.sql")).execute(dataSource);
    return dataSource;
  }
}
