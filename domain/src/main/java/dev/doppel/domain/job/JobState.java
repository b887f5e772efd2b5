package dev.doppel.domain.job;

/**
 * Where a training, generation or evaluation is in its life: QUEUED → RUNNING → COMPLETED | FAILED
 * | CANCELLED, or QUEUED → FAILED | CANCELLED. Each kind of job spells these states in its own
 * words ({@link JobStatus}); {@link JobTransition} says which moves exist.
 */
public enum JobState {
  QUEUED,
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED;

  public boolean isFinished() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
