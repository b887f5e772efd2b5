package dev.doppel.adapter.persistence.user;

import dev.doppel.adapter.persistence.support.H2DataSource;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2DataSource.class)
class ApiTokenPersistenceAdapterH2Test extends ApiTokenPersistenceAdapterContract {}
