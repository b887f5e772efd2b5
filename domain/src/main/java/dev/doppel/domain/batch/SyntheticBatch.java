package dev.doppel.domain.batch;

import dev.doppel.domain.job.FailureReason;
import dev.doppel.domain.synthesis.IllegalTransitionException;
import dev.doppel.domain.synthesis.ModelId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rows generated from a model: PENDING → GENERATING → COMPLETED | FAILED | CANCELLED.
 *
 * @param rulesOff ids of the model's rules this generation does not keep
 */
public record SyntheticBatch(
    BatchId id,
    ModelId modelId,
    BatchStatus status,
    long requestedRows,
    Optional<AnomalySpec> anomalies,
    Optional<Long> seed,
    List<String> rulesOff,
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
    if (status == BatchStatus.COMPLETED && file.isEmpty()) {
      throw new IllegalArgumentException("a completed batch needs its file");
    }
  }

  public static SyntheticBatch pending(BatchId id, NewBatch batch) {
    return new SyntheticBatch(
        id, batch.modelId(), BatchStatus.PENDING, batch.requestedRows(), batch.anomalies(), batch.seed(), batch.rulesOff(), 0, Optional.empty(),
        Optional.empty(), batch.createdAt(), Optional.empty(), Optional.empty());
  }

  public SyntheticBatch start(Instant now) {
    require(status == BatchStatus.PENDING, BatchStatus.GENERATING);
    return new SyntheticBatch(id, modelId, BatchStatus.GENERATING, requestedRows, anomalies, seed, rulesOff, 0, file, error, createdAt, Optional.of(now), finishedAt);
  }

  public SyntheticBatch progressed(long rows) {
    require(status == BatchStatus.GENERATING, BatchStatus.GENERATING);
    return new SyntheticBatch(id, modelId, status, requestedRows, anomalies, seed, rulesOff, Math.min(rows, requestedRows), file, error, createdAt, startedAt, finishedAt);
  }

  public SyntheticBatch complete(BatchFile result, Instant now) {
    require(status == BatchStatus.GENERATING, BatchStatus.COMPLETED);
    return new SyntheticBatch(
        id, modelId, BatchStatus.COMPLETED, requestedRows, anomalies, seed, rulesOff, result.rows(), Optional.of(result), Optional.empty(), createdAt,
        startedAt, Optional.of(now));
  }

  public SyntheticBatch fail(String reason, Instant now) {
    require(!status.isFinished(), BatchStatus.FAILED);
    return new SyntheticBatch(
        id, modelId, BatchStatus.FAILED, requestedRows, anomalies, seed, rulesOff, rowsDone, Optional.empty(),
        Optional.of(FailureReason.of(reason, "generation failed")), createdAt, startedAt, Optional.of(now));
  }

  public SyntheticBatch cancel(Instant now) {
    require(!status.isFinished(), BatchStatus.CANCELLED);
    return new SyntheticBatch(
        id, modelId, BatchStatus.CANCELLED, requestedRows, anomalies, seed, rulesOff, rowsDone, Optional.empty(), Optional.of("cancelled by the user"),
        createdAt, startedAt, Optional.of(now));
  }

  private void require(boolean allowed, BatchStatus target) {
    if (!allowed) {
      throw new IllegalTransitionException("batch " + id.value(), status, target);
    }
  }
}
