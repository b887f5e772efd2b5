package dev.doppel.application.port.in;

import dev.doppel.domain.batch.SyntheticBatch;

/** Queues a batch that fills in the empty cells of an uploaded table. */
public interface ImputeBatchUseCase {
  /**
   * @throws ConflictException when the model has not completed its training
   * @throws InvalidInputException when the table cannot be imputed, naming the column
   */
  SyntheticBatch impute(ImputeBatchCommand command);
}
