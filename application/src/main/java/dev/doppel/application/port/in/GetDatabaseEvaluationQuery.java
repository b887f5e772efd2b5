package dev.doppel.application.port.in;

import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.relational.DatabaseEvaluation;
import dev.doppel.domain.user.UserId;
import java.util.Optional;

public interface GetDatabaseEvaluationQuery {
  /**
   * The batch's evaluation in whatever state it is; empty before the batch has completed.
   *
   * @throws NotFoundException for another user's batch
   */
  Optional<DatabaseEvaluation> evaluation(UserId owner, DatabaseBatchId batch);
}
