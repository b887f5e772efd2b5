package dev.doppel.adapter.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Base of the tests every supported database must pass. Concrete subclasses pick the database
 * with {@code @ContextConfiguration(initializers = H2DataSource.class or MariaDbDataSource.class)};
 * classes picking the same one share a Spring context. Hibernate validates the entities against
 * the schema Liquibase created, so any mismatch fails the context.
 */
@SpringBootTest(properties = {
    "spring.jpa.hibernate.ddl-auto=validate",
    "spring.jpa.open-in-view=false",
    "spring.main.banner-mode=off",
    PersistenceContract.CONNECTIONS_KEY_SETTING
})
public abstract class PersistenceContract {
  /** The key that seals connection passwords: base64 of "persistence-test-connections-key". */
  public static final String CONNECTIONS_KEY_SETTING = "doppel.connections.secret-key=cGVyc2lzdGVuY2UtdGVzdC1jb25uZWN0aW9ucy1rZXk=";

  /** How finely this database keeps the instants the adapter writes (TIMESTAMP(6): microseconds). */
  protected ChronoUnit timestampPrecision() {
    return ChronoUnit.MICROS;
  }

  /** The instant as this database gives it back. */
  protected Instant asStored(Instant instant) {
    return instant.truncatedTo(timestampPrecision());
  }
}
