package dev.doppel.domain.relational;

import dev.doppel.domain.evaluation.EvaluationStatus;
import dev.doppel.domain.job.JobLifecycle;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How faithful a {@link DatabaseBatch} is to the real tables, as a whole database: each table's
 * scores, and each relationship's integrity, children per parent and parent-child trends. A job
 * ({@link JobLifecycle}) with an evaluation's words and no cancelled state: PENDING → RUNNING →
 * COMPLETED | FAILED, or PENDING → FAILED.
 *
 * @param report the engine's report document (JSON), present once completed
 */
public record DatabaseEvaluation(
    DatabaseBatchId batchId,
    EvaluationStatus status,
    Optional<String> report,
    Optional<String> error,
    Instant requestedAt,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt) {

  public DatabaseEvaluation {
    Objects.requireNonNull(batchId, "batchId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(requestedAt, "requestedAt");
    if (status == EvaluationStatus.COMPLETED && report.isEmpty()) {
      throw new IllegalArgumentException("a completed database evaluation needs its report");
    }
  }

  public static DatabaseEvaluation requested(DatabaseBatchId batch, Instant now) {
    JobLifecycle<EvaluationStatus> queued = JobLifecycle.queued(subject(batch), EvaluationStatus.class);
    return new DatabaseEvaluation(batch, queued.status(), Optional.empty(), queued.error(), now, queued.startedAt(), queued.finishedAt());
  }

  /**
   * A database evaluation as it was stored, in whatever state. Only the persistence mappers restore
   * them; every other change of state goes through the transitions below.
   */
  public static DatabaseEvaluation restore(
      DatabaseBatchId batchId, EvaluationStatus status, Optional<String> report, Optional<String> error, Instant requestedAt, Optional<Instant> startedAt,
      Optional<Instant> finishedAt) {
    return new DatabaseEvaluation(batchId, status, report, error, requestedAt, startedAt, finishedAt);
  }

  /** The evaluation's lifecycle: status, error and times. */
  public JobLifecycle<EvaluationStatus> lifecycle() {
    return new JobLifecycle<>(subject(batchId), status, error, startedAt, finishedAt);
  }

  public DatabaseEvaluation start(Instant now) {
    return with(lifecycle().start(now), report);
  }

  public DatabaseEvaluation complete(String document, Instant now) {
    return with(lifecycle().complete(now), Optional.of(document));
  }

  public DatabaseEvaluation fail(String reason, Instant now) {
    return with(lifecycle().fail(reason, "evaluation failed", now), Optional.empty());
  }

  private DatabaseEvaluation with(JobLifecycle<EvaluationStatus> job, Optional<String> report) {
    return new DatabaseEvaluation(batchId, job.status(), report, job.error(), requestedAt, job.startedAt(), job.finishedAt());
  }

  private static String subject(DatabaseBatchId batch) {
    return "evaluation of database batch " + batch.value();
  }
}
