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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.Named;

/**
 * The anomaly spec spreads over the anomaly_* columns (present when anomaly_ratio is), the batch
 * file over the customer's file_path and row_count plus anomaly_rows, size_bytes and sha256
 * (present when file_path is).
 */
@Mapper(uses = {TimeColumns.class, OptionalColumns.class})
interface SyntheticBatchPersistenceMapper {
  String KIND_SEPARATOR = ",";

  // MapStruct takes the record's one-argument transitions for fluent setters; they are not properties.
  @Mapping(target = "start", ignore = true)
  @Mapping(target = "progressed", ignore = true)
  @Mapping(target = "cancel", ignore = true)
  @Mapping(target = "anomalies", source = "entity")
  @Mapping(target = "file", source = "entity")
  @Mapping(target = "rulesOff", source = "rulesOff", qualifiedByName = "readRulesOff")
  @Mapping(target = "error", source = "errorMessage")
  SyntheticBatch toDomain(SyntheticBatchJpaEntity entity);

  @Mapping(target = "id", ignore = true)
  @Mapping(target = "status", constant = "PENDING")
  @Mapping(target = "rowsDone", constant = "0L")
  @Mapping(target = "anomalyRatio", source = "anomalies", qualifiedByName = "anomalyRatio")
  @Mapping(target = "anomalyLabelColumn", source = "anomalies", qualifiedByName = "anomalyLabelColumn")
  @Mapping(target = "anomalyKindColumn", source = "anomalies", qualifiedByName = "anomalyKindColumn")
  @Mapping(target = "anomalyKinds", source = "anomalies", qualifiedByName = "anomalyKinds")
  @Mapping(target = "rulesOff", source = "rulesOff", qualifiedByName = "writeRulesOff")
  @Mapping(target = "filePath", ignore = true)
  @Mapping(target = "rowCount", ignore = true)
  @Mapping(target = "anomalyRows", ignore = true)
  @Mapping(target = "sizeBytes", ignore = true)
  @Mapping(target = "sha256", ignore = true)
  @Mapping(target = "errorMessage", ignore = true)
  @Mapping(target = "startedAt", ignore = true)
  @Mapping(target = "finishedAt", ignore = true)
  @Mapping(target = "generatedAt", ignore = true)
  SyntheticBatchJpaEntity toEntity(NewBatch batch);

  /** Writes every column a batch's life changes; what was asked for (model, rows, anomalies, seed, rules off) stays. */
  @Mapping(target = "id", ignore = true)
  @Mapping(target = "modelId", ignore = true)
  @Mapping(target = "requestedRows", ignore = true)
  @Mapping(target = "anomalyRatio", ignore = true)
  @Mapping(target = "anomalyLabelColumn", ignore = true)
  @Mapping(target = "anomalyKindColumn", ignore = true)
  @Mapping(target = "anomalyKinds", ignore = true)
  @Mapping(target = "seed", ignore = true)
  @Mapping(target = "rulesOff", ignore = true)
  @Mapping(target = "createdAt", ignore = true)
  @Mapping(target = "filePath", source = "file", qualifiedByName = "filePath")
  @Mapping(target = "rowCount", source = "file", qualifiedByName = "fileRows")
  @Mapping(target = "anomalyRows", source = "file", qualifiedByName = "fileAnomalyRows")
  @Mapping(target = "sizeBytes", source = "file", qualifiedByName = "fileSizeBytes")
  @Mapping(target = "sha256", source = "file", qualifiedByName = "fileSha256")
  @Mapping(target = "errorMessage", source = "error")
  @Mapping(target = "generatedAt", source = "batch", qualifiedByName = "generatedAt")
  void updateEntity(SyntheticBatch batch, @MappingTarget SyntheticBatchJpaEntity entity);

  default Optional<AnomalySpec> toAnomalies(SyntheticBatchJpaEntity entity) {
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
  default Optional<BatchFile> toFile(SyntheticBatchJpaEntity entity) {
    if (entity.getFilePath() == null) {
      return Optional.empty();
    }
    return Optional.of(new BatchFile(
        entity.getFilePath(),
        zeroIfNull(entity.getRowCount()),
        zeroIfNull(entity.getAnomalyRows()),
        zeroIfNull(entity.getSizeBytes()),
        entity.getSha256()));
  }

  private static long zeroIfNull(Long value) {
    return value == null ? 0 : value;
  }

  @Named("anomalyRatio")
  default Double anomalyRatio(Optional<AnomalySpec> anomalies) {
    return anomalies.map(AnomalySpec::ratio).orElse(null);
  }

  @Named("anomalyLabelColumn")
  default String anomalyLabelColumn(Optional<AnomalySpec> anomalies) {
    return anomalies.flatMap(AnomalySpec::labelColumn).orElse(null);
  }

  @Named("anomalyKindColumn")
  default String anomalyKindColumn(Optional<AnomalySpec> anomalies) {
    return anomalies.flatMap(AnomalySpec::kindColumn).orElse(null);
  }

  /** NULL both without anomalies and for "every kind" (an empty list). */
  @Named("anomalyKinds")
  default String anomalyKinds(Optional<AnomalySpec> anomalies) {
    return anomalies.map(AnomalySpec::kinds).filter(kinds -> !kinds.isEmpty()).map(kinds -> String.join(KIND_SEPARATOR, kinds))
        .orElse(null);
  }

  @Named("readRulesOff")
  default List<String> readRulesOff(String json) {
    return RulesOffColumn.read(json);
  }

  @Named("writeRulesOff")
  default String writeRulesOff(List<String> ids) {
    return RulesOffColumn.write(ids);
  }

  @Named("filePath")
  default String filePath(Optional<BatchFile> file) {
    return file.map(BatchFile::key).orElse(null);
  }

  @Named("fileRows")
  default Long fileRows(Optional<BatchFile> file) {
    return file.map(BatchFile::rows).orElse(null);
  }

  @Named("fileAnomalyRows")
  default Long fileAnomalyRows(Optional<BatchFile> file) {
    return file.map(BatchFile::anomalyRows).orElse(null);
  }

  @Named("fileSizeBytes")
  default Long fileSizeBytes(Optional<BatchFile> file) {
    return file.map(BatchFile::sizeBytes).orElse(null);
  }

  @Named("fileSha256")
  default String fileSha256(Optional<BatchFile> file) {
    return file.map(BatchFile::sha256).orElse(null);
  }

  /** The customer's generated_at: when a COMPLETED batch finished. */
  @Named("generatedAt")
  default Instant generatedAt(SyntheticBatch batch) {
    return batch.status() == BatchStatus.COMPLETED ? TimeColumns.toMicros(batch.finishedAt().orElse(null)) : null;
  }

  default BatchId toBatchId(Long id) {
    return new BatchId(id);
  }

  default ModelId toModelId(Long id) {
    return new ModelId(id);
  }

  default Long fromModelId(ModelId id) {
    return id.value();
  }
}
