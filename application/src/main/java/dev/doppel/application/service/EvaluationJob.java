package dev.doppel.application.service;

import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.EvaluationStore;
import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.ProgressListener;
import dev.doppel.application.port.out.SynthesisEngine;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.evaluation.EvaluationReport;
import dev.doppel.domain.evaluation.EvaluationStatus;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.SynthesisModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Scores a completed model: generates a sample of rows, then compares it with the real table. A
 * stopped evaluation (its model is being deleted) fails, since evaluations have no cancelled state.
 */
final class EvaluationJob implements JobKind<JobKey.Evaluation, Evaluation> {
  private final DatasetStore datasets;
  private final ModelStore models;
  private final EvaluationStore evaluations;
  private final FileStore files;
  private final SynthesisEngine engine;
  private final Clock clock;
  private final JobSettings settings;

  EvaluationJob(DatasetStore datasets, ModelStore models, EvaluationStore evaluations, FileStore files, SynthesisEngine engine, Clock clock, JobSettings settings) {
    this.datasets = datasets;
    this.models = models;
    this.evaluations = evaluations;
    this.files = files;
    this.engine = engine;
    this.clock = clock;
    this.settings = settings;
  }

  @Override
  public String noun() {
    return "evaluation";
  }

  @Override
  public Optional<Claimed<Evaluation>> claim(JobKey.Evaluation key) {
    Optional<Evaluation> pending = evaluations.find(key.model()).filter(e -> e.status() == EvaluationStatus.PENDING);
    Optional<SynthesisModel> model = models.findById(key.model()).filter(m -> m.status() == ModelStatus.COMPLETED);
    Optional<Dataset> dataset = model.flatMap(m -> datasets.findById(m.datasetId()));
    if (pending.isEmpty() || dataset.isEmpty()) {
      return Optional.empty();
    }
    Evaluation started = evaluations.save(pending.get().start(clock.instant()));
    return Optional.of(new Scoring(started, model.get(), dataset.get()));
  }

  @Override
  public void failIfRunning(JobKey.Evaluation key, String reason) {
    evaluations.find(key.model()).filter(e -> e.status() == EvaluationStatus.RUNNING).ifPresent(e -> evaluations.save(e.fail(reason, clock.instant())));
  }

  /** An evaluation cut short by a restart is requested again: it needs nothing the restart lost. */
  @Override
  public void settleInterrupted(String reason) {
    for (Evaluation interrupted : evaluations.listByStatus(EvaluationStatus.RUNNING)) {
      evaluations.save(Evaluation.requested(interrupted.modelId(), interrupted.target(), clock.instant()));
    }
  }

  @Override
  public List<JobKey.Evaluation> queued() {
    return evaluations.listByStatus(EvaluationStatus.PENDING).stream().map(e -> new JobKey.Evaluation(e.modelId())).toList();
  }

  private final class Scoring implements Claimed<Evaluation> {
    private final Evaluation started;
    private final SynthesisModel model;
    private final Dataset dataset;
    private final String sampleKey;

    Scoring(Evaluation started, SynthesisModel model, Dataset dataset) {
      this.started = started;
      this.model = model;
      this.dataset = dataset;
      this.sampleKey = ArtifactKeys.evaluationSample(dataset, model.id());
    }

    @Override
    public Evaluation job() {
      return started;
    }

    @Override
    public UnaryOperator<Evaluation> run(ProgressSink<Evaluation> progress, Cancellation cancellation) {
      long rows = Math.max(1, Math.min(dataset.profile().rowCount(), settings.evaluationRows()));
      Path artifact = files.locate(model.artifactKey().orElseThrow());
      engine.generate(
          new EngineRequests.Generation(artifact, rows, Optional.empty(), Optional.of(0L), List.of(), files.locate(sampleKey)), ProgressListener.IGNORE, cancellation);
      EvaluationReport report =
          engine.evaluate(
              new EngineRequests.Evaluation(EngineTables.of(files, dataset), files.locate(sampleKey), artifact, settings.evaluationRows(), started.target()),
              ProgressListener.IGNORE,
              cancellation);
      return running -> running.complete(report, clock.instant());
    }

    @Override
    public Evaluation store(Evaluation job) {
      return evaluations.save(job);
    }

    @Override
    public Evaluation cancelled(Evaluation job, String why, Instant now) {
      return job.fail(why, now);
    }

    @Override
    public Evaluation failed(Evaluation job, String reason, Instant now) {
      return job.fail(reason, now);
    }

    @Override
    public Optional<String> failureLog() {
      return Optional.of(ArtifactKeys.evaluationFailureLog(dataset, model.id()));
    }

    @Override
    public void cleanUp(boolean completed) {
      files.delete(sampleKey);
    }
  }
}
