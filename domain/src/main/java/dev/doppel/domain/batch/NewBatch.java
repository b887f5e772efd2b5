package dev.doppel.domain.batch;

import dev.doppel.domain.model.ModelId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

public record NewBatch(ModelId modelId, long requestedRows, Optional<AnomalySpec> anomalies, Optional<Long> seed, Instant createdAt) {
  public NewBatch {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(anomalies, "anomalies");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(createdAt, "createdAt");
    if (requestedRows < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
  }
}
