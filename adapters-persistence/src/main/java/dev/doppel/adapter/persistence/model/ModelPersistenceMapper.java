package dev.doppel.adapter.persistence.model;

import dev.doppel.adapter.persistence.OptionalColumns;
import dev.doppel.adapter.persistence.TimeColumns;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.NewModel;
import dev.doppel.domain.synthesis.SynthesisModel;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A {@code models} row and a {@link SynthesisModel}; the JSON columns go through {@link ModelJson}. */
@Component
class ModelPersistenceMapper {
  SynthesisModel toDomain(ModelJpaEntity entity) {
    return SynthesisModel.restore(
        new ModelId(entity.getId()),
        new DatasetId(entity.getDatasetId()),
        new Algorithm(entity.getAlgorithm()),
        ModelJson.readSettings(entity.getSettings()),
        Optional.ofNullable(entity.getDifferentialPrivacy()).map(ModelJson::readSettings),
        OptionalColumns.toLong(entity.getSeed()),
        ModelStatus.valueOf(entity.getStatus()),
        Optional.ofNullable(ModelJson.readProgress(entity.getProgress())),
        ModelJson.readLossHistory(entity.getLossHistory()),
        OptionalColumns.toText(entity.getModelFolderKey()),
        Optional.ofNullable(ModelJson.readSummary(entity.getTrainingMetrics())),
        OptionalColumns.toText(entity.getErrorMessage()),
        TimeColumns.toMicros(entity.getCreatedAt()),
        OptionalColumns.toTime(entity.getStartedAt()),
        OptionalColumns.toTime(entity.getFinishedAt()));
  }

  /** The row of a model just requested: queued, nothing trained yet. */
  ModelJpaEntity toEntity(NewModel model) {
    ModelJpaEntity entity = new ModelJpaEntity();
    entity.setDatasetId(model.datasetId().value());
    entity.setAlgorithm(model.algorithm().name());
    entity.setSettings(ModelJson.writeSettings(model.settings()));
    entity.setDifferentialPrivacy(model.differentialPrivacy().map(ModelJson::writeSettings).orElse(null));
    entity.setSeed(OptionalColumns.fromLong(model.seed()));
    entity.setStatus(ModelStatus.PENDING.name());
    entity.setCreatedAt(TimeColumns.toMicros(model.createdAt()));
    return entity;
  }

  /** Writes every column a model's life changes; what was asked for (dataset, algorithm, settings, seed) stays. */
  void updateEntity(SynthesisModel model, ModelJpaEntity entity) {
    entity.setStatus(model.status().name());
    entity.setProgress(ModelJson.writeProgress(model.progress().orElse(null)));
    entity.setLossHistory(ModelJson.writeLossHistory(model.lossHistory()));
    entity.setModelFolderKey(OptionalColumns.fromText(model.modelFolderKey()));
    entity.setTrainingMetrics(ModelJson.writeSummary(model.summary().orElse(null)));
    entity.setErrorMessage(OptionalColumns.fromText(model.error()));
    entity.setStartedAt(OptionalColumns.fromTime(model.startedAt()));
    entity.setFinishedAt(OptionalColumns.fromTime(model.finishedAt()));
  }
}
