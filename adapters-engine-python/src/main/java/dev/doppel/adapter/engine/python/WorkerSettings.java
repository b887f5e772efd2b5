package dev.doppel.adapter.engine.python;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the warm engine workers run (ai-engine/WORKER.md).
 *
 * @param count workers kept running; 0 runs every generation and evaluation as a process of its own
 *     and answers samples with one too
 * @param cacheBytes the bound of each worker's model cache
 * @param maxRequests a worker is replaced after serving this many requests
 * @param maxRssBytes a worker is replaced after a request that leaves it above this resident memory
 * @param sampleTimeout how long a sample or a check of conditions may take before it is stopped
 * @param warmOnStart whether the workers start, and import the engine's libraries, when the
 *     application starts rather than on the first request
 */
public record WorkerSettings(int count, long cacheBytes, Optional<Integer> maxRequests, Optional<Long> maxRssBytes, Duration sampleTimeout, boolean warmOnStart) {
  public WorkerSettings {
    Objects.requireNonNull(maxRequests, "maxRequests");
    Objects.requireNonNull(maxRssBytes, "maxRssBytes");
    Objects.requireNonNull(sampleTimeout, "sampleTimeout");
    if (count < 0 || cacheBytes < 0) {
      throw new IllegalArgumentException("worker count and cache bound cannot be negative");
    }
  }
}
