package dev.doppel.adapter.web.relational;

import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.DatabaseProgress;
import dev.doppel.domain.relational.TableLink;
import dev.doppel.domain.relational.TableSummary;
import dev.doppel.domain.relational.TrainedTable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * @param settings the hyper-parameters under the names the engine's catalogue gives them (GET /api/algorithms); open, as each
 *     algorithm has its own
 */
public record DatabaseModelResponse(
    long id,
    long projectId,
    String algorithm,
    Map<String, Object> settings,
    Long seed,
    @Schema(description = "PENDING, TRAINING, COMPLETED, FAILED or CANCELLED") String status,
    @Schema(description = "the latest progress report: the table being learned, its stage and epoch") TrainingTableProgress progress,
    @Schema(description = "the datasets trained, parents first, as they were named at training time") List<LearnedTable> tables,
    @Schema(description = "the relationships as they were at training time") List<LearnedLink> relationships,
    @Schema(description = "per table in training order; empty until the training completes") List<TableTrainingSummary> summary,
    String error,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {

  public record TrainingTableProgress(String table, String stage, Integer epoch, Integer epochs, double elapsedSeconds) {
    static TrainingTableProgress from(DatabaseProgress p) {
      return new TrainingTableProgress(p.table().orElse(null), p.stage(), p.epoch().orElse(null), p.epochs().orElse(null), p.elapsedSeconds());
    }
  }

  /** @param primaryKey the key other tables reference; empty when none does */
  public record LearnedTable(long datasetId, String name, List<String> primaryKey) {
    static LearnedTable from(TrainedTable t) {
      return new LearnedTable(t.dataset().value(), t.name(), t.primaryKey());
    }
  }

  /** @param orderBy the child's columns its rows under one parent are ordered by; empty when unordered */
  public record LearnedLink(String parentTable, List<String> parentColumns, String childTable, List<String> childColumns, List<String> orderBy) {
    static LearnedLink from(TableLink l) {
      return new LearnedLink(l.parentTable(), l.parentColumns(), l.childTable(), l.childColumns(), l.orderBy());
    }
  }

  public record TableTrainingSummary(String table, long rows, double seconds) {
    static TableTrainingSummary from(TableSummary s) {
      return new TableTrainingSummary(s.table(), s.rows(), s.seconds());
    }
  }

  static DatabaseModelResponse from(DatabaseModel m) {
    return new DatabaseModelResponse(
        m.id().value(), m.projectId().value(), m.algorithm().name(), m.settings().values(), m.seed().orElse(null), m.status().name(),
        m.progress().map(TrainingTableProgress::from).orElse(null), m.tables().stream().map(LearnedTable::from).toList(),
        m.links().stream().map(LearnedLink::from).toList(), m.summary().stream().map(TableTrainingSummary::from).toList(), m.error().orElse(null),
        m.createdAt(), m.startedAt().orElse(null), m.finishedAt().orElse(null));
  }
}
