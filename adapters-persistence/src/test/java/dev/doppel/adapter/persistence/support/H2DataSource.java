package dev.doppel.adapter.persistence.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a Spring test context at a file-based H2 database ({@code @ContextConfiguration(initializers = ...)}). */
public class H2DataSource implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("h2-test-database", Map.of(
        "spring.datasource.url", H2Files.jdbcUrl("doppel"),
        "spring.datasource.username", "sa",
        "spring.datasource.password", "",
        "spring.datasource.driver-class-name", "org.h2.Driver")));
  }
}
