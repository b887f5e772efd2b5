package dev.doppel.adapter.persistence.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.adapter.persistence.Fixtures;
import dev.doppel.adapter.persistence.support.MariaDbDataSource;
import dev.doppel.adapter.persistence.support.MariaDbServer;
import dev.doppel.domain.project.Project;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = MariaDbDataSource.class)
class ProjectPersistenceAdapterMariaDbTest extends ProjectPersistenceAdapterContract {
  @Override
  protected ChronoUnit timestampPrecision() {
    return MariaDbServer.TIMESTAMP_PRECISION;
  }

  /** A TIMESTAMP holds an instant, converted to UTC on the way in, whatever the session's zone. */
  @Test
  void storesCreationTimeAsTheTrueInstant() {
    Project project = Fixtures.project(projects, Fixtures.user(users), Instant.parse("2031-10-26T00:59:59.999999Z"));

    BigDecimal epoch = jdbc.queryForObject("SELECT UNIX_TIMESTAMP(created_at) FROM projects WHERE id = ?", BigDecimal.class,
        project.id().value());
    assertThat(epoch).isEqualByComparingTo("1950742799"); // .999999 dropped by the driver
  }
}
