package dev.doppel.application.port.in;

import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.user.UserId;

/** Deletes a batch and its file. Answers {@link NotFoundException} for another user's batch. */
public interface DeleteBatchUseCase {
  void delete(UserId owner, BatchId batch);
}
