package dev.doppel.adapter.persistence.batch;

import dev.doppel.adapter.persistence.OptionalColumns;
import dev.doppel.adapter.persistence.TimeColumns;
import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.BatchFile;
import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.batch.NewBatch;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.synthesis.ModelId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The anomaly spec spreads over the anomaly_* columns (present when anomaly_ratio is), the batch
 * file over the customer's file_path and row_count plus anomaly_rows, size_bytes and sha256
 * (present when file_path is).
 */
@Component
class SyntheticBatchPersistenceMapper {
  private static final String KIND_SEPARATOR = ",";

  SyntheticBatch toDomain(SyntheticBatchJpaEntity entity) {
    return SyntheticBatch.restore(
        new BatchId(entity.getId()),
        new ModelId(entity.getModelId()),
        BatchStatus.valueOf(entity.getStatus()),
        entity.getRequestedRows(),
        toAnomalies(entity),
        OptionalColumns.toLong(entity.getSeed()),
        RulesOffColumn.read(entity.getRulesOff()),
        ConditioningColumn.read(entity.getConditioning()),
        entity.getRowsDone(),
        toFile(entity),
        OptionalColumns.toText(entity.getErrorMessage()),
        TimeColumns.toMicros(entity.getCreatedAt()),
        OptionalColumns.toTime(entity.getStartedAt()),
        OptionalColumns.toTime(entity.getFinishedAt()));
  }

  /** The row of a batch just requested: queued, no rows yet. */
  SyntheticBatchJpaEntity toEntity(NewBatch batch) {
    SyntheticBatchJpaEntity entity = new SyntheticBatchJpaEntity();
    entity.setModelId(batch.modelId().value());
    entity.setStatus(BatchStatus.PENDING.name());
    entity.setRequestedRows(batch.requestedRows());
    Optional<AnomalySpec> anomalies = batch.anomalies();
    entity.setAnomalyRatio(anomalies.map(AnomalySpec::ratio).orElse(null));
    entity.setAnomalyLabelColumn(anomalies.flatMap(AnomalySpec::labelColumn).orElse(null));
    entity.setAnomalyKindColumn(anomalies.flatMap(AnomalySpec::kindColumn).orElse(null));
    // NULL both without anomalies and for "every kind" (an empty list).
    entity.setAnomalyKinds(anomalies.map(AnomalySpec::kinds).filter(kinds -> !kinds.isEmpty()).map(kinds -> String.join(KIND_SEPARATOR, kinds)).orElse(null));
    entity.setSeed(OptionalColumns.fromLong(batch.seed()));
    entity.setRulesOff(RulesOffColumn.write(batch.rulesOff()));
    entity.setConditioning(ConditioningColumn.write(batch.conditioning()));
    entity.setRowsDone(0L);
    entity.setCreatedAt(TimeColumns.toMicros(batch.createdAt()));
    return entity;
  }

  /** Writes every column a batch's life changes; what was asked for (model, rows, anomalies, seed, rules off, conditioning) stays. */
  void updateEntity(SyntheticBatch batch, SyntheticBatchJpaEntity entity) {
    entity.setStatus(batch.status().name());
    entity.setRowsDone(batch.rowsDone());
    Optional<BatchFile> file = batch.file();
    entity.setFilePath(file.map(BatchFile::key).orElse(null));
    entity.setRowCount(file.map(BatchFile::rows).orElse(null));
    entity.setAnomalyRows(file.map(BatchFile::anomalyRows).orElse(null));
    entity.setSizeBytes(file.map(BatchFile::sizeBytes).orElse(null));
    entity.setSha256(file.map(BatchFile::sha256).orElse(null));
    entity.setErrorMessage(OptionalColumns.fromText(batch.error()));
    entity.setStartedAt(OptionalColumns.fromTime(batch.startedAt()));
    entity.setFinishedAt(OptionalColumns.fromTime(batch.finishedAt()));
    // The customer's generated_at: when a COMPLETED batch finished.
    entity.setGeneratedAt(batch.status() == BatchStatus.COMPLETED ? OptionalColumns.fromTime(batch.finishedAt()) : null);
  }

  private static Optional<AnomalySpec> toAnomalies(SyntheticBatchJpaEntity entity) {
    if (entity.getAnomalyRatio() == null) {
      return Optional.empty();
    }
    String kinds = entity.getAnomalyKinds();
    return Optional.of(new AnomalySpec(
        entity.getAnomalyRatio(),
        Optional.ofNullable(entity.getAnomalyLabelColumn()),
        Optional.ofNullable(entity.getAnomalyKindColumn()),
        kinds == null || kinds.isEmpty() ? List.of() : Arrays.asList(kinds.split(KIND_SEPARATOR))));
  }

  /** Rows from before batches had their own columns lack anomaly_rows and size_bytes: 0 stands in. */
  private static Optional<BatchFile> toFile(SyntheticBatchJpaEntity entity) {
    if (entity.getFilePath() == null) {
      return Optional.empty();
    }
    return Optional.of(new BatchFile(
        entity.getFilePath(), zeroIfNull(entity.getRowCount()), zeroIfNull(entity.getAnomalyRows()), zeroIfNull(entity.getSizeBytes()), entity.getSha256()));
  }

  private static long zeroIfNull(Long value) {
    return value == null ? 0 : value;
  }
}
