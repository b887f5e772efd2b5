package dev.doppel.application.service;

import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.ProgressListener;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.evaluation.EvaluationStatus;
import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.DatabaseEvaluation;
import dev.doppel.domain.relational.DatabaseModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Compares a completed database batch with the real tables its model learned. A stopped evaluation
 * (its model is being deleted) fails, since evaluations have no cancelled state.
 */
final class DatabaseEvaluationJob implements JobKind<JobKey.DatabaseEvaluation, DatabaseEvaluation> {
  private final JobPorts ports;
  private final JobSettings settings;

  DatabaseEvaluationJob(JobPorts ports, JobSettings settings) {
    this.ports = ports;
    this.settings = settings;
  }

  @Override
  public String noun() {
    return "evaluation";
  }

  @Override
  public Optional<Claimed<DatabaseEvaluation>> claim(JobKey.DatabaseEvaluation key) {
    Optional<DatabaseBatch> batch = ports.databaseBatches().findById(key.batch()).filter(b -> b.status() == BatchStatus.COMPLETED);
    if (batch.isEmpty()) {
      return Optional.empty();
    }
    return ports.databaseEvaluations().claim(key.batch(), ports.clock().instant()).map(started -> new Scoring(started, batch.get()));
  }

  @Override
  public void failIfRunning(JobKey.DatabaseEvaluation key, String reason) {
    ports.databaseEvaluations()
        .find(key.batch())
        .filter(e -> e.status() == EvaluationStatus.RUNNING)
        .ifPresent(e -> ports.databaseEvaluations().save(e.fail(reason, ports.clock().instant())));
  }

  @Override
  public List<JobKey.DatabaseEvaluation> running() {
    return ports.databaseEvaluations().listByStatus(EvaluationStatus.RUNNING).stream().map(e -> new JobKey.DatabaseEvaluation(e.batchId())).toList();
  }

  /** An evaluation cut short is requested again: it needs nothing its stopped node lost. */
  @Override
  public void settleInterrupted(JobKey.DatabaseEvaluation key, String reason) {
    ports.databaseEvaluations()
        .find(key.batch())
        .filter(e -> e.status() == EvaluationStatus.RUNNING)
        .ifPresent(interrupted -> ports.databaseEvaluations().save(DatabaseEvaluation.requested(interrupted.batchId(), ports.clock().instant())));
  }

  @Override
  public List<JobKey.DatabaseEvaluation> queued() {
    return ports.databaseEvaluations().listByStatus(EvaluationStatus.PENDING).stream().map(e -> new JobKey.DatabaseEvaluation(e.batchId())).toList();
  }

  private final class Scoring implements Claimed<DatabaseEvaluation> {
    private final DatabaseEvaluation started;
    private final DatabaseBatch batch;
    private final String folderKey;

    Scoring(DatabaseEvaluation started, DatabaseBatch batch) {
      this.started = started;
      this.batch = batch;
      this.folderKey = batch.folderKey().orElseThrow();
    }

    @Override
    public DatabaseEvaluation job() {
      return started;
    }

    @Override
    public UnaryOperator<DatabaseEvaluation> run(ProgressSink<DatabaseEvaluation> progress, Cancellation cancellation) {
      DatabaseModel model =
          ports.databaseModels().findById(batch.modelId()).orElseThrow(() -> new EngineException(EngineException.Kind.MODEL_UNUSABLE, "the database model was deleted"));
      Map<String, Path> synthetic = new LinkedHashMap<>();
      FileKeys.databaseBatchTables(folderKey, batch.tableRows()).forEach((table, key) -> synthetic.put(table, ports.files().locate(key)));
      String report =
          ports.engine().evaluateDatabase(
              new EngineRequests.DatabaseEvaluation(
                  DatabaseTables.of(ports, model), DatabaseTables.links(model), synthetic, settings.evaluationRows(),
                  ports.files().locate(FileKeys.databaseEvaluationReport(folderKey))),
              ProgressListener.IGNORE,
              cancellation);
      return running -> running.complete(report, ports.clock().instant());
    }

    @Override
    public DatabaseEvaluation store(DatabaseEvaluation job) {
      return ports.databaseEvaluations().save(job);
    }

    @Override
    public DatabaseEvaluation cancelled(DatabaseEvaluation job, String why, Instant now) {
      return job.fail(why, now);
    }

    @Override
    public DatabaseEvaluation failed(DatabaseEvaluation job, String reason, Instant now) {
      return job.fail(reason, now);
    }

    @Override
    public Optional<String> failureLog() {
      return Optional.of(FileKeys.databaseEvaluationFailureLog(folderKey));
    }

    @Override
    public void cleanUp(boolean completed) {
      ports.files().delete(FileKeys.databaseEvaluationReport(folderKey));
    }
  }
}
