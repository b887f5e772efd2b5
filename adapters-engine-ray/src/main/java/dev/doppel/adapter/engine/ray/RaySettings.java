package dev.doppel.adapter.engine.ray;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the Ray cluster is and what each engine job asks of it.
 *
 * @param address the head node's dashboard, which serves the job-submission REST API
 *     ({@code http://127.0.0.1:8265})
 * @param entrypointCpus CPUs reserved for each job's entry point
 * @param entrypointMemoryBytes memory reserved for each job's entry point; 0 reserves none
 * @param entrypointGpus GPUs reserved for each job's entry point; 0 reserves none
 * @param threads CPU threads the engine may use on its node (0 = all)
 * @param fanOut whether a generation of several parts samples them as Ray tasks on every node
 * @param taskCpus CPUs each of those tasks reserves
 * @param pollInterval how often a running job's status and output are read
 * @param unansweredLimit how long the cluster may leave a running job's reads unanswered before the
 *     job fails
 */
public record RaySettings(
    URI address, double entrypointCpus, long entrypointMemoryBytes, double entrypointGpus, int threads, boolean fanOut, double taskCpus, Duration pollInterval,
    Duration unansweredLimit) {
  public RaySettings {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(unansweredLimit, "unansweredLimit");
    if (fanOut && !(taskCpus > 0)) {
      throw new IllegalArgumentException("the CPUs of each generation task must be positive (got " + taskCpus + ")");
    }
  }
}
