package dev.doppel.domain.synthesis;

import dev.doppel.domain.job.JobState;
import dev.doppel.domain.job.JobStatus;

/** A model's status as the API and the database spell it; TRAINING is the running state. */
public enum ModelStatus implements JobStatus {
  PENDING(JobState.QUEUED),
  TRAINING(JobState.RUNNING),
  COMPLETED(JobState.COMPLETED),
  FAILED(JobState.FAILED),
  CANCELLED(JobState.CANCELLED);

  private final JobState state;

  ModelStatus(JobState state) {
    this.state = state;
  }

  @Override
  public JobState state() {
    return state;
  }
}
