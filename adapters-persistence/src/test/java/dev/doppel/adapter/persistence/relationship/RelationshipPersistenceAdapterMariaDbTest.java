package dev.doppel.adapter.persistence.relationship;

import dev.doppel.adapter.persistence.support.MariaDbDataSource;
import dev.doppel.adapter.persistence.support.MariaDbServer;
import java.time.temporal.ChronoUnit;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = MariaDbDataSource.class)
class RelationshipPersistenceAdapterMariaDbTest extends RelationshipPersistenceAdapterContract {
  @Override
  protected ChronoUnit timestampPrecision() {
    return MariaDbServer.TIMESTAMP_PRECISION;
  }
}
