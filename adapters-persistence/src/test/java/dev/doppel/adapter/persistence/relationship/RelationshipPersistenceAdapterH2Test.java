package dev.doppel.adapter.persistence.relationship;

import dev.doppel.adapter.persistence.support.H2DataSource;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2DataSource.class)
class RelationshipPersistenceAdapterH2Test extends RelationshipPersistenceAdapterContract {}
