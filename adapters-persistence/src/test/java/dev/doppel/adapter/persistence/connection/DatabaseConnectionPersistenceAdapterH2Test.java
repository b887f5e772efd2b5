package dev.doppel.adapter.persistence.connection;

import dev.doppel.adapter.persistence.support.H2DataSource;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2DataSource.class)
class DatabaseConnectionPersistenceAdapterH2Test extends DatabaseConnectionPersistenceAdapterContract {}
