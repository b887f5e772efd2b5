package dev.doppel.adapter.persistence.dataset;

import dev.doppel.adapter.persistence.support.H2DataSource;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2DataSource.class)
class DatasetPersistenceAdapterH2Test extends DatasetPersistenceAdapterContract {}
