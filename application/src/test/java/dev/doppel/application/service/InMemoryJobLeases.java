package dev.doppel.application.service;

import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.JobLeases;
import dev.doppel.application.port.out.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Job leases kept in memory, with the real store's rules; one instance stands for the database several nodes share. */
final class InMemoryJobLeases implements JobLeases {
  /** A node that runs alone, as a single app does. */
  static final JobLeaseSettings ALONE = new JobLeaseSettings(new NodeId("alone"), Duration.ofMinutes(1), true);

  record Lease(NodeId node, Instant expiresAt, boolean cancelRequested) {}

  final Map<JobKey, Lease> rows = new ConcurrentHashMap<>();

  @Override
  public synchronized boolean acquire(JobKey job, NodeId node, Instant now, Instant expiresAt) {
    Lease current = rows.get(job);
    if (current != null && current.expiresAt().isAfter(now)) {
      return false;
    }
    rows.put(job, new Lease(node, expiresAt, false));
    return true;
  }

  @Override
  public synchronized List<Held> renew(NodeId node, Instant expiresAt) {
    rows.replaceAll((job, lease) -> lease.node().equals(node) ? new Lease(node, expiresAt, lease.cancelRequested()) : lease);
    return rows.entrySet().stream().filter(e -> e.getValue().node().equals(node)).map(e -> new Held(e.getKey(), e.getValue().cancelRequested())).toList();
  }

  @Override
  public synchronized boolean requestCancel(JobKey job, Instant now) {
    Optional<Lease> live = Optional.ofNullable(rows.get(job)).filter(lease -> lease.expiresAt().isAfter(now));
    live.ifPresent(lease -> rows.put(job, new Lease(lease.node(), lease.expiresAt(), true)));
    return live.isPresent();
  }

  @Override
  public synchronized boolean isHeld(JobKey job, Instant now) {
    return Optional.ofNullable(rows.get(job)).filter(lease -> lease.expiresAt().isAfter(now)).isPresent();
  }

  @Override
  public synchronized void release(JobKey job, NodeId node) {
    rows.computeIfPresent(job, (key, lease) -> lease.node().equals(node) ? null : lease);
  }

  @Override
  public synchronized void releaseAllBut(NodeId node) {
    rows.values().removeIf(lease -> !lease.node().equals(node));
  }

  @Override
  public synchronized void dropExpired(Instant now) {
    rows.values().removeIf(lease -> !lease.expiresAt().isAfter(now));
  }
}
