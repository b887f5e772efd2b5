package dev.doppel.application.service;

import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.ProgressListener;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.DatabaseProgress;
import dev.doppel.domain.relational.TableSummary;
import dev.doppel.domain.synthesis.ModelStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/** Trains a database model: every table of its snapshot, parents first, into its model folder. */
final class DatabaseTrainingJob implements JobKind<JobKey.DatabaseTraining, DatabaseModel> {
  private static final Logger log = Logger.getLogger(DatabaseTrainingJob.class.getName());

  private final JobPorts ports;

  DatabaseTrainingJob(JobPorts ports) {
    this.ports = ports;
  }

  @Override
  public String noun() {
    return "training";
  }

  @Override
  public Optional<Claimed<DatabaseModel>> claim(JobKey.DatabaseTraining key) {
    Optional<DatabaseModel> queued = ports.databaseModels().findById(key.model()).filter(m -> m.status() == ModelStatus.PENDING);
    if (queued.isEmpty()) {
      return Optional.empty();
    }
    String modelFolderKey = FileKeys.databaseModelFolder(queued.get().projectId(), key.model());
    return ports.databaseModels().claim(key.model(), modelFolderKey, ports.clock().instant()).map(claimed -> new Training(claimed, modelFolderKey));
  }

  @Override
  public void failIfRunning(JobKey.DatabaseTraining key, String reason) {
    ports.databaseModels()
        .findById(key.model())
        .filter(m -> m.status() == ModelStatus.TRAINING)
        .ifPresent(m -> ports.databaseModels().update(m.fail(reason, ports.clock().instant())));
  }

  @Override
  public List<JobKey.DatabaseTraining> running() {
    return ports.databaseModels().listByStatus(ModelStatus.TRAINING).stream().map(m -> new JobKey.DatabaseTraining(m.id())).toList();
  }

  @Override
  public void settleInterrupted(JobKey.DatabaseTraining key, String reason) {
    ports.databaseModels().findById(key.model()).filter(m -> m.status() == ModelStatus.TRAINING).ifPresent(model -> {
      ports.databaseModels().update(model.fail(reason, ports.clock().instant()));
      model.modelFolderKey().ifPresent(ports.files()::delete);
    });
  }

  @Override
  public List<JobKey.DatabaseTraining> queued() {
    return ports.databaseModels().listByStatus(ModelStatus.PENDING).stream().map(m -> new JobKey.DatabaseTraining(m.id())).toList();
  }

  private final class Training implements Claimed<DatabaseModel> {
    private final DatabaseModel model;
    private final String modelFolderKey;

    Training(DatabaseModel model, String modelFolderKey) {
      this.model = model;
      this.modelFolderKey = modelFolderKey;
    }

    @Override
    public DatabaseModel job() {
      return model;
    }

    @Override
    public UnaryOperator<DatabaseModel> run(ProgressSink<DatabaseModel> progress, Cancellation cancellation) {
      EngineRequests.DatabaseTraining request =
          new EngineRequests.DatabaseTraining(
              DatabaseTables.of(ports, model), DatabaseTables.links(model), model.algorithm(), model.settings(), model.seed(), ports.files().locate(modelFolderKey));
      List<TableSummary> summary = ports.engine().trainDatabase(request, listener(progress), cancellation);
      return running -> running.complete(summary, ports.clock().instant());
    }

    private ProgressListener listener(ProgressSink<DatabaseModel> progress) {
      return new ProgressListener() {
        @Override
        public void progress(Progress p) {
          progress.report(running -> running.progressed(new DatabaseProgress(p.table(), p.stage(), p.epoch(), p.epochs(), p.elapsedSeconds())));
        }

        @Override
        public void warning(String code, String message) {
          log.info(() -> "database model " + model.id().value() + ": " + message);
        }
      };
    }

    @Override
    public DatabaseModel store(DatabaseModel job) {
      return ports.databaseModels().update(job);
    }

    @Override
    public DatabaseModel cancelled(DatabaseModel job, String why, Instant now) {
      return job.cancel(now);
    }

    @Override
    public DatabaseModel failed(DatabaseModel job, String reason, Instant now) {
      return job.fail(reason, now);
    }

    @Override
    public Optional<String> failureLog() {
      return Optional.of(FileKeys.databaseTrainingFailureLog(model.projectId(), model.id()));
    }

    @Override
    public void cleanUp(boolean completed) {
      if (!completed) {
        ports.files().delete(modelFolderKey);
      }
    }
  }
}
