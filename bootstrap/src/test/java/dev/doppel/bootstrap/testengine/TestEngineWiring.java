package dev.doppel.bootstrap.testengine;

import dev.doppel.application.port.in.ListAlgorithmsQuery;
import dev.doppel.bootstrap.EngineHealthIndicator;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Selected with doppel.engine.adapter=test: the deterministic stand-in engine of the test suite. */
@Configuration
@ConditionalOnProperty(name = "doppel.engine.adapter", havingValue = "test")
public class TestEngineWiring {
  @Bean
  TestSynthesisEngine testSynthesisEngine() {
    return new TestSynthesisEngine();
  }

  @Bean
  EngineHealthIndicator engineHealthIndicator(ListAlgorithmsQuery algorithms) {
    return new EngineHealthIndicator(algorithms, Optional::empty);
  }
}
