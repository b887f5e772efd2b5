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
 * @param workers the warm engine workers that serve generation and sampling (ai-engine/WORKER.md)
 */
@ConfigurationProperties(prefix = "doppel.engine")
public record EngineProperties(
    String adapter,
    Path python,
    Path directory,
    Duration trainTimeout,
    Duration generateTimeout,
    Duration evaluateTimeout,
    int threads,
    Workers workers) {
  public EngineProperties {
    adapter = adapter == null || adapter.isBlank() ? "python" : adapter;
    python = python == null || python.toString().isBlank() ? Path.of("") : python.toAbsolutePath();
    directory = (directory == null ? Path.of("ai-engine") : directory).toAbsolutePath().normalize();
    trainTimeout = trainTimeout == null ? Duration.ofHours(6) : trainTimeout;
    generateTimeout = generateTimeout == null ? Duration.ofHours(2) : generateTimeout;
    evaluateTimeout = evaluateTimeout == null ? Duration.ofHours(1) : evaluateTimeout;
    workers = workers == null ? new Workers(null, null, null, null, null, null) : workers;
  }

  /**
   * @param count workers kept running (at least 1); each keeps the libraries loaded, about 1.5 GB
   * @param cacheBytes the bound of each worker's cache of loaded models
   * @param maxRequests a worker is replaced after serving this many requests; none when left out
   * @param maxRssBytes a worker is replaced after a request that leaves it above this resident
   *     memory
   * @param sampleTimeout the longest a sample (POST /api/models/{id}/sample) may take
   * @param warmOnStart whether the workers start and load the libraries when the application starts
   */
  public record Workers(Integer count, Long cacheBytes, Integer maxRequests, Long maxRssBytes, Duration sampleTimeout, Boolean warmOnStart) {
    public Workers {
      count = count == null || count < 1 ? 2 : count;
      cacheBytes = cacheBytes == null || cacheBytes < 0 ? 1L << 30 : cacheBytes;
      maxRssBytes = maxRssBytes == null ? 6L << 30 : maxRssBytes;
      sampleTimeout = sampleTimeout == null ? Duration.ofMinutes(2) : sampleTimeout;
      warmOnStart = warmOnStart == null || warmOnStart;
    }
  }
}
