package dev.doppel.domain.relational;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A database batch just requested; {@code scale} multiplies the root tables' rows. */
public record NewDatabaseBatch(DatabaseModelId modelId, double scale, Optional<Long> seed, Instant createdAt) {
  public NewDatabaseBatch {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
