package dev.doppel.bootstrap;

import dev.doppel.adapter.engine.python.EngineSettings;
import dev.doppel.adapter.engine.python.PythonSynthesisEngine;
import dev.doppel.adapter.engine.python.WorkerSettings;
import dev.doppel.adapter.engine.ray.RayJobRunner;
import dev.doppel.adapter.engine.ray.RaySettings;
import dev.doppel.application.port.in.ListAlgorithmsQuery;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Python ai-engine: by default its jobs run as local processes ({@code
 * doppel.engine.adapter=python}); with {@code doppel.engine.adapter=ray} their entry points run as
 * jobs on the Ray cluster at {@code doppel.engine.ray.address}.
 */
@Configuration
@ConditionalOnExpression("'${doppel.engine.adapter:python}' == 'python' or '${doppel.engine.adapter:python}' == 'ray'")
public class PythonEngineWiring {
  private static final Logger log = LoggerFactory.getLogger(PythonEngineWiring.class);

  @Bean(destroyMethod = "close")
  PythonSynthesisEngine pythonSynthesisEngine(EngineProperties engine, DoppelProperties doppel) {
    EngineSettings settings =
        new EngineSettings(
            engine.python(), engine.directory(), doppel.dataDir().resolve("engine-catalogue.json"), engine.trainTimeout(),
            engine.generateTimeout(), engine.evaluateTimeout(), Duration.ofSeconds(30), Duration.ofSeconds(2), engine.threads());
    WorkerSettings workers =
        new WorkerSettings(
            engine.workers().count(), engine.workers().cacheBytes(), Optional.ofNullable(engine.workers().maxRequests()),
            Optional.of(engine.workers().maxRssBytes()).filter(bytes -> bytes > 0), engine.workers().sampleTimeout(), engine.workers().warmOnStart());
    PythonSynthesisEngine python;
    if (engine.adapter().equals("ray")) {
      EngineProperties.Ray ray = engine.ray();
      python =
          new PythonSynthesisEngine(
              settings, workers,
              new RayJobRunner(
                  new RaySettings(
                      ray.address(), ray.entrypointCpus(), ray.entrypointMemory().toBytes(), ray.entrypointGpus(), engine.threads(), ray.fanOut(),
                      ray.taskCpus(), ray.pollInterval(), ray.unansweredLimit())));
    } else {
      python = new PythonSynthesisEngine(settings, workers);
    }
    python.problem().ifPresentOrElse(
        problem -> log.error("The synthesis engine is not ready: {}. Training, generation and evaluation jobs will fail until this is fixed.", problem),
        () -> log.info("Synthesis engine: {} running {}{}", engine.python(), engine.directory(), engine.adapter().equals("ray") ? ", jobs on the Ray cluster at " + engine.ray().address() : ""));
    python.warmUp();
    return python;
  }

  @Bean
  EngineHealthIndicator engineHealthIndicator(ListAlgorithmsQuery algorithms, PythonSynthesisEngine python) {
    return new EngineHealthIndicator(algorithms, python::problem);
  }
}
