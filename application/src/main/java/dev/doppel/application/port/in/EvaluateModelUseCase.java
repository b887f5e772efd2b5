package dev.doppel.application.port.in;

import dev.doppel.domain.evaluation.Evaluation;

/** Scores a trained model again, for instance with a utility target of the user's choosing. */
public interface EvaluateModelUseCase {
  /**
   * Queues a new evaluation that replaces the model's report when done; returns at once.
   *
   * @throws NotFoundException for another user's model
   * @throws ConflictException when the model has not completed training or is being evaluated
   */
  Evaluation evaluate(EvaluateModelCommand command);
}
