package dev.doppel.domain.relational;

import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.Conditioning;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A database batch just requested; {@code scale} multiplies the root tables' rows.
 *
 * @param anomalies the labelled anomalies asked for, by table name; tables left out get none
 * @param conditions the values every row of a table carries, by table name (tables without a parent); tables left out get none
 */
public record NewDatabaseBatch(
    DatabaseModelId modelId, double scale, Optional<Long> seed, Map<String, AnomalySpec> anomalies, Map<String, Conditioning.FixedValues> conditions,
    Instant createdAt) {
  public NewDatabaseBatch {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(seed, "seed");
    anomalies = DatabaseBatch.byTable(anomalies, "anomalies");
    conditions = DatabaseBatch.byTable(conditions, "conditions");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
