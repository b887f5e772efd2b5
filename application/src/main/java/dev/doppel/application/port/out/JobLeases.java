package dev.doppel.application.port.out;

import java.time.Instant;
import java.util.List;

/**
 * Which node runs which job, and until when: a running job's lease, kept where every node sharing
 * the database sees it. The node running a job renews its lease; a job whose lease ran out (its
 * node stopped) may be recovered by any node. A cancel asked of another node travels on the lease.
 */
public interface JobLeases {
  /**
   * Gives the job's lease to {@code node} until {@code expiresAt}, unless some node (this one too)
   * holds a lease of it that runs past {@code now}; clears the cancel request of an earlier lease.
   *
   * @return whether {@code node} now holds the lease
   */
  boolean acquire(JobKey job, NodeId node, Instant now, Instant expiresAt);

  /** Extends every lease {@code node} holds to {@code expiresAt}; returns those leases. */
  List<Held> renew(NodeId node, Instant expiresAt);

  /** Asks the node holding a lease of the job that runs past {@code now} to stop it; false when there is none. */
  boolean requestCancel(JobKey job, Instant now);

  /** Whether some node holds a lease of the job that runs past {@code now}. */
  boolean isHeld(JobKey job, Instant now);

  /** Gives the job's lease back, if {@code node} still holds it. */
  void release(JobKey job, NodeId node);

  /** Drops the leases of every node but {@code node}: for a node that runs alone, they are left from an earlier run. */
  void releaseAllBut(NodeId node);

  /** Drops the leases that ran out by {@code now}: nobody holds them any more. */
  void dropExpired(Instant now);

  /** A lease a node holds, and whether someone asked it to stop the job. */
  record Held(JobKey job, boolean cancelRequested) {}
}
