package dev.doppel.adapter.persistence.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the shared {@link MariaDbServer}, starting it if needed
 * ({@code @ContextConfiguration(initializers = ...)}).
 *
 * <p>The dialect is named because MariaDB announces itself to mysql-connector-j as MySQL
 * "5.5.5-10.11…", which Hibernate would otherwise take for an unsupported MySQL 5.5; see {@code MariaDbDialect}.
 */
public class MariaDbDataSource implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  @Override
  public void initialize(ConfigurableApplicationContext context) {
    MariaDbServer server = MariaDbServer.shared();
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mariadb-test-database", Map.of(
        "spring.datasource.url", server.jdbcUrl(),
        "spring.datasource.username", server.username(),
        "spring.datasource.password", server.password(),
        "spring.datasource.driver-class-name", "com.mysql.cj.jdbc.Driver",
        "spring.jpa.database-platform", "dev.doppel.adapter.persistence.MariaDbDialect")));
  }
}
