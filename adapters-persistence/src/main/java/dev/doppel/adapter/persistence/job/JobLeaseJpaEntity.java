package dev.doppel.adapter.persistence.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code job_leases}: the node running a job, until when, and whether it was asked to stop it. */
@Entity
@Table(name = "job_leases")
public class JobLeaseJpaEntity {
  @Id
  @Column(name = "job_key", nullable = false, updatable = false, length = 64)
  private String jobKey;

  @Column(name = "node_id", nullable = false, length = 64)
  private String nodeId;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "cancel_requested", nullable = false)
  private boolean cancelRequested;

  public String getJobKey() {
    return jobKey;
  }

  public String getNodeId() {
    return nodeId;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public boolean isCancelRequested() {
    return cancelRequested;
  }
}
