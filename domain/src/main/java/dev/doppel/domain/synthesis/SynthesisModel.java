package dev.doppel.domain.synthesis;

import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.job.FailureReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A synthesizer trained (or being trained) on one dataset. Its status only moves along PENDING →
 * TRAINING → COMPLETED | FAILED | CANCELLED (or PENDING → FAILED | CANCELLED); every change is a
 * method returning the new state.
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
    Optional<String> artifactKey,
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
    if (status == ModelStatus.COMPLETED && artifactKey.isEmpty()) {
      throw new IllegalArgumentException("a completed model needs its artifact");
    }
  }

  public static SynthesisModel pending(ModelId id, NewModel model) {
    return new SynthesisModel(
        id, model.datasetId(), model.algorithm(), model.settings(), model.differentialPrivacy(), model.seed(), ModelStatus.PENDING, Optional.empty(), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), model.createdAt(), Optional.empty(), Optional.empty());
  }

  public SynthesisModel start(String artifactKey, Instant now) {
    require(status == ModelStatus.PENDING, ModelStatus.TRAINING);
    return new SynthesisModel(
        id, datasetId, algorithm, settings, differentialPrivacy, seed, ModelStatus.TRAINING, progress, lossHistory, Optional.of(artifactKey), summary, error,
        createdAt, Optional.of(now), finishedAt);
  }

  public SynthesisModel progressed(TrainingProgress latest) {
    require(status == ModelStatus.TRAINING, ModelStatus.TRAINING);
    List<LossPoint> history = lossHistory;
    if (latest.epoch().isPresent() && !latest.metrics().isEmpty() && keeps(latest)) {
      history = new ArrayList<>(lossHistory);
      history.add(new LossPoint(latest.epoch().get(), latest.metrics()));
    }
    return new SynthesisModel(
        id, datasetId, algorithm, settings, differentialPrivacy, seed, status, Optional.of(latest), history, artifactKey, summary, error, createdAt, startedAt,
        finishedAt);
  }

  public SynthesisModel complete(TrainingSummary result, Instant now) {
    require(status == ModelStatus.TRAINING, ModelStatus.COMPLETED);
    return new SynthesisModel(
        id, datasetId, algorithm, settings, differentialPrivacy, seed, ModelStatus.COMPLETED, progress, lossHistory, artifactKey, Optional.of(result),
        Optional.empty(), createdAt, startedAt, Optional.of(now));
  }

  public SynthesisModel fail(String reason, Instant now) {
    require(status == ModelStatus.PENDING || status == ModelStatus.TRAINING, ModelStatus.FAILED);
    return new SynthesisModel(
        id, datasetId, algorithm, settings, differentialPrivacy, seed, ModelStatus.FAILED, progress, lossHistory, artifactKey, summary,
        Optional.of(FailureReason.of(reason, "training failed")), createdAt, startedAt, Optional.of(now));
  }

  public SynthesisModel cancel(Instant now) {
    require(status == ModelStatus.PENDING || status == ModelStatus.TRAINING, ModelStatus.CANCELLED);
    return new SynthesisModel(
        id, datasetId, algorithm, settings, differentialPrivacy, seed, ModelStatus.CANCELLED, progress, lossHistory, artifactKey, summary,
        Optional.of("cancelled by the user"), createdAt, startedAt, Optional.of(now));
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

  private void require(boolean allowed, ModelStatus target) {
    if (!allowed) {
      throw new IllegalTransitionException("model " + id.value(), status, target);
    }
  }
}
