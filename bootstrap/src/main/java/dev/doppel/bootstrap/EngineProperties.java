package dev.doppel.bootstrap;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adapter which synthesis engine adapter runs the jobs: {@code python} (the ai-engine) or
 *     another registered by configuration, such as the test suite's {@code test}
 * @param python the ai-engine virtual environment's interpreter (./doppel start sets it); empty
 *     when not configured
 * @param directory the ai-engine folder
 * @param threads CPU threads the engine may use; 0 means all
 */
@ConfigurationProperties(prefix = "doppel.engine")
public record EngineProperties(
    String adapter,
    Path python,
    Path directory,
    Duration trainTimeout,
    Duration generateTimeout,
    Duration evaluateTimeout,
    int threads) {
  public EngineProperties {
    adapter = adapter == null || adapter.isBlank() ? "python" : adapter;
    python = python == null || python.toString().isBlank() ? Path.of("") : python.toAbsolutePath();
    directory = (directory == null ? Path.of("ai-engine") : directory).toAbsolutePath().normalize();
    trainTimeout = trainTimeout == null ? Duration.ofHours(6) : trainTimeout;
    generateTimeout = generateTimeout == null ? Duration.ofHours(2) : generateTimeout;
    evaluateTimeout = evaluateTimeout == null ? Duration.ofHours(1) : evaluateTimeout;
  }
}
