package dev.doppel.adapter.persistence.usage;

import dev.doppel.adapter.persistence.support.MariaDbDataSource;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = MariaDbDataSource.class)
class UsagePersistenceAdapterMariaDbTest extends UsagePersistenceAdapterContract {}
