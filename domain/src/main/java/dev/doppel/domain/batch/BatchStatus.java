package dev.doppel.domain.batch;

import dev.doppel.domain.job.JobState;
import dev.doppel.domain.job.JobStatus;

/** A batch's status as the API and the database spell it; GENERATING is the running state. */
public enum BatchStatus implements JobStatus {
  PENDING(JobState.QUEUED),
  GENERATING(JobState.RUNNING),
  COMPLETED(JobState.COMPLETED),
  FAILED(JobState.FAILED),
  CANCELLED(JobState.CANCELLED);

  private final JobState state;

  BatchStatus(JobState state) {
    this.state = state;
  }

  @Override
  public JobState state() {
    return state;
  }
}
