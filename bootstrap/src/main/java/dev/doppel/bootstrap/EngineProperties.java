package dev.doppel.bootstrap;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param adapter which synthesis engine adapter runs the jobs: {@code python} (the ai-engine, as
 *     local processes), {@code ray} (the ai-engine's entry points as jobs on a Ray cluster) or
 *     another registered by configuration, such as the test suite's {@code test}
 * @param python the ai-engine virtual environment's interpreter (./doppel start sets it); empty
 *     when not configured
 * @param directory the ai-engine folder
 * @param threads CPU threads the engine may use; 0 means all
 * @param workers the warm engine workers that serve generation and sampling (ai-engine/WORKER.md)
 * @param ray the Ray cluster the {@code ray} adapter submits jobs to
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
    Workers workers,
    Ray ray) {
  public EngineProperties {
    adapter = adapter == null || adapter.isBlank() ? "python" : adapter;
    python = python == null || python.toString().isBlank() ? Path.of("") : python.toAbsolutePath();
    directory = (directory == null ? Path.of("ai-engine") : directory).toAbsolutePath().normalize();
    trainTimeout = trainTimeout == null ? Duration.ofHours(6) : trainTimeout;
    generateTimeout = generateTimeout == null ? Duration.ofHours(2) : generateTimeout;
    evaluateTimeout = evaluateTimeout == null ? Duration.ofHours(1) : evaluateTimeout;
    workers = workers == null ? new Workers(null, null, null, null, null, null) : workers;
    ray = ray == null ? new Ray(null, null, null, null, null, null, null, null) : ray;
  }

  /**
   * @param address the head node's dashboard address, which serves the job-submission REST API
   * @param entrypointCpus CPUs each job's entry point reserves on the cluster
   * @param entrypointMemory memory each job's entry point reserves; 0 reserves none
   * @param entrypointGpus GPUs each job's entry point reserves; 0 reserves none
   * @param fanOut whether a generation of several parts samples them as Ray tasks on every node
   * @param taskCpus CPUs each of those tasks reserves
   * @param pollInterval how often a running job's status and output are read
   * @param unansweredLimit how long the cluster may leave a running job's reads unanswered before
   *     the job fails
   */
  public record Ray(
      URI address, Double entrypointCpus, DataSize entrypointMemory, Double entrypointGpus, Boolean fanOut, Double taskCpus, Duration pollInterval,
      Duration unansweredLimit) {
    public Ray {
      address = address == null ? URI.create("http://127.0.0.1:8265") : address;
      entrypointCpus = entrypointCpus == null ? 1.0 : entrypointCpus;
      entrypointMemory = entrypointMemory == null ? DataSize.ofBytes(0) : entrypointMemory;
      entrypointGpus = entrypointGpus == null ? 0.0 : entrypointGpus;
      fanOut = fanOut == null || fanOut;
      taskCpus = taskCpus == null ? 1.0 : taskCpus;
      pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
      unansweredLimit = unansweredLimit == null ? Duration.ofSeconds(30) : unansweredLimit;
    }
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
