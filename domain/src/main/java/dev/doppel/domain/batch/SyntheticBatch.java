package dev.doppel.domain.batch;

import dev.doppel.domain.job.JobLifecycle;
import dev.doppel.domain.synthesis.ModelId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rows generated from a model. Its generation is a job ({@link JobLifecycle}): PENDING → GENERATING →
 * COMPLETED | FAILED | CANCELLED, or PENDING → FAILED | CANCELLED.
 *
 * @param rulesOff ids of the model's rules this generation does not keep
 * @param conditioning what the rows are given before the model fills in the rest; empty for plain
 *     generation
 */
public record SyntheticBatch(
    BatchId id,
    ModelId modelId,
    BatchStatus status,
    long requestedRows,
    Optional<AnomalySpec> anomalies,
    Optional<Long> seed,
    List<String> rulesOff,
    Optional<Conditioning> conditioning,
    long rowsDone,
    Optional<BatchFile> file,
    Optional<String> error,
    Instant createdAt,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt) {

  public SyntheticBatch {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    rulesOff = List.copyOf(rulesOff);
    Objects.requireNonNull(conditioning, "conditioning");
    if (status == BatchStatus.COMPLETED && file.isEmpty()) {
      throw new IllegalArgumentException("a completed batch needs its file");
    }
  }

  public static SyntheticBatch pending(BatchId id, NewBatch batch) {
    JobLifecycle<BatchStatus> queued = JobLifecycle.queued(subject(id), BatchStatus.class);
    return new SyntheticBatch(
        id, batch.modelId(), queued.status(), batch.requestedRows(), batch.anomalies(), batch.seed(), batch.rulesOff(), batch.conditioning(), 0, Optional.empty(), queued.error(),
        batch.createdAt(), queued.startedAt(), queued.finishedAt());
  }

  /**
   * A batch as it was stored, in whatever state. Only the persistence mappers restore batches; every
   * other change of state goes through the transitions below.
   */
  public static SyntheticBatch restore(
      BatchId id, ModelId modelId, BatchStatus status, long requestedRows, Optional<AnomalySpec> anomalies, Optional<Long> seed, List<String> rulesOff,
      Optional<Conditioning> conditioning, long rowsDone, Optional<BatchFile> file, Optional<String> error, Instant createdAt, Optional<Instant> startedAt, Optional<Instant> finishedAt) {
    return new SyntheticBatch(id, modelId, status, requestedRows, anomalies, seed, rulesOff, conditioning, rowsDone, file, error, createdAt, startedAt, finishedAt);
  }

  /** The generation's lifecycle: status, error and times. */
  public JobLifecycle<BatchStatus> lifecycle() {
    return new JobLifecycle<>(subject(id), status, error, startedAt, finishedAt);
  }

  public SyntheticBatch start(Instant now) {
    return with(lifecycle().start(now), 0, file);
  }

  public SyntheticBatch progressed(long rows) {
    return with(lifecycle().progressed(), Math.min(rows, requestedRows), file);
  }

  public SyntheticBatch complete(BatchFile result, Instant now) {
    return with(lifecycle().complete(now), result.rows(), Optional.of(result));
  }

  public SyntheticBatch fail(String reason, Instant now) {
    return with(lifecycle().fail(reason, "generation failed", now), rowsDone, Optional.empty());
  }

  public SyntheticBatch cancel(Instant now) {
    return with(lifecycle().cancel(now), rowsDone, Optional.empty());
  }

  private SyntheticBatch with(JobLifecycle<BatchStatus> job, long rowsDone, Optional<BatchFile> file) {
    return new SyntheticBatch(
        id, modelId, job.status(), requestedRows, anomalies, seed, rulesOff, conditioning, rowsDone, file, job.error(), createdAt, job.startedAt(), job.finishedAt());
  }

  private static String subject(BatchId id) {
    return "batch " + id.value();
  }
}
