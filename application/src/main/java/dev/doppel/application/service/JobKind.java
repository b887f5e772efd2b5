package dev.doppel.application.service;

import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.JobKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One kind of background job plugged into the {@link JobRunner}: how it is claimed, what the engine
 * does, and how each outcome is written. The runner owns the rest, once for every kind: the
 * cancellation handle, live progress with throttled writes, the outcome (completed, cancelled,
 * failed, broken), the full text of long failures, and the clean-up.
 *
 * @param <K> the key that names one such job
 * @param <J> the domain record whose lifecycle the job moves
 */
interface JobKind<K extends JobKey, J> {
  /** The word for this work in messages: "training", "generation", "evaluation". */
  String noun();

  /** Claims the queued job for this worker; empty when it is no longer queued or cannot run. */
  Optional<Claimed<J>> claim(K key);

  /** The fallback when a job's outcome could not be recorded: marks it failed if it still runs. */
  void failIfRunning(K key, String reason);

  /** The jobs of this kind that the store shows running, on any node. */
  List<K> running();

  /**
   * Settles a job whose node stopped while it ran, if it still shows running: it fails with {@code
   * reason} and its files go, or, where it needs nothing that was lost, it is requested again.
   */
  void settleInterrupted(K key, String reason);

  /** The jobs of this kind waiting in the store, oldest first. */
  List<K> queued();

  /** Receives the running job's progress as a change to its latest state. */
  interface ProgressSink<J> {
    void report(UnaryOperator<J> change);
  }

  /** One claimed job. */
  interface Claimed<J> {
    /** The job as claimed: running. */
    J job();

    /** Asks the engine to do the work; returns how the latest state of the job becomes completed. */
    UnaryOperator<J> run(ProgressSink<J> progress, Cancellation cancellation);

    /** Writes the job to its store. */
    J store(J job);

    J cancelled(J job, String why, Instant now);

    J failed(J job, String reason, Instant now);

    /** Where a failure reason too long for the row is kept in full; empty when the job has no place for it yet. */
    Optional<String> failureLog();

    /** Removes what the job leaves behind; called once, whatever the outcome. */
    void cleanUp(boolean completed);

    /** Runs after the completed job was stored. */
    default void completed(J stored) {}
  }
}
