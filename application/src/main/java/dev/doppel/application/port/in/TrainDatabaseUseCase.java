package dev.doppel.application.port.in;

import dev.doppel.domain.relational.DatabaseModel;

public interface TrainDatabaseUseCase {
  /**
   * Queues the training of every dataset that takes part in a relationship of the project.
   *
   * @throws InvalidInputException naming {@code projectId} when the project declares no relationship,
   *     {@code algorithm} when the algorithm is unknown or cannot learn what the schema holds
   */
  DatabaseModel train(TrainDatabaseCommand command);
}
