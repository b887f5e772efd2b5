package dev.doppel.adapter.persistence.evaluation;

import dev.doppel.adapter.persistence.OptionalColumns;
import dev.doppel.adapter.persistence.TimeColumns;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.evaluation.EvaluationReport;
import dev.doppel.domain.evaluation.EvaluationStatus;
import dev.doppel.domain.synthesis.ModelId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The report spreads over quality_score, privacy_score and report (present when report is). */
@Component
class EvaluationPersistenceMapper {
  Evaluation toDomain(EvaluationJpaEntity entity) {
    return Evaluation.restore(
        new ModelId(entity.getModelId()),
        OptionalColumns.toText(entity.getTarget()),
        EvaluationStatus.valueOf(entity.getStatus()),
        toReport(entity),
        OptionalColumns.toText(entity.getErrorMessage()),
        TimeColumns.toMicros(entity.getRequestedAt()),
        OptionalColumns.toTime(entity.getStartedAt()),
        OptionalColumns.toTime(entity.getFinishedAt()));
  }

  /** Writes every column; the model id only when the row is new. */
  void updateEntity(Evaluation evaluation, EvaluationJpaEntity entity) {
    entity.setModelId(evaluation.modelId().value());
    entity.setTarget(OptionalColumns.fromText(evaluation.target()));
    entity.setStatus(evaluation.status().name());
    entity.setQualityScore(evaluation.report().map(EvaluationReport::qualityScore).orElse(null));
    entity.setPrivacyScore(evaluation.report().map(EvaluationReport::privacyScore).orElse(null));
    entity.setReport(evaluation.report().map(EvaluationReport::document).orElse(null));
    entity.setErrorMessage(OptionalColumns.fromText(evaluation.error()));
    entity.setRequestedAt(TimeColumns.toMicros(evaluation.requestedAt()));
    entity.setStartedAt(OptionalColumns.fromTime(evaluation.startedAt()));
    entity.setFinishedAt(OptionalColumns.fromTime(evaluation.finishedAt()));
  }

  private static Optional<EvaluationReport> toReport(EvaluationJpaEntity entity) {
    if (entity.getReport() == null) {
      return Optional.empty();
    }
    return Optional.of(new EvaluationReport(zeroIfNull(entity.getQualityScore()), zeroIfNull(entity.getPrivacyScore()), entity.getReport()));
  }

  private static double zeroIfNull(Double score) {
    return score == null ? 0 : score;
  }
}
