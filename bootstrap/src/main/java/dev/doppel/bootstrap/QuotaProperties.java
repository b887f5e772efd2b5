package dev.doppel.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxActiveJobs trainings and generations one user may have queued or running at once (429 beyond)
 * @param maxStoredBytes uploaded tables and generated batches one user may keep (413 beyond)
 */
@ConfigurationProperties(prefix = "doppel.quotas")
public record QuotaProperties(int maxActiveJobs, DataSize maxStoredBytes) {
  public QuotaProperties {
    maxActiveJobs = maxActiveJobs <= 0 ? 50 : maxActiveJobs;
    maxStoredBytes = maxStoredBytes == null ? DataSize.ofGigabytes(100) : maxStoredBytes;
  }
}
