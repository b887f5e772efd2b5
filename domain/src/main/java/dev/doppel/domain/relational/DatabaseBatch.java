package dev.doppel.domain.relational;

import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.batch.Conditioning;
import dev.doppel.domain.job.JobLifecycle;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A synthetic database generated from a {@link DatabaseModel}: one CSV file per table in a folder.
 * Its generation is a job ({@link JobLifecycle}) with a batch's words: PENDING → GENERATING →
 * COMPLETED | FAILED | CANCELLED, or PENDING → FAILED | CANCELLED.
 *
 * @param scale what the root tables' real rows are multiplied by
 * @param anomalies the labelled anomalies asked for, by table name, in the order asked; tables left out get none
 * @param conditions the values every row of a table carries, by table name, in the order asked (tables without a parent); tables
 *     left out get none
 * @param tableRows rows per table, parents first; empty until it has completed
 */
public record DatabaseBatch(
    DatabaseBatchId id,
    DatabaseModelId modelId,
    double scale,
    Optional<Long> seed,
    Map<String, AnomalySpec> anomalies,
    Map<String, Conditioning.FixedValues> conditions,
    BatchStatus status,
    List<TableRows> tableRows,
    Optional<String> folderKey,
    Optional<String> error,
    Instant createdAt,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt) {

  public DatabaseBatch {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(seed, "seed");
    anomalies = byTable(anomalies, "anomalies");
    conditions = byTable(conditions, "conditions");
    Objects.requireNonNull(status, "status");
    tableRows = List.copyOf(tableRows);
    Objects.requireNonNull(folderKey, "folderKey");
    Objects.requireNonNull(createdAt, "createdAt");
    if (status == BatchStatus.COMPLETED && folderKey.isEmpty()) {
      throw new IllegalArgumentException("a completed database batch needs its folder");
    }
  }

  public static DatabaseBatch pending(DatabaseBatchId id, NewDatabaseBatch batch) {
    JobLifecycle<BatchStatus> queued = JobLifecycle.queued(subject(id), BatchStatus.class);
    return new DatabaseBatch(
        id, batch.modelId(), batch.scale(), batch.seed(), batch.anomalies(), batch.conditions(), queued.status(), List.of(), Optional.empty(),
        queued.error(), batch.createdAt(), queued.startedAt(), queued.finishedAt());
  }

  /**
   * A database batch as it was stored, in whatever state. Only the persistence mappers restore
   * them; every other change of state goes through the transitions below.
   */
  public static DatabaseBatch restore(
      DatabaseBatchId id, DatabaseModelId modelId, double scale, Optional<Long> seed, Map<String, AnomalySpec> anomalies,
      Map<String, Conditioning.FixedValues> conditions, BatchStatus status, List<TableRows> tableRows, Optional<String> folderKey, Optional<String> error,
      Instant createdAt, Optional<Instant> startedAt, Optional<Instant> finishedAt) {
    return new DatabaseBatch(id, modelId, scale, seed, anomalies, conditions, status, tableRows, folderKey, error, createdAt, startedAt, finishedAt);
  }

  /** The anomalies asked for {@code table}, if any. */
  public Optional<AnomalySpec> anomalies(String table) {
    return Optional.ofNullable(anomalies.get(table));
  }

  /** A copy of {@code what} (anomalies, conditions) by table name that keeps the order they were asked in. */
  static <V> Map<String, V> byTable(Map<String, V> values, String what) {
    Map<String, V> copy = new LinkedHashMap<>();
    values.forEach((table, value) -> copy.put(Objects.requireNonNull(table, "table"), Objects.requireNonNull(value, what + " of " + table)));
    return Collections.unmodifiableMap(copy);
  }

  /** The generation's lifecycle: status, error and times. */
  public JobLifecycle<BatchStatus> lifecycle() {
    return new JobLifecycle<>(subject(id), status, error, startedAt, finishedAt);
  }

  public DatabaseBatch start(Instant now) {
    return with(lifecycle().start(now), List.of(), Optional.empty());
  }

  public DatabaseBatch complete(String folderKey, List<TableRows> rows, Instant now) {
    return with(lifecycle().complete(now), rows, Optional.of(folderKey));
  }

  public DatabaseBatch fail(String reason, Instant now) {
    return with(lifecycle().fail(reason, "generation failed", now), List.of(), Optional.empty());
  }

  public DatabaseBatch cancel(Instant now) {
    return with(lifecycle().cancel(now), List.of(), Optional.empty());
  }

  private DatabaseBatch with(JobLifecycle<BatchStatus> job, List<TableRows> rows, Optional<String> folderKey) {
    return new DatabaseBatch(
        id, modelId, scale, seed, anomalies, conditions, job.status(), rows, folderKey, job.error(), createdAt, job.startedAt(), job.finishedAt());
  }

  private static String subject(DatabaseBatchId id) {
    return "database batch " + id.value();
  }
}
