package dev.doppel.application.port.in;

import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.relational.DatabaseEvaluation;
import dev.doppel.domain.user.UserId;

/** Evaluates a database batch again; a batch is evaluated once on its own when it completes. */
public interface EvaluateDatabaseBatchUseCase {
  /**
   * Queues a new evaluation that replaces the batch's report when done; returns at once.
   *
   * @throws NotFoundException for another user's batch
   * @throws ConflictException when the batch has not completed or is being evaluated
   */
  DatabaseEvaluation evaluate(UserId owner, DatabaseBatchId batch);
}
