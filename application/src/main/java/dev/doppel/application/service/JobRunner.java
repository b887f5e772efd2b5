package dev.doppel.application.service;

import dev.doppel.application.port.in.RecoverJobsUseCase;
import dev.doppel.application.port.out.BatchStore;
import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.EngineCancelledException;
import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.EvaluationStore;
import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.ProgressListener;
import dev.doppel.application.port.out.SynthesisEngine;
import dev.doppel.domain.batch.BatchFile;
import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.evaluation.EvaluationReport;
import dev.doppel.domain.evaluation.EvaluationStatus;
import dev.doppel.domain.job.FailureReason;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.synthesis.TrainingProgress;
import dev.doppel.domain.synthesis.TrainingSummary;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs training, generation and evaluation jobs in the background. The store is the queue: a job
 * is a PENDING row, a worker claims it atomically, and progress is written back at a bounded rate
 * while the latest state is kept in memory for fast status reads.
 */
public class JobRunner implements RecoverJobsUseCase {
  static final String INTERRUPTED = "interrupted by restart";
  static final String UNRECORDED = "the job ended but its outcome could not be recorded; the server log has the details";
  private static final Logger log = Logger.getLogger(JobRunner.class.getName());

  private final DatasetStore datasets;
  private final ModelStore models;
  private final BatchStore batches;
  private final EvaluationStore evaluations;
  private final FileStore files;
  private final SynthesisEngine engine;
  private final Clock clock;
  private final JobSettings settings;
  private final Executor training;
  private final Executor generation;
  private final Executor evaluation;

  private final Map<ModelId, SynthesisModel> liveModels = new ConcurrentHashMap<>();
  private final Map<BatchId, SyntheticBatch> liveBatches = new ConcurrentHashMap<>();
  private final Map<Object, Cancellation> running = new ConcurrentHashMap<>();

  public JobRunner(
      DatasetStore datasets, ModelStore models, BatchStore batches, EvaluationStore evaluations, FileStore files, SynthesisEngine engine,
      Clock clock, JobSettings settings, Executor training, Executor generation, Executor evaluation) {
    this.datasets = datasets;
    this.models = models;
    this.batches = batches;
    this.evaluations = evaluations;
    this.files = files;
    this.engine = engine;
    this.clock = clock;
    this.settings = settings;
    this.training = training;
    this.generation = generation;
    this.evaluation = evaluation;
  }

  // ---- queueing

  void queueTraining(ModelId id) {
    training.execute(
        () -> guarded("training of model " + id.value(), () -> train(id), () -> models.findById(id)
            .filter(m -> m.status() == ModelStatus.TRAINING)
            .ifPresent(m -> models.update(m.fail(UNRECORDED, clock.instant())))));
  }

  void queueGeneration(BatchId id) {
    generation.execute(
        () -> guarded("generation of batch " + id.value(), () -> generate(id), () -> batches.findById(id)
            .filter(b -> b.status() == BatchStatus.GENERATING)
            .ifPresent(b -> batches.update(b.fail(UNRECORDED, clock.instant())))));
  }

  void queueEvaluation(ModelId id) {
    evaluation.execute(
        () -> guarded("evaluation of model " + id.value(), () -> evaluate(id), () -> evaluations.find(id)
            .filter(e -> e.status() == EvaluationStatus.RUNNING)
            .ifPresent(e -> evaluations.save(e.fail(UNRECORDED, clock.instant())))));
  }

  /** The freshest state of a model: from memory while it trains here, else from the store. */
  Optional<SynthesisModel> current(ModelId id) {
    SynthesisModel live = liveModels.get(id);
    return live != null ? Optional.of(live) : models.findById(id);
  }

  Optional<SyntheticBatch> current(BatchId id) {
    SyntheticBatch live = liveBatches.get(id);
    return live != null ? Optional.of(live) : batches.findById(id);
  }

  /** Asks a running job to stop; false when it is not running in this process. */
  boolean cancelRunning(Object jobKey) {
    Cancellation cancellation = running.get(jobKey);
    if (cancellation == null) {
      return false;
    }
    cancellation.cancel();
    return true;
  }

