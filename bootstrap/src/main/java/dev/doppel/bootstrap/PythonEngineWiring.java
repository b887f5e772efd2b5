package dev.doppel.bootstrap;

import dev.doppel.adapter.engine.python.EngineSettings;
import dev.doppel.adapter.engine.python.PythonSynthesisEngine;
import dev.doppel.adapter.engine.python.WorkerSettings;
import dev.doppel.application.port.in.ListAlgorithmsQuery;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default engine: the Python ai-engine, run as a process. */
@Configuration
@ConditionalOnProperty(name = "doppel.engine.adapter", havingValue = "python", matchIfMissing = true)
public class PythonEngineWiring {
  private static final Logger log = LoggerFactory.getLogger(PythonEngineWiring.class);

  @Bean(destroyMethod = "close")
  PythonSynthesisEngine pythonSynthesisEngine(EngineProperties engine, DoppelProperties doppel) {
    PythonSynthesisEngine python =
        new PythonSynthesisEngine(
            new EngineSettings(
                engine.python(), engine.directory(), doppel.dataDir().resolve("engine-catalogue.json"), engine.trainTimeout(),
                engine.generateTimeout(), engine.evaluateTimeout(), Duration.ofSeconds(30), Duration.ofSeconds(2), engine.threads()),
            new WorkerSettings(
                engine.workers().count(), engine.workers().cacheBytes(), Optional.ofNullable(engine.workers().maxRequests()),
                Optional.of(engine.workers().maxRssBytes()).filter(bytes -> bytes > 0), engine.workers().sampleTimeout(), engine.workers().warmOnStart()));
    python.problem().ifPresentOrElse(
        problem -> log.error("The synthesis engine is not ready: {}. Training, generation and evaluation jobs will fail until this is fixed.", problem),
        () -> log.info("Synthesis engine: {} running {}", engine.python(), engine.directory()));
    python.warmUp();
    return python;
  }

  @Bean
  EngineHealthIndicator engineHealthIndicator(ListAlgorithmsQuery algorithms, PythonSynthesisEngine python) {
    return new EngineHealthIndicator(algorithms, python::problem);
  }
}
