package dev.doppel.application.service;

import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.ProgressListener;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.evaluation.EvaluationReport;
import dev.doppel.domain.evaluation.EvaluationStatus;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.SynthesisModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Scores a completed model: generates a sample of rows, then compares it with the real table. A
 * stopped evaluation (its model is being deleted) fails, since evaluations have no cancelled state.
 */
final class EvaluationJob implements JobKind<JobKey.Evaluation, Evaluation> {
  private final JobPorts ports;
  private final JobSettings settings;

  EvaluationJob(JobPorts ports, JobSettings settings) {
    this.ports = ports;
    this.settings = settings;
  }

  @Override
  public String noun() {
    return "evaluation";
  }

  @Override
  public Optional<Claimed<Evaluation>> claim(JobKey.Evaluation key) {
    Optional<Evaluation> pending = ports.evaluations().find(key.model()).filter(e -> e.status() == EvaluationStatus.PENDING);
    Optional<SynthesisModel> model = ports.models().findById(key.model()).filter(m -> m.status() == ModelStatus.COMPLETED);
    Optional<Dataset> dataset = model.flatMap(m -> ports.datasets().findById(m.datasetId()));
    if (pending.isEmpty() || dataset.isEmpty()) {
      return Optional.empty();
    }
    return ports.evaluations().claim(key.model(), ports.clock().instant()).map(started -> new Scoring(started, model.get(), dataset.get()));
  }

  @Override
  public void failIfRunning(JobKey.Evaluation key, String reason) {
    ports.evaluations().find(key.model()).filter(e -> e.status() == EvaluationStatus.RUNNING).ifPresent(e -> ports.evaluations().save(e.fail(reason, ports.clock().instant())));
  }

  @Override
  public List<JobKey.Evaluation> running() {
    return ports.evaluations().listByStatus(EvaluationStatus.RUNNING).stream().map(e -> new JobKey.Evaluation(e.modelId())).toList();
  }

  /** An evaluation cut short is requested again: it needs nothing its stopped node lost. */
  @Override
  public void settleInterrupted(JobKey.Evaluation key, String reason) {
    ports.evaluations()
        .find(key.model())
        .filter(e -> e.status() == EvaluationStatus.RUNNING)
        .ifPresent(interrupted -> ports.evaluations().save(Evaluation.requested(interrupted.modelId(), interrupted.target(), ports.clock().instant())));
  }

  @Override
  public List<JobKey.Evaluation> queued() {
    return ports.evaluations().listByStatus(EvaluationStatus.PENDING).stream().map(e -> new JobKey.Evaluation(e.modelId())).toList();
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
      this.sampleKey = FileKeys.evaluationSample(dataset, model.id());
    }

    @Override
    public Evaluation job() {
      return started;
    }

    @Override
    public UnaryOperator<Evaluation> run(ProgressSink<Evaluation> progress, Cancellation cancellation) {
      long rows = Math.max(1, Math.min(dataset.profile().rowCount(), settings.evaluationRows()));
      Path modelFolder = ports.files().locate(model.modelFolderKey().orElseThrow());
      ports.engine().generate(
          EngineRequests.Generation.plain(modelFolder, rows, Optional.empty(), Optional.of(0L), List.of(), ports.files().locate(sampleKey)), ProgressListener.IGNORE, cancellation);
      EvaluationReport report =
          ports.engine().evaluate(
              new EngineRequests.Evaluation(EngineTables.of(ports.files(), dataset), ports.files().locate(sampleKey), modelFolder, settings.evaluationRows(), started.target()),
              ProgressListener.IGNORE,
              cancellation);
      return running -> running.complete(report, ports.clock().instant());
    }

    @Override
    public Evaluation store(Evaluation job) {
      return ports.evaluations().save(job);
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
      return Optional.of(FileKeys.evaluationFailureLog(dataset, model.id()));
    }

    @Override
    public void cleanUp(boolean completed) {
      ports.files().delete(sampleKey);
    }
  }
}
