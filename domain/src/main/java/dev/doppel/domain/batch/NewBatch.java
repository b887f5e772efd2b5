package dev.doppel.domain.batch;

import dev.doppel.domain.synthesis.ModelId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * @param rulesOff ids of the model's rules this generation does not keep
 * @param conditioning what the rows are given before the model fills in the rest; empty for plain
 *     generation
 */
public record NewBatch(ModelId modelId, long requestedRows, Optional<AnomalySpec> anomalies, Optional<Long> seed, List<String> rulesOff, Optional<Conditioning> conditioning, Instant createdAt) {
  public NewBatch {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(anomalies, "anomalies");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(conditioning, "conditioning");
    Objects.requireNonNull(createdAt, "createdAt");
    rulesOff = List.copyOf(rulesOff);
    if (requestedRows < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
  }
}
