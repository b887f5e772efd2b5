package dev.doppel.domain.synthesis;

import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.job.JobLifecycle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A synthesizer trained (or being trained) on one dataset. Its training is a job ({@link
 * JobLifecycle}): PENDING → TRAINING → COMPLETED | FAILED | CANCELLED, or PENDING → FAILED |
 * CANCELLED; every change is a method returning the new state.
 */
public record SynthesisModel(
    ModelId id,
    DatasetId datasetId,
    Algorithm algorithm,
    TrainingSettings settings,
    Optional<TrainingSettings> differentialPrivacy,
    Optional<Long> seed,
    ModelStatus status,
    Optional<TrainingProgress> progress,
    List<LossPoint> lossHistory,
    Optional<String> modelFolderKey,
    Optional<TrainingSummary> summary,
    Optional<String> error,
    Instant createdAt,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt) {

  /** The loss chart keeps at most this many points; longer runs keep every k-th epoch. */
  public static final int MAX_HISTORY = 2000;

  public SynthesisModel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(datasetId, "datasetId");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(differentialPrivacy, "differentialPrivacy");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    lossHistory = List.copyOf(lossHistory);
    if (status == ModelStatus.COMPLETED && modelFolderKey.isEmpty()) {
      throw new IllegalArgumentException("a completed model needs its model folder");
    }
  }

  public static SynthesisModel pending(ModelId id, NewModel model) {
    JobLifecycle<ModelStatus> queued = JobLifecycle.queued(subject(id), ModelStatus.class);
    return new SynthesisModel(
        id, model.datasetId(), model.algorithm(), model.settings(), model.differentialPrivacy(), model.seed(), queued.status(), Optional.empty(), List.of(),
        Optional.empty(), Optional.empty(), queued.error(), model.createdAt(), queued.startedAt(), queued.finishedAt());
  }

  /**
   * A model as it was stored, in whatever state. Only the persistence mappers restore models; every
   * other change of state goes through the transitions below.
   */
  public static SynthesisModel restore(
      ModelId id, DatasetId datasetId, Algorithm algorithm, TrainingSettings settings, Optional<TrainingSettings> differentialPrivacy,
      Optional<Long> seed, ModelStatus status, Optional<TrainingProgress> progress, List<LossPoint> lossHistory, Optional<String> modelFolderKey,
      Optional<TrainingSummary> summary, Optional<String> error, Instant createdAt, Optional<Instant> startedAt, Optional<Instant> finishedAt) {
    return new SynthesisModel(
        id, datasetId, algorithm, settings, differentialPrivacy, seed, status, progress, lossHistory, modelFolderKey, summary, error, createdAt, startedAt,
        finishedAt);
  }

  /** The training's lifecycle: status, error and times. */
  public JobLifecycle<ModelStatus> lifecycle() {
    return new JobLifecycle<>(subject(id), status, error, startedAt, finishedAt);
  }

  public SynthesisModel start(String modelFolderKey, Instant now) {
    return with(lifecycle().start(now), progress, lossHistory, Optional.of(modelFolderKey), summary);
  }

  public SynthesisModel progressed(TrainingProgress latest) {
    JobLifecycle<ModelStatus> running = lifecycle().progressed();
    List<LossPoint> history = lossHistory;
    if (latest.epoch().isPresent() && !latest.metrics().isEmpty() && keeps(latest)) {
      history = new ArrayList<>(lossHistory);
      history.add(new LossPoint(latest.epoch().get(), latest.metrics()));
    }
    return with(running, Optional.of(latest), history, modelFolderKey, summary);
  }

  public SynthesisModel complete(TrainingSummary result, Instant now) {
    return with(lifecycle().complete(now), progress, lossHistory, modelFolderKey, Optional.of(result));
  }

  public SynthesisModel fail(String reason, Instant now) {
    return with(lifecycle().fail(reason, "training failed", now), progress, lossHistory, modelFolderKey, summary);
  }

  public SynthesisModel cancel(Instant now) {
    return with(lifecycle().cancel(now), progress, lossHistory, modelFolderKey, summary);
  }

  /** The rules its training found in the real rows; none until it has completed. */
  public List<ModelRule> rules() {
    return summary.map(TrainingSummary::rules).orElse(List.of());
  }

  /** How it learns each column, when its algorithm chose per column; none until it has completed. */
  public List<ColumnEncoding> encodings() {
    return summary.map(TrainingSummary::encodings).orElse(List.of());
  }

  private boolean keeps(TrainingProgress latest) {
    int epochs = latest.epochs().orElse(0);
    int stride = Math.max(1, (int) Math.ceil((double) epochs / MAX_HISTORY));
    int epoch = latest.epoch().get();
    return lossHistory.size() < MAX_HISTORY && (epoch % stride == 0 || epoch == epochs);
  }

  private SynthesisModel with(
      JobLifecycle<ModelStatus> job, Optional<TrainingProgress> progress, List<LossPoint> lossHistory, Optional<String> modelFolderKey,
      Optional<TrainingSummary> summary) {
    return new SynthesisModel(
        id, datasetId, algorithm, settings, differentialPrivacy, seed, job.status(), progress, lossHistory, modelFolderKey, summary, job.error(), createdAt,
        job.startedAt(), job.finishedAt());
  }

  private static String subject(ModelId id) {
    return "model " + id.value();
  }
}
