package dev.doppel.adapter.persistence.model;

import dev.doppel.adapter.persistence.support.H2DataSource;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2DataSource.class)
class ModelPersistenceAdapterH2Test extends ModelPersistenceAdapterContract {}
