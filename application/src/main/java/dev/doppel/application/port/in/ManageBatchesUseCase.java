package dev.doppel.application.port.in;

import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.user.UserId;
import java.util.List;

/** Generated batches. Every method answers {@link NotFoundException} for another user's batch. */
public interface ManageBatchesUseCase {
  /** Queues a generation. @throws ConflictException when the model has not completed training */
  SyntheticBatch generate(GenerateBatchCommand command);

  SyntheticBatch get(UserId owner, BatchId batch);

  List<SyntheticBatch> listByModel(UserId owner, ModelId model);

  /** @throws ConflictException when the batch has already finished */
  SyntheticBatch cancel(UserId owner, BatchId batch);

  void delete(UserId owner, BatchId batch);
}
