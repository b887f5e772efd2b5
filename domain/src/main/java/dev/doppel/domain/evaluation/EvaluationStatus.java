package dev.doppel.domain.evaluation;

import dev.doppel.domain.job.JobState;
import dev.doppel.domain.job.JobStatus;

/** An evaluation's status as the API and the database spell it. Evaluations are never cancelled: they go with their model. */
public enum EvaluationStatus implements JobStatus {
  PENDING(JobState.QUEUED),
  RUNNING(JobState.RUNNING),
  COMPLETED(JobState.COMPLETED),
  FAILED(JobState.FAILED);

  private final JobState state;

  EvaluationStatus(JobState state) {
    this.state = state;
  }

  @Override
  public JobState state() {
    return state;
  }
}
