package dev.doppel.adapter.persistence.job;

import dev.doppel.adapter.persistence.support.H2DataSource;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2DataSource.class)
class JobLeasePersistenceAdapterH2Test extends JobLeasePersistenceAdapterContract {}
