package dev.doppel.adapter.persistence.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.adapter.persistence.Fixtures;
import dev.doppel.adapter.persistence.support.H2DataSource;
import dev.doppel.domain.project.Project;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2DataSource.class)
class ProjectPersistenceAdapterH2Test extends ProjectPersistenceAdapterContract {
  @Test
  void storesCreationTimeAsUtcWallClock() {
    Project project = Fixtures.project(projects, Fixtures.user(users), Instant.parse("2031-10-26T00:59:59.999999Z"));

    String stored = jdbc.queryForObject("SELECT CAST(created_at AS VARCHAR) FROM projects WHERE id = ?", String.class,
        project.id().value());
    assertThat(stored).isEqualTo("2031-10-26 00:59:59.999999");
  }
}
