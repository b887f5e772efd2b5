package dev.doppel.domain.batch;

import dev.doppel.domain.synthesis.ModelId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** @param rulesOff ids of the model's rules this generation does not keep */
public record NewBatch(ModelId modelId, long requestedRows, Optional<AnomalySpec> anomalies, Optional<Long> seed, List<String> rulesOff, Instant createdAt) {
  public NewBatch {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(anomalies, "anomalies");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(createdAt, "createdAt");
    rulesOff = List.copyOf(rulesOff);
    if (requestedRows < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
  }
}
