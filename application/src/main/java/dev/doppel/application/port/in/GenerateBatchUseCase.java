package dev.doppel.application.port.in;

import dev.doppel.domain.batch.SyntheticBatch;

/** Queues the generation of a synthetic batch from a trained model. */
public interface GenerateBatchUseCase {
  /** Queues a generation. @throws ConflictException when the model has not completed training */
  SyntheticBatch generate(GenerateBatchCommand command);
}
