package dev.doppel.bootstrap;

import dev.doppel.adapter.database.JdbcExternalDatabases;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database adapter: the users' own MariaDB/MySQL and PostgreSQL databases over JDBC. */
@Configuration
public class DatabaseWiring {
  @Bean
  JdbcExternalDatabases externalDatabases() {
    return new JdbcExternalDatabases();
  }
}
