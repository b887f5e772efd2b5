package dev.doppel.adapter.persistence.model;

import dev.doppel.adapter.persistence.OptionalColumns;
import dev.doppel.adapter.persistence.TimeColumns;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.LossPoint;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.NewModel;
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.synthesis.TrainingProgress;
import dev.doppel.domain.synthesis.TrainingSettings;
import dev.doppel.domain.synthesis.TrainingSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

@Mapper(uses = {TimeColumns.class, OptionalColumns.class})
interface ModelPersistenceMapper {
  // MapStruct takes the record's one-argument transitions for fluent setters; they are not properties.
  @Mapping(target = "progressed", ignore = true)
  @Mapping(target = "cancel", ignore = true)
  @Mapping(target = "artifactKey", source = "modelFilePath")
  @Mapping(target = "summary", source = "trainingMetrics")
  @Mapping(target = "error", source = "errorMessage")
  SynthesisModel toDomain(ModelJpaEntity entity);

  @Mapping(target = "id", ignore = true)
  @Mapping(target = "status", constant = "PENDING")
  @Mapping(target = "progress", ignore = true)
  @Mapping(target = "lossHistory", ignore = true)
  @Mapping(target = "modelFilePath", ignore = true)
  @Mapping(target = "trainingMetrics", ignore = true)
  @Mapping(target = "errorMessage", ignore = true)
  @Mapping(target = "startedAt", ignore = true)
  @Mapping(target = "finishedAt", ignore = true)
  ModelJpaEntity toEntity(NewModel model);

  /** Writes every column a model's life changes; what was asked for (dataset, algorithm, settings, seed) stays. */
  @Mapping(target = "id", ignore = true)
  @Mapping(target = "datasetId", ignore = true)
  @Mapping(target = "algorithm", ignore = true)
  @Mapping(target = "settings", ignore = true)
  @Mapping(target = "differentialPrivacy", ignore = true)
  @Mapping(target = "seed", ignore = true)
  @Mapping(target = "createdAt", ignore = true)
  @Mapping(target = "modelFilePath", source = "artifactKey")
  @Mapping(target = "trainingMetrics", source = "summary")
  @Mapping(target = "errorMessage", source = "error")
  void updateEntity(SynthesisModel model, @MappingTarget ModelJpaEntity entity);

  default ModelId toModelId(Long id) {
    return new ModelId(id);
  }

  default DatasetId toDatasetId(Long id) {
    return new DatasetId(id);
  }

  default Long fromDatasetId(DatasetId id) {
    return id.value();
  }

  default Algorithm toAlgorithm(String name) {
    return new Algorithm(name);
  }

  default String fromAlgorithm(Algorithm algorithm) {
    return algorithm.name();
  }

  default TrainingSettings toSettings(String json) {
    return ModelJson.readSettings(json);
  }

  default String fromSettings(TrainingSettings settings) {
    return ModelJson.writeSettings(settings);
  }

  default Optional<TrainingSettings> toPrivacy(String json) {
    return json == null ? Optional.empty() : Optional.of(ModelJson.readSettings(json));
  }

  default String fromPrivacy(Optional<TrainingSettings> privacy) {
    return privacy.map(ModelJson::writeSettings).orElse(null);
  }

  default Optional<TrainingProgress> toProgress(String json) {
    return Optional.ofNullable(ModelJson.readProgress(json));
  }

  default String fromProgress(Optional<TrainingProgress> progress) {
    return ModelJson.writeProgress(progress.orElse(null));
  }

  default List<LossPoint> toLossHistory(String json) {
    return ModelJson.readLossHistory(json);
  }

  default String fromLossHistory(List<LossPoint> history) {
    return ModelJson.writeLossHistory(history);
  }

  default Optional<TrainingSummary> toSummary(String json) {
    return Optional.ofNullable(ModelJson.readSummary(json));
  }

  default String fromSummary(Optional<TrainingSummary> summary) {
    return ModelJson.writeSummary(summary.orElse(null));
  }
}
