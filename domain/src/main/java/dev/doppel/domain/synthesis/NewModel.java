package dev.doppel.domain.synthesis;

import dev.doppel.domain.dataset.DatasetId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A training request accepted and waiting to be stored and queued. */
public record NewModel(
    DatasetId datasetId, Algorithm algorithm, TrainingSettings settings, Optional<TrainingSettings> differentialPrivacy, Optional<Long> seed, Instant createdAt) {
  public NewModel {
    Objects.requireNonNull(differentialPrivacy, "differentialPrivacy");
    Objects.requireNonNull(datasetId, "datasetId");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A training without differential privacy. */
  public NewModel(DatasetId datasetId, Algorithm algorithm, TrainingSettings settings, Optional<Long> seed, Instant createdAt) {
    this(datasetId, algorithm, settings, Optional.empty(), seed, createdAt);
  }
}
