package dev.doppel.application.service;

import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.JobQueue;
import dev.doppel.application.port.out.ProgressListener;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.DatabaseEvaluation;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.TableRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Generates a database batch from its database model: one CSV file per table in the batch's folder,
 * stored under keys. A completed batch requests its evaluation.
 */
final class DatabaseGenerationJob implements JobKind<JobKey.DatabaseGeneration, DatabaseBatch> {
  private final JobPorts ports;
  private final JobQueue queue;

  DatabaseGenerationJob(JobPorts ports, JobQueue queue) {
    this.ports = ports;
    this.queue = queue;
  }

  @Override
  public String noun() {
    return "generation";
  }

  @Override
  public Optional<Claimed<DatabaseBatch>> claim(JobKey.DatabaseGeneration key) {
    return ports.databaseBatches().claim(key.batch(), ports.clock().instant()).map(Generation::new);
  }

  @Override
  public void failIfRunning(JobKey.DatabaseGeneration key, String reason) {
    ports.databaseBatches()
        .findById(key.batch())
        .filter(b -> b.status() == BatchStatus.GENERATING)
        .ifPresent(b -> ports.databaseBatches().update(b.fail(reason, ports.clock().instant())));
  }

  @Override
  public List<JobKey.DatabaseGeneration> running() {
    return ports.databaseBatches().listByStatus(BatchStatus.GENERATING).stream().map(b -> new JobKey.DatabaseGeneration(b.id())).toList();
  }

  @Override
  public void settleInterrupted(JobKey.DatabaseGeneration key, String reason) {
    ports.databaseBatches().findById(key.batch()).filter(b -> b.status() == BatchStatus.GENERATING).ifPresent(batch -> {
      ports.databaseBatches().update(batch.fail(reason, ports.clock().instant()));
      ports.databaseModels().findById(batch.modelId()).ifPresent(model -> ports.files().delete(FileKeys.databaseBatch(model.projectId(), model.id(), batch.id())));
    });
  }

  @Override
  public List<JobKey.DatabaseGeneration> queued() {
    return ports.databaseBatches().listByStatus(BatchStatus.PENDING).stream().map(b -> new JobKey.DatabaseGeneration(b.id())).toList();
  }

  private final class Generation implements Claimed<DatabaseBatch> {
    private final DatabaseBatch batch;
    // Known once the model is found; a batch whose model went has no folder to clean up.
    private String folderKey;
    private String logKey;

    Generation(DatabaseBatch batch) {
      this.batch = batch;
    }

    @Override
    public DatabaseBatch job() {
      return batch;
    }

    @Override
    public UnaryOperator<DatabaseBatch> run(ProgressSink<DatabaseBatch> progress, Cancellation cancellation) {
      DatabaseModel model =
          ports.databaseModels().findById(batch.modelId()).orElseThrow(() -> new EngineException(EngineException.Kind.MODEL_UNUSABLE, "the database model was deleted"));
      folderKey = FileKeys.databaseBatch(model.projectId(), model.id(), batch.id());
      logKey = FileKeys.databaseBatchFailureLog(model.projectId(), model.id(), batch.id());
      List<TableRows> rows =
          ports.engine().generateDatabase(
              new EngineRequests.DatabaseGeneration(ports.files().locate(model.modelFolderKey().orElseThrow()), batch.scale(), batch.seed(), batch.anomalies(),
                  batch.conditions(), ports.files().locate(folderKey)),
              ProgressListener.IGNORE,
              cancellation);
      storeUnderKeys(rows);
      String completedFolder = folderKey;
      return running -> running.complete(completedFolder, rows, ports.clock().instant());
    }

    /** Moves each {@code <table>.csv} the engine wrote to its key, {@link FileKeys#databaseBatchTables}. */
    private void storeUnderKeys(List<TableRows> rows) {
      Path folder = ports.files().locate(folderKey);
      FileKeys.databaseBatchTables(folderKey, rows).forEach((table, key) -> {
        Path written = folder.resolve(table + ".csv").normalize();
        if (!folder.equals(written.getParent()) || !Files.isRegularFile(written)) {
          throw new EngineException(EngineException.Kind.CRASHED, "the engine wrote no file for table " + table);
        }
        try {
          Files.move(written, ports.files().locate(key));
        } catch (IOException e) {
          throw new UncheckedIOException("could not store the file of table " + table, e);
        }
      });
    }

    @Override
    public DatabaseBatch store(DatabaseBatch job) {
      return ports.databaseBatches().update(job);
    }

    @Override
    public DatabaseBatch cancelled(DatabaseBatch job, String why, Instant now) {
      return job.cancel(now);
    }

    @Override
    public DatabaseBatch failed(DatabaseBatch job, String reason, Instant now) {
      return job.fail(reason, now);
    }

    @Override
    public Optional<String> failureLog() {
      return Optional.ofNullable(logKey);
    }

    @Override
    public void cleanUp(boolean completed) {
      if (!completed && folderKey != null) {
        ports.files().delete(folderKey);
      }
    }

    @Override
    public void completed(DatabaseBatch stored) {
      ports.databaseEvaluations().save(DatabaseEvaluation.requested(stored.id(), ports.clock().instant()));
      queue.queue(new JobKey.DatabaseEvaluation(stored.id()));
    }
  }
}
