package dev.doppel.adapter.persistence.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.adapter.persistence.Fixtures;
import dev.doppel.adapter.persistence.support.MariaDbDataSource;
import dev.doppel.adapter.persistence.support.MariaDbServer;
import java.time.temporal.ChronoUnit;
import dev.doppel.domain.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = MariaDbDataSource.class)
class DatasetPersistenceAdapterMariaDbTest extends DatasetPersistenceAdapterContract {
  @Override
  protected ChronoUnit timestampPrecision() {
    return MariaDbServer.TIMESTAMP_PRECISION;
  }

  @Test
  void storesMetadataAsJsonTheDatabaseCanQuery() {
    Dataset added = Fixtures.dataset(datasets, project, T0);
    long id = added.id().value();

    assertThat(jdbc.queryForObject("SELECT JSON_VALID(metadata) FROM datasets WHERE id = ?", Integer.class, id)).isOne();
    assertThat(jdbc.queryForObject("SELECT JSON_EXTRACT(metadata, '$.rowCount') FROM datasets WHERE id = ?", Long.class, id))
        .isEqualTo(1000L);
    assertThat(jdbc.queryForObject("SELECT JSON_UNQUOTE(JSON_EXTRACT(metadata, '$.columns[1].topValues[1].value')) FROM datasets"
        + " WHERE id = ?", String.class, id)).isEqualTo("東京");
  }

  @Test
  void refusesMetadataThatIsNotJson() {
    long id = Fixtures.dataset(datasets, project, T0).id().value();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> jdbc.update("UPDATE datasets SET metadata = 'not json' WHERE id = ?", id))
        .isInstanceOf(org.springframework.dao.DataAccessException.class);
  }
}
