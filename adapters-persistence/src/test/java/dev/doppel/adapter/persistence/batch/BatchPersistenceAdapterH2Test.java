package dev.doppel.adapter.persistence.batch;

import dev.doppel.adapter.persistence.support.H2DataSource;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2DataSource.class)
class BatchPersistenceAdapterH2Test extends BatchPersistenceAdapterContract {}
