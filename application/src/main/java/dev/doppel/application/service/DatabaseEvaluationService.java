package dev.doppel.application.service;

import dev.doppel.application.port.in.ConflictException;
import dev.doppel.application.port.in.EvaluateDatabaseBatchUseCase;
import dev.doppel.application.port.in.FindDatabaseBatchesUseCase;
import dev.doppel.application.port.in.GetDatabaseEvaluationQuery;
import dev.doppel.application.port.out.DatabaseEvaluationStore;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.JobQueue;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.relational.DatabaseEvaluation;
import dev.doppel.domain.user.UserId;
import java.time.Clock;
import java.util.Optional;

/** Reads a database batch's evaluation and requests it again; the batch's owner alone may. */
public class DatabaseEvaluationService implements EvaluateDatabaseBatchUseCase, GetDatabaseEvaluationQuery {
  private final FindDatabaseBatchesUseCase batches;
  private final DatabaseEvaluationStore evaluations;
  private final JobQueue jobs;
  private final Clock clock;

  public DatabaseEvaluationService(FindDatabaseBatchesUseCase batches, DatabaseEvaluationStore evaluations, JobQueue jobs, Clock clock) {
    this.batches = batches;
    this.evaluations = evaluations;
    this.jobs = jobs;
    this.clock = clock;
  }

  @Override
  public DatabaseEvaluation evaluate(UserId owner, DatabaseBatchId id) {
    DatabaseBatch batch = batches.get(owner, id);
    if (batch.status() != BatchStatus.COMPLETED) {
      throw new ConflictException("status", "database batch " + id.value() + " is " + batch.status() + "; only a completed batch can be evaluated");
    }
    evaluations.find(id)
        .filter(e -> !e.status().isFinished())
        .ifPresent(e -> {
          throw new ConflictException("id", "database batch " + id.value() + " is being evaluated (" + e.status() + "); ask again once that evaluation has finished");
        });
    DatabaseEvaluation requested = evaluations.save(DatabaseEvaluation.requested(id, clock.instant()));
    jobs.queue(new JobKey.DatabaseEvaluation(id));
    return requested;
  }

  @Override
  public Optional<DatabaseEvaluation> evaluation(UserId owner, DatabaseBatchId id) {
    batches.get(owner, id);
    return evaluations.find(id);
  }
}
