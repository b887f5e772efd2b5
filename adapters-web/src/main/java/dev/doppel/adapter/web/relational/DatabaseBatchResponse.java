package dev.doppel.adapter.web.relational;

import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.TableRows;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

public record DatabaseBatchResponse(
    long id,
    long databaseModelId,
    @Schema(description = "what the root tables' real rows were multiplied by") double scale,
    Long seed,
    @Schema(description = "PENDING, GENERATING, COMPLETED, FAILED or CANCELLED") String status,
    @Schema(description = "rows per table, parents first; empty until the batch completes") List<GeneratedTable> tables,
    String error,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {

  public record GeneratedTable(String table, long rows) {
    static GeneratedTable from(TableRows rows) {
      return new GeneratedTable(rows.table(), rows.rows());
    }
  }

  static DatabaseBatchResponse from(DatabaseBatch b) {
    return new DatabaseBatchResponse(
        b.id().value(), b.modelId().value(), b.scale(), b.seed().orElse(null), b.status().name(), b.tableRows().stream().map(GeneratedTable::from).toList(),
        b.error().orElse(null), b.createdAt(), b.startedAt().orElse(null), b.finishedAt().orElse(null));
  }
}
