package dev.doppel.application.port.in;

import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.user.UserId;

/** Stops a generation. Answers {@link NotFoundException} for another user's batch. */
public interface CancelBatchUseCase {
  /** @throws ConflictException when the batch has already finished */
  SyntheticBatch cancel(UserId owner, BatchId batch);
}
