package dev.doppel.application.port.in;

import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.user.UserId;
import java.util.List;

/** Reads generated batches. Every method answers {@link NotFoundException} for another user's batch. */
public interface FindBatchesUseCase {
  SyntheticBatch get(UserId owner, BatchId batch);

  List<SyntheticBatch> listByModel(UserId owner, ModelId model);
}
