package dev.doppel.adapter.persistence.relational;

import dev.doppel.adapter.persistence.OptionalColumns;
import dev.doppel.adapter.persistence.TimeColumns;
import dev.doppel.adapter.persistence.model.ModelJson;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.relational.NewDatabaseBatch;
import dev.doppel.domain.relational.NewDatabaseModel;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.ModelStatus;
import org.springframework.stereotype.Component;

/** Database models and their batches, to and from their rows. */
@Component
class DatabaseModelPersistenceMapper {
  DatabaseModel toDomain(DatabaseModelJpaEntity entity) {
    return DatabaseModel.restore(
        new DatabaseModelId(entity.getId()),
        new ProjectId(entity.getProjectId()),
        new Algorithm(entity.getAlgorithm()),
        ModelJson.readSettings(entity.getSettings()),
        OptionalColumns.toLong(entity.getSeed()),
        DatabaseModelJson.readTables(entity.getTrainedTables()),
        DatabaseModelJson.readLinks(entity.getRelationships()),
        ModelStatus.valueOf(entity.getStatus()),
        DatabaseModelJson.readProgress(entity.getProgress()),
        OptionalColumns.toText(entity.getModelFolderKey()),
        DatabaseModelJson.readSummary(entity.getSummary()),
        OptionalColumns.toText(entity.getErrorMessage()),
        TimeColumns.toMicros(entity.getCreatedAt()),
        OptionalColumns.toTime(entity.getStartedAt()),
        OptionalColumns.toTime(entity.getFinishedAt()));
  }

  /** The row of a database model just requested: queued. */
  DatabaseModelJpaEntity toEntity(NewDatabaseModel model) {
    DatabaseModelJpaEntity entity = new DatabaseModelJpaEntity();
    entity.setProjectId(model.projectId().value());
    entity.setAlgorithm(model.algorithm().name());
    entity.setSettings(ModelJson.writeSettings(model.settings()));
    entity.setSeed(OptionalColumns.fromLong(model.seed()));
    entity.setTrainedTables(DatabaseModelJson.writeTables(model.tables()));
    entity.setRelationships(DatabaseModelJson.writeLinks(model.links()));
    entity.setStatus(ModelStatus.PENDING.name());
    entity.setCreatedAt(TimeColumns.toMicros(model.createdAt()));
    return entity;
  }

  /** Writes every column a database model's life changes; what was asked for stays. */
  void updateEntity(DatabaseModel model, DatabaseModelJpaEntity entity) {
    entity.setStatus(model.status().name());
    entity.setProgress(DatabaseModelJson.writeProgress(model.progress()));
    entity.setModelFolderKey(OptionalColumns.fromText(model.modelFolderKey()));
    entity.setSummary(DatabaseModelJson.writeSummary(model.summary()));
    entity.setErrorMessage(OptionalColumns.fromText(model.error()));
    entity.setStartedAt(OptionalColumns.fromTime(model.startedAt()));
    entity.setFinishedAt(OptionalColumns.fromTime(model.finishedAt()));
  }

  DatabaseBatch toDomain(DatabaseBatchJpaEntity entity) {
    return DatabaseBatch.restore(
        new DatabaseBatchId(entity.getId()),
        new DatabaseModelId(entity.getDatabaseModelId()),
        entity.getScale(),
        OptionalColumns.toLong(entity.getSeed()),
        DatabaseModelJson.readAnomalies(entity.getAnomalies()),
        DatabaseModelJson.readConditions(entity.getConditions()),
        BatchStatus.valueOf(entity.getStatus()),
        DatabaseModelJson.readRows(entity.getTableRows()),
        OptionalColumns.toText(entity.getFolderKey()),
        OptionalColumns.toText(entity.getErrorMessage()),
        TimeColumns.toMicros(entity.getCreatedAt()),
        OptionalColumns.toTime(entity.getStartedAt()),
        OptionalColumns.toTime(entity.getFinishedAt()));
  }

  /** The row of a database batch just requested: queued. */
  DatabaseBatchJpaEntity toEntity(NewDatabaseBatch batch) {
    DatabaseBatchJpaEntity entity = new DatabaseBatchJpaEntity();
    entity.setDatabaseModelId(batch.modelId().value());
    entity.setScale(batch.scale());
    entity.setSeed(OptionalColumns.fromLong(batch.seed()));
    entity.setAnomalies(DatabaseModelJson.writeAnomalies(batch.anomalies()));
    entity.setConditions(DatabaseModelJson.writeConditions(batch.conditions()));
    entity.setStatus(BatchStatus.PENDING.name());
    entity.setCreatedAt(TimeColumns.toMicros(batch.createdAt()));
    return entity;
  }

  /** Writes every column a database batch's life changes; what was asked for (model, scale, seed, anomalies, conditions) stays. */
  void updateEntity(DatabaseBatch batch, DatabaseBatchJpaEntity entity) {
    entity.setStatus(batch.status().name());
    entity.setTableRows(DatabaseModelJson.writeRows(batch.tableRows()));
    entity.setFolderKey(OptionalColumns.fromText(batch.folderKey()));
    entity.setErrorMessage(OptionalColumns.fromText(batch.error()));
    entity.setStartedAt(OptionalColumns.fromTime(batch.startedAt()));
    entity.setFinishedAt(OptionalColumns.fromTime(batch.finishedAt()));
  }
}
