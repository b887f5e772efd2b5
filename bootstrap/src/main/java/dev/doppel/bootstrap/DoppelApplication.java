package dev.doppel.bootstrap;

import dev.doppel.adapter.persistence.PersistenceConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

@SpringBootApplication(scanBasePackages = {"dev.doppel.bootstrap", "dev.doppel.adapter.web"})
@ConfigurationPropertiesScan("dev.doppel.bootstrap")
@Import(PersistenceConfiguration.class)
public class DoppelApplication {
  public static void main(String[] args) {
    SpringApplication.run(DoppelApplication.class, args);
  }
}
