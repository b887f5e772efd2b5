package dev.doppel.adapter.persistence.schema;

import dev.doppel.adapter.persistence.support.H2DataSource;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2DataSource.class)
class LiquibaseSchemaH2Test extends LiquibaseSchemaContract {}
