package dev.doppel.application.service;

/**
 * Per-user limits.
 *
 * @param maxActiveJobs trainings and generations one user may have queued or running at once
 * @param maxStoredBytes bytes of uploaded tables and generated batches one user may keep
 */
public record QuotaSettings(int maxActiveJobs, long maxStoredBytes) {
  public QuotaSettings {
    if (maxActiveJobs < 1 || maxStoredBytes < 1) {
      throw new IllegalArgumentException("quotas must be positive");
    }
  }
}
