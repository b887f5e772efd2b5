package dev.doppel.adapter.persistence.batch;

import dev.doppel.adapter.persistence.support.MariaDbDataSource;
import dev.doppel.adapter.persistence.support.MariaDbServer;
import java.time.temporal.ChronoUnit;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = MariaDbDataSource.class)
class BatchPersistenceAdapterMariaDbTest extends BatchPersistenceAdapterContract {
  @Override
  protected ChronoUnit timestampPrecision() {
    return MariaDbServer.TIMESTAMP_PRECISION;
  }
}
