package dev.doppel.adapter.persistence.user;

import dev.doppel.adapter.persistence.support.MariaDbDataSource;
import dev.doppel.adapter.persistence.support.MariaDbServer;
import java.time.temporal.ChronoUnit;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = MariaDbDataSource.class)
class ApiTokenPersistenceAdapterMariaDbTest extends ApiTokenPersistenceAdapterContract {
  @Override
  protected ChronoUnit timestampPrecision() {
    return MariaDbServer.TIMESTAMP_PRECISION;
  }
}
