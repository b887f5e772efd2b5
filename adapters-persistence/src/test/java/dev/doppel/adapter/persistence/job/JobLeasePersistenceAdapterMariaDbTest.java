package dev.doppel.adapter.persistence.job;

import dev.doppel.adapter.persistence.support.MariaDbDataSource;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = MariaDbDataSource.class)
class JobLeasePersistenceAdapterMariaDbTest extends JobLeasePersistenceAdapterContract {}
