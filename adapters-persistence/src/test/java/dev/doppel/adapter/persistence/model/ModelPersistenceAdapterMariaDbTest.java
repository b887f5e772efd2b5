package dev.doppel.adapter.persistence.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.adapter.persistence.Fixtures;
import dev.doppel.adapter.persistence.support.MariaDbDataSource;
import dev.doppel.adapter.persistence.support.MariaDbServer;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = MariaDbDataSource.class)
class ModelPersistenceAdapterMariaDbTest extends ModelPersistenceAdapterContract {
  @Override
  protected ChronoUnit timestampPrecision() {
    return MariaDbServer.TIMESTAMP_PRECISION;
  }

  @Test
  void storesSettingsAsTypedJsonTheDatabaseCanQuery() {
    long id = Fixtures.model(models, dataset, T0).id().value();

    assertThat(jdbc.queryForObject("SELECT JSON_VALID(settings) FROM models WHERE id = ?", Integer.class, id)).isOne();
    assertThat(jdbc.queryForObject("SELECT JSON_EXTRACT(settings, '$.epochs.value') FROM models WHERE id = ?", Long.class, id))
        .isEqualTo(300L);
    assertThat(jdbc.queryForObject("SELECT JSON_UNQUOTE(JSON_EXTRACT(settings, '$.discriminator_decay.type')) FROM models"
        + " WHERE id = ?", String.class, id)).isEqualTo("number");
  }

  @Test
  void refusesSettingsThatAreNotJson() {
    long id = Fixtures.model(models, dataset, T0).id().value();

    assertThatThrownBy(() -> jdbc.update("UPDATE models SET settings = 'not json' WHERE id = ?", id))
        .isInstanceOf(DataAccessException.class);
  }
}
