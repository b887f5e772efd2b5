package dev.doppel.adapter.persistence.relational;

import dev.doppel.adapter.persistence.support.H2DataSource;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2DataSource.class)
class DatabaseEvaluationPersistenceAdapterH2Test extends DatabaseEvaluationPersistenceAdapterContract {}
