package dev.doppel.domain.synthesis;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a training run is: a stage, the epoch (when the algorithm has epochs), and its latest
 * metrics such as generator_loss.
 */
public record TrainingProgress(String stage, Optional<Integer> epoch, Optional<Integer> epochs, Map<String, Double> metrics, double elapsedSeconds) {
  public TrainingProgress {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(epoch, "epoch");
    Objects.requireNonNull(epochs, "epochs");
    metrics = Map.copyOf(metrics);
  }

  /** Done share in [0, 1] when epochs are known. */
  public Optional<Double> fraction() {
    return epoch.flatMap(e -> epochs.filter(n -> n > 0).map(n -> Math.min(1.0, (double) e / n)));
  }
}