  /** Waits, at most {@code limit}, for a job this process runs to finish. */
  void awaitStopped(Object jobKey, Duration limit) {
    Instant deadline = clock.instant().plus(limit);
    while (running.containsKey(jobKey) && clock.instant().isBefore(deadline)) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void recover() {
    Instant now = clock.instant();
    for (SynthesisModel model : models.listByStatus(ModelStatus.TRAINING)) {
      models.update(model.fail(INTERRUPTED, now));
      model.artifactKey().ifPresent(files::delete);
    }
    for (SyntheticBatch batch : batches.listByStatus(BatchStatus.GENERATING)) {
      batches.update(batch.fail(INTERRUPTED, now));
    }
    for (Evaluation interrupted : evaluations.listByStatus(EvaluationStatus.RUNNING)) {
      evaluations.save(Evaluation.requested(interrupted.modelId(), interrupted.target(), now));
    }
    models.listByStatus(ModelStatus.PENDING).forEach(m -> queueTraining(m.id()));
    batches.listByStatus(BatchStatus.PENDING).forEach(b -> queueGeneration(b.id()));
    evaluations.listByStatus(EvaluationStatus.PENDING).forEach(e -> queueEvaluation(e.modelId()));
  }

  // ---- training

  private void train(ModelId id) {
    Optional<SynthesisModel> pending = models.findById(id).filter(m -> m.status() == ModelStatus.PENDING);
    if (pending.isEmpty()) {
      return;
    }
    Optional<Dataset> dataset = datasets.findById(pending.get().datasetId());
    if (dataset.isEmpty()) {
      return;
    }
    String artifactKey = ArtifactKeys.artifact(dataset.get(), id);
    // Registered before the claim so that a cancel arriving in between still reaches this job.
    Cancellation cancellation = new Cancellation();
    running.put(id, cancellation);
    Optional<SynthesisModel> claimed = models.claim(id, artifactKey, clock.instant());
    if (claimed.isEmpty()) {
      running.remove(id);
      return;
    }
    liveModels.put(id, claimed.get());
    ThrottledWriter writer = new ThrottledWriter();
    try {
      SynthesisModel model = claimed.get();
      EngineRequests.Training request =
          new EngineRequests.Training(
              table(dataset.get()), model.algorithm(), model.settings(), model.differentialPrivacy(), model.seed(), files.locate(artifactKey));
      TrainingSummary summary = engine.train(request, trainingListener(id, writer), cancellation);
      SynthesisModel completed = models.update(liveModels.get(id).complete(summary, clock.instant()));
      liveModels.put(id, completed);
      evaluations.save(Evaluation.requested(id, clock.instant()));
      queueEvaluation(id);
    } catch (EngineCancelledException e) {
      models.update(liveModels.get(id).cancel(clock.instant()));
      files.delete(artifactKey);
    } catch (EngineException e) {
      String logKey = ArtifactKeys.trainingFailureLog(dataset.get(), id);
      models.update(liveModels.get(id).fail(keepFullText(logKey, e.getMessage()), clock.instant()));
      files.delete(artifactKey);
    } catch (RuntimeException e) {
      log.log(Level.SEVERE, "training of model " + id.value() + " broke", e);
      String logKey = ArtifactKeys.trainingFailureLog(dataset.get(), id);
      models.update(liveModels.get(id).fail(keepFullText(logKey, "training broke unexpectedly: " + e.getMessage()), clock.instant()));
      files.delete(artifactKey);
    } finally {
      running.remove(id);
      liveModels.remove(id);
    }
  }

  private ProgressListener trainingListener(ModelId id, ThrottledWriter writer) {
    return new ProgressListener() {
      @Override
      public void progress(Progress p) {
        SynthesisModel updated =
            liveModels.computeIfPresent(
                id, (key, model) -> model.progressed(new TrainingProgress(p.stage(), p.epoch(), p.epochs(), p.metrics(), p.elapsedSeconds())));
        if (updated != null && writer.due()) {
          models.update(updated);
        }
      }

      @Override
      public void warning(String code, String message) {
        log.info(() -> "model " + id.value() + ": " + message);
      }
    };
  }

  // ---- generation

  private void generate(BatchId id) {
    Cancellation cancellation = new Cancellation();
    running.put(id, cancellation);
    Optional<SyntheticBatch> claimed = batches.claim(id, clock.instant());
    if (claimed.isEmpty()) {
      running.remove(id);
      return;
    }
    SyntheticBatch batch = claimed.get();
    liveBatches.put(id, batch);
    String key = null;
    String logKey = null;
    try {
      SynthesisModel model = models.findById(batch.modelId()).orElseThrow(() -> new EngineException(EngineException.Kind.MODEL_UNUSABLE, "the model was deleted"));
      Dataset dataset = datasets.findById(model.datasetId()).orElseThrow(() -> new EngineException(EngineException.Kind.MODEL_UNUSABLE, "the dataset was deleted"));
      key = ArtifactKeys.batch(dataset, model.id(), id);
      logKey = ArtifactKeys.batchFailureLog(dataset, model.id(), id);
      ThrottledWriter writer = new ThrottledWriter();
      EngineRequests.GeneratedFile generated =
          engine.generate(
              new EngineRequests.Generation(
                  files.locate(model.artifactKey().orElseThrow()), batch.requestedRows(), batch.anomalies(), batch.seed(), batch.rulesOff(), files.locate(key)),
              rowsListener(id, writer),
              cancellation);
      FileStore.StoredContent content = files.inspect(key);
      BatchFile file = new BatchFile(key, generated.rows(), generated.anomalyRows(), content.sizeBytes(), content.sha256());
      batches.update(liveBatches.get(id).complete(file, clock.instant()));
    } catch (EngineCancelledException e) {
      batches.update(liveBatches.get(id).cancel(clock.instant()));
      deleteQuietly(key);
    } catch (EngineException e) {
      batches.update(liveBatches.get(id).fail(keepFullText(logKey, e.getMessage()), clock.instant()));
      deleteQuietly(key);
    } catch (RuntimeException e) {
      log.log(Level.SEVERE, "generation of batch " + id.value() + " broke", e);
      batches.update(liveBatches.get(id).fail(keepFullText(logKey, "generation broke unexpectedly: " + e.getMessage()), clock.instant()));
      deleteQuietly(key);
    } finally {
      running.remove(id);
      liveBatches.remove(id);
    }
  }

  private ProgressListener rowsListener(BatchId id, ThrottledWriter writer) {
    return new ProgressListener() {
      @Override
      public void progress(Progress p) {
        p.rows().ifPresent(rows -> {
          SyntheticBatch updated = liveBatches.computeIfPresent(id, (key, batch) -> batch.progressed(rows));
          if (updated != null && writer.due()) {
            batches.update(updated);
          }
        });
      }

      @Override
      public void warning(String code, String message) {
        log.info(() -> "batch " + id.value() + ": " + message);
      }
    };
  }

  // ---- evaluation

  private void evaluate(ModelId id) {
    // Registered before the rows are read, so that deleting the model reaches an evaluation that
    // read them just before they went.
    Cancellation cancellation = new Cancellation();
    running.put(evaluationKey(id), cancellation);
    try {
      evaluate(id, cancellation);
    } finally {
      running.remove(evaluationKey(id));
    }
  }

  private void evaluate(ModelId id, Cancellation cancellation) {
    Optional<Evaluation> pending = evaluations.find(id).filter(e -> e.status() == EvaluationStatus.PENDING);
    Optional<SynthesisModel> model = models.findById(id).filter(m -> m.status() == ModelStatus.COMPLETED);
    if (pending.isEmpty() || model.isEmpty()) {
      return;
    }
    Optional<Dataset> dataset = datasets.findById(model.get().datasetId());
    if (dataset.isEmpty()) {
      return;
    }
    Evaluation started = evaluations.save(pending.get().start(clock.instant()));
    String sampleKey = ArtifactKeys.evaluationSample(dataset.get(), id);
    String logKey = ArtifactKeys.evaluationFailureLog(dataset.get(), id);
    try {
      long rows = Math.max(1, Math.min(dataset.get().profile().rowCount(), settings.evaluationRows()));
      Path artifact = files.locate(model.get().artifactKey().orElseThrow());
      engine.generate(new EngineRequests.Generation(artifact, rows, Optional.empty(), Optional.of(0L), List.of(), files.locate(sampleKey)), ProgressListener.IGNORE, cancellation);
      EvaluationReport report =
          engine.evaluate(
              new EngineRequests.Evaluation(table(dataset.get()), files.locate(sampleKey), artifact, settings.evaluationRows(), started.target()), ProgressListener.IGNORE, cancellation);
      evaluations.save(started.complete(report, clock.instant()));
    } catch (EngineException | EngineCancelledException e) {
      evaluations.save(started.fail(keepFullText(logKey, e.getMessage()), clock.instant()));
    } catch (RuntimeException e) {
      log.log(Level.SEVERE, "evaluation of model " + id.value() + " broke", e);
      evaluations.save(started.fail(keepFullText(logKey, "evaluation broke unexpectedly: " + e.getMessage()), clock.instant()));
    } finally {
      deleteQuietly(sampleKey);
    }
  }

  // ---- helpers

  static String evaluationKey(ModelId id) {
    return "evaluation-" + id.value();
  }

  private EngineRequests.Table table(Dataset dataset) {
    return new EngineRequests.Table(files.locate(dataset.file().key()), dataset.file().format(), dataset.file().delimiter(), dataset.profile().schema());
  }

  /**
   * Returns the failure reason unchanged; when it is too long for the job's row (which keeps it
   * shortened), its full text is first written to a log among the job's files, so it goes when they go.
   */
  private String keepFullText(String logKey, String reason) {
    if (logKey != null && FailureReason.isTooLong(reason)) {
      try {
        files.write(logKey, new ByteArrayInputStream(reason.getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE);
      } catch (RuntimeException e) {
        log.log(Level.WARNING, "could not keep the full failure message in " + logKey, e);
      }
    }
    return reason;
  }

  private void deleteQuietly(String key) {
    if (key == null) {
      return;
    }
    try {
      files.delete(key);
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "could not delete " + key, e);
    }
  }

  /**
   * Runs a job; when recording its outcome fails, {@code markFailed} tries once more with a short
   * fixed reason, so the job does not stay running until the next restart.
   */
  private static void guarded(String what, Runnable job, Runnable markFailed) {
    try {
      job.run();
    } catch (RuntimeException e) {
      // A store failure while recording the outcome must not kill the worker thread.
      log.log(Level.SEVERE, what + " could not record its outcome", e);
      try {
        markFailed.run();
      } catch (RuntimeException again) {
        log.log(Level.SEVERE, what + " could not be marked failed either; a restart will", again);
      }
    }
  }

  /** Lets progress reach the store at most once per interval. */
  private final class ThrottledWriter {
    private Instant last = Instant.MIN;

    synchronized boolean due() {
      Instant now = clock.instant();
      if (last == Instant.MIN || !now.isBefore(last.plus(settings.progressWriteInterval()))) {
        last = now;
        return true;
      }
      return false;
    }
  }

}
