package dev.doppel.adapter.persistence.evaluation;

import dev.doppel.adapter.persistence.OptionalColumns;
import dev.doppel.adapter.persistence.TimeColumns;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.evaluation.EvaluationReport;
import dev.doppel.domain.synthesis.ModelId;
import java.time.Instant;
import java.util.Optional;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.Named;

/** The report spreads over quality_score, privacy_score and report (present when report is). */
@Mapper(uses = {TimeColumns.class, OptionalColumns.class})
interface EvaluationPersistenceMapper {
  // MapStruct takes the record's one-argument transition for a fluent setter; it is not a property.
  @Mapping(target = "start", ignore = true)
  @Mapping(target = "report", source = "entity")
  @Mapping(target = "error", source = "errorMessage")
  Evaluation toDomain(EvaluationJpaEntity entity);

  /** Writes every column; the model id only when the row is new. */
  @Mapping(target = "qualityScore", source = "report", qualifiedByName = "qualityScore")
  @Mapping(target = "privacyScore", source = "report", qualifiedByName = "privacyScore")
  @Mapping(target = "report", source = "report", qualifiedByName = "document")
  @Mapping(target = "errorMessage", source = "error")
  void updateEntity(Evaluation evaluation, @MappingTarget EvaluationJpaEntity entity);

  default Optional<EvaluationReport> toReport(EvaluationJpaEntity entity) {
    if (entity.getReport() == null) {
      return Optional.empty();
    }
    return Optional.of(new EvaluationReport(zeroIfNull(entity.getQualityScore()), zeroIfNull(entity.getPrivacyScore()),
        entity.getReport()));
  }

  private static double zeroIfNull(Double score) {
    return score == null ? 0 : score;
  }

  @Named("qualityScore")
  default Double qualityScore(Optional<EvaluationReport> report) {
    return report.map(EvaluationReport::qualityScore).orElse(null);
  }

  @Named("privacyScore")
  default Double privacyScore(Optional<EvaluationReport> report) {
    return report.map(EvaluationReport::privacyScore).orElse(null);
  }

  @Named("document")
  default String document(Optional<EvaluationReport> report) {
    return report.map(EvaluationReport::document).orElse(null);
  }

  default ModelId toModelId(Long id) {
    return new ModelId(id);
  }

  default Long fromModelId(ModelId id) {
    return id.value();
  }
}
