package dev.doppel.application.port.in;

/** Queues the training of a model on a dataset. */
public interface TrainModelUseCase {
  /** Validates the request against the engine's catalogue and queues the training; returns at once. */
  ModelView train(TrainModelCommand command);
}
