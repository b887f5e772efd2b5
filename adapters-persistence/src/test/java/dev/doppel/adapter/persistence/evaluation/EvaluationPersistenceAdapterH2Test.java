package dev.doppel.adapter.persistence.evaluation;

import dev.doppel.adapter.persistence.support.H2DataSource;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2DataSource.class)
class EvaluationPersistenceAdapterH2Test extends EvaluationPersistenceAdapterContract {}
