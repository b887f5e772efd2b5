package dev.doppel.adapter.persistence.user;

import dev.doppel.adapter.persistence.support.MariaDbDataSource;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = MariaDbDataSource.class)
class UserPersistenceAdapterMariaDbTest extends UserPersistenceAdapterContract {}
