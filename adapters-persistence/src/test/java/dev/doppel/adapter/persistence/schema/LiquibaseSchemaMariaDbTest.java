package dev.doppel.adapter.persistence.schema;

import dev.doppel.adapter.persistence.support.MariaDbDataSource;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = MariaDbDataSource.class)
class LiquibaseSchemaMariaDbTest extends LiquibaseSchemaContract {}
