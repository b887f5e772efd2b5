package dev.doppel.application.service;

import dev.doppel.application.port.out.NodeId;
import java.time.Duration;
import java.util.Objects;

/**
 * How this node shares jobs with other nodes of the same database.
 *
 * @param node this node's name in the leases of the jobs it runs
 * @param leaseDuration how long a job's lease lasts unless its node renews it; a job whose lease
 *     ran out is recovered by whichever node notices first
 * @param alone true when no other node shares the database: every lease not this node's is then
 *     left from an earlier run, and its jobs are recovered at start-up without waiting for it to run out
 */
public record JobLeaseSettings(NodeId node, Duration leaseDuration, boolean alone) {
  /** Renewals come at least this often, so that a cancel asked of another node is noticed within it. */
  private static final Duration LONGEST_RENEWAL_INTERVAL = Duration.ofSeconds(1);

  public JobLeaseSettings {
    Objects.requireNonNull(node, "node");
    if (leaseDuration == null || leaseDuration.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("a job lease lasts at least one second");
    }
  }

  /** How often the node renews its leases and reads the cancel requests on them: a third of the lease, at most a second. */
  public Duration renewalInterval() {
    Duration third = leaseDuration.dividedBy(3);
    return third.compareTo(LONGEST_RENEWAL_INTERVAL) < 0 ? third : LONGEST_RENEWAL_INTERVAL;
  }

  /** How often the node looks for jobs whose lease ran out and for queued jobs no node has taken: a third of the lease. */
  public Duration sweepInterval() {
    return leaseDuration.dividedBy(3);
  }
}
