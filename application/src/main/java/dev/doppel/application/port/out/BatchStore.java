package dev.doppel.application.port.out;

import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.batch.NewBatch;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.synthesis.ModelId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface BatchStore {
  SyntheticBatch add(NewBatch batch);

  Optional<SyntheticBatch> findById(BatchId id);

  /** Newest first. */
  List<SyntheticBatch> listByModel(ModelId model);

  /** Oldest first. */
  List<SyntheticBatch> listByStatus(BatchStatus status);

  SyntheticBatch update(SyntheticBatch batch);

  /** Atomically moves a PENDING batch to GENERATING; empty when it was no longer pending. */
  Optional<SyntheticBatch> claim(BatchId id, Instant now);

  /** Atomically cancels a batch that is still PENDING, so no worker can claim it; empty when it was not. */
  Optional<SyntheticBatch> cancelIfPending(BatchId id, Instant now);

  void delete(BatchId id);
}
