package dev.doppel.domain.job;

import java.util.EnumSet;
import java.util.Set;

/** Every move a job can make, from which states, to which state: the lifecycle's one definition. */
public enum JobTransition {
  /** A runner claimed the queued job. */
  START(EnumSet.of(JobState.QUEUED), JobState.RUNNING),
  /** The running job reported how far it is. */
  PROGRESS(EnumSet.of(JobState.RUNNING), JobState.RUNNING),
  COMPLETE(EnumSet.of(JobState.RUNNING), JobState.COMPLETED),
  FAIL(EnumSet.of(JobState.QUEUED, JobState.RUNNING), JobState.FAILED),
  CANCEL(EnumSet.of(JobState.QUEUED, JobState.RUNNING), JobState.CANCELLED);

  private final Set<JobState> from;
  private final JobState to;

  JobTransition(Set<JobState> from, JobState to) {
    this.from = from;
    this.to = to;
  }

  public boolean allowedFrom(JobState state) {
    return from.contains(state);
  }

  public JobState to() {
    return to;
  }
}
