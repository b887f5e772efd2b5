package dev.doppel.adapter.persistence.usage;

import dev.doppel.adapter.persistence.support.H2DataSource;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2DataSource.class)
class UsagePersistenceAdapterH2Test extends UsagePersistenceAdapterContract {}
