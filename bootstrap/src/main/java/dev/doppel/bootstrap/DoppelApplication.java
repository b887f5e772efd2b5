package dev.doppel.bootstrap;

import dev.doppel.adapter.persistence.PersistenceConfiguration;
import dev.doppel.adapter.web.WebConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The adapters built on Spring each bring one configuration, imported here by class. Everything
 * else (the application's services, the file and engine adapters) is an explicit bean of this
 * package's wiring classes, found by the default scan of this package alone.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({WebConfiguration.class, PersistenceConfiguration.class})
public class DoppelApplication {
  public static void main(String[] args) {
    SpringApplication.run(DoppelApplication.class, args);
  }
}
