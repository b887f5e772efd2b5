package dev.doppel.application.service;

import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.JobQueue;
import dev.doppel.application.port.out.ProgressListener;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.synthesis.TrainingProgress;
import dev.doppel.domain.synthesis.TrainingSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/** Trains a model into its model folder; a completed training requests the model's evaluation. */
final class TrainingJob implements JobKind<JobKey.Training, SynthesisModel> {
  private static final Logger log = Logger.getLogger(TrainingJob.class.getName());

  private final JobPorts ports;
  private final JobQueue queue;

  TrainingJob(JobPorts ports, JobQueue queue) {
    this.ports = ports;
    this.queue = queue;
  }

  @Override
  public String noun() {
    return "training";
  }

  @Override
  public Optional<Claimed<SynthesisModel>> claim(JobKey.Training key) {
    ModelId id = key.model();
    Optional<Dataset> dataset = ports.models().findById(id).filter(m -> m.status() == ModelStatus.PENDING).flatMap(m -> ports.datasets().findById(m.datasetId()));
    if (dataset.isEmpty()) {
      return Optional.empty();
    }
    String modelFolderKey = FileKeys.modelFolder(dataset.get(), id);
    return ports.models().claim(id, modelFolderKey, ports.clock().instant()).map(claimed -> new Training(claimed, dataset.get(), modelFolderKey));
  }

  @Override
  public void failIfRunning(JobKey.Training key, String reason) {
    ports.models().findById(key.model()).filter(m -> m.status() == ModelStatus.TRAINING).ifPresent(m -> ports.models().update(m.fail(reason, ports.clock().instant())));
  }

  @Override
  public List<JobKey.Training> running() {
    return ports.models().listByStatus(ModelStatus.TRAINING).stream().map(m -> new JobKey.Training(m.id())).toList();
  }

  @Override
  public void settleInterrupted(JobKey.Training key, String reason) {
    ports.models().findById(key.model()).filter(m -> m.status() == ModelStatus.TRAINING).ifPresent(model -> {
      ports.models().update(model.fail(reason, ports.clock().instant()));
      model.modelFolderKey().ifPresent(ports.files()::delete);
    });
  }

  @Override
  public List<JobKey.Training> queued() {
    return ports.models().listByStatus(ModelStatus.PENDING).stream().map(m -> new JobKey.Training(m.id())).toList();
  }

  private final class Training implements Claimed<SynthesisModel> {
    private final SynthesisModel model;
    private final Dataset dataset;
    private final String modelFolderKey;

    Training(SynthesisModel model, Dataset dataset, String modelFolderKey) {
      this.model = model;
      this.dataset = dataset;
      this.modelFolderKey = modelFolderKey;
    }

    @Override
    public SynthesisModel job() {
      return model;
    }

    @Override
    public UnaryOperator<SynthesisModel> run(ProgressSink<SynthesisModel> progress, Cancellation cancellation) {
      EngineRequests.Training request =
          new EngineRequests.Training(
              EngineTables.of(ports.files(), dataset), model.algorithm(), model.settings(), model.differentialPrivacy(), model.seed(), ports.files().locate(modelFolderKey));
      TrainingSummary summary = ports.engine().train(request, listener(progress), cancellation);
      return running -> running.complete(summary, ports.clock().instant());
    }

    private ProgressListener listener(ProgressSink<SynthesisModel> progress) {
      return new ProgressListener() {
        @Override
        public void progress(Progress p) {
          progress.report(running -> running.progressed(new TrainingProgress(p.stage(), p.epoch(), p.epochs(), p.metrics(), p.elapsedSeconds())));
        }

        @Override
        public void warning(String code, String message) {
          log.info(() -> "model " + model.id().value() + ": " + message);
        }
      };
    }

    @Override
    public SynthesisModel store(SynthesisModel job) {
      return ports.models().update(job);
    }

    @Override
    public SynthesisModel cancelled(SynthesisModel job, String why, Instant now) {
      return job.cancel(now);
    }

    @Override
    public SynthesisModel failed(SynthesisModel job, String reason, Instant now) {
      return job.fail(reason, now);
    }

    @Override
    public Optional<String> failureLog() {
      return Optional.of(FileKeys.trainingFailureLog(dataset, model.id()));
    }

    @Override
    public void cleanUp(boolean completed) {
      if (!completed) {
        ports.files().delete(modelFolderKey);
      }
    }

    @Override
    public void completed(SynthesisModel stored) {
      ports.evaluations().save(Evaluation.requested(stored.id(), ports.clock().instant()));
      queue.queue(new JobKey.Evaluation(stored.id()));
    }
  }
}
