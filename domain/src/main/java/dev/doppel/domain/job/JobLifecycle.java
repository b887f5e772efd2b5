package dev.doppel.domain.job;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a training, generation or evaluation that every job shares: its status, why it
 * failed or was cancelled, and when it started and finished. Every transition is written here, once;
 * {@code SynthesisModel}, {@code SyntheticBatch} and {@code Evaluation} move through it and refuse
 * an illegal move with {@link IllegalTransitionException}.
 *
 * @param subject names the job in messages, e.g. "model 7"
 * @param status the job's status in its own words
 * @param error the failure reason, or why it was cancelled
 */
public record JobLifecycle<S extends Enum<S> & JobStatus>(
    String subject, S status, Optional<String> error, Optional<Instant> startedAt, Optional<Instant> finishedAt) {

  /** What a cancelled job records as its reason. */
  private static final String CANCELLED_BY_USER = "cancelled by the user";

  public JobLifecycle {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }

  /** A job just requested: queued, not yet started. */
  public static <S extends Enum<S> & JobStatus> JobLifecycle<S> queued(String subject, Class<S> words) {
    return new JobLifecycle<>(subject, word(words, JobState.QUEUED), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** A runner claimed it: QUEUED → RUNNING. */
  public JobLifecycle<S> start(Instant now) {
    return new JobLifecycle<>(subject, moveBy(JobTransition.START), error, Optional.of(now), finishedAt);
  }

  /** Checks that a progress report may be recorded: only while RUNNING. */
  public JobLifecycle<S> progressed() {
    moveBy(JobTransition.PROGRESS);
    return this;
  }

  /** RUNNING → COMPLETED; a completed job has no error. */
  public JobLifecycle<S> complete(Instant now) {
    return new JobLifecycle<>(subject, moveBy(JobTransition.COMPLETE), Optional.empty(), startedAt, Optional.of(now));
  }

  /** QUEUED | RUNNING → FAILED with the reason as stored ({@link FailureReason}). */
  public JobLifecycle<S> fail(String reason, String fallback, Instant now) {
    return new JobLifecycle<>(subject, moveBy(JobTransition.FAIL), Optional.of(FailureReason.of(reason, fallback)), startedAt, Optional.of(now));
  }

  /** QUEUED | RUNNING → CANCELLED; refused for a kind of job that has no cancelled state. */
  public JobLifecycle<S> cancel(Instant now) {
    return new JobLifecycle<>(subject, moveBy(JobTransition.CANCEL), Optional.of(CANCELLED_BY_USER), startedAt, Optional.of(now));
  }

  private S moveBy(JobTransition transition) {
    Optional<S> word = JobStatus.of(status.getDeclaringClass(), transition.to());
    if (word.isEmpty() || !transition.allowedFrom(status.state())) {
      throw new IllegalTransitionException(subject, status, word.isPresent() ? word.get() : transition.to());
    }
    return word.get();
  }

  private static <S extends Enum<S> & JobStatus> S word(Class<S> words, JobState state) {
    return JobStatus.of(words, state).orElseThrow(() -> new IllegalArgumentException(words.getSimpleName() + " has no word for " + state));
  }
}
