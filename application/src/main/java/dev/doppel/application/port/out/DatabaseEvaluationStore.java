package dev.doppel.application.port.out;

import dev.doppel.domain.evaluation.EvaluationStatus;
import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.relational.DatabaseEvaluation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A database batch's evaluation: at most one per batch, replaced when the batch is evaluated again; it goes with its batch. */
public interface DatabaseEvaluationStore {
  /** Inserts or replaces the batch's evaluation. */
  DatabaseEvaluation save(DatabaseEvaluation evaluation);

  Optional<DatabaseEvaluation> find(DatabaseBatchId batch);

  /** Oldest request first. */
  List<DatabaseEvaluation> listByStatus(EvaluationStatus status);

  /** Atomically moves a PENDING evaluation to RUNNING; empty when it was no longer pending. */
  Optional<DatabaseEvaluation> claim(DatabaseBatchId batch, Instant now);
}
