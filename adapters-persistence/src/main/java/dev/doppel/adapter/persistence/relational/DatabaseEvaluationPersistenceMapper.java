package dev.doppel.adapter.persistence.relational;

import dev.doppel.adapter.persistence.OptionalColumns;
import dev.doppel.adapter.persistence.TimeColumns;
import dev.doppel.domain.evaluation.EvaluationStatus;
import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.relational.DatabaseEvaluation;
import org.springframework.stereotype.Component;

@Component
class DatabaseEvaluationPersistenceMapper {
  DatabaseEvaluation toDomain(DatabaseEvaluationJpaEntity entity) {
    return DatabaseEvaluation.restore(
        new DatabaseBatchId(entity.getDatabaseBatchId()),
        EvaluationStatus.valueOf(entity.getStatus()),
        OptionalColumns.toText(entity.getReport()),
        OptionalColumns.toText(entity.getErrorMessage()),
        TimeColumns.toMicros(entity.getRequestedAt()),
        OptionalColumns.toTime(entity.getStartedAt()),
        OptionalColumns.toTime(entity.getFinishedAt()));
  }

  /** Writes every column; the batch id only matters when the row is new. */
  void updateEntity(DatabaseEvaluation evaluation, DatabaseEvaluationJpaEntity entity) {
    entity.setDatabaseBatchId(evaluation.batchId().value());
    entity.setStatus(evaluation.status().name());
    entity.setReport(OptionalColumns.fromText(evaluation.report()));
    entity.setErrorMessage(OptionalColumns.fromText(evaluation.error()));
    entity.setRequestedAt(TimeColumns.toMicros(evaluation.requestedAt()));
    entity.setStartedAt(OptionalColumns.fromTime(evaluation.startedAt()));
    entity.setFinishedAt(OptionalColumns.fromTime(evaluation.finishedAt()));
  }
}
