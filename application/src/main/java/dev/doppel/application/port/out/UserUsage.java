package dev.doppel.application.port.out;

import dev.doppel.domain.user.UserId;

/** What one user currently takes up, for the per-user quotas. */
public interface UserUsage {
  /** Bytes of the user's uploaded tables and generated batches. */
  long storedBytes(UserId user);

  /** The user's trainings and generations that are queued or running. */
  int activeJobs(UserId user);
}
